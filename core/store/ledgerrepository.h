#pragma once

#include "common/result.h"
#include "model/runtime.h"

#include <QHash>
#include <QList>

#include <functional>

#include <optional>

namespace SyncBridge {

class MetaStore;

// The ledger (what each source row became in SharePoint), cursors and the retry queue.
// Writers call these inside the engine's one-transaction-per-batch.
class LedgerRepository
{
public:
    explicit LedgerRepository(const MetaStore &store) : m_store(store) {}

    Result<void> upsert(const QList<LedgerEntry> &entries);
    // One round trip per call, whatever the number of hashes (batched lookup), keyed by identity hash.
    Result<QHash<QString, LedgerEntry>> lookup(qint64 definitionId, const QStringList &identityHashes) const;
    Result<QList<LedgerEntry>> entries(qint64 definitionId, std::optional<LedgerState> state = std::nullopt) const;
    // How many entries of the definition are in this state (one count, whatever the size of the ledger).
    Result<qint64> count(qint64 definitionId, LedgerState state) const;
    // Pending writes of rows that are not in the retry queue too: what "N write(s) wait to be
    // confirmed" counts beside the queue, so no row is counted in both.
    Result<qint64> pendingOutsideRetryQueue(qint64 definitionId) const;
    Result<void> remove(qint64 definitionId, const QString &identityHash);
    // Pull: the entries of these items of one list, by item id (one round trip per call).
    Result<QHash<QString, LedgerEntry>> byItems(qint64 definitionId, const QString &listGraphId, const QStringList &itemIds) const;
    // Pull: every entry of one list that names an item (a resync compares them with the items there).
    Result<QList<LedgerEntry>> entriesOfList(qint64 definitionId, const QString &listGraphId) const;
    // The largest item id the ledger knows in a list (0: none); SharePoint's ids only grow.
    Result<qint64> newestItemId(qint64 definitionId, const QString &listGraphId) const;
    // Up to `limit` entries in identity-hash order after `afterHash` (every state).
    Result<QList<LedgerEntry>> entriesAfter(qint64 definitionId, const QString &afterHash, int limit) const;
    // Every entry of a definition in identity-hash order, read `pageSize` at a time: what a reader of
    // the whole ledger holds at once is one page.
    Result<void> forEachEntry(qint64 definitionId, const std::function<void(const LedgerEntry &)> &visit, int pageSize = 5000) const;

    // Re-identification after a key change (docs/sync-engine.md): requested when the change is
    // saved, done by the next run, which removes the request once every entry was looked at.
    Result<void> requestRekey(qint64 definitionId, const QDateTime &at);
    Result<bool> rekeyRequested(qint64 definitionId) const;
    Result<void> clearRekeyRequest(qint64 definitionId);

    // FULL_SCAN bookkeeping: rows a scan read are marked with the scan's mark (its start time); synced
    // entries left unmarked when the scan ends belong to rows gone from the source.
    Result<void> markSeen(qint64 definitionId, const QStringList &identityHashes, qint64 scanMark);
    struct ListShare {
        qint64 synced = 0;
        qint64 unseen = 0;
    };
    Result<QHash<QString, ListShare>> unseenByList(qint64 definitionId, qint64 scanMark) const;
    // Up to `limit` unseen synced entries of one list, after `afterHash` in hash order.
    Result<QList<LedgerEntry>> unseen(qint64 definitionId, const QString &listGraphId, qint64 scanMark, const QString &afterHash, int limit) const;

    Result<std::optional<SyncCursor>> cursor(qint64 definitionId, const QString &scope, qint64 sourceInstanceId = 0,
                                             const QString &listGraphId = {}) const;
    Result<void> saveCursor(const SyncCursor &cursor);
    Result<void> resetCursors(qint64 definitionId);

    // Adds the item or, if already queued, counts one more attempt with the new error and time.
    Result<void> enqueueRetry(const RetryItem &item);
    Result<QList<RetryItem>> retries(qint64 definitionId) const;
    Result<QList<RetryItem>> dueRetries(qint64 definitionId, const QDateTime &now) const;
    // The due retries a page at a time, in id order after `afterId` (a queue of any size in bounded memory).
    Result<QList<RetryItem>> dueRetries(qint64 definitionId, const QDateTime &now, qint64 afterId, int limit) const;
    // Attempts so far of the given rows that are queued (by identity hash).
    Result<QHash<QString, int>> retryAttempts(qint64 definitionId, const QStringList &identityHashes) const;
    // How many rows of the definition wait in the queue, and when the first is due.
    struct RetryQueueSummary {
        qint64 waiting = 0;
        QDateTime nextAttemptAt;
    };
    Result<RetryQueueSummary> retryQueueSummary(qint64 definitionId) const;
    Result<void> removeRetry(qint64 definitionId, const QString &identityHash);
    Result<void> clearRetries(qint64 definitionId);
    // "Retry now": every queued row of the definition is due at `now` (the next run takes them first).
    Result<void> makeRetriesDue(qint64 definitionId, const QDateTime &now);

private:
    Result<QList<RetryItem>> loadRetries(
        const QString &where, const QVariantList &binds, const QString &order = QStringLiteral("ORDER BY next_attempt_at, id")) const;

    const MetaStore &m_store;
};

} // namespace SyncBridge

// PushRun, steps Recovering, CheckingDuplicates and Confirming: resolving creates and moves a crash or
// a lost answer left half done (at the start, and again for this run's own before it ends), and
// removing twins a silently re-sent request made.
#include "sync/push/pushrun.h"
#include "sync/push/rowbatch.h"

#include "common/logging.h"
#include "graph/batchwriter.h"
#include "graph/discovery.h"
#include "graph/graphclient.h"
#include "graph/provisioning.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "store/sql.h"

#include <QCoreApplication>

namespace SyncBridge {

void PushRun::resolvePending()
{
    // A crash (or a lost answer) can leave creates and moves half done: look the items up by
    // SyncBridgeKey before anything is created again, and remove duplicates a resent POST made.
    auto pending = LedgerRepository(*m_store).entries(m_definitionId, LedgerState::Pending);
    if (!pending) {
        fail(pending.error());
        return;
    }
    if (pending->isEmpty()) {
        nextStep();
        return;
    }
    report(m_step);
    // A create the lookups do not find may still land: a request of a process that died can still be
    // executing. Whatever lands gets a newer id than every item that exists before the first lookup,
    // so the twin check reads those lists from there (the ledger's newest id is a safe lower bound).
    auto recheckFrom = std::make_shared<QHash<QString, int>>();
    for (const LedgerEntry &entry : std::as_const(*pending)) {
        if (recheckFrom->contains(entry.listGraphId))
            continue;
        auto newest = LedgerRepository(*m_store).newestItemId(m_definitionId, entry.listGraphId);
        if (!newest) {
            fail(newest.error());
            return;
        }
        recheckFrom->insert(entry.listGraphId, int(*newest) + 1);
    }
    auto remaining = std::make_shared<QList<LedgerEntry>>(*pending);
    auto resolved = std::make_shared<QList<LedgerEntry>>();
    auto extras = std::make_shared<QList<ItemOperation>>();
    auto pendingAsRead = std::make_shared<QHash<QString, LedgerEntry>>(); // by identity hash, for deletes that fail
    for (const LedgerEntry &entry : std::as_const(*pending))
        pendingAsRead->insert(entry.identityHash, entry);
    auto next = std::make_shared<std::function<void()>>();
    const int lookedUp = int(pending->size());
    *next = [this, remaining, resolved, extras, pendingAsRead, next, lookedUp, recheckFrom]() {
        if (remaining->isEmpty()) {
            const auto finishRecovery = [this, resolved, next, lookedUp]() {
                QSqlDatabase db = m_store->connection();
                auto committed = inTransaction(db, [&]() -> Result<void> {
                    LedgerRepository ledger(*m_store);
                    for (const LedgerEntry &entry : std::as_const(*resolved)) {
                        auto written = entry.state == LedgerState::Deleted ? ledger.remove(entry.definitionId, entry.identityHash) : ledger.upsert({entry});
                        if (!written)
                            return written;
                        // Confirming: a write of this run that did reach SharePoint, with the content
                        // this run read, needs no retry (a later change moves the row's cursor).
                        if (m_step == RunPhase::Confirming && entry.state == LedgerState::Synced
                            && m_unconfirmed.contains(entry.identityHash)) {
                            if (auto removed = ledger.removeRetry(m_definitionId, entry.identityHash); !removed)
                                return removed;
                            ++m_confirmed;
                            --m_run.counters.failed; // it did arrive
                            const bool moved = m_unconfirmed.value(entry.identityHash);
                            ++(moved ? m_run.counters.moved : m_run.counters.created);
                            QMap<QString, qint64> &list = m_outcome.plan[listNameOf(entry.listGraphId)];
                            if (--list[QStringLiteral("failed")] <= 0)
                                list.remove(QStringLiteral("failed"));
                            ++list[moved ? QStringLiteral("move") : QStringLiteral("create")];
                        }
                    }
                    return success();
                });
                *next = nullptr;
                if (!committed) {
                    fail(committed.error());
                    return;
                }
                if (m_step == RunPhase::Recovering)
                    event(EventSeverity::Info, QStringLiteral("recovered"),
                        QCoreApplication::translate(
                            "SyncBridge::Sync", "Resolved %n half-finished write(s) from an earlier run.", nullptr, int(resolved->size())));
                else
                    event(EventSeverity::Info, QStringLiteral("confirmed"),
                        QCoreApplication::translate("SyncBridge::Sync",
                            "Looked up %n write(s) SharePoint did not answer: %1 had arrived, the others wait for a retry.", nullptr,
                            lookedUp)
                            .arg(m_confirmed));
                nextStep();
            };
            if (extras->isEmpty()) {
                finishRecovery();
                return;
            }
            m_writer->write(*extras, [resolved, pendingAsRead, finishRecovery](QList<ItemResult> deleted) {
                // A twin or an old item that could not be deleted stays a pending write, so the next
                // run looks again instead of forgetting a duplicate.
                for (const ItemResult &result : std::as_const(deleted)) {
                    if (result.ok() || result.status == 404)
                        continue;
                    for (LedgerEntry &entry : *resolved) {
                        if (entry.identityHash == result.tag && pendingAsRead->contains(result.tag))
                            entry = pendingAsRead->value(result.tag);
                    }
                }
                finishRecovery();
            });
            return;
        }
        QList<LedgerEntry> chunk;
        const QString listId = remaining->first().listGraphId;
        for (int i = 0; i < remaining->size() && chunk.size() < 10;) {
            if (remaining->at(i).listGraphId == listId)
                chunk << remaining->takeAt(i);
            else
                ++i;
        }
        QStringList clauses;
        for (const LedgerEntry &entry : std::as_const(chunk))
            clauses << QStringLiteral("fields/%1 eq '%2'").arg(syncBridgeKeyColumn, entry.identityHash);
        Discovery::items(*m_graph, m_siteId, listId, {syncBridgeKeyColumn}, clauses.join(QStringLiteral(" or ")), 0,
            [this, chunk, listId, resolved, extras, next, recheckFrom](Result<QList<QJsonObject>> found) {
                if (!found && found.error().code() == ErrorCode::NotFound) {
                    // The list is gone: nothing was created in it. The rows are written
                    // again where their route says, instead of every run failing here.
                    event(EventSeverity::Warning, QStringLiteral("pending-list-gone"),
                        QCoreApplication::translate("SyncBridge::Sync",
                            "%n unconfirmed write(s) went to a list that no longer exists; "
                            "the rows are written again where their route says.",
                            nullptr, int(chunk.size())),
                        QJsonObject{{QStringLiteral("list"), listId}});
                    found = QList<QJsonObject>();
                }
                if (!found) {
                    fail(found.error());
                    *next = nullptr;
                    return;
                }
                QHash<QString, QList<int>> itemsByKey;
                for (const QJsonObject &item : std::as_const(*found))
                    itemsByKey[item.value(QStringLiteral("fields")).toObject().value(syncBridgeKeyColumn).toString()]
                        << item.value(QStringLiteral("id")).toString().toInt();
                for (LedgerEntry entry : chunk) {
                    QList<int> ids = itemsByKey.value(entry.identityHash);
                    std::sort(ids.begin(), ids.end());
                    for (int i = 1; i < ids.size(); ++i) // a resent create made a twin
                        extras->append({ItemOperation::Kind::Delete, listId, QString::number(ids.at(i)), {}, {}, entry.identityHash});
                    const bool moving = !entry.previousListGraphId.isEmpty();
                    if (!ids.isEmpty()) {
                        if (moving && !entry.itemId.isEmpty())
                            extras->append(
                                {ItemOperation::Kind::Delete, entry.previousListGraphId, entry.itemId, {}, {}, entry.identityHash});
                        entry.itemId = QString::number(ids.first());
                        entry.previousListGraphId.clear();
                        entry.state = LedgerState::Synced;
                        entry.syncedAt = m_clock.nowUtc();
                    } else if (m_step == RunPhase::Confirming) {
                        continue; // so soon after the write, not found proves nothing: the next run looks again
                    } else {
                        int &first = m_firstCreatedId[entry.listGraphId]; // not created, or not yet
                        const int from = recheckFrom->value(entry.listGraphId);
                        first = first == 0 ? from : qMin(first, from);
                        if (moving) { // back to the old item, to be moved again
                            entry.listGraphId = entry.previousListGraphId;
                            entry.previousListGraphId.clear();
                            entry.contentHash.clear();
                            entry.state = LedgerState::Synced;
                        } else {
                            entry.state = LedgerState::Deleted; // forgotten: the row is created again
                        }
                    }
                    resolved->append(entry);
                }
                (*next)();
            });
    };
    (*next)();
}

void PushRun::removeTwins()
{
    // QNetworkAccessManager re-sends a request silently when its connection drops before the answer;
    // for a $batch of creates that leaves twins the client never hears of. The items created in this
    // run are read back page by page by the indexed ID (2 RU per 1,000 items) and every item whose
    // SyncBridgeKey the ledger gives to another item is deleted.
    if (m_firstCreatedId.isEmpty()) {
        nextStep();
        return;
    }
    report(RunPhase::CheckingDuplicates);
    const QString listId = m_firstCreatedId.constBegin().key();
    const int firstId = m_firstCreatedId.take(listId);
    auto twins = std::make_shared<QList<ItemOperation>>();
    Discovery::itemPages(
        *m_graph, m_siteId, listId, {syncBridgeKeyColumn}, QStringLiteral("fields/ID ge %1").arg(firstId), 1000,
        [this, listId, twins](const QJsonArray &page) { *twins << twinsIn(listId, page); },
        [this, twins](Result<void> walked) {
            if (!walked) {
                event(EventSeverity::Warning, QStringLiteral("twin-check"),
                      QCoreApplication::translate("SyncBridge::Sync", "Could not check the new items for duplicates: %1").arg(walked.error().message()));
            }
            if (twins->isEmpty()) {
                removeTwins();
                return;
            }
            event(EventSeverity::Warning, QStringLiteral("twins-removed"),
                QCoreApplication::translate("SyncBridge::Sync",
                    "Removed %n duplicate item(s) that a re-sent request, or a write of a run that died, had created.", nullptr,
                    int(twins->size())));
            m_writer->write(*twins, [this](QList<ItemResult>) { removeTwins(); });
        });
}

QList<ItemOperation> PushRun::twinsIn(const QString &listId, const QJsonArray &items) const
{
    QStringList keys;
    for (const QJsonValue &item : items)
        keys << item.toObject().value(QStringLiteral("fields")).toObject().value(syncBridgeKeyColumn).toString();
    keys.removeAll(QString());
    keys.removeDuplicates();
    auto ledger = LedgerRepository(*m_store).lookup(m_definitionId, keys);
    if (!ledger)
        return {};
    QList<ItemOperation> twins;
    for (const QJsonValue &value : items) {
        const QJsonObject item = value.toObject();
        const QString key = item.value(QStringLiteral("fields")).toObject().value(syncBridgeKeyColumn).toString();
        const QString id = item.value(QStringLiteral("id")).toString();
        const auto entry = ledger->constFind(key);
        if (entry != ledger->constEnd() && entry->state == LedgerState::Synced && entry->listGraphId == listId && entry->itemId != id)
            twins.append({ItemOperation::Kind::Delete, listId, id, {}, {}, key});
    }
    return twins;
}

} // namespace SyncBridge

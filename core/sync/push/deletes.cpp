// PushRun, step Deleting: after a complete FULL_SCAN, the items of rows gone from the source — deleted
// under the DELETE policy (behind the circuit breaker), flagged under MARK, left under LEAVE; and
// what a dry run says about them.
#include "sync/push/pushrun.h"
#include "sync/push/rowbatch.h"

#include "graph/batchwriter.h"
#include "graph/provisioning.h"
#include "source/sourcereader.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/sql.h"
#include "sync/deletemarks.h"
#include "sync/identity.h"

#include <QCoreApplication>
#include <QSet>

#include <limits>

namespace SyncBridge {

namespace {
constexpr int deleteChunkSize = 500;
constexpr qint64 everyScan = std::numeric_limits<qint64>::max(); // as a scan mark: every synced entry is "unseen"
} // namespace

QString PushRun::listNameOf(const QString &listId) const
{
    for (const ResolvedTarget &target : m_context.targets) {
        if (target.listId == listId)
            return target.target.listName;
    }
    return listId;
}

void PushRun::deleteVanishedRows()
{
    if (m_definition.cursorStrategy != CursorStrategy::FullScan || !m_scanReachedEnd || m_scanMark == 0) {
        nextStep();
        return;
    }
    auto shares = LedgerRepository(*m_store).unseenByList(m_definitionId, m_scanMark);
    if (!shares) {
        fail(shares.error());
        return;
    }
    auto lists = std::make_shared<QStringList>();
    for (auto it = shares->constBegin(); it != shares->constEnd(); ++it) {
        const qint64 gone = it->unseen;
        if (gone == 0)
            continue;
        const QString name = listNameOf(it.key());
        if (m_definition.deletePolicy == DeletePolicy::Leave) {
            event(EventSeverity::Info, QStringLiteral("rows-gone"),
                  QCoreApplication::translate("SyncBridge::Sync", "%n row(s) of '%1' are gone from the source; their items were left in place (deletes policy LEAVE).",
                                              nullptr, int(gone))
                      .arg(name));
            continue;
        }
        if (m_definition.deletePolicy == DeletePolicy::Mark) {
            *lists << it.key();   // flags can be undone, so no breaker
            continue;
        }
        const MassDeleteCheck check{name, gone, it->synced, m_definition.maxDeleteShare};
        if (double(gone) > m_definition.maxDeleteShare * double(it->synced) && !(m_approveMassDelete && m_approveMassDelete(check))) {
            m_heldBackDeletes += gone;
            event(EventSeverity::Warning, QStringLiteral("deletes-held-back"),
                QCoreApplication::translate("SyncBridge::Sync",
                    "Held back %n deletion(s) in '%1': %2 % of its %L3 items, above the limit of %4 %. "
                    "Check the source, then confirm the deletions (syncbridge-cli run --allow-mass-delete).",
                    nullptr, int(gone))
                    .arg(name)
                    .arg(100.0 * double(gone) / double(it->synced), 0, 'f', 1)
                    .arg(it->synced)
                    .arg(100.0 * m_definition.maxDeleteShare, 0, 'f', 0),
                QJsonObject{{QStringLiteral("list"), name}, {QStringLiteral("deletions"), gone}, {QStringLiteral("items"), it->synced}});
            continue;
        }
        *lists << it.key();
    }
    deleteNextChunk(lists, {});
}

void PushRun::deleteNextChunk(std::shared_ptr<QStringList> lists, const QString &afterHash)
{
    if (lists->isEmpty() || m_cancelled) {
        if (m_marked > 0)
            event(EventSeverity::Info, QStringLiteral("rows-marked"),
                  QCoreApplication::translate("SyncBridge::Sync", "Flagged %n item(s) whose source rows are gone (column %1 = Yes; deletes policy MARK).", nullptr, int(m_marked))
                      .arg(goneFromSourceColumn));
        nextStep();
        return;
    }
    const QString listId = lists->first();
    const bool mark = m_definition.deletePolicy == DeletePolicy::Mark;
    if (mark && afterHash.isEmpty() && !m_markColumnReady.contains(listId)) {
        // The flag column is added to the list the first time a row of it is gone.
        provisionList(*m_graph, m_siteId, itemGoneFlagPlan(listNameOf(listId)), [this, lists, listId](Result<ProvisioningReport> report) {
            if (!report) {
                fail(report.error());
                return;
            }
            m_markColumnReady.insert(listId);
            deleteNextChunk(lists, {});
        });
        return;
    }
    auto chunk = LedgerRepository(*m_store).unseen(m_definitionId, listId, m_scanMark, afterHash, deleteChunkSize);
    if (!chunk) {
        fail(chunk.error());
        return;
    }
    if (chunk->isEmpty()) {
        lists->removeFirst();
        deleteNextChunk(lists, {});
        return;
    }
    QList<ItemOperation> operations;
    for (const LedgerEntry &entry : std::as_const(*chunk)) {
        if (mark)
            operations.append({ItemOperation::Kind::Update, listId, entry.itemId, QJsonObject{{goneFromSourceColumn, true}}, {}, entry.identityHash});
        else
            operations.append({ItemOperation::Kind::Delete, listId, entry.itemId, {}, {}, entry.identityHash});
    }
    const QString lastHash = chunk->last().identityHash;
    m_writer->write(operations, [this, lists, lastHash, chunk, mark](QList<ItemResult> results) {
        QHash<QString, LedgerEntry> byHash;
        for (const LedgerEntry &entry : std::as_const(*chunk))
            byHash.insert(entry.identityHash, entry);
        auto committed = inTransaction(m_store->connection(), [&]() -> Result<void> {
            LedgerRepository ledger(*m_store);
            for (const ItemResult &result : std::as_const(results)) {
                // 404: someone deleted the item already — the outcome wanted.
                if (!result.ok() && result.status != 404) {
                    ++m_run.counters.failed;
                    ++m_outcome.plan[listNameOf(byHash.value(result.tag).listGraphId)][QStringLiteral("failed")];
                    event(EventSeverity::Error, QStringLiteral("delete-failed"), result.error,
                          QJsonObject{{QStringLiteral("identity"), byHash.value(result.tag).identityText}, {QStringLiteral("status"), result.status}});
                    continue;
                }
                if (mark && result.ok()) {
                    LedgerEntry marked = byHash.value(result.tag);
                    marked.state = LedgerState::Marked;
                    marked.etag = result.etag;
                    if (auto written = ledger.upsert({marked}); !written)
                        return written;
                    ++m_marked;
                    continue;
                }
                auto removed = ledger.remove(m_definitionId, result.tag);   // deleted, or (404) gone already
                if (!removed)
                    return removed;
                if (!mark) {
                    ++m_run.counters.deleted;
                    ++m_outcome.plan[listNameOf(byHash.value(result.tag).listGraphId)][QStringLiteral("delete")];
                }
            }
            return success();
        });
        if (!committed) {
            fail(committed.error());
            return;
        }
        report(RunPhase::Deleting);
        deleteNextChunk(lists, lastHash);
    });
}

void PushRun::planDeletes()
{
    // A dry run has no scan marks: it asks the source for every synced entry's row, a chunk at a time.
    if (m_definition.cursorStrategy != CursorStrategy::FullScan || m_context.targets.isEmpty()) {
        nextStep();
        return;
    }
    auto shares = LedgerRepository(*m_store).unseenByList(m_definitionId, everyScan);
    if (!shares) {
        fail(shares.error());
        return;
    }
    const QString action = m_definition.deletePolicy == DeletePolicy::Delete ? QStringLiteral("delete")
                         : m_definition.deletePolicy == DeletePolicy::Mark   ? QStringLiteral("mark")
                                                                             : QStringLiteral("leave");
    for (auto it = shares->constBegin(); it != shares->constEnd(); ++it) {
        const QString name = listNameOf(it.key());
        qint64 gone = 0;
        QString afterHash;
        for (;;) {
            auto chunk = LedgerRepository(*m_store).unseen(m_definitionId, it.key(), everyScan, afterHash, deleteChunkSize);
            if (!chunk) {
                fail(chunk.error());
                return;
            }
            if (chunk->isEmpty())
                break;
            QList<QStringList> keys;
            for (const LedgerEntry &entry : std::as_const(*chunk))
                keys << keyValuesFromIdentity(entry.identityText);
            auto rows = m_source->rowsByKey(m_query, keys);
            if (!rows) {
                fail(rows.error());
                return;
            }
            QSet<QString> present;
            for (const SourceRow &row : std::as_const(*rows))
                present.insert(identityOf(m_context, row).hash);
            for (const LedgerEntry &entry : std::as_const(*chunk)) {
                if (present.contains(entry.identityHash))
                    continue;
                ++gone;
                PreviewRow row;
                row.action = action;
                row.identity = readableIdentity(entry.identityText);
                row.list = name;
                keepPreviewRow(row);
            }
            afterHash = chunk->last().identityHash;
        }
        if (gone == 0)
            continue;
        m_outcome.plan[name][action] += gone;
        if (m_definition.deletePolicy == DeletePolicy::Delete && double(gone) > m_definition.maxDeleteShare * double(it->synced)) {
            const QString warning = QCoreApplication::translate("SyncBridge::Sync",
                "A real run would ask before deleting %L1 of the %n item(s) of '%2' (above the limit of %3 %).", nullptr, int(it->synced))
                                        .arg(gone)
                                        .arg(name)
                                        .arg(100.0 * m_definition.maxDeleteShare, 0, 'f', 0);
            event(EventSeverity::Warning, QStringLiteral("deletes-would-be-held"), warning);
            m_outcome.warnings << warning;
            m_heldBackDeletes += gone; // as the run would hold them: a dry run ends PARTIALLY_FAILED (exit 1)
        }
    }
    nextStep();
}

} // namespace SyncBridge

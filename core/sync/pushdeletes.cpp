// PushRun, part 4: after a complete FULL_SCAN, the items of rows gone from the source — deleted
// under the DELETE policy, behind the circuit breaker.
#include "sync/pushrun.h"
#include "sync/pushrunpage.h"

#include "graph/batchwriter.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/sql.h"

#include <QCoreApplication>

namespace SyncBridge {

namespace {
constexpr int deleteChunkSize = 500;
}

QString PushRun::listNameOf(const QString &listId) const
{
    for (const ResolvedTarget &target : m_context.targets) {
        if (target.listId == listId)
            return target.target.listName;
    }
    return listId;
}

void PushRun::deleteVanishedRows(std::function<void()> then)
{
    if (m_definition.cursorStrategy != CursorStrategy::FullScan || m_options.dryRun || !m_scanReachedEnd || m_scanMark == 0) {
        then();
        return;
    }
    auto shares = LedgerRepository(*m_store).unseenByList(m_definitionId, m_scanMark);
    if (!shares) {
        finish(RunStatus::Failed, shares.error().message());
        return;
    }
    auto lists = std::make_shared<QStringList>();
    for (auto it = shares->constBegin(); it != shares->constEnd(); ++it) {
        const qint64 gone = it->unseen;
        if (gone == 0)
            continue;
        const QString name = listNameOf(it.key());
        if (m_definition.deletePolicy != DeletePolicy::Delete) {
            event(EventSeverity::Info, QStringLiteral("rows-gone"),
                  QCoreApplication::translate("SyncBridge::Sync", "%n row(s) of '%1' are gone from the source; their items were left in place (deletes policy %2).",
                                              nullptr, int(gone))
                      .arg(name, enumName(m_definition.deletePolicy)));
            continue;
        }
        const MassDeleteCheck check{name, gone, it->synced, m_definition.maxDeleteShare};
        if (double(gone) > m_definition.maxDeleteShare * double(it->synced) && !(m_approveMassDelete && m_approveMassDelete(check))) {
            m_deletesHeldBack = true;
            event(EventSeverity::Warning, QStringLiteral("deletes-held-back"),
                  QCoreApplication::translate("SyncBridge::Sync",
                                              "Held back %1 deletion(s) in '%2': %3 % of its %4 item(s), above the limit of %5 %. "
                                              "Check the source, then confirm the deletions (syncbridge-cli run --allow-mass-delete).")
                      .arg(gone)
                      .arg(name)
                      .arg(100.0 * double(gone) / double(it->synced), 0, 'f', 1)
                      .arg(it->synced)
                      .arg(100.0 * m_definition.maxDeleteShare, 0, 'f', 0),
                  QJsonObject{{QStringLiteral("list"), name}, {QStringLiteral("deletions"), gone}, {QStringLiteral("items"), it->synced}});
            continue;
        }
        *lists << it.key();
    }
    deleteNextChunk(lists, {}, std::move(then));
}

void PushRun::deleteNextChunk(std::shared_ptr<QStringList> lists, const QString &afterHash, std::function<void()> then)
{
    if (lists->isEmpty() || m_cancelled) {
        then();
        return;
    }
    const QString listId = lists->first();
    auto chunk = LedgerRepository(*m_store).unseen(m_definitionId, listId, m_scanMark, afterHash, deleteChunkSize);
    if (!chunk) {
        finish(RunStatus::Failed, chunk.error().message());
        return;
    }
    if (chunk->isEmpty()) {
        lists->removeFirst();
        deleteNextChunk(lists, {}, std::move(then));
        return;
    }
    QList<ItemOperation> deletes;
    for (const LedgerEntry &entry : std::as_const(*chunk))
        deletes.append({ItemOperation::Kind::Delete, listId, entry.itemId, {}, {}, entry.identityHash});
    const QString lastHash = chunk->last().identityHash;
    m_writer->write(deletes, [this, lists, lastHash, then, chunk](QList<ItemResult> results) {
        QHash<QString, LedgerEntry> byHash;
        for (const LedgerEntry &entry : std::as_const(*chunk))
            byHash.insert(entry.identityHash, entry);
        auto committed = inTransaction(m_store->connection(), [&]() -> Result<void> {
            LedgerRepository ledger(*m_store);
            for (const ItemResult &result : std::as_const(results)) {
                // 404: someone deleted the item already — the outcome wanted.
                if (!result.ok() && result.status != 404) {
                    ++m_run.counters.failed;
                    event(EventSeverity::Error, QStringLiteral("delete-failed"), result.error,
                          QJsonObject{{QStringLiteral("identity"), byHash.value(result.tag).identityText}, {QStringLiteral("status"), result.status}});
                    continue;
                }
                auto removed = ledger.remove(m_definitionId, result.tag);
                if (!removed)
                    return removed;
                ++m_run.counters.deleted;
            }
            return success();
        });
        if (!committed) {
            finish(RunStatus::Failed, committed.error().message());
            return;
        }
        report(QStringLiteral("deleting"));
        deleteNextChunk(lists, lastHash, then);
    });
}

} // namespace SyncBridge

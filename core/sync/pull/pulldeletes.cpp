// PullRun, the end of a list's round: items deleted in SharePoint (the delta's deleted facet, or —
// after a full enumeration — items the ledger knows that were not there) delete their rows, mark them
// (the row's syncbridge_gone column) or leave them (the definition's delete policy), behind the circuit
// breaker push deletes have; then the round's deltaLink is kept.
#include "sync/pull/pullrun.h"

#include "source/sourcereader.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/sql.h"
#include "sync/deletemarks.h"
#include "sync/previewrow.h"

#include <QCoreApplication>

namespace SyncBridge {
namespace {
constexpr int deleteChunk = 500;
} // namespace

void PullRun::endRound(const QString &deltaLink)
{
    auto applied = applyDeletes();
    if (!applied) {
        fail(applied.error());
        return;
    }
    // Deletions the breaker held back keep the old link: the next run reads them and asks again.
    if (*applied && !deltaLink.isEmpty() && !m_options.dryRun) {
        SyncCursor cursor;
        cursor.definitionId = m_definitionId;
        cursor.scope = QStringLiteral("pull");
        cursor.listGraphId = m_lists.at(m_round.list).listId;
        cursor.position = deltaLink;
        cursor.updatedAt = m_clock.nowUtc();
        if (auto saved = inTransaction(m_store->connection(), [&]() { return LedgerRepository(*m_store).saveCursor(cursor); }); !saved) {
            fail(saved.error());
            return;
        }
    }
    const int next = m_round.list + 1;
    QMetaObject::invokeMethod(
        this, [this, next]() { pullList(next); }, Qt::QueuedConnection);
}

Result<bool> PullRun::applyDeletes()
{
    if (m_round.deletedIds.isEmpty() && !m_round.fullEnumeration)
        return true; // nothing deleted: the list's ledger is not read (a no-change run stays cheap)
    const PulledList &list = m_lists.at(m_round.list);
    LedgerRepository ledger(*m_store);
    auto known = ledger.entriesOfList(m_definitionId, list.listId);
    if (!known)
        return known.error();
    const QSet<QString> deletedIds(m_round.deletedIds.cbegin(), m_round.deletedIds.cend());
    QList<LedgerEntry> gone;
    qint64 synced = 0;
    for (const LedgerEntry &entry : std::as_const(*known)) {
        synced += entry.state == LedgerState::Synced ? 1 : 0;
        if (deletedIds.contains(entry.itemId) || (m_round.fullEnumeration && !m_round.seen.contains(entry.itemId)))
            gone << entry;
    }
    if (gone.isEmpty())
        return true;
    if (m_definition.deletePolicy != DeletePolicy::Leave && synced > 0
        && double(gone.size()) / double(synced) > m_definition.maxDeleteShare) {
        MassDeleteCheck check{list.name, qint64(gone.size()), synced, m_definition.maxDeleteShare};
        if (m_options.dryRun) { // planned all the same, with the question a real run would ask
            const QString warning = QCoreApplication::translate("SyncBridge::Sync",
                "A real run would ask before deleting %L1 of the %n item(s) of '%2' (above the limit of %3 %).", nullptr, int(synced))
                                        .arg(gone.size())
                                        .arg(list.name)
                                        .arg(100.0 * m_definition.maxDeleteShare, 0, 'f', 0);
            event(EventSeverity::Warning, QStringLiteral("deletes-would-be-held"), warning);
            m_outcome.warnings << warning;
            m_heldBackDeletes += gone.size(); // as the run would hold them: the dry run ends PARTIALLY_FAILED
        } else if (!m_approveMassDelete || !m_approveMassDelete(check)) {
            m_heldBackDeletes += gone.size();
            const int rows = int(gone.size()); // computed first: no call inside translate()'s arguments
            event(EventSeverity::Warning, QStringLiteral("deletes-held-back"),
                QCoreApplication::translate("SyncBridge::Sync",
                    "%n row(s) of items deleted from list '%1' were not deleted: more than %2 % of its items. "
                    "Confirm with --allow-mass-delete (or in the run's question) to delete them.",
                    nullptr, rows)
                    .arg(list.name)
                    .arg(qRound(m_definition.maxDeleteShare * 100)),
                QJsonObject{{QStringLiteral("list"), list.listId}, {QStringLiteral("deletions"), rows}, {QStringLiteral("items"), synced}});
            return false;
        }
    }
    if (auto deleted = deleteRows(m_round.list, gone); !deleted)
        return deleted.error();
    return true;
}

void PullRun::countPlannedDeletes(const PulledList &list, const QList<LedgerEntry> &gone, const QList<RowWriteResult> &results)
{
    const QString action = m_definition.deletePolicy == DeletePolicy::Mark ? QStringLiteral("pull mark") : QStringLiteral("pull delete");
    for (int i = 0; i < results.size(); ++i) {
        const RowWriteResult &result = results.at(i);
        if (!result.ok) {
            ++m_run.counters.failed;
            ++m_outcome.failures[result.error];
            planned(list, QStringLiteral("failed"), readableIdentity(gone.at(i).identityText), gone.at(i).itemId, {}, result.error);
        } else if (result.changed) { // a row deleted in the database already has nothing to delete
            ++m_run.counters.deleted;
            planned(list, action, readableIdentity(gone.at(i).identityText), gone.at(i).itemId);
        }
    }
}

Result<void> PullRun::deleteRows(int listIndex, const QList<LedgerEntry> &gone)
{
    const PulledList &list = m_lists.at(listIndex);
    LedgerRepository ledger(*m_store);
    const QSqlDatabase db = m_store->connection();
    for (qsizetype from = 0; from < gone.size(); from += deleteChunk) {
        const QList<LedgerEntry> chunk = gone.mid(from, deleteChunk);
        if (m_definition.deletePolicy != DeletePolicy::Leave) {
            const bool mark = m_definition.deletePolicy == DeletePolicy::Mark;
            const QString markValue = rowGoneValue(m_table, m_clock.nowUtc());
            QList<RowWrite> writes;
            for (const LedgerEntry &entry : chunk) {
                RowWrite write;
                // MARK updates only: a row deleted in the database meanwhile is not brought back to be marked.
                write.kind = mark ? RowWrite::Kind::Update : RowWrite::Kind::Delete;
                write.keyValues = keyValuesFromIdentity(entry.identityText);
                if (mark)
                    write.values.insert(rowGoneColumn, markValue);
                writes << write;
            }
            // The rows first, then their ledger entries: a crash in between leaves entries whose rows
            // are gone, and the round read again deletes nothing more and forgets them.
            auto deleted = m_source->write(m_writeTable, writes, {}, m_options.dryRun ? RowWriteEnd::RollBack : RowWriteEnd::Commit);
            if (!deleted)
                return deleted.error();
            if (m_options.dryRun) {
                countPlannedDeletes(list, chunk, *deleted);
                continue;
            }
            for (int i = 0; i < deleted->size(); ++i) {
                if (deleted->at(i).ok) {
                    m_run.counters.deleted += deleted->at(i).changed ? 1 : 0;
                    if (auto removed = ledger.remove(m_definitionId, chunk.at(i).identityHash); !removed)
                        return removed;
                    continue;
                }
                // A foreign key holds the row: it waits in the retry queue, which finds the item gone and tries again.
                auto queued = inTransaction(db, [&]() { return queueFailure(listIndex, chunk.at(i).itemId, deleted->at(i).error); });
                if (!queued)
                    return queued;
            }
            continue;
        }
        // LEAVE: the rows stay as they are; the ledger forgets the items (a new item is a new row).
        if (m_options.dryRun) // nothing would be written
            continue;
        auto forgotten = inTransaction(db, [&]() -> Result<void> {
            for (const LedgerEntry &entry : chunk) {
                if (auto removed = ledger.remove(m_definitionId, entry.identityHash); !removed)
                    return removed;
            }
            return success();
        });
        if (!forgotten)
            return forgotten.error();
    }
    if (m_definition.deletePolicy == DeletePolicy::Mark) {
        const int rows = int(gone.size());
        event(EventSeverity::Info, QStringLiteral("rows-marked"),
            QCoreApplication::translate("SyncBridge::Sync",
                "%n item(s) were deleted from list '%1'; their rows are kept and marked in %2 (delete policy MARK).", nullptr, rows)
                .arg(list.name, rowGoneColumn));
    }
    if (m_definition.deletePolicy == DeletePolicy::Leave) {
        const int rows = int(gone.size());
        event(EventSeverity::Info, QStringLiteral("rows-left"),
            QCoreApplication::translate(
                "SyncBridge::Sync", "%n item(s) were deleted from list '%1'; their rows are kept (delete policy LEAVE).", nullptr, rows)
                .arg(list.name));
    }
    return success();
}

} // namespace SyncBridge

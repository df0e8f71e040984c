// RepairRun, steps Pushing and Deleting: sending the planned writes, then the deletes, in chunks
// through the batch writer, and keeping the ledger as a push does (a create is pending before it is
// sent; an orphan's entry goes with its item).
#include "drift/repairrun.h"

#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/sql.h"

namespace SyncBridge {
namespace {

// Operations handed to BatchWriter at once (it sends them in $batch requests of its own size).
constexpr int writeChunk = 200;

// The ledger entry a write leaves: its row, its list and the content it writes.
LedgerEntry ledgerEntryOf(qint64 definitionId, const DriftEntry &written, const QString &listId)
{
    LedgerEntry entry;
    entry.definitionId = definitionId;
    entry.identityHash = written.identityHash;
    entry.identityText = written.identityText;
    entry.listGraphId = listId;
    entry.contentHash = written.contentHash;
    return entry;
}

} // namespace

void RepairRun::writeNext()
{
    if (m_done)
        return;
    if (m_cancelled) {
        finishRepair();
        return;
    }
    if (m_writes.isEmpty()) {
        report(RunPhase::Deleting);
        deleteNext();
        return;
    }
    const QList<Write> chunk = m_writes.mid(0, writeChunk);
    m_writes.remove(0, chunk.size());
    QList<ItemOperation> operations;
    QList<LedgerEntry> pending;
    for (const Write &write : chunk) {
        operations << write.operation;
        if (write.operation.kind != ItemOperation::Kind::Create)
            continue;
        // As a push does: a create is pending in the ledger before it is sent, so a crash is resolved by SyncBridgeKey.
        LedgerEntry entry = ledgerEntryOf(m_definitionId, write.entry, write.operation.listId);
        entry.itemId = write.entry.driftClass == DriftClass::WrongList ? write.entry.itemId : QString();
        entry.previousListGraphId = write.entry.driftClass == DriftClass::WrongList ? write.entry.listId : QString();
        entry.state = LedgerState::Pending;
        pending << entry;
    }
    if (!pending.isEmpty()) {
        QSqlDatabase db = m_store->connection();
        if (auto written = inTransaction(db, [&]() { return LedgerRepository(*m_store).upsert(pending); }); !written) {
            fail(written.error());
            return;
        }
    }
    m_writer->write(operations, [this, chunk](QList<ItemResult> results) {
        if (m_done)
            return;
        QList<LedgerEntry> done;
        const QDateTime now = m_clock.nowUtc();
        for (int i = 0; i < results.size() && i < chunk.size(); ++i) {
            const ItemResult &result = results.at(i);
            const Write &write = chunk.at(i);
            if (result.cancelled)
                continue; // a create's pending entry stays: the next push resolves it by SyncBridgeKey
            if (!result.ok()) {
                ++m_failed;
                event(EventSeverity::Error, QStringLiteral("item-failed"), result.error,
                    QJsonObject{{QStringLiteral("row"), write.entry.identity},
                        {QStringLiteral("list"), listNameOf(m_report, write.operation.listId)}});
                continue;
            }
            LedgerEntry entry = ledgerEntryOf(m_definitionId, write.entry, write.operation.listId);
            entry.itemId = write.operation.kind == ItemOperation::Kind::Create ? result.itemId : write.entry.itemId;
            entry.state = LedgerState::Synced;
            entry.etag = result.etag;
            entry.syncedAt = now;
            done << entry;
            switch (write.entry.driftClass) {
            case DriftClass::Missing:
                ++m_run.counters.created;
                break;
            case DriftClass::Differs:
                ++m_run.counters.updated;
                break;
            case DriftClass::WrongList:
                ++m_run.counters.moved;
                m_deletes.append({write.entry, {ItemOperation::Kind::Delete, write.entry.listId, write.entry.itemId, {}, {}, {}}});
                break;
            default:
                break;
            }
        }
        QSqlDatabase db = m_store->connection();
        if (auto written = inTransaction(db, [&]() { return LedgerRepository(*m_store).upsert(done); }); !written) {
            fail(written.error());
            return;
        }
        report(RunPhase::Pushing);
        writeNext();
    });
}

void RepairRun::deleteNext()
{
    if (m_done)
        return;
    if (m_cancelled || m_deletes.isEmpty()) {
        finishRepair();
        return;
    }
    const QList<Write> chunk = m_deletes.mid(0, writeChunk);
    m_deletes.remove(0, chunk.size());
    QList<ItemOperation> operations;
    for (const Write &write : chunk)
        operations << write.operation;
    m_writer->write(operations, [this, chunk](QList<ItemResult> results) {
        if (m_done)
            return;
        auto ledger = LedgerRepository(*m_store);
        for (int i = 0; i < results.size() && i < chunk.size(); ++i) {
            const ItemResult &result = results.at(i);
            const Write &write = chunk.at(i);
            if (result.cancelled)
                continue;
            if (!result.ok() && result.status != 404) { // gone already is what was wanted
                ++m_failed;
                event(EventSeverity::Error, QStringLiteral("item-failed"), result.error,
                    QJsonObject{{QStringLiteral("item"), write.entry.itemId}, {QStringLiteral("list"), write.entry.list}});
                continue;
            }
            if (write.entry.driftClass == DriftClass::Orphan && !write.entry.identityHash.isEmpty()) {
                // The row is gone: its ledger entry goes with its item (only if it names this item).
                auto known = ledger.lookup(m_definitionId, {write.entry.identityHash});
                if (known && known->contains(write.entry.identityHash)
                    && known->value(write.entry.identityHash).itemId == write.entry.itemId) {
                    if (auto removed = ledger.remove(m_definitionId, write.entry.identityHash); !removed) {
                        fail(removed.error());
                        return;
                    }
                }
            }
            if (write.entry.driftClass != DriftClass::WrongList)
                ++m_run.counters.deleted;
        }
        report(RunPhase::Deleting);
        deleteNext();
    });
}

} // namespace SyncBridge

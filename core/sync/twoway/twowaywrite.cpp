// TwoWayRun, the writing half of Pushing: the database first (SharePoint's changes, in one
// transaction per page), then SharePoint (the database's changes, through $batch), then the ledger,
// the agreed state, the conflict queue and the delta link in one meta-store transaction.
#include "sync/twoway/twowayrun.h"

#include "common/logging.h"
#include "graph/batchwriter.h"
#include "graph/graphclient.h"
#include "graph/itemserializer.h"
#include "graph/provisioning.h"
#include "source/sourcereader.h"
#include "store/conflictrepository.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/sql.h"
#include "sync/runlease.h"

#include <QCoreApplication>

namespace SyncBridge {
namespace {

constexpr int writePage = 500;
constexpr int retryBackoffBaseSeconds = 30;
const QString twoWayScope = QStringLiteral("twoway");

} // namespace

void TwoWayRun::countConflict(const QString &field, const RowPlan &plan, ConflictPolicy policy)
{
    ++m_counts.conflicts;
    if (policy == ConflictPolicy::Manual)
        ++m_counts.conflictsQueued;
    event(policy == ConflictPolicy::Manual ? EventSeverity::Warning : EventSeverity::Info, QStringLiteral("conflict"),
        policy == ConflictPolicy::Manual
            ? QCoreApplication::translate("SyncBridge::Sync", "Row %1, field '%2' changed on both sides; it waits for a decision.")
                  .arg(plan.identity.text, field)
            : QCoreApplication::translate("SyncBridge::Sync", "Row %1, field '%2' changed on both sides; decided by %3.")
                  .arg(plan.identity.text, field, enumName(policy)),
        QJsonObject{{QStringLiteral("row"), plan.identity.text}, {QStringLiteral("field"), field},
            {QStringLiteral("policy"), enumName(policy)}, {QStringLiteral("item"), plan.itemId}});
}

void TwoWayRun::writeDatabase()
{
    QList<int> order;
    for (int i = 0; i < m_plans.size(); ++i) {
        if (m_plans.at(i).error.isEmpty() && m_plans.at(i).needsDatabase())
            order << i;
    }
    LedgerRepository ledger(*m_store);
    for (int from = 0; from < order.size(); from += writePage) {
        if (m_cancelled) {
            finish(RunStatus::Cancelled);
            return;
        }
        const QList<int> page = order.mid(from, writePage);
        QList<RowWrite> writes;
        for (int index : page) {
            const RowPlan &plan = m_plans.at(index);
            RowWrite write;
            write.keyValues = plan.keyValues;
            write.values = plan.rowWrite;
            // A merged row is updated only: deleted since the table was read, it stays deleted, and the
            // next run sees the delete (an upsert put it back with SharePoint's side of it). A new row
            // from an item is upserted by its key: a crashed run's insert is found, not doubled.
            // A row is marked by an update alone too: one deleted meanwhile is not brought back to be marked.
            write.kind = plan.kind == RowPlan::Kind::DeleteRow                             ? RowWrite::Kind::Delete
                : plan.kind == RowPlan::Kind::Merge || plan.kind == RowPlan::Kind::MarkRow ? RowWrite::Kind::Update
                : plan.keyValues.isEmpty()                                                 ? RowWrite::Kind::Insert
                                                                                           : RowWrite::Kind::Upsert;
            if (write.kind == RowWrite::Kind::Delete)
                write.values.clear();
            writes << write;
        }
        // A new row's item is known before the database commits (PENDING), so a crash in between finds
        // the row by its key and links it, never inserting it twice.
        auto results = m_source->write(m_writeTable, writes, [&](const QList<RowWriteResult> &outcome) -> Result<void> {
            QList<LedgerEntry> pending;
            for (int i = 0; i < outcome.size(); ++i) {
                const RowPlan &plan = m_plans.at(page.at(i));
                if (!outcome.at(i).ok || plan.kind != RowPlan::Kind::CreateRow)
                    continue;
                const RowIdentity identity = rowIdentity(m_writeTable.keyColumns, outcome.at(i).keyValues, m_definition.keySalt);
                LedgerEntry entry;
                entry.definitionId = m_definitionId;
                entry.identityHash = identity.hash;
                entry.identityText = identity.text;
                entry.listGraphId = m_listId;
                entry.itemId = plan.itemId;
                entry.state = LedgerState::Pending;
                entry.syncedAt = m_clock.nowUtc();
                pending << entry;
            }
            return inTransaction(m_store->connection(), [&]() { return ledger.upsert(pending); });
        });
        if (!results) {
            fail(results.error());
            return;
        }
        for (int i = 0; i < results->size(); ++i) {
            RowPlan &plan = m_plans[page.at(i)];
            const RowWriteResult &result = results->at(i);
            if (!result.ok) {
                plan.error = result.error;
                continue;
            }
            if (result.gone) {
                plan.rowGone = true;
                event(EventSeverity::Info, QStringLiteral("row-gone"),
                    QCoreApplication::translate(
                        "SyncBridge::Sync", "Row %1 was deleted in the database while the run wrote it; the next run takes the delete.")
                        .arg(plan.identity.text),
                    QJsonObject{{QStringLiteral("row"), plan.identity.text}, {QStringLiteral("item"), plan.itemId}});
                continue;
            }
            plan.databaseDone = true;
            if (plan.kind == RowPlan::Kind::CreateRow) {
                plan.keyValues = result.keyValues;
                plan.identity = rowIdentity(m_writeTable.keyColumns, result.keyValues, m_definition.keySalt);
            }
            if (plan.kind == RowPlan::Kind::DeleteRow)
                ++m_counts.rowsDeleted;
            else if (plan.kind == RowPlan::Kind::MarkRow)
                ++m_counts.rowsMarked;
            else if (result.inserted)
                ++m_counts.rowsCreated;
            else
                ++m_counts.rowsUpdated;
        }
        report(RunPhase::Pushing);
    }
    writeSharePoint();
}

void TwoWayRun::writeSharePoint()
{
    if (m_cancelled) {
        finish(RunStatus::Cancelled);
        return;
    }
    QList<ItemOperation> operations;
    QList<LedgerEntry> pending;
    QList<AgreedState> sentValues;
    for (int i = 0; i < m_plans.size(); ++i) {
        RowPlan &plan = m_plans[i];
        if (!plan.error.isEmpty() || plan.rowGone || !plan.needsSharePoint())
            continue;
        ItemOperation operation;
        operation.listId = m_listId;
        operation.itemId = plan.itemId;
        operation.tag = QString::number(i);
        if (plan.kind == RowPlan::Kind::DeleteItem || plan.kind == RowPlan::Kind::Twin) {
            operation.kind = ItemOperation::Kind::Delete;
        } else if (plan.kind == RowPlan::Kind::FlagItem) {
            operation.kind = ItemOperation::Kind::Update;
            operation.fields = serializeFields(QJsonObject{{goneFromSourceColumn, true}}, m_columns.values()).fields;
        } else {
            operation.kind = plan.kind == RowPlan::Kind::CreateItem ? ItemOperation::Kind::Create : ItemOperation::Kind::Update;
            operation.fields = serializeFields(plan.sharePointWrite, m_columns.values()).fields;
            if (operation.kind == ItemOperation::Kind::Create) {
                if (m_columns.contains(syncBridgeKeyColumn))
                    operation.fields.insert(syncBridgeKeyColumn, plan.identity.hash);
                // Recorded before it is sent, with the values it is sent with: after a crash the item is
                // found by its SyncBridgeKey (or its key) in the changes read again, and linked instead of
                // created twice — or, its row deleted meanwhile, deleted unless someone edited it.
                LedgerEntry entry;
                entry.definitionId = m_definitionId;
                entry.identityHash = plan.identity.hash;
                entry.identityText = plan.identity.text;
                entry.listGraphId = m_listId;
                entry.state = LedgerState::Pending;
                entry.syncedAt = m_clock.nowUtc();
                pending << entry;
                sentValues << AgreedState{plan.identity.hash, plan.agreed, plan.provenance};
            }
        }
        operations << operation;
    }
    if (operations.isEmpty()) {
        commit();
        return;
    }
    const auto recorded = inTransaction(m_store->connection(), [&]() -> Result<void> {
        if (auto stored = LedgerRepository(*m_store).upsert(pending); !stored)
            return stored;
        return AgreedStateRepository(*m_store).save(m_definitionId, sentValues);
    });
    if (!recorded) {
        fail(recorded.error());
        return;
    }
    // Kept with the lease until answered: should this process die now, the run that takes over waits
    // until none of these can land before it reads the list (twowayrun.cpp, awaitEarlierWrites).
    if (m_lease) {
        if (auto noted = m_lease->writesSent(GraphRequest().timeoutMs); !noted) {
            fail(noted.error());
            return;
        }
    }
    m_writer->write(operations, [this](QList<ItemResult> results) {
        const bool answered = std::none_of(results.cbegin(), results.cend(), [](const ItemResult &result) { return result.cancelled; });
        if (m_lease && answered) {
            if (auto noted = m_lease->writesAnswered(); !noted)
                qCWarning(lcSync).noquote() << "the next run may wait for writes that were answered:" << noted.error().toString();
        }
        for (const ItemResult &result : std::as_const(results)) {
            RowPlan &plan = m_plans[result.tag.toInt()];
            const bool gone = result.kind == ItemOperation::Kind::Delete && result.status == 404;
            if (!result.ok() && !gone) {
                plan.error = result.cancelled ? QStringLiteral("cancelled") : result.error;
                continue;
            }
            plan.sharePointDone = true;
            switch (result.kind) {
            case ItemOperation::Kind::Create:
                plan.itemId = result.itemId;
                ++m_counts.itemsCreated;
                break;
            case ItemOperation::Kind::Update:
                ++(plan.kind == RowPlan::Kind::FlagItem ? m_counts.itemsMarked : m_counts.itemsUpdated);
                break;
            case ItemOperation::Kind::Delete:
                ++m_counts.itemsDeleted;
                break;
            case ItemOperation::Kind::Read:
                break;
            }
        }
        commit();
    });
}

RowIdentity TwoWayRun::itemRetryIdentity(const QString &itemId) const
{
    return rowIdentity({QStringLiteral("list"), QStringLiteral("item")}, {m_listId, itemId}, m_definition.keySalt);
}

Result<void> TwoWayRun::queueItemFailure(const QString &itemId, const QString &error)
{
    return queueFailure(itemRetryIdentity(itemId), error);
}

Result<void> TwoWayRun::queueFailure(const RowIdentity &retry, const QString &error)
{
    LedgerRepository ledger(*m_store);
    auto attempts = ledger.retryAttempts(m_definitionId, {retry.hash});
    if (!attempts)
        return attempts.error();
    const int before = attempts->value(retry.hash);
    RetryItem item;
    item.definitionId = m_definitionId;
    item.identityHash = retry.hash;
    item.identityText = retry.text;
    item.lastError = error;
    item.nextAttemptAt = before == 0
        ? m_clock.nowUtc()
        : m_clock.nowUtc().addSecs(qMin<qint64>(3600, qint64(retryBackoffBaseSeconds) << qMin(before - 1, 10)));
    return ledger.enqueueRetry(item);
}

void TwoWayRun::commit()
{
    if (m_cancelled) {
        finish(RunStatus::Cancelled);
        return;
    }
    LedgerRepository ledger(*m_store);
    AgreedStateRepository agreedStates(*m_store);
    ConflictRepository conflicts(*m_store);
    const QDateTime now = m_clock.nowUtc();
    const auto committed = inTransaction(m_store->connection(), [&]() -> Result<void> {
        QList<LedgerEntry> entries;
        QList<AgreedState> states;
        QStringList forgotten;
        QList<qint64> applied;
        QSet<QString> rowsWaiting; // identity hashes of rows queued again by this run
        for (const RowPlan &plan : std::as_const(m_plans)) {
            const bool itemFromSharePoint = plan.kind == RowPlan::Kind::CreateRow || !plan.rowWrite.isEmpty();
            if (plan.error == QStringLiteral("held back"))
                continue;
            if (!plan.error.isEmpty()) {
                if (plan.error == QStringLiteral("cancelled"))
                    continue;
                ++m_run.counters.failed;
                ++m_outcome.failures[plan.error];
                event(EventSeverity::Warning, QStringLiteral("item-failed"),
                    QCoreApplication::translate("SyncBridge::Sync", "Row %1 (item %2) was not synced: %3")
                        .arg(plan.identity.text.isEmpty() ? QStringLiteral("?") : plan.identity.text, plan.itemId, plan.error),
                    QJsonObject{{QStringLiteral("row"), plan.identity.text}, {QStringLiteral("item"), plan.itemId},
                        {QStringLiteral("error"), plan.error}});
                // SharePoint's side of it is behind the delta link now: read the item again next run.
                if (itemFromSharePoint && !plan.itemId.isEmpty()) {
                    if (auto queued = queueItemFailure(plan.itemId, plan.error); !queued)
                        return queued;
                } else if (plan.kind == RowPlan::Kind::CreateItem && !plan.referenceProblem.isEmpty()) {
                    // A new row whose reference did not resolve: compared again next run, and shown waiting.
                    if (auto queued = queueFailure(plan.identity, plan.error); !queued)
                        return queued;
                    rowsWaiting.insert(plan.identity.hash);
                }
                continue;
            }
            if (!plan.referenceProblem.isEmpty()) {
                // The rest of the row synced; the field waits, and its item is read again next run.
                event(EventSeverity::Warning, QStringLiteral("reference-waits"),
                    QCoreApplication::translate("SyncBridge::Sync", "Row %1 (item %2): a field waits: %3")
                        .arg(plan.identity.text, plan.itemId, plan.referenceProblem),
                    QJsonObject{{QStringLiteral("row"), plan.identity.text}, {QStringLiteral("item"), plan.itemId},
                        {QStringLiteral("error"), plan.referenceProblem}});
                ++m_outcome.failures[plan.referenceProblem];
                if (auto queued = queueItemFailure(plan.itemId, plan.referenceProblem); !queued)
                    return queued;
            } else if (!plan.itemId.isEmpty() && m_queuedItems.contains(plan.itemId)) {
                const RowIdentity retry = itemRetryIdentity(plan.itemId);
                if (auto removed = ledger.removeRetry(m_definitionId, retry.hash); !removed)
                    return removed;
            }
            if (plan.rowGone) // ledger and agreed state as they were: the next run finds the row deleted
                continue;
            switch (plan.kind) {
            case RowPlan::Kind::DeleteRow:
            case RowPlan::Kind::DeleteItem:
            case RowPlan::Kind::Forget:
                if (auto removed = ledger.remove(m_definitionId, plan.identity.hash); !removed)
                    return removed;
                forgotten << plan.identity.hash;
                if (auto dropped = conflicts.dropPending(m_definitionId, plan.identity.hash); !dropped)
                    return dropped;
                continue;
            case RowPlan::Kind::MarkRow:
            case RowPlan::Kind::FlagItem: {
                // Kept as MARKED: a marked row's item is gone (its id is forgotten), a flagged item stays
                // linked, and its agreed state stays for the day its row comes back.
                LedgerEntry marked = *plan.ledger;
                marked.state = LedgerState::Marked;
                marked.syncedAt = now;
                if (plan.kind == RowPlan::Kind::MarkRow) {
                    marked.itemId.clear();
                    forgotten << plan.identity.hash;
                }
                entries << marked;
                if (auto dropped = conflicts.dropPending(m_definitionId, plan.identity.hash); !dropped)
                    return dropped;
                continue;
            }
            case RowPlan::Kind::Leave:
                if (plan.ledger && plan.ledger->state != LedgerState::Deleted && plan.ledger->state != LedgerState::Marked) {
                    LedgerEntry left = *plan.ledger;
                    left.state = LedgerState::Deleted;
                    entries << left;
                }
                continue;
            case RowPlan::Kind::Twin:
                event(EventSeverity::Warning, QStringLiteral("duplicate-deleted"),
                    QCoreApplication::translate("SyncBridge::Sync", "Item %1 was a second item of row %2 and was deleted.")
                        .arg(plan.itemId, plan.identity.text));
                continue;
            case RowPlan::Kind::Merge:
            case RowPlan::Kind::CreateItem:
            case RowPlan::Kind::CreateRow:
                break;
            }
            const QString hash = contentHash(plan.agreed);
            const AgreedState before = m_agreed.value(plan.identity.hash);
            const bool unchanged = plan.ledger && plan.ledger->state == LedgerState::Synced && plan.ledger->contentHash == hash
                && plan.ledger->itemId == plan.itemId && before.values == plan.agreed && plan.conflicts.isEmpty()
                && plan.appliedConflicts.isEmpty();
            if (unchanged) {
                ++m_run.counters.skipped;
                continue;
            }
            if (plan.matched)
                ++m_counts.matched;
            LedgerEntry entry;
            entry.definitionId = m_definitionId;
            entry.identityHash = plan.identity.hash;
            entry.identityText = plan.identity.text;
            entry.listGraphId = m_listId;
            entry.itemId = plan.itemId;
            entry.contentHash = hash;
            entry.state = LedgerState::Synced;
            entry.syncedAt = now;
            entries << entry;
            states << AgreedState{plan.identity.hash, plan.agreed,
                !plan.provenance.isEmpty()         ? plan.provenance
                    : !before.provenance.isEmpty() ? before.provenance
                                                   : QStringLiteral("both")};
            for (SyncConflict conflict : plan.conflicts) {
                conflict.itemId = plan.itemId;
                if (auto recorded = conflicts.record(conflict); !recorded)
                    return recorded.error();
            }
            for (qint64 id : plan.appliedConflicts) {
                // A conflict still open when the sides settled it themselves is closed with what they agreed on.
                auto conflict = conflicts.conflict(id);
                if (!conflict)
                    return conflict.error();
                if (*conflict && (*conflict)->isOpen()) {
                    if (auto settled = conflicts.resolve(
                            id, ConflictResolution::Edited, plan.agreed.value((*conflict)->field), QStringLiteral("SyncBridge"), now);
                        !settled)
                        return settled;
                }
                applied << id;
            }
        }
        for (const QString &hash : std::as_const(m_queuedRows)) { // created since, or gone: nothing waits
            if (rowsWaiting.contains(hash))
                continue;
            if (auto removed = ledger.removeRetry(m_definitionId, hash); !removed)
                return removed;
        }
        // A queued item deleted since has nothing left to write.
        for (const QString &itemId : std::as_const(m_queuedItems)) {
            if (!m_deletedItems.contains(itemId))
                continue;
            const RowIdentity retry = itemRetryIdentity(itemId);
            if (auto removed = ledger.removeRetry(m_definitionId, retry.hash); !removed)
                return removed;
        }
        if (auto stored = ledger.upsert(entries); !stored)
            return stored;
        if (auto saved = agreedStates.save(m_definitionId, states); !saved)
            return saved;
        if (auto removed = agreedStates.remove(m_definitionId, forgotten); !removed)
            return removed;
        if (auto marked = conflicts.markApplied(applied, m_run.id, now); !marked)
            return marked;
        m_counts.conflictsApplied += applied.size();
        if (!m_keepOldLink && !m_deltaLink.isEmpty()) {
            SyncCursor cursor;
            cursor.definitionId = m_definitionId;
            cursor.scope = twoWayScope;
            cursor.listGraphId = m_listId;
            cursor.position = m_deltaLink;
            cursor.updatedAt = now;
            if (auto saved = ledger.saveCursor(cursor); !saved)
                return saved;
        }
        return success();
    });
    if (!committed) {
        fail(committed.error());
        return;
    }
    m_run.counters.created = m_counts.rowsCreated + m_counts.itemsCreated;
    m_run.counters.updated = m_counts.rowsUpdated + m_counts.itemsUpdated;
    m_run.counters.deleted = m_counts.rowsDeleted + m_counts.itemsDeleted;
    event(EventSeverity::Info, QStringLiteral("two-way-written"),
        QCoreApplication::translate("SyncBridge::Sync", "%n row(s) written into the database", nullptr, int(m_counts.databaseWrites()))
            + QStringLiteral(", ")
            + QCoreApplication::translate(
                "SyncBridge::Sync", "%n item(s) written into SharePoint", nullptr, int(m_counts.sharePointWrites()))
            + QStringLiteral("."),
        QJsonObject{{QStringLiteral("database"), m_counts.databaseWrites()}, {QStringLiteral("sharepoint"), m_counts.sharePointWrites()},
            {QStringLiteral("conflicts"), m_counts.conflicts}, {QStringLiteral("matched"), m_counts.matched}});
    nextStep();
}

} // namespace SyncBridge

// PushRun, steps Retrying and Pushing: writing a batch of planned rows to SharePoint and committing
// it with the cursor.
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
#include "sync/push/itemcheck.h"

#include <QCoreApplication>

namespace SyncBridge {

void PushRun::writeBatch(std::shared_ptr<RowBatch> batch)
{
    const QDateTime now = m_clock.nowUtc();
    QStringList hashes;
    for (const PlannedRow &plan : std::as_const(batch->plans))
        hashes << plan.identity.hash;
    auto queued = LedgerRepository(*m_store).retryAttempts(m_definitionId, hashes); // this batch's rows only
    if (!queued) {
        fail(queued.error());
        return;
    }
    const QHash<QString, int> attempts = *queued;
    // attempts by value: the write callback below calls this after writePage has returned
    // `answer`: SharePoint's, when it refused the row (its HTTP status and Graph error code go into the event).
    const auto failRow = [this, batch, now, attempts](const PlannedRow &plan, const QString &error, const ItemResult *answer) {
        const int attempt = attempts.value(plan.identity.hash) + 1;
        if (!plan.unidentified) // reported on the row each time it is read, until its key has a value
            batch->failures.append({0, m_definitionId, plan.identity.hash, plan.identity.text, attempt, nextAttempt(now, attempt), error});
        // A row counts once however often it fails in the run (retried, read again): rows, not attempts.
        if (!m_failedRows.contains(plan.identity.hash) || plan.unidentified) {
            m_failedRows.insert(plan.identity.hash);
            ++m_run.counters.failed;
            ++m_outcome.failures[error];
            ++m_outcome.plan[plannedListName(m_context, plan)][QStringLiteral("failed")];
        }
        QJsonObject payload{
            {QStringLiteral("identity"), plan.identity.text}, {QStringLiteral("error"), error}, {QStringLiteral("attempt"), attempt}};
        if (answer) {
            payload.insert(QStringLiteral("status"), answer->status);
            const QString code = answer->body.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
            if (!code.isEmpty())
                payload.insert(QStringLiteral("code"), code);
        }
        event(EventSeverity::Error, QStringLiteral("item-failed"),
            QCoreApplication::translate("SyncBridge::Sync", "Row %1: %2").arg(plan.identity.text, error), payload);
    };

    QList<ItemOperation> operations;
    QList<int> planOfOperation;
    QList<LedgerEntry> pending;
    for (int i = 0; i < batch->plans.size(); ++i) {
        const PlannedRow &plan = batch->plans.at(i);
        switch (plan.action) {
        case PlannedRow::Action::Skip:
        case PlannedRow::Action::Unrouted:
            ++m_run.counters.skipped;
            batch->recovered << plan.identity.hash;
            continue;
        case PlannedRow::Action::Failed:
            failRow(plan, plan.error, nullptr);
            continue;
        case PlannedRow::Action::Create:
        case PlannedRow::Action::Move: {
            const ResolvedTarget &target = m_context.targets.at(plan.targetIndex);
            LedgerEntry entry;
            entry.definitionId = m_definitionId;
            entry.identityHash = plan.identity.hash;
            entry.identityText = plan.identity.text;
            entry.listGraphId = target.listId;
            entry.contentHash = plan.contentHash;
            entry.state = LedgerState::Pending;
            if (plan.action == PlannedRow::Action::Move) {
                entry.itemId = plan.ledger->itemId;
                entry.previousListGraphId = plan.ledger->listGraphId;
            }
            pending << entry;
            operations.append({ItemOperation::Kind::Create, target.listId, {}, fieldsToSend(plan), {}, plan.identity.hash});
            planOfOperation << i;
            break;
        }
        case PlannedRow::Action::Update: {
            // re-keyed (or never confirmed): fieldsToSend adds the SyncBridgeKey, the item's may be an old one
            operations.append(
                {ItemOperation::Kind::Update, plan.ledger->listGraphId, plan.ledger->itemId, fieldsToSend(plan), {}, plan.identity.hash});
            planOfOperation << i;
            break;
        }
        }
    }
    // Pending first, committed on their own: from here on a crash is resolved through SyncBridgeKey.
    if (!pending.isEmpty()) {
        QSqlDatabase db = m_store->connection();
        auto written = inTransaction(db, [&]() { return LedgerRepository(*m_store).upsert(pending); });
        if (!written) {
            fail(written.error());
            return;
        }
    }
    report(m_step);
    m_writer->write(operations, [this, batch, operations, planOfOperation, failRow](QList<ItemResult> results) {
        if (m_done)
            return;
        std::optional<Error> fatal;
        QList<ItemOperation> oldItems;
        const QDateTime done = m_clock.nowUtc();
        for (int i = 0; i < results.size(); ++i) {
            const ItemResult &result = results.at(i);
            const ItemOperation &operation = operations.at(i);
            const PlannedRow &plan = batch->plans.at(planOfOperation.at(i));
            LedgerEntry entry;
            entry.definitionId = m_definitionId;
            entry.identityHash = plan.identity.hash;
            entry.identityText = plan.identity.text;
            entry.listGraphId = operation.listId;
            entry.contentHash = plan.contentHash;
            if (result.cancelled) {
                // Not a failure of the row: the run was cancelled before SharePoint answered. A
                // create's pending entry stays (the next run resolves it by SyncBridgeKey); nothing
                // else is recorded, and the page's cursor stays, so the next run reads it again.
                batch->cursor.reset();
                continue;
            }
            if (result.ok()) {
                entry.itemId = result.itemId;
                entry.etag = result.etag;
                entry.state = LedgerState::Synced;
                entry.syncedAt = done;
                batch->ledger << entry;
                batch->recovered << plan.identity.hash;
                if (operation.kind == ItemOperation::Kind::Create) {
                    const int id = result.itemId.toInt();
                    int &first = m_firstCreatedId[operation.listId];
                    first = first == 0 ? id : qMin(first, id);
                }
                ++m_outcome.plan[m_context.targets.value(plan.targetIndex).target.listName][actionName(plan.action)];
                if (plan.action == PlannedRow::Action::Move) {
                    ++m_run.counters.moved;
                    oldItems.append({ItemOperation::Kind::Delete, plan.ledger->listGraphId, plan.ledger->itemId, {}, {}, plan.identity.hash});
                } else if (operation.kind == ItemOperation::Kind::Create) {
                    ++m_run.counters.created;
                } else {
                    ++m_run.counters.updated;
                }
                continue;
            }
            const bool listGone = result.status == 404
                && (operation.kind == ItemOperation::Kind::Create || result.error.contains(QLatin1String("list"), Qt::CaseInsensitive));
            if (result.errorClass == GraphErrorClass::Fatal && (listGone || result.status != 404)) {
                const QString detail
                    = QStringLiteral("HTTP %1 for item %2 in list %3").arg(result.status).arg(operation.itemId, operation.listId);
                fatal = result.status == 404 ? Error(ErrorCode::NotFound,
                            QCoreApplication::translate("SyncBridge::Sync",
                                "The list '%1' was deleted or renamed in SharePoint; the run stopped. The rows it refused wait in the "
                                "retry queue.")
                                .arg(m_context.targets.value(plan.targetIndex).target.listName),
                            detail)
                                             : Error(ErrorCode::AuthenticationFailed, result.error, detail);
                // Into the retry queue before the page's cursor is saved, or the change is lost; a
                // create's pending entry stays and is resolved through SyncBridgeKey first.
                failRow(plan, fatal->message(), &result);
                continue;
            }
            if (operation.kind == ItemOperation::Kind::Update && result.status == 404) {
                entry.state = LedgerState::Deleted;   // deleted in SharePoint: created again on the next run
                batch->ledger << entry;
                failRow(plan,
                    QCoreApplication::translate("SyncBridge::Sync", "The item was deleted in SharePoint; it will be created again."),
                    &result);
                continue;
            }
            if (result.maybeExecuted) {
                failRow(plan,
                    QCoreApplication::translate(
                        "SyncBridge::Sync", "SharePoint did not confirm the create (%1); it is checked by SyncBridgeKey before any retry.")
                        .arg(result.error),
                    &result);
                m_unconfirmed.insert(plan.identity.hash, plan.action == PlannedRow::Action::Move);
                continue; // pending stays; Confirming looks it up before the run ends
            }
            if (!m_backfillColumns.isEmpty() && operation.kind == ItemOperation::Kind::Update) {
                LedgerEntry stale = *plan.ledger;
                stale.contentHash.clear();            // its retry then updates every field, the backfilled ones included
                batch->ledger << stale;
            }
            if (operation.kind == ItemOperation::Kind::Create) {
                entry.state = LedgerState::Deleted;   // refused, so never created: drop the pending entry
                if (plan.action == PlannedRow::Action::Move) {
                    entry = *plan.ledger;             // the old item stays where it was
                }
                batch->ledger << entry;
            }
            failRow(plan,
                result.error.isEmpty() ? QCoreApplication::translate("SyncBridge::Sync", "SharePoint answered %1.").arg(result.status)
                                       : result.error,
                &result);
        }
        const auto commit = [this, batch, fatal]() {
            const Result<void> committed = commitBatch(*batch);
            if (!committed) {
                fail(committed.error());
                return;
            }
            report(m_step);
            if (fatal) {
                fail(*fatal);
                return;
            }
            continueAfter(*batch);
        };
        if (oldItems.isEmpty()) {
            commit();
            return;
        }
        // Moves: the new item exists and is recorded; now the old one goes.
        m_writer->write(oldItems, [this, batch, oldItems, commit](QList<ItemResult> deleted) {
            for (const ItemResult &result : deleted) {
                if (result.ok() || result.status == 404)
                    continue;
                // Not forgotten: the move is recorded as half done again (new list, old item), so
                // the next run finds the new item by SyncBridgeKey and deletes the old one then.
                const auto old
                    = std::find_if(oldItems.cbegin(), oldItems.cend(), [&](const ItemOperation &o) { return o.tag == result.tag; });
                for (LedgerEntry &entry : batch->ledger) {
                    if (old != oldItems.cend() && entry.identityHash == result.tag) {
                        entry.state = LedgerState::Pending;
                        entry.itemId = old->itemId;
                        entry.previousListGraphId = old->listId;
                    }
                }
                event(EventSeverity::Warning, QStringLiteral("move-cleanup"),
                    QCoreApplication::translate(
                        "SyncBridge::Sync", "The old item of a moved row could not be deleted (%1); the next run deletes it.")
                        .arg(result.error),
                    QJsonObject{{QStringLiteral("identity"), result.tag}});
            }
            commit();
        });
    });
}

Result<void> PushRun::commitBatch(const RowBatch &batch)
{
    QSqlDatabase db = m_store->connection();
    return inTransaction(db, [&]() -> Result<void> {
        LedgerRepository ledger(*m_store);
        for (const LedgerEntry &entry : batch.ledger) {
            auto written = entry.state == LedgerState::Deleted ? ledger.remove(entry.definitionId, entry.identityHash) : ledger.upsert({entry});
            if (!written)
                return written;
        }
        for (const RetryItem &item : batch.failures) {
            auto queued = ledger.enqueueRetry(item);
            if (!queued)
                return queued;
        }
        for (const QString &hash : batch.recovered) {
            auto removed = ledger.removeRetry(m_definitionId, hash);
            if (!removed)
                return removed;
        }
        if (!batch.seen.isEmpty()) {
            if (auto marked = ledger.markSeen(m_definitionId, batch.seen, m_scanMark); !marked)
                return marked;
        }
        if (batch.cursor) {
            // Every row of the page succeeded or is in the retry queue: the low-water mark is its end.
            if (auto saved = ledger.saveCursor(*batch.cursor); !saved)
                return saved;
        }
        return RunRepository(*m_store, m_clock).updateRun(m_run);
    });
}

} // namespace SyncBridge

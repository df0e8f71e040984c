// PushRun, step Pushing of a CDC definition: the initial load, then the replication stream's
// committed transactions, delivered through the push's planner, writer and ledger. The LSN cursor
// (scope "cdc") is saved in the batch's meta-store transaction, and the slot is told only after that
// — a crash anywhere re-delivers from the last saved position, and the ledger and SyncBridgeKey make
// the re-delivery update or skip instead of creating twice.
#include "sync/push/pushrun.h"
#include "sync/push/rowbatch.h"

#include "common/logging.h"
#include "graph/batchwriter.h"
#include "secrets/secretstore.h"
#include "source/replication/cdcreader.h"
#include "source/sourcereader.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/sql.h"
#include "sync/cdc/cdcchanges.h"

#include <QDeadlineTimer>

namespace SyncBridge {

namespace {
const QString cdcScope = QStringLiteral("cdc");
constexpr int streamWaitMs = 200;   // one wait for the next message
constexpr int gatherBudgetMs = 500; // then what was gathered is delivered, and cancel() can come in
constexpr int lingerMs = 200;       // continuous: how long a batch waits for more after its first change
} // namespace

Result<void> PushRun::openCdc()
{
    auto stored = LedgerRepository(*m_store).cursor(m_definitionId, cdcScope);
    if (!stored)
        return stored.error();
    CdcReader::Options options;
    options.definitionId = m_definitionId;
    options.loadQuery.schema = m_table.schema;
    options.loadQuery.table = m_table.name;
    options.loadQuery.columns = m_table.columns;
    options.loadQuery.keyColumns = m_context.keyColumns;
    if (stored->has_value())
        options.storedLsn = Lsn::parse((*stored)->position);
    options.resnapshotApproved = m_options.resnapshot;
    options.definitionName = m_definition.name;
    auto reader = CdcReader::open(
        *m_database, [this](const DatabaseInstance &instance) { return readSecretBlocking(m_secrets, instance.secretRef); }, options);
    if (!reader)
        return reader.error();
    m_cdc = std::move(*reader);
    m_cdcChanges = std::make_unique<CdcChangeAssembler>(m_table.schema, m_table.name, m_context.keyColumns);
    const auto names = m_cdc->names();
    switch (m_cdc->resnapshot()) {
    case CdcReader::Resnapshot::No:
        break;
    case CdcReader::Resnapshot::FirstRun:
        event(EventSeverity::Info, QStringLiteral("cdc-initial-load"),
            QCoreApplication::translate("SyncBridge::Sync",
                "Created the replication slot '%1' and the publication '%2'; the table is loaded "
                "in the slot's snapshot, then its changes stream.")
                .arg(names.slot, names.publication));
        break;
    case CdcReader::Resnapshot::UnfinishedLoad:
    case CdcReader::Resnapshot::SlotGone:
    case CdcReader::Resnapshot::SlotLost:
        event(EventSeverity::Warning, QStringLiteral("cdc-resnapshot"),
            QCoreApplication::translate("SyncBridge::Sync",
                "The replication slot '%1' cannot continue (its initial load did not finish, or it was removed or lost its WAL); the "
                "table is loaded again in a new slot's snapshot and matched to the items already synced.")
                .arg(names.slot));
        break;
    }
    return success();
}

Result<void> PushRun::saveCdcPosition(const QString &position)
{
    SyncCursor cursor;
    cursor.definitionId = m_definitionId;
    cursor.scope = cdcScope;
    cursor.position = position;
    return LedgerRepository(*m_store).saveCursor(cursor);
}

Result<void> PushRun::touchCdcPosition()
{
    auto stored = LedgerRepository(*m_store).cursor(m_definitionId, cdcScope);
    if (!stored)
        return stored.error();
    return stored->has_value() ? saveCdcPosition((*stored)->position) : success();
}

void PushRun::readCdc()
{
    if (m_done) // a read queued before the run ended must not open the stream again
        return;
    if (!m_cdc) {
        if (auto opened = openCdc(); !opened) {
            fail(opened.error());
            return;
        }
    }
    // What the last batch saved is delivered (or waits in the retry queue): the slot may forget it.
    if (!m_cdc->loading()) {
        auto saved = LedgerRepository(*m_store).cursor(m_definitionId, cdcScope);
        if (!saved) {
            fail(saved.error());
            return;
        }
        if (saved->has_value()) {
            if (const auto lsn = Lsn::parse((*saved)->position)) {
                if (auto confirmed = m_cdc->confirm(*lsn); !confirmed) {
                    fail(confirmed.error());
                    return;
                }
            }
        }
    }
    if (m_cancelled) {
        finish(RunStatus::Cancelled, QCoreApplication::translate("SyncBridge::Sync", "Cancelled; everything written so far is recorded."));
        return;
    }
    if (m_cdc->loading()) {
        auto page = m_cdc->nextLoadPage(m_options.pageSize);
        if (!page) {
            fail(page.error());
            return;
        }
        if (!page->isEmpty()) {
            auto batch = std::make_shared<RowBatch>();
            batch->rows = *page;
            process(batch);
            return;
        }
        // Every row of the snapshot is delivered: from here the stream, from the slot's start.
        if (auto saved = saveCdcPosition(m_cdc->loadPosition().toString()); !saved) {
            fail(saved.error());
            return;
        }
        QMetaObject::invokeMethod(this, &PushRun::readNextPage, Qt::QueuedConnection);
        return;
    }
    if (!m_cdcRate)
        beginStream();
    if (m_cdcTruncate) {
        truncateCdc();
        return;
    }
    if (streamEnds()) {
        nextStep();
        return;
    }
    // A drain gathers for a moment at most; a continuous run waits for the first change, then
    // lingers a little for more, so a batch goes out soon at low rates and full at high ones.
    const bool continuous = streamsContinuously();
    QList<CdcChange> changes;
    QString position;
    QDateTime oldestCommit;
    QDeadlineTimer gathering(continuous ? QDeadlineTimer(QDeadlineTimer::Forever) : QDeadlineTimer(gatherBudgetMs));
    while (changes.size() < m_options.pageSize && !(!continuous && m_cdc->drained() && !m_cdcChanges->inTransaction())) {
        if (gathering.hasExpired() && !m_cdcChanges->inTransaction())
            break;
        const qint64 left = gathering.remainingTime();
        auto next = m_cdc->next(left < 0 ? streamWaitMs : int(qBound(qint64(1), left, qint64(streamWaitMs))));
        if (!next) {
            if (next.error().code() != ErrorCode::ConnectionLost) {
                fail(next.error());
                return;
            }
            // Nothing after the saved position is lost: the next run resumes there, or — when the
            // slot is gone, as after a failover on PostgreSQL 15, which does not carry slots to a
            // promoted standby — loads the table again in a new slot's snapshot.
            fail(Error(ErrorCode::ConnectionLost,
                QCoreApplication::translate("SyncBridge::Sync",
                    "The replication stream of slot '%1' broke; what was delivered is recorded. If the primary failed over, the slot did "
                    "not move with it (PostgreSQL 15 keeps slots on the old primary): the next run fails naming the slot, and a "
                    "re-snapshot (syncbridge-cli run \"%2\" --resnapshot) loads the table again in a new slot on the new primary and "
                    "matches the items already synced; drop the old slot there if that server comes back.")
                    .arg(m_cdc->names().slot, m_definition.name),
                next.error().message() + QLatin1Char(' ') + next.error().detail()));
            return;
        }
        if (!next->has_value()) {
            if (continuous && changes.isEmpty() && !m_cdcChanges->inTransaction())
                break; // idle: streamIdle() decides what comes next
            if (auto asked = m_cdc->askPosition(); !asked) {
                fail(asked.error());
                return;
            }
            continue;
        }
        auto fed = m_cdcChanges->feed((*next)->message);
        if (!fed) {
            fail(fed.error());
            return;
        }
        if (!fed->has_value())
            continue;
        const CdcTransaction &transaction = **fed;
        const bool truncates = std::any_of(transaction.changes.cbegin(), transaction.changes.cend(),
            [](const CdcChange &change) { return change.kind == CdcChange::Kind::Truncate; });
        if (!transaction.changes.isEmpty()) {
            m_cdcLastArrivalMs = QDateTime::currentMSecsSinceEpoch();
            m_cdcQuietSinceMs = 0;
        }
        if (truncates) { // what came before it is delivered first; then truncateCdc() asks the breaker
            m_cdcTruncate = std::make_unique<CdcTransaction>(transaction);
            break;
        }
        if (continuous && position.isEmpty())
            gathering.setRemainingTime(lingerMs);
        if (!oldestCommit.isValid())
            oldestCommit = transaction.commitTime;
        changes << transaction.changes;
        position = transaction.commitEnd.toString();
    }
    if (changes.isEmpty() && position.isEmpty()) {
        if (m_cdcTruncate) {
            QMetaObject::invokeMethod(this, &PushRun::readNextPage, Qt::QueuedConnection);
        } else if (continuous) {
            streamIdle();
        } else if (m_cdc->drained()) {
            // Drained: the position is saved again with this moment, the slot guardian's lag in time.
            if (auto touched = touchCdcPosition(); !touched) {
                fail(touched.error());
                return;
            }
            nextStep();
        } else {
            QMetaObject::invokeMethod(this, &PushRun::readNextPage, Qt::QueuedConnection);
        }
        return;
    }
    m_cdcQueued = changes.size();
    m_cdcOldestQueued = oldestCommit;
    deliverCdc(changes, position);
}

void PushRun::deliverCdc(QList<CdcChange> changes, const QString &position)
{
    // A key's last change in the batch is its state: earlier ones need no request of their own.
    QHash<QStringList, int> last;
    for (int i = 0; i < changes.size(); ++i)
        last.insert(changes.at(i).row.keyValues, i);
    // money's text depends on lc_monetary, and a read of the table gives it as numeric: such rows
    // are read from the table, as are updates that left TOASTed values out (the row as it is now).
    const bool readsMoney = std::any_of(m_table.columns.cbegin(), m_table.columns.cend(),
        [](const ColumnInfo &column) { return column.typeName == QLatin1String("money"); });
    QList<SourceRow> upserts;
    QList<QStringList> toRead;
    QStringList deleted;
    for (int i = 0; i < changes.size(); ++i) {
        const CdcChange &change = changes.at(i);
        if (last.value(change.row.keyValues) != i)
            continue;
        if (change.kind == CdcChange::Kind::Delete)
            deleted << identityOf(m_context, change.row).hash;
        else if (!change.unchangedColumns.isEmpty() || readsMoney)
            toRead << change.row.keyValues;
        else
            upserts << change.row;
    }
    m_run.counters.rowsRead += changes.size();
    if (!toRead.isEmpty()) {
        ChangeQuery query;
        query.schema = m_table.schema;
        query.table = m_table.name;
        query.columns = m_table.columns;
        query.keyColumns = m_context.keyColumns;
        // A row deleted since is not read: its delete follows later in the stream.
        auto rows = m_source->rowsByKey(query, toRead);
        if (!rows) {
            fail(rows.error());
            return;
        }
        upserts << *rows;
    }
    auto known = LedgerRepository(*m_store).lookup(m_definitionId, deleted);
    if (!known) {
        fail(known.error());
        return;
    }
    deleteCdcItems(known->values(), [this, upserts, position]() { upsertCdc(upserts, position); });
}

void PushRun::deleteCdcItems(const QList<LedgerEntry> &entries, std::function<void()> then)
{
    QList<ItemOperation> deletions;
    for (const LedgerEntry &entry : entries)
        deletions.append({ItemOperation::Kind::Delete, entry.listGraphId, entry.itemId, {}, {}, entry.identityHash});
    m_writer->write(deletions, [this, then = std::move(then)](QList<ItemResult> results) {
        if (m_done)
            return;
        QStringList gone;
        for (const ItemResult &result : std::as_const(results)) {
            if (result.ok() || result.status == 404) {
                gone << result.tag;
                continue;
            }
            // The position is not saved: the next run reads this delete again.
            fail(Error(result.cancelled ? ErrorCode::Cancelled : ErrorCode::SourceFailure,
                QCoreApplication::translate("SyncBridge::Sync", "The item of a deleted row could not be deleted: %1").arg(result.error)));
            return;
        }
        QSqlDatabase db = m_store->connection();
        auto removed = inTransaction(db, [&]() -> Result<void> {
            LedgerRepository ledger(*m_store);
            for (const QString &hash : std::as_const(gone)) {
                if (auto done = ledger.remove(m_definitionId, hash); !done)
                    return done;
                if (auto done = ledger.removeRetry(m_definitionId, hash); !done)
                    return done;
            }
            return success();
        });
        if (!removed) {
            fail(removed.error());
            return;
        }
        m_run.counters.deleted += gone.size();
        then();
    });
}

void PushRun::upsertCdc(QList<SourceRow> rows, const QString &position)
{
    if (rows.isEmpty()) {
        if (auto saved = saveCdcPosition(position); !saved) {
            fail(saved.error());
            return;
        }
        delivered();
        QMetaObject::invokeMethod(this, &PushRun::readNextPage, Qt::QueuedConnection);
        return;
    }
    auto batch = std::make_shared<RowBatch>();
    batch->rows = rows;
    SyncCursor cursor;
    cursor.definitionId = m_definitionId;
    cursor.scope = cdcScope;
    cursor.position = position;
    batch->cursor = cursor;
    m_run.counters.rowsRead -= rows.size(); // process() counts them again
    process(batch);
}

} // namespace SyncBridge

#include "sync/push/pushrun.h"
#include "sync/push/rowbatch.h"

#include "common/logging.h"
#include "common/translations.h"
#include "graph/batchwriter.h"
#include "graph/connectionsettings.h"
#include "graph/governor.h"
#include "graph/graphclient.h"
#include "secrets/secretstore.h"
#include "source/replication/cdcreader.h"
#include "source/sourcereader.h"
#include "store/connectionrepository.h"
#include "store/definitionrepository.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "store/sql.h"
#include "sync/cdc/cdcchanges.h"
#include "sync/interruptedruns.h"
#include "sync/push/itemcheck.h"
#include "sync/runlease.h"
#include "sync/runrecord.h"
#include "sync/runtext.h"

#include <QCoreApplication>
#include <QSet>
#include <QTimer>

namespace SyncBridge {

namespace {

// The steps of each kind of push run, in order (docs/sync-engine.md walks through them).
const QList<RunPhase> pushSteps = {RunPhase::Connecting, RunPhase::Resolving, RunPhase::Recovering, RunPhase::Rekeying, RunPhase::Retrying,
    RunPhase::Pushing, RunPhase::CheckingDuplicates, RunPhase::Confirming, RunPhase::Deleting};
// A dry run plans every row and the deletes a real run would make, and writes nothing.
const QList<RunPhase> dryRunSteps = {RunPhase::Connecting, RunPhase::Resolving, RunPhase::Rekeying, RunPhase::Planning, RunPhase::Deleting};
// A backfill re-pushes chosen fields of synced items: nothing is created, retried, moved or deleted.
// A CDC run: the initial load or the stream's changes take the place of the pages read by cursor.
const QList<RunPhase> cdcSteps
    = {RunPhase::Connecting, RunPhase::Resolving, RunPhase::Recovering, RunPhase::Retrying, RunPhase::Pushing, RunPhase::Confirming};
const QList<RunPhase> backfillSteps
    = {RunPhase::Connecting, RunPhase::Resolving, RunPhase::Recovering, RunPhase::Rekeying, RunPhase::Pushing};
} // namespace

PushRun::PushRun(std::shared_ptr<MetaStore> store, SecretStore &secrets, std::shared_ptr<Governor> governor, qint64 definitionId,
    RunOptions options, const Clock &clock, QObject *parent)
    : PushRun(
        std::move(store), secrets, [governor](const SharePointConnection &) { return governor; }, definitionId, options, clock, parent)
{
}

PushRun::PushRun(std::shared_ptr<MetaStore> store, SecretStore &secrets, GovernorSource governors, qint64 definitionId, RunOptions options,
    const Clock &clock, QObject *parent)
    : SyncJob(parent)
    , m_store(std::move(store))
    , m_secrets(secrets)
    , m_governors(std::move(governors))
    , m_definitionId(definitionId)
    , m_options(options)
    , m_clock(clock)
    , m_dueRetries(definitionId, options.pageSize)
{
}

PushRun::~PushRun()
{
    // Destroyed before it finished: the process quits mid-run (the window closed, "Quit anyway").
    // The run is not left RUNNING: what it committed stays, and the next run resolves its
    // unconfirmed writes.
    if (!m_done)
        recordRunInterrupted(*m_store, m_run.id,
            QCoreApplication::translate("SyncBridge::Sync",
                "SyncBridge quit during the run; what it had committed stays, and the next run resolves its unconfirmed writes."),
            m_clock);
    if (m_lease)
        m_lease->release();
}

void PushRun::event(EventSeverity severity, const QString &type, const QString &message, const QJsonObject &payload)
{
    recordRunEvent(*m_store, m_clock, m_run.id, severity, type, message, payload);
}

void PushRun::report(RunPhase phase)
{
    qCDebug(lcSync).noquote() << "phase" << runPhaseId(phase) << "at" << (m_clock.nowUtc().toMSecsSinceEpoch() - m_startedMs) << "ms";
    RunProgress progress;
    progress.phase = phase;
    progress.counters = m_run.counters;
    progress.counters.ruSpent = ruSpentByThisRun();
    const double seconds = qMax<qint64>(1, m_clock.nowUtc().toMSecsSinceEpoch() - m_startedMs) / 1000.0;
    const qint64 written = m_run.counters.created + m_run.counters.updated + m_run.counters.moved;
    progress.itemsPerSecond = written / seconds;
    progress.estimatedRows = m_table.rowEstimate;
    progress.wait = m_wait;
    progress.stream = streamProgress();
    // The time left counts the rows the run is done with, as the bar does (not the rows read ahead).
    const qint64 done = progress.rowsDone();
    if (m_table.rowEstimate > 0 && done > 0) {
        const double rowsPerSecond = done / seconds;
        progress.etaSeconds = qint64(qMax<qint64>(0, m_table.rowEstimate - done) / qMax(1.0, rowsPerSecond));
    }
    emit this->progress(progress);
}

qint64 PushRun::ruSpentByThisRun() const
{
    return ruSpentSince(m_governor.get(), m_ruAtStart);
}

void PushRun::start()
{
    m_startedMs = m_clock.nowUtc().toMSecsSinceEpoch();
    runStep(steps().constFirst());
}

QList<RunPhase> PushRun::steps() const
{
    if (m_options.dryRun)
        return dryRunSteps;
    if (capturesChanges() && m_options.backfillFields.isEmpty())
        return cdcSteps;
    return m_options.backfillFields.isEmpty() ? pushSteps : backfillSteps;
}

void PushRun::runStep(RunPhase step)
{
    m_step = step;
    switch (step) {
    case RunPhase::Connecting:
        report(step);
        if (const Result<void> prepared = prepare(); !prepared) {
            fail(prepared.error());
            return;
        }
        nextStep();
        return;
    case RunPhase::Resolving:
        resolveTargets(0);
        return;
    case RunPhase::Recovering:
    case RunPhase::Confirming:
        resolvePending();
        return;
    case RunPhase::Rekeying:
        rekeyLedger();
        return;
    case RunPhase::Retrying:
        processRetries();
        return;
    case RunPhase::Pushing:
    case RunPhase::Planning:
        readNextPage();
        return;
    case RunPhase::CheckingDuplicates:
        removeTwins();
        return;
    case RunPhase::Deleting:
        if (m_options.dryRun)
            planDeletes();
        else
            deleteVanishedRows();
        return;
    case RunPhase::Pulling: // a pull's step (PullRun)
    case RunPhase::WaitingForBudget:
    case RunPhase::Finished:
        break;
    }
    Q_ASSERT_X(false, "PushRun::runStep", "not a step");
}

void PushRun::nextStep()
{
    if (m_done)
        return;
    if (m_cancelled) {
        finish(RunStatus::Cancelled);
        return;
    }
    const QList<RunPhase> order = steps();
    const qsizetype next = order.indexOf(m_step) + 1;
    if (next < order.size())
        runStep(order.at(next));
    else
        completed();
}

void PushRun::completed()
{
    if (m_options.dryRun) { // says what the run would: rows that would fail, deletions held back
        for (auto it = m_outcome.failures.cbegin(); it != m_outcome.failures.cend(); ++it) {
            event(EventSeverity::Warning, QStringLiteral("rows-would-fail"),
                QCoreApplication::translate("SyncBridge::Sync", "%n row(s) would fail: %1", nullptr, pluralCount(it.value())).arg(it.key()),
                QJsonObject{{QStringLiteral("error"), it.key()}, {QStringLiteral("rows"), it.value()}});
        }
        readCurrentValues(0); // the old values of the previewed updates and moves, then finishes
        return;
    }
    // Rows that wait in the retry queue are not in SharePoint: a run that leaves any does not say
    // it succeeded, even when they failed in an earlier run and are not due yet. Nor does one that
    // leaves a write pending (an old item or a twin it could not delete): the lists hold a row twice
    // until the next run resolves it, and the row need not be in the retry queue.
    auto waiting = LedgerRepository(*m_store).retryQueueSummary(m_definitionId);
    if (!waiting) {
        fail(waiting.error());
        return;
    }
    // Pending writes of queued rows are counted with the queue: no row is counted twice.
    auto pending = LedgerRepository(*m_store).pendingOutsideRetryQueue(m_definitionId);
    if (!pending) {
        fail(pending.error());
        return;
    }
    const bool partly = m_run.counters.failed > 0 || m_heldBackDeletes > 0 || waiting->waiting > 0 || *pending > 0;
    m_rowsWaiting = waiting->waiting;
    m_writesPending = *pending;
    m_nextRetryAt = waiting->nextAttemptAt;
    finish(partly ? RunStatus::PartiallyFailed : RunStatus::Succeeded);
}

Result<void> PushRun::prepare()
{
    if (previewsAnEdit()) {
        m_definition = *m_options.definition; // the editor's unsaved state
        m_definition.id = m_definitionId;     // its ledger is the stored definition's
    } else {
        auto definition = DefinitionRepository(*m_store).byId(m_definitionId);
        if (!definition)
            return definition.error();
        m_definition = *definition;
    }
    m_run.definitionId = m_definitionId;
    m_run.type = m_options.dryRun ? RunType::DryRun : RunType::Push;
    m_run.agent = thisAgent();
    stampRunOrigin(m_run, m_options);
    m_run.startedAt = m_clock.nowUtc();
    // A run of this definition whose process died is not left "running" for ever.
    if (auto marked = markInterruptedRuns(*m_store, m_definitionId, m_clock); !marked)
        return marked.error();
    if (!m_options.dryRun) { // a dry run writes nothing: it needs no lease
        auto lease = RunLease::acquire(*m_store, m_definitionId, m_clock);
        if (!lease)
            return lease.error();
        m_lease = std::move(*lease);
        m_leaseRenewal = keepRenewing(this, *m_lease, [this](const Error &lost) { fail(lost); });
    }
    // A preview of unsaved changes is not the stored definition's: it stays out of the run history.
    if (!previewsAnEdit()) {
        auto started = RunRepository(*m_store, m_clock).startRun(m_run);
        if (!started)
            return started.error();
        m_outcome.runId = m_run.id;
    }
    if (m_lease)
        m_lease->attachRun(m_run.id);
    if (auto attached = attachRunToOccurrence(*m_store, m_run, m_options); !attached)
        return attached.error();
    if (m_definition.mode == SyncMode::Cdc && m_options.dryRun)
        return Error(ErrorCode::Unsupported,
            QCoreApplication::translate("SyncBridge::Sync",
                "A CDC definition has no dry run yet: its changes are read from the replication slot, "
                "and a dry run would have to consume them. Nothing was read or written."));
    if (m_definition.mode != SyncMode::Push && m_definition.mode != SyncMode::Cdc) {
        // Refused before anything is read or written: PULL and TWO_WAY have runs of their own (RunByMode),
        // so only a definition changed under a run could get here.
        const QString mode = enumName(m_definition.mode);
        return Error(ErrorCode::Unsupported,
            QCoreApplication::translate("SyncBridge::Sync",
                "The definition's mode is %1, which a push run cannot run. Nothing was read or written; "
                "run the definition again.")
                .arg(mode));
    }
    if (!m_definition.enabled && !m_options.dryRun)
        return draftRefusal();

    if (m_definition.targets.isEmpty())
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Sync", "The definition has no SharePoint list to push to."));
    for (const SyncTarget &target : std::as_const(m_definition.targets)) {
        if (target.connectionId != m_definition.targets.first().connectionId || target.site != m_definition.targets.first().site)
            return Error(ErrorCode::Unsupported, QCoreApplication::translate("SyncBridge::Sync", "All lists of one definition must be in the same SharePoint site."));
    }
    ConnectionRepository connections(*m_store);
    auto database = connections.database(m_definition.source.databaseId);
    if (!database)
        return database.error();
    auto sharePoint = connections.sharePointConnections();
    if (!sharePoint)
        return sharePoint.error();
    const auto connection = std::find_if(sharePoint->cbegin(), sharePoint->cend(),
                                         [&](const SharePointConnection &c) { return c.id == m_definition.targets.first().connectionId; });
    if (connection == sharePoint->cend())
        return Error(ErrorCode::NotFound, QCoreApplication::translate("SyncBridge::Sync", "The definition's SharePoint connection no longer exists."));

    auto source = SourceReader::open(
        *database, [this](const DatabaseInstance &instance) { return readSecretBlocking(m_secrets, instance.secretRef); },
        [this](const QString &message) { event(EventSeverity::Warning, QStringLiteral("failover"), message); });
    if (!source)
        return source.error();
    m_source = std::move(*source);
    m_database = *database;
    m_source->setStreamWindow(m_options.streamWindowRows);
    auto tables = m_source->tables();
    if (!tables)
        return tables.error();
    const auto table = std::find_if(tables->cbegin(), tables->cend(), [&](const TableInfo &t) {
        return t.schema == m_definition.source.schema && t.name == m_definition.source.table;
    });
    if (table == tables->cend())
        return Error(ErrorCode::NotFound, QCoreApplication::translate("SyncBridge::Sync", "The table %1.%2 does not exist in '%3'.").arg(m_definition.source.schema, m_definition.source.table, database->name));
    m_table = *table;
    qCDebug(lcSync).noquote() << "source ready (session and catalog) at" << (m_clock.nowUtc().toMSecsSinceEpoch() - m_startedMs) << "ms";

    m_governor = m_governors(*connection);
    m_ruAtStart = m_governor->view().spentToday;
    m_graph = std::make_unique<GraphClient>(GraphEndpoint::from(*connection), secretSourceFor(m_secrets, *connection), m_governor, m_clock);
    connect(m_graph.get(), &GraphClient::waiting, this, &PushRun::onWaiting);
    connect(m_graph.get(), &GraphClient::resumed, this, &PushRun::onResumed);
    if (m_cancelled)
        m_graph->cancel();
    if (auto backfill = resolveBackfill(); !backfill)
        return backfill;
    if (m_options.resetCursor && !m_options.dryRun) {
        auto reset = LedgerRepository(*m_store).resetCursors(m_definitionId);
        if (!reset)
            return reset.error();
        event(EventSeverity::Info, QStringLiteral("cursor-reset"), QCoreApplication::translate("SyncBridge::Sync", "The cursor was reset: every row is compared again (updates, no duplicates)."));
    }
    return success();
}

void PushRun::processRetries()
{
    // A page of due retries at a time, however long the queue: bounded memory, bounded IN lists.
    auto due = m_dueRetries.next(*m_store, m_clock);
    if (!due) {
        fail(due.error());
        return;
    }
    if (due->isEmpty()) {
        nextStep();
        return;
    }
    report(RunPhase::Retrying);
    QList<QStringList> keys;
    for (const RetryItem &item : std::as_const(*due))
        keys << keyValuesFromIdentity(item.identityText);
    m_query.schema = m_table.schema;
    m_query.table = m_table.name;
    m_query.columns = m_table.columns;
    m_query.keyColumns = m_context.keyColumns;
    auto rows = m_source->rowsByKey(m_query, keys);
    if (!rows) {
        fail(rows.error());
        return;
    }
    auto batch = std::make_shared<RowBatch>();
    batch->rows = *rows;
    batch->retries = true;
    QSet<QString> present;
    for (const SourceRow &row : std::as_const(batch->rows))
        present.insert(identityOf(m_context, row).hash);
    for (const RetryItem &item : std::as_const(*due)) {
        if (!present.contains(item.identityHash))
            batch->recovered << item.identityHash; // the row is gone: nothing left to retry
    }
    event(EventSeverity::Info, QStringLiteral("retrying"), QCoreApplication::translate("SyncBridge::Sync", "Retrying %n row(s) that failed before.", nullptr, int(due->size())));
    process(batch);
}

void PushRun::readNextPage()
{
    if (m_cancelled) {
        finish(RunStatus::Cancelled, QCoreApplication::translate("SyncBridge::Sync", "Cancelled; everything written so far is recorded."));
        return;
    }
    if (capturesChanges() && tracksCursor()) {
        readCdc();
        return;
    }
    if (m_passes.isEmpty()) {
        if (const Result<void> started = startReading(); !started) {
            fail(started.error());
            return;
        }
    }
    auto read = m_source->changes(nextQuery());
    if (!read) {
        fail(read.error());
        return;
    }
    if (read->rows.isEmpty()) {
        if (m_pass + 1 < m_passes.size()) {
            ++m_pass;
            m_lastRead.reset();
            readNextPage();
            return;
        }
        m_scanReachedEnd = tracksCursor();
        nextStep();
        return;
    }
    auto batch = std::make_shared<RowBatch>();
    batch->rows = read->rows;
    batch->cursor = cursorAfter(read->rows.last());
    batch->partOfScan = tracksCursor() && m_definition.cursorStrategy == CursorStrategy::FullScan;
    m_lastRead = read->rows.last();
    process(batch);
}

void PushRun::process(std::shared_ptr<RowBatch> batch)
{
    if (!m_references || m_references->isEmpty()) {
        planBatch(batch, {});
        return;
    }
    m_references->resolveRows(batch->rows, m_context.sourceColumns, [this, batch](Result<ResolvedReferences> references) {
        if (m_done)
            return;
        if (!references) {
            fail(references.error());
            return;
        }
        planBatch(batch, *references);
    });
}

void PushRun::planBatch(std::shared_ptr<RowBatch> batch, const ResolvedReferences &references)
{
    QStringList hashes;
    for (const SourceRow &row : std::as_const(batch->rows))
        hashes << identityOf(m_context, row).hash;
    if (batch->partOfScan)
        batch->seen = hashes; // retries, dry runs and backfills leave the scan's marks alone
    auto ledger = LedgerRepository(*m_store).lookup(m_definitionId, hashes);
    if (!ledger) {
        fail(ledger.error());
        return;
    }
    if (!batch->retries)
        m_run.counters.rowsRead += batch->rows.size();
    for (const SourceRow &row : std::as_const(batch->rows)) {
        PlannedRow plan = planRow(m_context, row, *ledger, references);
        // A row retried in this run and read again (its stamp is in the re-read window) is done.
        if (batch->retries)
            m_retriedThisRun.insert(plan.identity.hash);
        else if (m_retriedThisRun.contains(plan.identity.hash))
            continue;
        if (!m_backfillColumns.isEmpty())
            restrictToBackfill(plan);
        batch->plans << plan;
    }
    failRowsSharingAKey(batch->plans, m_context.keyColumns);
    if (m_options.dryRun) {
        previewNewChoices(batch->plans);
        for (PlannedRow &plan : batch->plans) {
            refuseInvalidWrite(m_context, plan); // the writes SharePoint would refuse fail here, with its reason
            if (plan.action == PlannedRow::Action::Failed)
                ++m_outcome.failures[plan.error];
            const QString list = plannedListName(m_context, plan);
            ++m_outcome.plan[list][actionName(plan.action)];
            previewRow(plan, list);
        }
        for (const PlannedRow &plan : std::as_const(batch->plans)) {
            if (plan.action == PlannedRow::Action::Skip || plan.action == PlannedRow::Action::Unrouted)
                ++m_run.counters.skipped;
            else if (plan.action == PlannedRow::Action::Failed)
                ++m_run.counters.failed;
        }
        report(RunPhase::Planning);
        QMetaObject::invokeMethod(this, &PushRun::readNextPage, Qt::QueuedConnection);   // page by page, not deeper and deeper
        return;
    }
    addNewChoices(batch);
}

void PushRun::continueAfter(const RowBatch &batch)
{
    if (capturesChanges())
        delivered();
    if (m_cancelled) {
        finish(RunStatus::Cancelled);
        return;
    }
    // Queued, not called: a page with nothing to write commits at once, and a direct call would read
    // the next page one level deeper, every finished page's batch held on the stack until the run
    // ends (580 MB and 100 nested pages for a scan of 100,000 unchanged rows; deeper still in pages of one).
    if (batch.retries)
        QMetaObject::invokeMethod(
            this, &PushRun::processRetries, Qt::QueuedConnection); // the next page of due retries, then on to the changes
    else
        QMetaObject::invokeMethod(this, &PushRun::readNextPage, Qt::QueuedConnection);
}

void PushRun::fail(const Error &error)
{
    if (m_cancelled) { // a call the cancel ended, or whatever failed meanwhile: the person asked to stop
        finish(RunStatus::Cancelled);
        return;
    }
    qCWarning(lcSync).noquote() << "run of definition" << m_definitionId << "failed while" << runPhaseId(m_step) << ":" << error.toString();
    finish(RunStatus::Failed, error.message(), error);
}

void PushRun::finish(RunStatus status, const QString &message, const std::optional<Error> &error)
{
    if (m_done)
        return;
    m_done = true;
    m_wait = {};
    closeCdc();
    if (m_cancelled && status != RunStatus::Cancelled) {
        status = RunStatus::Cancelled; // whatever the step was doing when it stopped: what it committed stays
        m_run.message.clear();
    }
    m_run.status = status;
    m_run.finishedAt = m_clock.nowUtc();
    // What ended as planned is stored as data and rendered in the reader's language; what stopped a
    // failed run is its error's message.
    RunSummary summary;
    if (status == RunStatus::Cancelled) {
        summary.kind = m_cancelledWhileWaitingForBudget ? RunSummary::Kind::CancelledWaitingForBudget : RunSummary::Kind::Cancelled;
        m_run.message = storedRunSummary(summary);
    } else if (!message.isEmpty()) {
        m_run.message = message;
    } else {
        summary.kind = m_options.dryRun ? RunSummary::Kind::DryRun : RunSummary::Kind::Sync;
        summary.rowsWaiting = m_rowsWaiting;
        summary.nextRetryAt = m_nextRetryAt;
        summary.writesPending = m_writesPending;
        m_run.message = storedRunSummary(summary);
    }
    if (m_scanReachedEnd && m_definition.cursorStrategy == CursorStrategy::FullScan && !m_options.dryRun) {
        auto reset = LedgerRepository(*m_store).resetCursors(m_definitionId);   // the next full scan starts from the top
        if (!reset)
            qCWarning(lcSync).noquote() << reset.error().toString();
    }
    m_run.counters.ruSpent = ruSpentByThisRun();
    if (m_run.id > 0) {
        auto updated = RunRepository(*m_store, m_clock).updateRun(m_run);
        if (!updated)
            qCWarning(lcSync).noquote() << "cannot record the run's end:" << updated.error().toString();
        // The rows per list and action, for the run's history (the run dialog, runs show).
        if (auto lists = RunRepository(*m_store, m_clock).saveListCounts(m_run.id, m_outcome.plan); !lists)
            qCWarning(lcSync).noquote() << "cannot record the run's counts per list:" << lists.error().toString();
        QJsonObject why = runErrorPayload(error);
        // What the run's counters do not hold, for its history (syncbridge-cli runs show); the queue
        // is counted when a run gets to its end.
        if (!m_options.dryRun && (status == RunStatus::Succeeded || status == RunStatus::PartiallyFailed)) {
            why.insert(QStringLiteral("heldBackDeletes"), m_heldBackDeletes);
            why.insert(QStringLiteral("retryQueue"), m_rowsWaiting);
            why.insert(QStringLiteral("writesPending"), m_writesPending);
        }
        event(status == RunStatus::Failed ? EventSeverity::Error : EventSeverity::Info, QStringLiteral("run-finished"),
            runMessageText(m_run), why);
        const double seconds = qMax<qint64>(1, m_run.finishedAt.toMSecsSinceEpoch() - m_startedMs) / 1000.0;
        auto metric = RunRepository(*m_store, m_clock)
                          .addMetric({m_run.id, m_run.finishedAt, QStringLiteral("items_per_second"),
                              (m_run.counters.created + m_run.counters.updated + m_run.counters.moved) / seconds});
        if (!metric)
            qCWarning(lcSync).noquote() << metric.error().toString();
    }
    if (m_leaseRenewal)
        m_leaseRenewal->stop();
    if (m_lease)
        m_lease->release(); // after the run's record: whoever starts next finds it finished
    m_outcome.status = status;
    m_outcome.dryRun = m_options.dryRun;
    m_outcome.startedAt = m_run.startedAt;
    m_outcome.finishedAt = m_run.finishedAt;
    m_outcome.message = runMessageText(m_run);
    m_outcome.error = error;
    m_outcome.counters = m_run.counters;
    m_outcome.heldBackDeletes = m_heldBackDeletes;
    m_outcome.rowsWaiting = m_rowsWaiting;
    m_outcome.writesPending = m_writesPending;
    report(RunPhase::Finished);
    emit finished(m_outcome);
}

} // namespace SyncBridge

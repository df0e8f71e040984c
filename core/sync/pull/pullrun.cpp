#include "sync/pull/pullrun.h"

#include "common/logging.h"
#include "common/translations.h"
#include "graph/connectionsettings.h"
#include "graph/discovery.h"
#include "graph/governor.h"
#include "graph/graphclient.h"
#include "secrets/secretstore.h"
#include "source/sourcereader.h"
#include "store/connectionrepository.h"
#include "store/definitionrepository.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "sync/deletemarks.h"
#include "sync/editpreview.h"
#include "sync/interruptedruns.h"
#include "sync/runlease.h"
#include "sync/runrecord.h"
#include "sync/runtext.h"
#include "sync/valueconverter.h"

#include <QCoreApplication>
#include <QTimer>
#include <QUrl>

namespace SyncBridge {

namespace {
// A pull's steps in order (docs/sync-engine.md, "Pull").
const QList<RunPhase> pullSteps = {RunPhase::Connecting, RunPhase::Resolving, RunPhase::Retrying, RunPhase::Pulling};
} // namespace

PullRun::PullRun(std::shared_ptr<MetaStore> store, SecretStore &secrets, GovernorSource governors, qint64 definitionId, RunOptions options,
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

PullRun::~PullRun()
{
    // Destroyed before it finished (the process quits): what was committed stays; the next run reads
    // the unfinished round again from the last kept link.
    if (!m_done)
        recordRunInterrupted(*m_store, m_run.id,
            QCoreApplication::translate(
                "SyncBridge::Sync", "SyncBridge quit during the pull; the next run reads the unfinished changes again."),
            m_clock);
    if (m_lease)
        m_lease->release();
}

void PullRun::start()
{
    m_startedMs = m_clock.nowUtc().toMSecsSinceEpoch();
    runStep(pullSteps.constFirst());
}

void PullRun::cancel()
{
    if (m_cancelled || m_done)
        return;
    m_cancelled = true;
    if (m_graph)
        m_graph->cancel();
}

void PullRun::runStep(RunPhase step)
{
    m_step = step;
    report(step);
    switch (step) {
    case RunPhase::Connecting:
        if (const Result<void> prepared = prepare(); !prepared) {
            fail(prepared.error());
            return;
        }
        nextStep();
        return;
    case RunPhase::Resolving:
        resolveLists(0);
        return;
    case RunPhase::Retrying:
        retryDueItems();
        return;
    case RunPhase::Pulling:
        pullList(0);
        return;
    default:
        break;
    }
    Q_ASSERT_X(false, "PullRun::runStep", "not a pull step");
}

void PullRun::nextStep()
{
    if (m_done)
        return;
    if (m_cancelled) {
        finish(RunStatus::Cancelled);
        return;
    }
    const qsizetype next = pullSteps.indexOf(m_step) + 1;
    if (next < pullSteps.size())
        runStep(pullSteps.at(next));
    else
        completed();
}

Result<void> PullRun::prepare()
{
    if (previewsAnEdit()) {
        m_definition = *m_options.definition; // the editor's unsaved state
        m_definition.id = m_definitionId;     // its ledger and cursors are the stored definition's
    } else {
        auto definition = DefinitionRepository(*m_store).byId(m_definitionId);
        if (!definition)
            return definition.error();
        m_definition = *definition;
    }
    m_siteZone = siteTimeZone(m_definition);
    m_run.definitionId = m_definitionId;
    m_run.type = m_options.dryRun ? RunType::DryRun : RunType::Pull;
    m_run.agent = thisAgent();
    stampRunOrigin(m_run, m_options);
    m_run.startedAt = m_clock.nowUtc();
    m_outcome.dryRun = m_options.dryRun;
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

    if (previewsAnEdit()) {
        if (auto refused = refuseEditThatResetsTheSyncPosition(*m_store, m_definition); !refused)
            return refused;
    }
    if (!m_definition.enabled && !m_options.dryRun) // a draft's dry run plans as usual
        return Error(ErrorCode::InvalidInput,
            QCoreApplication::translate("SyncBridge::Sync", "The definition is a draft (disabled); enable it before it runs."));
    if (m_definition.targets.isEmpty())
        return Error(ErrorCode::InvalidInput,
            QCoreApplication::translate("SyncBridge::Sync", "The definition has no SharePoint list to pull from."));
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
        return Error(ErrorCode::NotFound,
            QCoreApplication::translate("SyncBridge::Sync", "The definition's SharePoint connection no longer exists."));
    auto source = SourceReader::open(
        *database, [this](const DatabaseInstance &instance) { return readSecretBlocking(m_secrets, instance.secretRef); },
        [this](const QString &message) { event(EventSeverity::Warning, QStringLiteral("failover"), message); });
    if (!source)
        return source.error();
    m_source = std::move(*source);
    auto tables = m_source->tables();
    if (!tables)
        return tables.error();
    const auto table = std::find_if(tables->cbegin(), tables->cend(),
        [&](const TableInfo &t) { return t.schema == m_definition.source.schema && t.name == m_definition.source.table; });
    if (table == tables->cend())
        return Error(ErrorCode::NotFound,
            QCoreApplication::translate("SyncBridge::Sync", "The table %1.%2 does not exist in '%3'.")
                .arg(m_definition.source.schema, m_definition.source.table, database->name));
    m_table = *table;
    m_writeTable = {
        m_table.schema, m_table.name, m_table.columns, m_definition.keyColumns.isEmpty() ? m_table.primaryKey() : m_definition.keyColumns};
    if (m_writeTable.keyColumns.isEmpty())
        return Error(ErrorCode::InvalidInput,
            QCoreApplication::translate("SyncBridge::Sync", "The table %1 has no primary key; name the key columns in the definition.")
                .arg(m_table.qualifiedName()));
    for (const FieldMapping &mapping : std::as_const(m_definition.mappings)) {
        if (mapping.direction != FieldDirection::PushOnly)
            m_pulled << mapping;
    }
    if (auto marked = checkGoneColumn(); !marked)
        return marked.error();
    if (auto checked = checkMappings(); !checked)
        return checked;
    auto queued = LedgerRepository(*m_store).retries(m_definitionId);
    if (!queued)
        return queued.error();
    for (const RetryItem &item : std::as_const(*queued))
        m_queued.insert(item.identityHash);

    m_governor = m_governors(*connection);
    m_ruAtStart = m_governor->view().spentToday;
    m_graph = std::make_unique<GraphClient>(GraphEndpoint::from(*connection), secretSourceFor(m_secrets, *connection), m_governor, m_clock);
    connect(m_graph.get(), &GraphClient::waiting, this, [this](const ServiceWait &wait, bool) {
        m_wait = wait;
        report(wait.isBudget() ? RunPhase::WaitingForBudget : m_step);
    });
    connect(m_graph.get(), &GraphClient::resumed, this, [this]() {
        m_wait = {};
        report(m_step);
    });
    if (m_options.resetCursor && !m_options.dryRun) { // a dry run reads from the start instead (pullList)
        if (auto reset = LedgerRepository(*m_store).resetCursors(m_definitionId); !reset)
            return reset.error();
        event(EventSeverity::Info, QStringLiteral("cursor-reset"),
            QCoreApplication::translate("SyncBridge::Sync", "The cursor was reset: every item is read and compared again."));
    }
    return success();
}

Result<void> PullRun::checkGoneColumn() const
{
    if (m_definition.deletePolicy != DeletePolicy::Mark)
        return success();
    return checkRowGoneColumn(m_table, m_pulled);
}

Result<void> PullRun::checkMappings() const
{
    if (m_pulled.isEmpty())
        return Error(ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "SyncBridge::Sync", "No mapping pulls (every one is PUSH_ONLY): there is nothing to write into the table."));
    for (const FieldMapping &mapping : m_pulled) {
        const ColumnInfo *column = m_table.column(mapping.sourceColumn);
        if (!column)
            return Error(ErrorCode::InvalidInput,
                QCoreApplication::translate("SyncBridge::Sync", "Mapping %1: '%2' is not a column of %3.")
                    .arg(QStringLiteral("%1 → %2").arg(mapping.sourceColumn, mapping.targetColumn), mapping.sourceColumn,
                        m_table.qualifiedName()));
        if (column->generated)
            return Error(ErrorCode::InvalidInput,
                QCoreApplication::translate("SyncBridge::Sync", "Mapping %1: '%2' is a generated column; a pull cannot write it.")
                    .arg(QStringLiteral("%1 → %2").arg(mapping.sourceColumn, mapping.targetColumn), mapping.sourceColumn));
    }
    return success();
}

void PullRun::resolveLists(int index)
{
    if (index == 0) {
        Discovery::site(*m_graph, m_definition.targets.first().site, [this](Result<SharePointSite> site) {
            if (!site) {
                fail(site.error());
                return;
            }
            m_siteId = site->graphId;
            auto references = ReferenceResolver::make(*m_store, m_definition, *m_graph, m_siteId);
            if (!references) {
                fail(references.error());
                return;
            }
            m_references = *references;
            resolveLists(1);
        });
        return;
    }
    if (index > m_definition.targets.size()) {
        nextStep();
        return;
    }
    const SyncTarget target = m_definition.targets.at(index - 1);
    GraphRequest lookup;
    lookup.url = QStringLiteral("/sites/%1/lists/%2")
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_siteId, ",")),
                         QString::fromLatin1(QUrl::toPercentEncoding(target.listName)));
    m_graph->send(lookup, [this, index, target](GraphResponse found) {
        if (!found.ok()) {
            // A pull reads lists; it never creates one (an empty new list would read as "every row deleted").
            fail(found.status == 404
                    ? Error(ErrorCode::NotFound,
                        QCoreApplication::translate(
                            "SyncBridge::Sync", "The list '%1' does not exist in SharePoint; a pull reads an existing list.")
                            .arg(target.listName))
                    : describeGraphFailure(found, QCoreApplication::translate("SyncBridge::Sync", "The list '%1'").arg(target.listName)));
            return;
        }
        PulledList list;
        list.name = target.listName;
        list.listId = found.body.value(QStringLiteral("id")).toString();
        Discovery::columns(*m_graph, m_siteId, list.listId, [this, index, list](Result<QList<SharePointColumn>> columns) mutable {
            if (!columns) {
                fail(columns.error());
                return;
            }
            for (const SharePointColumn &column : std::as_const(*columns))
                list.columns.insert(column.name, column);
            for (const FieldMapping &mapping : std::as_const(m_pulled)) {
                // ID, Author, Editor, … are the item's own (pullValue reads them where Graph puts them).
                if (!list.columns.contains(mapping.targetColumn) && !Discovery::isSystemField(mapping.targetColumn)) {
                    fail(Error(ErrorCode::InvalidInput,
                        QCoreApplication::translate("SyncBridge::Sync", "The list '%1' has no column '%2' (mapping %3).")
                            .arg(list.name, mapping.targetColumn,
                                QStringLiteral("%1 → %2").arg(mapping.sourceColumn, mapping.targetColumn))));
                    return;
                }
            }
            m_lists << list;
            resolveLists(index + 1);
        });
    });
}

void PullRun::completed()
{
    if (m_options.dryRun) { // says what the run would: items that would fail, deletions held back
        for (auto it = m_outcome.failures.cbegin(); it != m_outcome.failures.cend(); ++it) {
            event(EventSeverity::Warning, QStringLiteral("rows-would-fail"),
                QCoreApplication::translate("SyncBridge::Sync", "%n row(s) would fail: %1", nullptr, pluralCount(it.value())).arg(it.key()),
                QJsonObject{{QStringLiteral("error"), it.key()}, {QStringLiteral("rows"), it.value()}});
        }
        finish(m_run.counters.failed > 0 || m_heldBackDeletes > 0 ? RunStatus::PartiallyFailed : RunStatus::Succeeded);
        return;
    }
    auto waiting = LedgerRepository(*m_store).retryQueueSummary(m_definitionId);
    if (!waiting) {
        fail(waiting.error());
        return;
    }
    m_rowsWaiting = waiting->waiting;
    m_nextRetryAt = waiting->nextAttemptAt;
    const bool partly = m_run.counters.failed > 0 || m_heldBackDeletes > 0 || m_rowsWaiting > 0;
    finish(partly ? RunStatus::PartiallyFailed : RunStatus::Succeeded);
}

qint64 PullRun::ruSpentByThisRun() const
{
    return ruSpentSince(m_governor.get(), m_ruAtStart);
}

void PullRun::report(RunPhase phase)
{
    RunProgress progress;
    progress.phase = phase;
    progress.counters = m_run.counters;
    progress.counters.ruSpent = ruSpentByThisRun();
    progress.itemsPerSecond = itemsPerSecond(m_run.counters, m_startedMs, m_clock.nowUtc());
    progress.wait = m_wait;
    emit this->progress(progress);
}

void PullRun::event(EventSeverity severity, const QString &type, const QString &message, const QJsonObject &payload)
{
    recordRunEvent(*m_store, m_clock, m_run.id, severity, type, message, payload);
}

void PullRun::fail(const Error &error)
{
    if (m_cancelled) {
        finish(RunStatus::Cancelled);
        return;
    }
    qCWarning(lcSync).noquote() << "pull of definition" << m_definitionId << "failed while" << runPhaseId(m_step) << ":"
                                << error.toString();
    finish(RunStatus::Failed, error.message(), error);
}

void PullRun::finish(RunStatus status, const QString &message, const std::optional<Error> &error)
{
    if (m_done)
        return;
    m_done = true;
    m_wait = {};
    if (m_cancelled)
        status = RunStatus::Cancelled;
    m_run.status = status;
    m_run.finishedAt = m_clock.nowUtc();
    RunSummary summary;
    if (status == RunStatus::Cancelled) {
        summary.kind = RunSummary::Kind::Cancelled;
        m_run.message = storedRunSummary(summary);
    } else if (!message.isEmpty()) {
        m_run.message = message;
    } else {
        summary.kind = m_options.dryRun ? RunSummary::Kind::DryRun : RunSummary::Kind::Sync;
        summary.rowsWaiting = m_rowsWaiting;
        summary.nextRetryAt = m_nextRetryAt;
        m_run.message = storedRunSummary(summary);
    }
    m_run.counters.ruSpent = ruSpentByThisRun();
    if (m_run.id > 0) {
        if (auto updated = RunRepository(*m_store, m_clock).updateRun(m_run); !updated)
            qCWarning(lcSync).noquote() << "cannot record the run's end:" << updated.error().toString();
        QJsonObject why = runErrorPayload(error);
        if (status == RunStatus::Succeeded || status == RunStatus::PartiallyFailed) {
            why.insert(QStringLiteral("heldBackDeletes"), m_heldBackDeletes);
            why.insert(QStringLiteral("retryQueue"), m_rowsWaiting);
        }
        event(status == RunStatus::Failed ? EventSeverity::Error : EventSeverity::Info, QStringLiteral("run-finished"),
            runMessageText(m_run), why);
        if (auto metric = RunRepository(*m_store, m_clock)
                              .addMetric({m_run.id, m_run.finishedAt, QStringLiteral("items_per_second"),
                                  itemsPerSecond(m_run.counters, m_startedMs, m_run.finishedAt)});
            !metric)
            qCWarning(lcSync).noquote() << metric.error().toString();
    }
    if (m_leaseRenewal)
        m_leaseRenewal->stop();
    if (m_lease)
        m_lease->release();
    m_outcome.status = status;
    m_outcome.startedAt = m_run.startedAt;
    m_outcome.finishedAt = m_run.finishedAt;
    m_outcome.message = runMessageText(m_run);
    m_outcome.error = error;
    m_outcome.counters = m_run.counters;
    m_outcome.heldBackDeletes = m_heldBackDeletes;
    m_outcome.rowsWaiting = m_rowsWaiting;
    report(RunPhase::Finished);
    emit finished(m_outcome);
}

} // namespace SyncBridge

#include "sync/twoway/twowayrun.h"

#include "common/logging.h"
#include "graph/batchwriter.h"
#include "graph/connectionsettings.h"
#include "graph/discovery.h"
#include "graph/governor.h"
#include "graph/graphclient.h"
#include "graph/provisioning.h"
#include "graph/referencecolumns.h"
#include "secrets/secretstore.h"
#include "source/sourcereader.h"
#include "store/connectionrepository.h"
#include "store/definitionrepository.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "sync/definitioncheck.h"
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

#include <limits>

namespace SyncBridge {

namespace {
// A two-way run's steps in order (docs/sync-engine.md, "Two-way").
const QList<RunPhase> twoWaySteps = {RunPhase::Connecting, RunPhase::Resolving, RunPhase::Recovering, RunPhase::Pulling, RunPhase::Pushing};
} // namespace

TwoWayRun::TwoWayRun(std::shared_ptr<MetaStore> store, SecretStore &secrets, GovernorSource governors, qint64 definitionId,
    RunOptions options, const Clock &clock, QObject *parent)
    : SyncJob(parent)
    , m_store(std::move(store))
    , m_secrets(secrets)
    , m_governors(std::move(governors))
    , m_definitionId(definitionId)
    , m_options(std::move(options))
    , m_clock(clock)
{
}

TwoWayRun::~TwoWayRun()
{
    // Destroyed before it finished: what was written on either side compares equal next run (agreed,
    // not written again), and the delta link was not kept, so SharePoint's changes are read again.
    if (!m_done)
        recordRunInterrupted(*m_store, m_run.id,
            QCoreApplication::translate(
                "SyncBridge::Sync", "SyncBridge quit during the two-way run; the next run compares both sides again."),
            m_clock);
    if (m_lease)
        m_lease->release();
}

bool TwoWayRun::RowPlan::needsDatabase() const
{
    return kind == Kind::CreateRow || kind == Kind::DeleteRow || kind == Kind::MarkRow || (kind == Kind::Merge && !rowWrite.isEmpty());
}

bool TwoWayRun::RowPlan::needsSharePoint() const
{
    return kind == Kind::CreateItem || kind == Kind::DeleteItem || kind == Kind::FlagItem || kind == Kind::Twin
        || (kind == Kind::Merge && !sharePointWrite.isEmpty());
}

void TwoWayRun::start()
{
    m_startedMs = m_clock.nowUtc().toMSecsSinceEpoch();
    runStep(twoWaySteps.constFirst());
}

void TwoWayRun::cancel()
{
    if (m_cancelled || m_done)
        return;
    m_cancelled = true;
    if (m_graph)
        m_graph->cancel();
    if (m_settling && m_settling->isActive())
        m_settling->start(0); // the next step finds the run cancelled
}

void TwoWayRun::runStep(RunPhase step)
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
        resolveList();
        return;
    case RunPhase::Recovering:
        awaitEarlierWrites();
        return;
    case RunPhase::Pulling:
        readChanges();
        return;
    case RunPhase::Pushing:
        resolveItemReferences([this]() {
            if (const Result<void> planned = plan(); !planned) {
                fail(planned.error());
                return;
            }
            if (m_options.dryRun) {
                dryRunOutcome();
                nextStep();
                return;
            }
            resolveWriteReferences([this]() { nameEditors([this]() { writeDatabase(); }); });
        });
        return;
    default:
        break;
    }
    Q_ASSERT_X(false, "TwoWayRun::runStep", "not a two-way step");
}

void TwoWayRun::nextStep()
{
    if (m_done)
        return;
    if (m_cancelled) {
        finish(RunStatus::Cancelled);
        return;
    }
    const qsizetype next = twoWaySteps.indexOf(m_step) + 1;
    if (next < twoWaySteps.size())
        runStep(twoWaySteps.at(next));
    else
        completed();
}

Result<void> TwoWayRun::prepare()
{
    if (previewsAnEdit()) {
        m_definition = *m_options.definition; // the editor's unsaved state
        m_definition.id = m_definitionId;     // its ledger, agreed states and delta link are the stored definition's
        if (auto refused = refuseEditThatResetsTheSyncPosition(*m_store, m_definition); !refused)
            return refused;
    } else {
        auto definition = DefinitionRepository(*m_store).byId(m_definitionId);
        if (!definition)
            return definition.error();
        m_definition = *definition;
    }
    m_siteZone = siteTimeZone(m_definition);
    m_run.definitionId = m_definitionId;
    m_run.type = m_options.dryRun ? RunType::DryRun : RunType::TwoWay;
    m_run.agent = thisAgent();
    stampRunOrigin(m_run, m_options);
    m_run.startedAt = m_clock.nowUtc();
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

    if (!m_definition.enabled && !m_options.dryRun)
        return Error(ErrorCode::InvalidInput, tr("The definition is a draft (disabled); enable it before it runs."));
    if (m_definition.targets.size() != 1 || m_definition.targetStrategy != TargetStrategy::Single)
        return Error(ErrorCode::Unsupported, twoWayOneListReason());
    for (const FieldMapping &mapping : std::as_const(m_definition.mappings)) {
        if (mapping.systemField || Discovery::isSystemField(mapping.targetColumn))
            return Error(ErrorCode::Unsupported,
                tr("Mapping %1: a two-way definition cannot sync SharePoint's system field '%2' (every write changes it); "
                   "use a PULL definition for it.")
                    .arg(QStringLiteral("%1 → %2").arg(mapping.sourceColumn, mapping.targetColumn), mapping.targetColumn));
        if (!mapping.transform.isEmpty())
            return Error(ErrorCode::Unsupported,
                tr("Mapping %1: a two-way definition cannot transform values (a transform is not undone on the way back).")
                    .arg(QStringLiteral("%1 → %2").arg(mapping.sourceColumn, mapping.targetColumn)));
        m_mappings << mapping;
    }
    if (m_mappings.isEmpty())
        return Error(ErrorCode::InvalidInput, tr("The definition maps no field."));

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
        return Error(ErrorCode::NotFound, tr("The definition's SharePoint connection no longer exists."));
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
            tr("The table %1.%2 does not exist in '%3'.").arg(m_definition.source.schema, m_definition.source.table, database->name));
    m_table = *table;
    m_writeTable = {
        m_table.schema, m_table.name, m_table.columns, m_definition.keyColumns.isEmpty() ? m_table.primaryKey() : m_definition.keyColumns};
    if (m_writeTable.keyColumns.isEmpty())
        return Error(ErrorCode::InvalidInput,
            tr("The table %1 has no primary key; name the key columns in the definition.").arg(m_table.qualifiedName()));
    for (const FieldMapping &mapping : std::as_const(m_mappings)) {
        const ColumnInfo *column = m_table.column(mapping.sourceColumn);
        if (!column)
            return Error(ErrorCode::InvalidInput,
                tr("Mapping %1: '%2' is not a column of %3.")
                    .arg(QStringLiteral("%1 → %2").arg(mapping.sourceColumn, mapping.targetColumn), mapping.sourceColumn,
                        m_table.qualifiedName()));
        if (!mapping.descriptionColumn.isEmpty() && !m_table.column(mapping.descriptionColumn))
            return Error(ErrorCode::InvalidInput,
                tr("Mapping %1: the description column '%2' is not a column of %3.")
                    .arg(QStringLiteral("%1 → %2").arg(mapping.sourceColumn, mapping.targetColumn), mapping.descriptionColumn,
                        m_table.qualifiedName()));
        if (column->generated && mapping.direction != FieldDirection::PushOnly)
            return Error(ErrorCode::InvalidInput,
                tr("Mapping %1: '%2' is a generated column; make the mapping PUSH_ONLY.")
                    .arg(QStringLiteral("%1 → %2").arg(mapping.sourceColumn, mapping.targetColumn), mapping.sourceColumn));
    }
    if (m_definition.deletePolicy == DeletePolicy::Mark) {
        QList<FieldMapping> writtenBack;
        std::copy_if(m_mappings.cbegin(), m_mappings.cend(), std::back_inserter(writtenBack),
            [](const FieldMapping &mapping) { return mapping.direction != FieldDirection::PushOnly; });
        if (auto markable = checkRowGoneColumn(m_table, writtenBack); !markable)
            return markable.error();
    }

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
    if (m_options.resetCursor && !m_options.dryRun) {
        if (auto reset = LedgerRepository(*m_store).resetCursors(m_definitionId); !reset)
            return reset.error();
        event(EventSeverity::Info, QStringLiteral("cursor-reset"), tr("The cursor was reset: every item is read and compared again."));
    }
    return success();
}

void TwoWayRun::resolveList()
{
    const SyncTarget target = m_definition.targets.first();
    m_listName = target.listName;
    Discovery::site(*m_graph, target.site, [this, target](Result<SharePointSite> site) {
        if (!site) {
            fail(site.error());
            return;
        }
        m_siteId = site->graphId;
        m_writer = new BatchWriter(*m_graph, m_siteId, this);
        auto references = ReferenceResolver::make(*m_store, m_definition, *m_graph, m_siteId);
        if (!references) {
            fail(references.error());
            return;
        }
        m_references = *references;
        GraphRequest lookup;
        lookup.url = QStringLiteral("/sites/%1/lists/%2")
                         .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_siteId, ",")),
                             QString::fromLatin1(QUrl::toPercentEncoding(target.listName)));
        m_graph->send(lookup, [this, target](GraphResponse found) {
            if (found.ok()) {
                readColumns(found.body.value(QStringLiteral("id")).toString());
                return;
            }
            if (found.status != 404) {
                fail(describeGraphFailure(found, tr("The list '%1'").arg(target.listName)));
                return;
            }
            if (m_options.dryRun) { // a dry run creates nothing; it plans against the list as it is
                fail(Error(ErrorCode::NotFound,
                    tr("The list '%1' does not exist yet; a two-way dry run plans against an existing list (a real run creates it).")
                        .arg(target.listName)));
                return;
            }
            if (!target.listGraphId.isEmpty()) { // written before and gone since: never silently recreated
                fail(Error(ErrorCode::NotFound,
                    tr("The list '%1' was deleted or renamed in SharePoint. Restore it, or remove its id from the definition.")
                        .arg(target.listName)));
                return;
            }
            // A new list is provisioned from the table, as a push does: the rows go into it.
            ListPlan list = planList(m_table, target.listName);
            planReferenceColumns(list, m_table, m_definition.mappings, m_references->lookupLists());
            provisionList(*m_graph, m_siteId, list, [this, target](Result<ProvisioningReport> report) {
                if (!report) {
                    fail(report.error());
                    return;
                }
                event(EventSeverity::Info, QStringLiteral("list-provisioned"),
                    QCoreApplication::translate(
                        "SyncBridge::Sync", "Created the list '%1' with %n column(s).", nullptr, int(report->addedColumns.size()))
                        .arg(target.listName));
                readColumns(report->listId);
            });
        });
    });
}

void TwoWayRun::readColumns(const QString &listId)
{
    m_listId = listId;
    Discovery::columns(*m_graph, m_siteId, listId, [this](Result<QList<SharePointColumn>> columns) {
        if (!columns) {
            fail(columns.error());
            return;
        }
        for (const SharePointColumn &column : std::as_const(*columns))
            m_columns.insert(column.name, column);
        if (m_definition.deletePolicy == DeletePolicy::Mark && !m_columns.contains(goneFromSourceColumn) && !m_options.dryRun) {
            // MARK flags the item of a row deleted in the database: the list gets the flag column once.
            provisionList(*m_graph, m_siteId, itemGoneFlagPlan(m_listName), [this](Result<ProvisioningReport> added) {
                if (!added) {
                    fail(added.error());
                    return;
                }
                m_columns.clear();
                readColumns(m_listId);
            });
            return;
        }
        for (const FieldMapping &mapping : std::as_const(m_mappings)) {
            if (!m_columns.contains(mapping.targetColumn)) {
                fail(Error(ErrorCode::InvalidInput,
                    tr("The list '%1' has no column '%2' (mapping %3).")
                        .arg(m_listName, mapping.targetColumn, QStringLiteral("%1 → %2").arg(mapping.sourceColumn, mapping.targetColumn))));
                return;
            }
        }
        if (m_definition.targets.first().listGraphId != m_listId && !m_options.dryRun) {
            m_definition.targets[0].listGraphId = m_listId;
            if (auto saved = DefinitionRepository(*m_store).rememberListIds(m_definition); !saved) {
                fail(saved.error());
                return;
            }
        }
        nextStep();
    });
}

void TwoWayRun::awaitEarlierWrites()
{
    // A run before this one that ended without giving the lease back may have creates on their way: one
    // landing after this run read the list would look missing, and its row would be created a second
    // time. Once none can land any more, the changes read again (the delta link was not kept) hold
    // them, and the plan pairs each with its row by key or SyncBridgeKey, as it pairs a first run's.
    const QDateTime landBy = m_lease ? m_lease->earlierWritesLandBy() : QDateTime();
    const qint64 waitMs = landBy.isValid() ? m_clock.nowUtc().msecsTo(landBy) : 0;
    if (waitMs <= 0) {
        nextStep();
        return;
    }
    event(EventSeverity::Info, QStringLiteral("waiting-for-earlier-writes"),
        tr("An earlier run of this definition ended while its writes were on their way to SharePoint; the run waits until %1 "
           "UTC, when none of them can still land, before it reads the list, so nothing that run created is created again.")
            .arg(landBy.toUTC().toString(QStringLiteral("HH:mm:ss"))),
        QJsonObject{{QStringLiteral("until"), landBy.toUTC().toString(Qt::ISODate)}, {QStringLiteral("waitMs"), waitMs}});
    m_settling = new QTimer(this);
    m_settling->setSingleShot(true);
    connect(m_settling, &QTimer::timeout, this, &TwoWayRun::nextStep);
    m_settling->start(int(qMin<qint64>(waitMs, std::numeric_limits<int>::max())));
}

void TwoWayRun::completed()
{
    auto waiting = LedgerRepository(*m_store).retryQueueSummary(m_definitionId);
    if (!waiting) {
        fail(waiting.error());
        return;
    }
    m_outcome.rowsWaiting = waiting->waiting;
    const bool partly = m_run.counters.failed > 0 || m_heldBackDeletes > 0 || m_outcome.rowsWaiting > 0;
    finish(partly ? RunStatus::PartiallyFailed : RunStatus::Succeeded);
}

qint64 TwoWayRun::ruSpentByThisRun() const
{
    return ruSpentSince(m_governor.get(), m_ruAtStart);
}

void TwoWayRun::report(RunPhase phase)
{
    RunProgress progress;
    progress.phase = phase;
    progress.counters = m_run.counters;
    progress.counters.ruSpent = ruSpentByThisRun();
    progress.itemsPerSecond = itemsPerSecond(m_run.counters, m_startedMs, m_clock.nowUtc());
    progress.wait = m_wait;
    emit this->progress(progress);
}

void TwoWayRun::event(EventSeverity severity, const QString &type, const QString &message, const QJsonObject &payload)
{
    recordRunEvent(*m_store, m_clock, m_run.id, severity, type, message, payload);
}

void TwoWayRun::fail(const Error &error)
{
    if (m_cancelled) {
        finish(RunStatus::Cancelled);
        return;
    }
    qCWarning(lcSync).noquote() << "two-way run of definition" << m_definitionId << "failed while" << runPhaseId(m_step) << ":"
                                << error.toString();
    finish(RunStatus::Failed, error.message(), error);
}

void TwoWayRun::finish(RunStatus status, const QString &message, const std::optional<Error> &error)
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
        summary.rowsWaiting = m_outcome.rowsWaiting;
        m_run.message = storedRunSummary(summary);
    }
    m_run.counters.ruSpent = ruSpentByThisRun();
    // Each side's writes, as the outcome's plan shows them per list ("database create", …).
    QMap<QString, qint64> sides{{QStringLiteral("database create"), m_counts.rowsCreated},
        {QStringLiteral("database update"), m_counts.rowsUpdated}, {QStringLiteral("database delete"), m_counts.rowsDeleted},
        {QStringLiteral("sharepoint create"), m_counts.itemsCreated}, {QStringLiteral("sharepoint update"), m_counts.itemsUpdated},
        {QStringLiteral("sharepoint delete"), m_counts.itemsDeleted}, {QStringLiteral("database mark"), m_counts.rowsMarked},
        {QStringLiteral("sharepoint mark"), m_counts.itemsMarked}, {QStringLiteral("match"), m_counts.matched},
        {QStringLiteral("conflict"), m_counts.conflicts}, {QStringLiteral("conflict queued"), m_counts.conflictsQueued},
        {QStringLiteral("conflict applied"), m_counts.conflictsApplied}};
    if (!m_listName.isEmpty() && !m_options.dryRun)
        m_outcome.plan.insert(m_listName, sides);
    if (m_run.id > 0) {
        if (auto updated = RunRepository(*m_store, m_clock).updateRun(m_run); !updated)
            qCWarning(lcSync).noquote() << "cannot record the run's end:" << updated.error().toString();
        QJsonObject why = runErrorPayload(error);
        if (status == RunStatus::Succeeded || status == RunStatus::PartiallyFailed) {
            why.insert(QStringLiteral("heldBackDeletes"), m_heldBackDeletes);
            why.insert(QStringLiteral("retryQueue"), m_outcome.rowsWaiting);
            QJsonObject written;
            for (auto it = sides.cbegin(); it != sides.cend(); ++it)
                written.insert(it.key(), it.value());
            why.insert(QStringLiteral("twoWay"), written);
        }
        event(status == RunStatus::Failed ? EventSeverity::Error : EventSeverity::Info, QStringLiteral("run-finished"),
            runMessageText(m_run), why);
        RunRepository runs(*m_store, m_clock);
        for (const RunMetric &metric : {RunMetric{m_run.id, m_run.finishedAt, QStringLiteral("items_per_second"),
                                            itemsPerSecond(m_run.counters, m_startedMs, m_run.finishedAt)},
                 RunMetric{m_run.id, m_run.finishedAt, QStringLiteral("database_writes"), double(m_counts.databaseWrites())},
                 RunMetric{m_run.id, m_run.finishedAt, QStringLiteral("sharepoint_writes"), double(m_counts.sharePointWrites())}}) {
            if (auto added = runs.addMetric(metric); !added)
                qCWarning(lcSync).noquote() << added.error().toString();
        }
    }
    if (m_leaseRenewal)
        m_leaseRenewal->stop();
    if (m_lease)
        m_lease->release();
    m_outcome.status = status;
    m_outcome.dryRun = m_options.dryRun;
    m_outcome.startedAt = m_run.startedAt;
    m_outcome.finishedAt = m_run.finishedAt;
    m_outcome.message = runMessageText(m_run);
    m_outcome.error = error;
    m_outcome.counters = m_run.counters;
    m_outcome.heldBackDeletes = m_heldBackDeletes;
    report(RunPhase::Finished);
    emit finished(m_outcome);
}

} // namespace SyncBridge

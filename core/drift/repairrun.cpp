#include "drift/repairrun.h"

#include "common/logging.h"
#include "common/translations.h"
#include "drift/driftcheck.h"
#include "graph/connectionsettings.h"
#include "graph/governor.h"
#include "graph/graphclient.h"
#include "store/connectionrepository.h"
#include "store/definitionrepository.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "store/sql.h"
#include "sync/interruptedruns.h"
#include "sync/runlease.h"
#include "sync/runrecord.h"

#include <QCoreApplication>
#include <QTimer>

namespace SyncBridge {
namespace {

const QString syncBridgeKey = QStringLiteral("SyncBridgeKey");
// Only the fields that differ, with their OData annotations ("tags@odata.type").
QJsonObject differingFields(const DriftEntry &entry)
{
    QJsonObject fields;
    for (const FieldChange &change : entry.changes) {
        for (auto it = entry.fields.constBegin(); it != entry.fields.constEnd(); ++it) {
            if (it.key() == change.field || it.key().startsWith(change.field + QLatin1Char('@')))
                fields.insert(it.key(), it.value());
        }
    }
    return fields;
}

QJsonObject withKey(QJsonObject fields, const QString &key)
{
    fields.insert(syncBridgeKey, key);
    return fields;
}

} // namespace

RepairRun::RepairRun(std::shared_ptr<MetaStore> store, SecretStore &secrets, GovernorSource governors, qint64 definitionId,
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

RepairRun::~RepairRun()
{
    if (!m_done)
        recordRunInterrupted(*m_store, m_run.id,
            QCoreApplication::translate("SyncBridge::Drift", "SyncBridge quit during the repair; what it had written stays. Check again."),
            m_clock);
    if (m_lease)
        m_lease->release();
}

bool RepairRun::repairs(DriftClass driftClass) const
{
    const QString classes = m_options.repairClasses.isEmpty() ? repairableClasses() : m_options.repairClasses;
    return driftClass != DriftClass::Unkeyed && driftClass != DriftClass::InSync && classes.contains(driftSymbol(driftClass));
}

void RepairRun::event(EventSeverity severity, const QString &type, const QString &message, const QJsonObject &payload)
{
    recordRunEvent(*m_store, m_clock, m_run.id, severity, type, message, payload);
}

void RepairRun::report(RunPhase phase)
{
    RunProgress progress;
    progress.phase = phase;
    progress.counters = m_run.counters;
    progress.counters.ruSpent = ruSpent();
    progress.planned = m_writes.size() + m_deletes.size();
    emit this->progress(progress);
}

qint64 RepairRun::ruSpent() const
{
    return ruSpentSince(m_governor.get(), m_ruAtStart);
}

void RepairRun::start()
{
    report(RunPhase::Connecting);
    if (auto prepared = prepare(); !prepared) {
        fail(prepared.error());
        return;
    }
    report(RunPhase::Resolving);
    m_check = new DriftCheck(m_store, m_secrets, m_governors, m_definitionId, m_clock, this);
    m_check->setRecorded(false);
    connect(m_check, &DriftCheck::finished, this, &RepairRun::checked);
    m_check->start();
}

void RepairRun::cancel()
{
    m_cancelled = true;
    if (m_check)
        m_check->cancel();
    if (m_graph)
        m_graph->cancel();
}

Result<void> RepairRun::prepare()
{
    auto definition = DefinitionRepository(*m_store).byId(m_definitionId);
    if (!definition)
        return definition.error();
    m_definition = *definition;
    m_run.definitionId = m_definitionId;
    m_run.type = m_options.dryRun ? RunType::DryRun : RunType::Repair;
    m_run.agent = thisAgent();
    stampRunOrigin(m_run, m_options);
    m_run.startedAt = m_clock.nowUtc();
    m_outcome.dryRun = m_options.dryRun;
    m_outcome.startedAt = m_run.startedAt;
    if (auto marked = markInterruptedRuns(*m_store, m_definitionId, m_clock); !marked)
        return marked.error();
    if (!m_options.dryRun) { // a repair writes: never beside a push, a pull or another repair
        auto lease = RunLease::acquire(*m_store, m_definitionId, m_clock);
        if (!lease)
            return lease.error();
        m_lease = std::move(*lease);
        m_leaseRenewal = keepRenewing(this, *m_lease, [this](const Error &lost) { fail(lost); });
    }
    auto started = RunRepository(*m_store, m_clock).startRun(m_run);
    if (!started)
        return started.error();
    m_outcome.runId = m_run.id;
    if (m_lease)
        m_lease->attachRun(m_run.id);

    ConnectionRepository connections(*m_store);
    auto sharePoint = connections.sharePointConnections();
    if (!sharePoint)
        return sharePoint.error();
    if (m_definition.targets.isEmpty())
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Drift", "The definition has no SharePoint list."));
    const auto connection = std::find_if(sharePoint->cbegin(), sharePoint->cend(),
        [&](const SharePointConnection &c) { return c.id == m_definition.targets.first().connectionId; });
    if (connection == sharePoint->cend())
        return Error(ErrorCode::NotFound,
            QCoreApplication::translate("SyncBridge::Drift", "The definition's SharePoint connection no longer exists."));
    m_governor = m_governors(*connection);
    m_ruAtStart = m_governor->view().spentToday;
    m_graph = std::make_unique<GraphClient>(GraphEndpoint::from(*connection), secretSourceFor(m_secrets, *connection), m_governor, m_clock);
    return success();
}

void RepairRun::checked()
{
    if (m_done)
        return;
    if (m_check->error()) {
        fail(*m_check->error());
        return;
    }
    m_report = m_check->report();
    if (!m_report.dataNotCompared.isEmpty()) { // schema drift blocks: there is nothing safe to repair
        fail(Error(ErrorCode::InvalidInput,
            QCoreApplication::translate("SyncBridge::Drift", "The repair cannot run: %1 Run `drift check` for what to do.")
                .arg(m_report.dataNotCompared)));
        return;
    }
    m_run.counters.rowsRead = m_report.sourceRows;
    m_writer = std::make_unique<BatchWriter>(*m_graph, m_check->siteId());
    plan();
}

void RepairRun::plan()
{
    report(RunPhase::Planning);
    const QSet<QString> chosen(m_options.repairOnly.cbegin(), m_options.repairOnly.cend());
    if (const QString notFound = keysNotFoundWarning(m_report, chosen); !notFound.isEmpty())
        m_outcome.warnings << notFound;
    for (const DriftEntry &entry : std::as_const(m_report.entries)) {
        if (!repairs(entry.driftClass) || (!chosen.isEmpty() && !chosen.contains(driftEntryKey(entry))))
            continue;
        switch (entry.driftClass) {
        case DriftClass::Missing:
            if (entry.listId.isEmpty())
                continue; // the list does not exist yet: a push provisions it
            m_writes.append({entry,
                {ItemOperation::Kind::Create, entry.listId, {}, withKey(entry.fields, entry.identityHash), {}, entry.identityHash}});
            break;
        case DriftClass::Differs:
            m_writes.append(
                {entry, {ItemOperation::Kind::Update, entry.listId, entry.itemId, differingFields(entry), {}, entry.identityHash}});
            break;
        case DriftClass::WrongList:
            if (entry.expectedListId.isEmpty())
                continue;
            m_writes.append({entry,
                {ItemOperation::Kind::Create, entry.expectedListId, {}, withKey(entry.fields, entry.identityHash), {},
                    entry.identityHash}});
            break;
        case DriftClass::Orphan:
        case DriftClass::Duplicate:
            m_deletes.append({entry, {ItemOperation::Kind::Delete, entry.listId, entry.itemId, {}, {}, entry.identityHash}});
            break;
        case DriftClass::InSync:
        case DriftClass::Unkeyed:
            break;
        }
    }
    // Adopting is part of repairing what differs or is missing: an item that holds its row is linked, not made again.
    if (repairs(DriftClass::Missing) || repairs(DriftClass::Differs)) {
        QSet<QString> chosenRows;
        for (const Write &write : std::as_const(m_writes))
            chosenRows.insert(write.entry.identityHash);
        for (const DriftEntry &unlinked : std::as_const(m_report.unlinked)) {
            if (chosen.isEmpty() || chosenRows.contains(unlinked.identityHash))
                m_adoptions << unlinked;
        }
    }
    holdBackMassDeletes();
    for (const Write &write : std::as_const(m_writes)) {
        const QString list = write.entry.driftClass == DriftClass::WrongList ? write.entry.expectedList : write.entry.list;
        const QString action = write.entry.driftClass == DriftClass::Missing ? QStringLiteral("create")
            : write.entry.driftClass == DriftClass::Differs                  ? QStringLiteral("update")
                                                                             : QStringLiteral("move");
        ++m_outcome.plan[list][action];
    }
    for (const Write &write : std::as_const(m_deletes))
        ++m_outcome.plan[write.entry.list][QStringLiteral("delete")];
    for (const DriftEntry &entry : std::as_const(m_adoptions))
        ++m_outcome.plan[entry.list][QStringLiteral("adopt")];
    if (m_options.dryRun) {
        previewPlan();
        return;
    }
    if (m_cancelled) {
        finish(
            RunStatus::Cancelled, QCoreApplication::translate("SyncBridge::Drift", "The repair was cancelled before it wrote anything."));
        return;
    }
    if (auto adopted = adopt(); !adopted) {
        fail(adopted.error());
        return;
    }
    report(RunPhase::Pushing);
    writeNext();
}

void RepairRun::holdBackMassDeletes()
{
    // The breaker of a push's deletes, per list: orphans and duplicates against the list's items.
    QHash<QString, qint64> deletions;
    for (const Write &write : std::as_const(m_deletes))
        ++deletions[write.entry.list];
    QSet<QString> heldBack;
    for (auto it = deletions.constBegin(); it != deletions.constEnd(); ++it) {
        const qint64 items = m_report.lists.value(it.key()).items;
        const MassDeleteCheck check{it.key(), it.value(), items, m_definition.maxDeleteShare};
        if (double(it.value()) <= m_definition.maxDeleteShare * double(items) || (m_approve && m_approve(check)))
            continue;
        heldBack.insert(it.key());
        m_outcome.heldBackDeletes += it.value();
        const QString message = QCoreApplication::translate("SyncBridge::Drift",
            "Held back %n deletion(s) in '%1': %2 % of its %L3 items, above the limit of %4 %. "
            "Check the list, then confirm the deletions (syncbridge-cli drift repair --allow-mass-delete).",
            nullptr, pluralCount(it.value()))
                                    .arg(it.key())
                                    .arg(items > 0 ? 100.0 * double(it.value()) / double(items) : 100.0, 0, 'f', 1)
                                    .arg(items)
                                    .arg(100.0 * m_definition.maxDeleteShare, 0, 'f', 0);
        m_outcome.warnings << message;
        event(EventSeverity::Warning, QStringLiteral("deletes-held-back"), message,
            QJsonObject{{QStringLiteral("list"), it.key()}, {QStringLiteral("deletions"), it.value()}, {QStringLiteral("items"), items}});
    }
    if (!heldBack.isEmpty())
        m_deletes.erase(
            std::remove_if(m_deletes.begin(), m_deletes.end(), [&](const Write &write) { return heldBack.contains(write.entry.list); }),
            m_deletes.end());
}

void RepairRun::previewPlan()
{
    const auto row = [](const DriftEntry &entry, const QString &action) {
        PreviewRow preview;
        preview.action = action;
        preview.identity = entry.identity;
        preview.list = entry.list;
        preview.fields = withoutAnnotations(entry.fields);
        preview.itemListId = entry.listId;
        preview.itemId = entry.itemId;
        return preview;
    };
    for (const Write &write : std::as_const(m_writes)) {
        const DriftEntry &entry = write.entry;
        if (entry.driftClass == DriftClass::Missing) {
            m_outcome.preview << row(entry, QStringLiteral("create"));
        } else if (entry.driftClass == DriftClass::Differs) {
            PreviewRow preview = row(entry, QStringLiteral("update"));
            preview.changes = entry.changes;
            preview.currentKnown = true;
            m_outcome.preview << preview;
        } else {
            PreviewRow preview = row(entry, QStringLiteral("move"));
            preview.list = entry.expectedList;
            preview.fromList = entry.list;
            preview.currentKnown = true;
            m_outcome.preview << preview;
        }
    }
    for (const Write &write : std::as_const(m_deletes)) {
        PreviewRow preview = row(write.entry, QStringLiteral("delete"));
        if (preview.identity.isEmpty())
            preview.identity = QCoreApplication::translate("SyncBridge::Drift", "item %1").arg(write.entry.itemId);
        m_outcome.preview << preview;
    }
    for (const DriftEntry &entry : std::as_const(m_adoptions))
        m_outcome.preview << row(entry, QStringLiteral("adopt"));
    finishRepair();
}

Result<void> RepairRun::adopt()
{
    if (m_adoptions.isEmpty())
        return success();
    QList<LedgerEntry> entries;
    const QDateTime now = m_clock.nowUtc();
    for (const DriftEntry &adoption : std::as_const(m_adoptions)) {
        LedgerEntry entry;
        entry.definitionId = m_definitionId;
        entry.identityHash = adoption.identityHash;
        entry.identityText = adoption.identityText;
        entry.listGraphId = adoption.listId;
        entry.itemId = adoption.itemId;
        // An item that differs keeps no hash: the next push (or this repair's update) writes it whole.
        const bool differs = std::any_of(m_report.entries.cbegin(), m_report.entries.cend(), [&](const DriftEntry &e) {
            return e.driftClass == DriftClass::Differs && e.itemId == adoption.itemId && e.listId == adoption.listId;
        });
        entry.contentHash = differs ? QString() : adoption.contentHash;
        entry.state = LedgerState::Synced;
        entry.syncedAt = now;
        entries << entry;
    }
    QSqlDatabase db = m_store->connection();
    if (auto written = inTransaction(db, [&]() { return LedgerRepository(*m_store).upsert(entries); }); !written)
        return written;
    m_adopted = entries.size();
    event(EventSeverity::Info, QStringLiteral("items-adopted"),
        QCoreApplication::translate(
            "SyncBridge::Drift", "Adopted %n item(s) that held their row but were not in the ledger.", nullptr, pluralCount(m_adopted)));
    return success();
}

void RepairRun::finishRepair()
{
    QStringList parts;
    const auto part = [&](const char *text, qint64 count) {
        if (count > 0)
            parts << QCoreApplication::translate("SyncBridge::Drift", text, nullptr, pluralCount(count));
    };
    qint64 creates = 0, updates = 0, moves = 0, deletes = 0, adoptions = 0;
    for (const auto &list : std::as_const(m_outcome.plan)) {
        creates += list.value(QStringLiteral("create"));
        updates += list.value(QStringLiteral("update"));
        moves += list.value(QStringLiteral("move"));
        deletes += list.value(QStringLiteral("delete"));
        adoptions += list.value(QStringLiteral("adopt"));
    }
    if (m_options.dryRun) {
        part(QT_TRANSLATE_N_NOOP("SyncBridge::Drift", "%n item(s) to create"), creates);
        part(QT_TRANSLATE_N_NOOP("SyncBridge::Drift", "%n item(s) to update"), updates);
        part(QT_TRANSLATE_N_NOOP("SyncBridge::Drift", "%n item(s) to move"), moves);
        part(QT_TRANSLATE_N_NOOP("SyncBridge::Drift", "%n item(s) to delete"), deletes);
        part(QT_TRANSLATE_N_NOOP("SyncBridge::Drift", "%n item(s) to adopt"), adoptions);
    } else {
        part(QT_TRANSLATE_N_NOOP("SyncBridge::Drift", "%n item(s) created"), m_run.counters.created);
        part(QT_TRANSLATE_N_NOOP("SyncBridge::Drift", "%n item(s) updated"), m_run.counters.updated);
        part(QT_TRANSLATE_N_NOOP("SyncBridge::Drift", "%n item(s) moved"), m_run.counters.moved);
        part(QT_TRANSLATE_N_NOOP("SyncBridge::Drift", "%n item(s) deleted"), m_run.counters.deleted);
        part(QT_TRANSLATE_N_NOOP("SyncBridge::Drift", "%n item(s) adopted"), m_adopted);
        part(QT_TRANSLATE_N_NOOP("SyncBridge::Drift", "%n item(s) failed"), m_failed);
    }
    part(QT_TRANSLATE_N_NOOP("SyncBridge::Drift", "%n deletion(s) held back"), m_outcome.heldBackDeletes);
    QString message = parts.isEmpty() ? QCoreApplication::translate("SyncBridge::Drift", "Nothing to repair.")
                                      : (m_options.dryRun ? QCoreApplication::translate("SyncBridge::Drift", "Repair preview: %1.")
                                                          : QCoreApplication::translate("SyncBridge::Drift", "Repair: %1."))
                                            .arg(parts.join(QStringLiteral(", ")));
    m_run.counters.failed = m_failed;
    const RunStatus status = m_cancelled                  ? RunStatus::Cancelled
        : (m_failed > 0 || m_outcome.heldBackDeletes > 0) ? RunStatus::PartiallyFailed
                                                          : RunStatus::Succeeded;
    finish(status, message);
}

void RepairRun::fail(const Error &error)
{
    finish(error.code() == ErrorCode::Cancelled ? RunStatus::Cancelled : RunStatus::Failed, error.message(), error);
}

void RepairRun::finish(RunStatus status, const QString &message, const std::optional<Error> &error)
{
    if (m_done)
        return;
    m_done = true;
    if (m_leaseRenewal)
        m_leaseRenewal->stop();
    m_run.status = status;
    m_run.finishedAt = m_clock.nowUtc();
    m_run.message = message;
    m_run.counters.ruSpent = ruSpent();
    if (m_run.id > 0) {
        RunRepository runs(*m_store, m_clock);
        event(error ? EventSeverity::Error : EventSeverity::Info, QStringLiteral("run-finished"), message, runErrorPayload(error));
        if (auto saved = runs.saveListCounts(m_run.id, m_outcome.plan); !saved)
            qCWarning(lcSync).noquote() << "cannot record the repair's counts:" << saved.error().toString();
        if (auto updated = runs.updateRun(m_run); !updated)
            qCWarning(lcSync).noquote() << "cannot record the repair:" << updated.error().toString();
    }
    if (m_lease)
        m_lease->release();
    m_outcome.status = status;
    m_outcome.message = message;
    m_outcome.error = error;
    m_outcome.counters = m_run.counters;
    m_outcome.finishedAt = m_run.finishedAt;
    report(RunPhase::Finished);
    emit finished(m_outcome);
}

} // namespace SyncBridge

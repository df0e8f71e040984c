#include "store/runrepository.h"

#include "store/metastore.h"
#include "store/sql.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSqlQuery>

namespace SyncBridge {
namespace {

const QString runColumns
    = QStringLiteral("id, definition_id, run_type, status, started_at, finished_at, rows_read, created, updated, moved, deleted,"
                     " skipped, failed, ru_spent, agent, message, agent_name, run_trigger");

SyncRun runFromQuery(const QSqlQuery &query)
{
    SyncRun run;
    run.id = query.value(0).toLongLong();
    run.definitionId = query.value(1).toLongLong();
    run.type = fromString<RunType>(query.value(2).toString()).value_or(RunType::Push);
    run.status = fromString<RunStatus>(query.value(3).toString()).value_or(RunStatus::Failed);
    run.startedAt = fromStoredTime(query.value(4));
    run.finishedAt = fromStoredTime(query.value(5));
    run.counters.rowsRead = query.value(6).toLongLong();
    run.counters.created = query.value(7).toLongLong();
    run.counters.updated = query.value(8).toLongLong();
    run.counters.moved = query.value(9).toLongLong();
    run.counters.deleted = query.value(10).toLongLong();
    run.counters.skipped = query.value(11).toLongLong();
    run.counters.failed = query.value(12).toLongLong();
    run.counters.ruSpent = query.value(13).toLongLong();
    run.agent = query.value(14).toString();
    run.message = query.value(15).toString();
    run.agentName = query.value(16).toString();
    // Runs recorded before migration 13 have no trigger: every run was started by hand then.
    run.trigger = fromString<RunTrigger>(query.value(17).toString()).value_or(RunTrigger::Manual);
    return run;
}

QString whereClause(const RunFilter &filter, QVariantList &binds)
{
    QStringList conditions;
    if (filter.definitionId > 0) {
        conditions << QStringLiteral("definition_id = ?");
        binds << filter.definitionId;
    }
    if (filter.status) {
        conditions << QStringLiteral("status = ?");
        binds << enumName(*filter.status);
    }
    if (filter.dryRun) {
        conditions << (*filter.dryRun ? QStringLiteral("run_type = ?") : QStringLiteral("run_type <> ?"));
        binds << enumName(RunType::DryRun);
    }
    if (filter.type) {
        conditions << QStringLiteral("run_type = ?");
        binds << enumName(*filter.type);
    }
    if (filter.from.isValid()) {
        conditions << QStringLiteral("started_at >= ?");
        binds << toStoredTime(filter.from);
    }
    if (filter.to.isValid()) {
        conditions << QStringLiteral("started_at < ?");
        binds << toStoredTime(filter.to);
    }
    return conditions.isEmpty() ? QString() : QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
}

// The columns eventFrom() reads, in its order.
const QString eventColumns = QStringLiteral("SELECT id, run_id, at, severity, event_type, message, payload_json FROM sync_events");

RunEvent eventFrom(const QSqlQuery &query)
{
    RunEvent event;
    event.id = query.value(0).toLongLong();
    event.runId = query.value(1).toLongLong();
    event.at = fromStoredTime(query.value(2));
    event.severity = fromString<EventSeverity>(query.value(3).toString()).value_or(EventSeverity::Info);
    event.type = query.value(4).toString();
    event.message = query.value(5).toString();
    event.payload = QJsonDocument::fromJson(query.value(6).toString().toUtf8()).object();
    return event;
}

} // namespace

Result<qint64> RunRepository::startRun(SyncRun &run)
{
    if (!run.startedAt.isValid())
        run.startedAt = m_clock.nowUtc();
    auto id = insertReturningId(m_store.connection(),
        QStringLiteral("INSERT INTO sync_runs (definition_id, run_type, status, started_at, agent, message, agent_name,"
                       " run_trigger) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
        {run.definitionId, enumName(run.type), enumName(run.status), toStoredTime(run.startedAt), nullIfEmpty(run.agent),
            nullIfEmpty(run.message), nullIfEmpty(run.agentName), enumName(run.trigger)});
    if (id)
        run.id = *id;
    return id;
}

Result<void> RunRepository::updateRun(const SyncRun &run)
{
    const RunCounters &c = run.counters;
    auto query = execute(m_store.connection(),
                         QStringLiteral("UPDATE sync_runs SET status = ?, finished_at = ?, rows_read = ?, created = ?, updated = ?,"
                                        " moved = ?, deleted = ?, skipped = ?, failed = ?, ru_spent = ?, message = ? WHERE id = ?"),
                         {enumName(run.status), toStoredTime(run.finishedAt), c.rowsRead, c.created, c.updated, c.moved, c.deleted,
                          c.skipped, c.failed, c.ruSpent, nullIfEmpty(run.message), run.id});
    return query ? success() : Result<void>(query.error());
}

Result<void> RunRepository::saveListCounts(qint64 runId, const ListCounts &counts)
{
    QSqlDatabase db = m_store.connection();
    return inTransaction(db, [&]() -> Result<void> {
        if (auto cleared = execute(db, QStringLiteral("DELETE FROM sync_run_lists WHERE run_id = ?"), {runId}); !cleared)
            return cleared.error();
        for (auto list = counts.constBegin(); list != counts.constEnd(); ++list) {
            for (auto action = list->constBegin(); action != list->constEnd(); ++action) {
                auto inserted
                    = execute(db, QStringLiteral("INSERT INTO sync_run_lists (run_id, list_name, action, row_count) VALUES (?, ?, ?, ?)"),
                        {runId, list.key(), action.key(), action.value()});
                if (!inserted)
                    return inserted.error();
            }
        }
        return success();
    });
}

Result<RunRepository::ListCounts> RunRepository::listCounts(qint64 runId) const
{
    auto query = execute(
        m_store.connection(), QStringLiteral("SELECT list_name, action, row_count FROM sync_run_lists WHERE run_id = ?"), {runId});
    if (!query)
        return query.error();
    ListCounts counts;
    while (query->next())
        counts[query->value(0).toString()][query->value(1).toString()] = query->value(2).toLongLong();
    return counts;
}

Result<SyncRun> RunRepository::run(qint64 id) const
{
    auto query = execute(m_store.connection(), QStringLiteral("SELECT %1 FROM sync_runs WHERE id = ?").arg(runColumns), {id});
    if (!query)
        return query.error();
    if (!query->next())
        return Error(ErrorCode::NotFound, QCoreApplication::translate("SyncBridge::Store", "No run with id %1 exists.").arg(id));
    return runFromQuery(*query);
}

Result<QList<SyncRun>> RunRepository::runs(const RunFilter &filter) const
{
    QVariantList binds;
    const QString where = whereClause(filter, binds);
    binds << filter.limit << filter.offset;
    auto query = execute(m_store.connection(),
                         QStringLiteral("SELECT %1 FROM sync_runs%2 ORDER BY started_at DESC, id DESC LIMIT ? OFFSET ?").arg(runColumns, where),
                         binds);
    if (!query)
        return query.error();
    QList<SyncRun> result;
    while (query->next())
        result << runFromQuery(*query);
    return result;
}

Result<qint64> RunRepository::countRuns(const RunFilter &filter) const
{
    QVariantList binds;
    const QString where = whereClause(filter, binds);
    auto query = execute(m_store.connection(), QStringLiteral("SELECT COUNT(*) FROM sync_runs") + where, binds);
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : 0;
}

Result<qint64> RunRepository::addEvent(RunEvent &event)
{
    if (!event.at.isValid())
        event.at = m_clock.nowUtc();
    const QVariant payload = event.payload.isEmpty()
        ? QVariant(QMetaType::fromType<QString>())
        : QVariant(QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Compact)));
    auto id = insertReturningId(m_store.connection(),
                                QStringLiteral("INSERT INTO sync_events (run_id, at, severity, event_type, message, payload_json)"
                                               " VALUES (?, ?, ?, ?, ?, ?) RETURNING id"),
                                {event.runId, toStoredTime(event.at), enumName(event.severity), emptyIfNull(event.type), emptyIfNull(event.message), payload});
    if (id)
        event.id = *id;
    return id;
}

Result<QList<RunEvent>> RunRepository::events(qint64 runId) const
{
    auto query = execute(m_store.connection(), eventColumns + QStringLiteral(" WHERE run_id = ? ORDER BY id"), {runId});
    if (!query)
        return query.error();
    QList<RunEvent> result;
    while (query->next())
        result << eventFrom(*query);
    return result;
}

Result<QHash<qint64, QList<RunEvent>>> RunRepository::eventsOfType(const QList<qint64> &runIds, const QStringList &types) const
{
    QHash<qint64, QList<RunEvent>> result;
    if (runIds.isEmpty() || types.isEmpty())
        return result;
    QVariantList binds;
    QStringList runMarks, typeMarks;
    for (qint64 id : runIds) {
        runMarks << QStringLiteral("?");
        binds << id;
    }
    for (const QString &type : types) {
        typeMarks << QStringLiteral("?");
        binds << type;
    }
    auto query = execute(m_store.connection(),
        eventColumns
            + QStringLiteral(" WHERE run_id IN (%1) AND event_type IN (%2) ORDER BY id")
                  .arg(runMarks.join(QLatin1Char(',')), typeMarks.join(QLatin1Char(','))),
        binds);
    if (!query)
        return query.error();
    while (query->next()) {
        const RunEvent event = eventFrom(*query);
        result[event.runId] << event;
    }
    return result;
}

Result<void> RunRepository::addMetric(const RunMetric &metric)
{
    const QDateTime at = metric.at.isValid() ? metric.at : m_clock.nowUtc();
    auto query = execute(m_store.connection(), QStringLiteral("INSERT INTO run_metrics (run_id, at, name, value) VALUES (?, ?, ?, ?)"),
                         {metric.runId, toStoredTime(at), metric.name, metric.value});
    return query ? success() : Result<void>(query.error());
}

Result<QList<RunMetric>> RunRepository::metrics(qint64 runId) const
{
    auto query = execute(m_store.connection(), QStringLiteral("SELECT at, name, value FROM run_metrics WHERE run_id = ? ORDER BY at, id"), {runId});
    if (!query)
        return query.error();
    QList<RunMetric> result;
    while (query->next())
        result.append({runId, fromStoredTime(query->value(0)), query->value(1).toString(), query->value(2).toDouble()});
    return result;
}

} // namespace SyncBridge

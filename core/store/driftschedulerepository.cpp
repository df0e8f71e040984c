#include "store/driftschedulerepository.h"

#include "store/metastore.h"
#include "store/sql.h"

namespace SyncBridge {

Result<QList<DriftCheckSchedule>> DriftScheduleRepository::schedules() const
{
    auto query = execute(m_store.connection(),
        QStringLiteral("SELECT id, name, enabled, drift_check_cron, schedule_time_zone FROM sync_definitions"
                       " WHERE drift_check_cron IS NOT NULL AND drift_check_cron <> '' ORDER BY id"));
    if (!query)
        return query.error();
    QList<DriftCheckSchedule> schedules;
    while (query->next()) {
        DriftCheckSchedule schedule;
        schedule.definitionId = query->value(0).toLongLong();
        schedule.name = query->value(1).toString();
        schedule.enabled = query->value(2).toInt() != 0;
        schedule.cron = query->value(3).toString();
        schedule.timeZone = query->value(4).toString();
        schedules << schedule;
    }
    return schedules;
}

Result<bool> DriftScheduleRepository::claim(qint64 definitionId, const QDateTime &occurrenceAt, const QString &agent)
{
    const QSqlDatabase db = m_store.connection();
    auto inserted = execute(db,
        QStringLiteral("INSERT INTO drift_check_claims (definition_id, occurrence_at, agent, claimed_at) VALUES (?, ?, ?, %1)"
                       " ON CONFLICT (definition_id, occurrence_at) DO NOTHING RETURNING agent")
            .arg(databaseNowSql(db)),
        {definitionId, toStoredTime(occurrenceAt), agent});
    if (!inserted)
        return inserted.error();
    return inserted->next();
}

Result<void> DriftScheduleRepository::finish(qint64 definitionId, const QDateTime &occurrenceAt, qint64 runId, const QString &outcome)
{
    auto updated = execute(m_store.connection(),
        QStringLiteral("UPDATE drift_check_claims SET run_id = ?, outcome = ? WHERE definition_id = ? AND occurrence_at = ?"),
        {runId > 0 ? QVariant(runId) : QVariant(), outcome, definitionId, toStoredTime(occurrenceAt)});
    return updated ? success() : Result<void>(updated.error());
}

} // namespace SyncBridge

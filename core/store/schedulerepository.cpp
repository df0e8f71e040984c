#include "store/schedulerepository.h"

#include "store/metastore.h"
#include "store/sql.h"

namespace SyncBridge {

Result<QList<ScheduledDefinition>> ScheduleRepository::scheduledDefinitions() const
{
    auto query = execute(m_store.connection(),
        QStringLiteral("SELECT d.id, d.name, d.enabled, d.schedule_cron, d.schedule_time_zone, d.schedule_missed, d.schedule_paused,"
                       " d.updated_at, (SELECT MAX(c.occurrence_at) FROM schedule_claims c WHERE c.definition_id = d.id),"
                       " d.mode FROM sync_definitions d WHERE d.schedule_cron IS NOT NULL AND d.schedule_cron <> '' ORDER BY d.id"));
    if (!query)
        return query.error();
    QList<ScheduledDefinition> definitions;
    while (query->next()) {
        ScheduledDefinition definition;
        definition.id = query->value(0).toLongLong();
        definition.name = query->value(1).toString();
        definition.enabled = query->value(2).toInt() != 0;
        definition.cron = query->value(3).toString();
        definition.timeZone = query->value(4).toString();
        definition.missed = fromString<MissedRunPolicy>(query->value(5).toString()).value_or(MissedRunPolicy::CatchUpOnce);
        definition.paused = query->value(6).toInt() != 0;
        definition.changedAt = fromStoredTime(query->value(7));
        if (!query->value(8).isNull())
            definition.lastOccurrence = fromStoredTime(query->value(8));
        definition.streams = fromString<SyncMode>(query->value(9).toString()) == SyncMode::Cdc;
        definitions << definition;
    }
    // Lookups reference definitions by name (docs/definitions.md); a name no definition has is no dependency.
    auto references = execute(m_store.connection(),
        QStringLiteral("SELECT DISTINCT m.definition_id, r.id FROM field_mappings m JOIN sync_definitions r ON r.name = "
                       "m.referenced_definition WHERE m.kind = 'LOOKUP' AND r.id <> m.definition_id"));
    if (!references)
        return references.error();
    while (references->next()) {
        for (ScheduledDefinition &definition : definitions) {
            if (definition.id == references->value(0).toLongLong())
                definition.dependsOn << references->value(1).toLongLong();
        }
    }
    return definitions;
}

Result<DefinitionsMark> ScheduleRepository::definitionsMark() const
{
    auto query = execute(m_store.connection(), QStringLiteral("SELECT COUNT(*), COALESCE(MAX(updated_at), 0) FROM sync_definitions"));
    if (!query)
        return query.error();
    DefinitionsMark mark;
    if (query->next()) {
        mark.count = query->value(0).toLongLong();
        mark.latestChange = query->value(1).toLongLong();
    }
    return mark;
}

Result<void> ScheduleRepository::pauseSchedule(qint64 definitionId, const QDateTime &now)
{
    // Never moves updated_at backwards: the mark agents poll must change.
    auto query = execute(m_store.connection(),
        QStringLiteral("UPDATE sync_definitions SET schedule_paused = 1,"
                       " updated_at = CASE WHEN updated_at >= ? THEN updated_at + 1 ELSE ? END WHERE id = ?"),
        {toStoredTime(now), toStoredTime(now), definitionId});
    return query ? success() : Result<void>(query.error());
}

} // namespace SyncBridge

#include "store/definitionrepository.h"

#include "model/syncstatechange.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QUuid>

namespace SyncBridge {
namespace {

// A draft may lack a site or a list name (the editor saves incomplete definitions disabled): an
// empty text, which Qt Sql would bind as NULL while it is a null QString.
QString notNull(const QString &text)
{
    return text.isNull() ? QString(0, QChar()) : text;
}

QString shardingToJson(const ShardingPolicy &policy)
{
    QJsonArray rules;
    for (const ShardingRule &rule : policy.rules)
        rules.append(QJsonObject{{QStringLiteral("condition"), rule.condition}, {QStringLiteral("target"), rule.targetName}});
    const QJsonObject json{{QStringLiteral("rules"), rules}, {QStringLiteral("default"), policy.defaultTargetName}};
    return QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Compact));
}

ShardingPolicy shardingFromJson(const QString &text)
{
    const QJsonObject json = QJsonDocument::fromJson(text.toUtf8()).object();
    ShardingPolicy policy;
    policy.defaultTargetName = json.value(QStringLiteral("default")).toString();
    const QJsonArray rules = json.value(QStringLiteral("rules")).toArray();
    for (const QJsonValue &value : rules) {
        const QJsonObject rule = value.toObject();
        policy.rules.append({rule.value(QStringLiteral("condition")), rule.value(QStringLiteral("target")).toString()});
    }
    return policy;
}

const QString selectDefinitions
    = QStringLiteral("SELECT d.id, d.name, d.description, d.enabled, d.mode, d.conflict_policy, d.key_strategy, d.cursor_strategy,"
                     " d.cursor_column, d.delete_policy, d.max_delete_share, d.schedule_cron, d.schedule_time_zone, d.target_strategy,"
                     " d.sharding_json, s.database_id, db.name, s.schema_name, s.table_name, d.key_salt, d.schedule_missed,"
                     " d.schedule_paused, d.drift_check_cron"
                     " FROM sync_definitions d"
                     " LEFT JOIN sync_sources s ON s.definition_id = d.id"
                     " LEFT JOIN databases db ON db.id = s.database_id");

} // namespace

Result<qint64> DefinitionRepository::save(SyncDefinition &definition, StateChange stateChange)
{
    QSqlDatabase db = m_store.connection();
    Result<qint64> id = definition.id;
    auto saved = inTransaction(db, [&]() -> Result<void> {
        id = saveInCurrentTransaction(definition, stateChange);
        return id ? success() : Result<void>(id.error());
    });
    if (!saved)
        return saved.error();
    return id;
}

Result<qint64> DefinitionRepository::saveInCurrentTransaction(SyncDefinition &definition, StateChange stateChange)
{
    if (definition.id != 0) {
        if (auto changed = applyStateChange(definition, stateChange); !changed)
            return changed.error();
    }
    const QSqlDatabase db = m_store.connection();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const QVariantList values{definition.name, nullIfEmpty(definition.description), int(definition.enabled), enumName(definition.mode),
        enumName(definition.conflictPolicy), enumName(definition.keyStrategy), enumName(definition.cursorStrategy),
        nullIfEmpty(definition.cursorColumn), enumName(definition.deletePolicy), definition.maxDeleteShare,
        nullIfEmpty(definition.scheduleCron), nullIfEmpty(definition.scheduleTimeZone), enumName(definition.targetStrategy),
        shardingToJson(definition.sharding), enumName(definition.missedRuns), int(definition.schedulePaused),
        nullIfEmpty(definition.driftCheckCron)};
    if (definition.id == 0) {
        if (definition.keySalt.isEmpty())
            definition.keySalt = QUuid::createUuid().toString(QUuid::Id128).left(16);
        QVariantList binds = values;
        binds << now << now << definition.keySalt;
        auto id = insertReturningId(db,
            QStringLiteral("INSERT INTO sync_definitions (name, description, enabled, mode, conflict_policy, key_strategy,"
                           " cursor_strategy, cursor_column, delete_policy, max_delete_share, schedule_cron,"
                           " schedule_time_zone, target_strategy, sharding_json, schedule_missed, schedule_paused,"
                           " drift_check_cron, created_at, updated_at, key_salt)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            binds);
        if (!id)
            return id.error();
        definition.id = *id;
    } else {
        QVariantList binds = values;
        binds << now << definition.id;
        auto updated = execute(db,
            QStringLiteral("UPDATE sync_definitions SET name = ?, description = ?, enabled = ?, mode = ?, conflict_policy = ?,"
                           " key_strategy = ?, cursor_strategy = ?, cursor_column = ?, delete_policy = ?,"
                           " max_delete_share = ?, schedule_cron = ?, schedule_time_zone = ?, target_strategy = ?,"
                           " sharding_json = ?, schedule_missed = ?, schedule_paused = ?, drift_check_cron = ?, updated_at = ?"
                           " WHERE id = ?"),
            binds);
        if (!updated)
            return updated.error();
        // Children are replaced wholesale; targets keep their ids so ledger rows stay meaningful.
        for (const char *table : {"sync_sources", "sync_key_columns", "field_mappings"}) {
            auto cleared = execute(db, QStringLiteral("DELETE FROM %1 WHERE definition_id = ?").arg(QLatin1String(table)), {definition.id});
            if (!cleared)
                return cleared.error();
        }
    }

    auto source = execute(db, QStringLiteral("INSERT INTO sync_sources (definition_id, database_id, schema_name, table_name) VALUES (?, ?, ?, ?)"),
                          {definition.id, definition.source.databaseId, definition.source.schema, definition.source.table});
    if (!source)
        return source.error();
    for (int i = 0; i < definition.keyColumns.size(); ++i) {
        auto key = execute(db, QStringLiteral("INSERT INTO sync_key_columns (definition_id, position, column_name) VALUES (?, ?, ?)"),
                           {definition.id, i, definition.keyColumns.at(i)});
        if (!key)
            return key.error();
    }

    QStringList keptTargets;
    for (int i = 0; i < definition.targets.size(); ++i) {
        SyncTarget &target = definition.targets[i];
        auto id = insertReturningId(db,
            QStringLiteral(
                "INSERT INTO sync_targets (definition_id, position, name, connection_id, site, list_name, list_graph_id, site_time_zone)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (definition_id, name) DO UPDATE SET"
                " position = excluded.position, connection_id = excluded.connection_id, site = excluded.site,"
                " list_name = excluded.list_name, list_graph_id = excluded.list_graph_id,"
                " site_time_zone = excluded.site_time_zone RETURNING id"),
            {definition.id, i, target.name, target.connectionId, notNull(target.site), notNull(target.listName),
                nullIfEmpty(target.listGraphId), nullIfEmpty(target.siteTimeZone)});
        if (!id)
            return id.error();
        target.id = *id;
        keptTargets << QString::number(target.id);
    }
    auto staleTargets = execute(db,
                                QStringLiteral("DELETE FROM sync_targets WHERE definition_id = ?%1")
                                    .arg(keptTargets.isEmpty() ? QString() : QStringLiteral(" AND id NOT IN (%1)").arg(keptTargets.join(QLatin1Char(',')))),
                                {definition.id});
    if (!staleTargets)
        return staleTargets.error();

    for (int i = 0; i < definition.mappings.size(); ++i) {
        FieldMapping &mapping = definition.mappings[i];
        auto id = insertReturningId(db,
            QStringLiteral("INSERT INTO field_mappings (definition_id, position, source_column, target_column, direction,"
                           " system_field, is_key, transform, kind, referenced_definition, description_column,"
                           " rich_text, add_choices) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {definition.id, i, mapping.sourceColumn, mapping.targetColumn, enumName(mapping.direction), int(mapping.systemField),
                int(mapping.key), nullIfEmpty(mapping.transform), enumName(mapping.kind), nullIfEmpty(mapping.referencedDefinition),
                nullIfEmpty(mapping.descriptionColumn), int(mapping.richText), int(mapping.addsChoices)});
        if (!id)
            return id.error();
        mapping.id = *id;
    }
    return definition.id;
}

Result<void> DefinitionRepository::rememberListIds(const SyncDefinition &definition)
{
    const QSqlDatabase db = m_store.connection();
    for (const SyncTarget &target : definition.targets) {
        auto updated = execute(db, QStringLiteral("UPDATE sync_targets SET list_graph_id = ? WHERE definition_id = ? AND name = ?"),
            {nullIfEmpty(target.listGraphId), definition.id, target.name});
        if (!updated)
            return updated.error();
    }
    return success();
}

Result<bool> DefinitionRepository::hasSyncState(qint64 definitionId) const
{
    auto query = execute(m_store.connection(),
        QStringLiteral("SELECT 1 FROM sync_ledger WHERE definition_id = ?"
                       " UNION ALL SELECT 1 FROM sync_cursors WHERE definition_id = ?"
                       " UNION ALL SELECT 1 FROM retry_queue WHERE definition_id = ? LIMIT 1"),
        {definitionId, definitionId, definitionId});
    if (!query)
        return query.error();
    return query->next();
}

Result<void> DefinitionRepository::applyStateChange(const SyncDefinition &edited, StateChange stateChange)
{
    auto stored = byId(edited.id);
    if (!stored)
        return stored.error().code() == ErrorCode::NotFound ? success() : Result<void>(stored.error());
    const SyncStateChange change = syncStateChange(*stored, edited);
    if (!change.any())
        return success();
    auto synced = hasSyncState(edited.id);
    if (!synced)
        return synced.error();
    if (!*synced)
        return success(); // never ran: nothing to reinterpret
    if (stateChange == StateChange::Refuse)
        return Error(ErrorCode::NeedsConfirmation,
            QCoreApplication::translate("SyncBridge::Definitions",
                "'%1' has been synced, and this edit changes how its rows are read or told apart (%2). Saving it resets the sync "
                "position: the next run reads every row again and matches rows to the items they made, so nothing is duplicated.")
                .arg(stored->name, change.reasons.join(QStringLiteral("; "))));
    LedgerRepository ledger(m_store);
    if (auto reset = ledger.resetCursors(edited.id); !reset)
        return reset;
    // Queued rows are named by their old identity; the full read after the reset covers them.
    if (auto cleared = ledger.clearRetries(edited.id); !cleared)
        return cleared;
    if (change.keyColumnsChanged)
        return ledger.requestRekey(edited.id, QDateTime::currentDateTimeUtc());
    return success();
}

Result<QList<SyncDefinition>> DefinitionRepository::load(const QString &where, const QVariantList &binds) const
{
    auto query = execute(m_store.connection(), selectDefinitions + QLatin1Char(' ') + where + QStringLiteral(" ORDER BY d.name"), binds);
    if (!query)
        return query.error();
    QList<SyncDefinition> result;
    while (query->next()) {
        SyncDefinition d;
        d.id = query->value(0).toLongLong();
        d.name = query->value(1).toString();
        d.description = query->value(2).toString();
        d.enabled = query->value(3).toInt() != 0;
        d.mode = fromString<SyncMode>(query->value(4).toString()).value_or(SyncMode::Push);
        d.conflictPolicy = fromString<ConflictPolicy>(query->value(5).toString()).value_or(ConflictPolicy::SourceWins);
        d.keyStrategy = fromString<KeyStrategy>(query->value(6).toString()).value_or(KeyStrategy::PrimaryKey);
        d.cursorStrategy = fromString<CursorStrategy>(query->value(7).toString()).value_or(CursorStrategy::UpdatedAt);
        d.cursorColumn = query->value(8).toString();
        d.deletePolicy = fromString<DeletePolicy>(query->value(9).toString()).value_or(DeletePolicy::Leave);
        d.maxDeleteShare = query->value(10).toDouble();
        d.scheduleCron = query->value(11).toString();
        d.scheduleTimeZone = query->value(12).toString();
        d.targetStrategy = fromString<TargetStrategy>(query->value(13).toString()).value_or(TargetStrategy::Single);
        d.sharding = shardingFromJson(query->value(14).toString());
        d.source.databaseId = query->value(15).toLongLong();
        d.source.databaseName = query->value(16).toString();
        d.source.schema = query->value(17).toString();
        d.source.table = query->value(18).toString();
        d.keySalt = query->value(19).toString();
        d.missedRuns = fromString<MissedRunPolicy>(query->value(20).toString()).value_or(MissedRunPolicy::CatchUpOnce);
        d.schedulePaused = query->value(21).toInt() != 0;
        d.driftCheckCron = query->value(22).toString();
        result << d;
    }
    for (SyncDefinition &definition : result) {
        auto loaded = loadChildren(definition);
        if (!loaded)
            return loaded.error();
    }
    return result;
}

Result<void> DefinitionRepository::loadChildren(SyncDefinition &definition) const
{
    const QSqlDatabase db = m_store.connection();
    auto keys = execute(db, QStringLiteral("SELECT column_name FROM sync_key_columns WHERE definition_id = ? ORDER BY position"), {definition.id});
    if (!keys)
        return keys.error();
    while (keys->next())
        definition.keyColumns << keys->value(0).toString();

    auto targets = execute(db,
        QStringLiteral("SELECT t.id, t.name, t.connection_id, c.name, t.site, t.list_name, t.list_graph_id, t.site_time_zone"
                       " FROM sync_targets t JOIN sharepoint_connections c ON c.id = t.connection_id"
                       " WHERE t.definition_id = ? ORDER BY t.position"),
        {definition.id});
    if (!targets)
        return targets.error();
    while (targets->next()) {
        SyncTarget target;
        target.id = targets->value(0).toLongLong();
        target.name = targets->value(1).toString();
        target.connectionId = targets->value(2).toLongLong();
        target.connectionName = targets->value(3).toString();
        target.site = targets->value(4).toString();
        target.listName = targets->value(5).toString();
        target.listGraphId = targets->value(6).toString();
        target.siteTimeZone = targets->value(7).toString();
        definition.targets << target;
    }

    auto mappings = execute(db,
        QStringLiteral("SELECT id, source_column, target_column, direction, system_field, is_key, transform, kind,"
                       " referenced_definition, description_column, rich_text, add_choices FROM field_mappings WHERE definition_id = ? "
                       "ORDER BY position"),
        {definition.id});
    if (!mappings)
        return mappings.error();
    while (mappings->next()) {
        FieldMapping mapping;
        mapping.id = mappings->value(0).toLongLong();
        mapping.sourceColumn = mappings->value(1).toString();
        mapping.targetColumn = mappings->value(2).toString();
        mapping.direction = fromString<FieldDirection>(mappings->value(3).toString()).value_or(FieldDirection::Bidirectional);
        mapping.systemField = mappings->value(4).toInt() != 0;
        mapping.key = mappings->value(5).toInt() != 0;
        mapping.transform = mappings->value(6).toString();
        mapping.kind = fromString<FieldKind>(mappings->value(7).toString()).value_or(FieldKind::Value);
        mapping.referencedDefinition = mappings->value(8).toString();
        mapping.descriptionColumn = mappings->value(9).toString();
        mapping.richText = mappings->value(10).toInt() != 0;
        mapping.addsChoices = mappings->value(11).toInt() != 0;
        definition.mappings << mapping;
    }
    return success();
}

Result<QList<SyncDefinition>> DefinitionRepository::all() const
{
    return load({}, {});
}

Result<SyncDefinition> DefinitionRepository::byId(qint64 id) const
{
    return singleOr(load(QStringLiteral("WHERE d.id = ?"), {id}),
                    Error(ErrorCode::NotFound, QCoreApplication::translate("SyncBridge::Store", "No sync definition with id %1 exists.").arg(id)));
}

Result<SyncDefinition> DefinitionRepository::byName(const QString &name) const
{
    return singleOr(load(QStringLiteral("WHERE d.name = ?"), {name}),
                    Error(ErrorCode::NotFound, QCoreApplication::translate("SyncBridge::Store", "No sync definition is called '%1'.").arg(name)));
}

Result<void> DefinitionRepository::remove(qint64 id)
{
    auto query = execute(m_store.connection(), QStringLiteral("DELETE FROM sync_definitions WHERE id = ?"), {id});
    return query ? success() : Result<void>(query.error());
}

} // namespace SyncBridge

#include "store/conflictrepository.h"

#include "store/metastore.h"
#include "store/sql.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace SyncBridge {
namespace {

const QString conflictColumns = QStringLiteral(
    "id, definition_id, identity_hash, identity_text, list_graph_id, item_id, field, column_name, base_value, database_value,"
    " sharepoint_value, database_changed_at, sharepoint_modified_at, sharepoint_editor, run_id, detected_at, resolution,"
    " resolved_value, resolved_by, resolved_at, applied_run_id, applied_at");

// A JSON scalar is not a JSON document: stored inside a one-element array, so null, numbers,
// strings and arrays keep their type.
QString storedValue(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

QJsonValue valueFromStore(const QVariant &stored)
{
    const QJsonDocument document = QJsonDocument::fromJson(stored.toString().toUtf8());
    return document.isArray() && !document.array().isEmpty() ? document.array().first() : QJsonValue(QJsonValue::Null);
}

SyncConflict conflictFromQuery(const QSqlQuery &query)
{
    SyncConflict conflict;
    conflict.id = query.value(0).toLongLong();
    conflict.definitionId = query.value(1).toLongLong();
    conflict.identityHash = query.value(2).toString();
    conflict.identityText = query.value(3).toString();
    conflict.listGraphId = query.value(4).toString();
    conflict.itemId = query.value(5).toString();
    conflict.field = query.value(6).toString();
    conflict.column = query.value(7).toString();
    conflict.baseValue = valueFromStore(query.value(8));
    conflict.databaseValue = valueFromStore(query.value(9));
    conflict.sharePointValue = valueFromStore(query.value(10));
    conflict.databaseChangedAt = fromStoredTime(query.value(11));
    conflict.sharePointModifiedAt = fromStoredTime(query.value(12));
    conflict.sharePointEditor = query.value(13).toString();
    conflict.runId = query.value(14).toLongLong();
    conflict.detectedAt = fromStoredTime(query.value(15));
    conflictResolutionFromName(query.value(16).toString(), &conflict.resolution);
    conflict.resolvedValue = valueFromStore(query.value(17));
    conflict.resolvedBy = query.value(18).toString();
    conflict.resolvedAt = fromStoredTime(query.value(19));
    conflict.appliedRunId = query.value(20).toLongLong();
    conflict.appliedAt = fromStoredTime(query.value(21));
    return conflict;
}

QString placeholders(qsizetype count)
{
    QStringList marks;
    marks.fill(QStringLiteral("?"), count);
    return marks.join(QStringLiteral(", "));
}

} // namespace

Result<qint64> ConflictRepository::record(const SyncConflict &conflict)
{
    // The partial unique index (one pending conflict per row and field) is the conflict target.
    return insertReturningId(m_store.connection(),
        QStringLiteral("INSERT INTO sync_conflicts (definition_id, identity_hash, identity_text, list_graph_id, item_id, field,"
                       " column_name, base_value, database_value, sharepoint_value, database_changed_at, sharepoint_modified_at,"
                       " sharepoint_editor, run_id, detected_at, resolution)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')"
                       " ON CONFLICT (definition_id, identity_hash, field) WHERE applied_run_id IS NULL DO UPDATE SET"
                       " identity_text = excluded.identity_text, list_graph_id = excluded.list_graph_id, item_id = excluded.item_id,"
                       " column_name = excluded.column_name, database_value = excluded.database_value,"
                       " sharepoint_value = excluded.sharepoint_value, database_changed_at = excluded.database_changed_at,"
                       " sharepoint_modified_at = excluded.sharepoint_modified_at, sharepoint_editor = excluded.sharepoint_editor,"
                       " run_id = excluded.run_id, resolution = 'OPEN', resolved_value = NULL, resolved_by = NULL,"
                       " resolved_at = NULL RETURNING id"),
        {conflict.definitionId, conflict.identityHash, nullIfEmpty(conflict.identityText), nullIfEmpty(conflict.listGraphId),
            nullIfEmpty(conflict.itemId), conflict.field, nullIfEmpty(conflict.column), storedValue(conflict.baseValue),
            storedValue(conflict.databaseValue), storedValue(conflict.sharePointValue), toStoredTime(conflict.databaseChangedAt),
            toStoredTime(conflict.sharePointModifiedAt), nullIfEmpty(conflict.sharePointEditor),
            conflict.runId > 0 ? QVariant(conflict.runId) : QVariant(QMetaType::fromType<qint64>()), toStoredTime(conflict.detectedAt)});
}

Result<std::optional<SyncConflict>> ConflictRepository::conflict(qint64 id) const
{
    auto found = load(QStringLiteral("id = ?"), {id}, {});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return std::optional<SyncConflict>();
    return std::optional<SyncConflict>(found->constFirst());
}

Result<QList<SyncConflict>> ConflictRepository::pending(qint64 definitionId) const
{
    return load(QStringLiteral("definition_id = ? AND applied_run_id IS NULL"), {definitionId},
        QStringLiteral("ORDER BY identity_text, identity_hash, field"));
}

Result<QHash<QString, QList<SyncConflict>>> ConflictRepository::pendingOf(qint64 definitionId, const QStringList &identityHashes) const
{
    QHash<QString, QList<SyncConflict>> byRow;
    if (identityHashes.isEmpty())
        return byRow;
    QVariantList binds{definitionId};
    for (const QString &hash : identityHashes)
        binds << hash;
    auto found = load(
        QStringLiteral("definition_id = ? AND applied_run_id IS NULL AND identity_hash IN (%1)").arg(placeholders(identityHashes.size())),
        binds, QStringLiteral("ORDER BY field"));
    if (!found)
        return found.error();
    for (const SyncConflict &conflict : *found)
        byRow[conflict.identityHash] << conflict;
    return byRow;
}

Result<QList<SyncConflict>> ConflictRepository::decided(qint64 definitionId) const
{
    return load(QStringLiteral("definition_id = ? AND applied_run_id IS NULL AND resolution <> 'OPEN'"), {definitionId},
        QStringLiteral("ORDER BY id"));
}

Result<QList<SyncConflict>> ConflictRepository::history(qint64 definitionId, int limit) const
{
    return load(QStringLiteral("definition_id = ? AND applied_run_id IS NOT NULL"), {definitionId},
        QStringLiteral("ORDER BY applied_at DESC, id DESC LIMIT %1").arg(qMax(1, limit)));
}

Result<QHash<qint64, qint64>> ConflictRepository::openCounts() const
{
    auto query = execute(m_store.connection(),
        QStringLiteral("SELECT definition_id, COUNT(*) FROM sync_conflicts WHERE applied_run_id IS NULL AND resolution = 'OPEN'"
                       " GROUP BY definition_id"));
    if (!query)
        return query.error();
    QHash<qint64, qint64> counts;
    while (query->next())
        counts.insert(query->value(0).toLongLong(), query->value(1).toLongLong());
    return counts;
}

Result<void> ConflictRepository::resolve(
    qint64 id, ConflictResolution resolution, const QJsonValue &value, const QString &by, const QDateTime &at)
{
    if (resolution == ConflictResolution::Open)
        return Error(ErrorCode::InvalidInput,
            QCoreApplication::translate("SyncBridge::Store", "Choose the database's value, SharePoint's value or an edited value."));
    auto updated = execute(m_store.connection(),
        QStringLiteral("UPDATE sync_conflicts SET resolution = ?, resolved_value = ?, resolved_by = ?, resolved_at = ?"
                       " WHERE id = ? AND applied_run_id IS NULL"),
        {conflictResolutionName(resolution), storedValue(value), nullIfEmpty(by), toStoredTime(at), id});
    if (!updated)
        return updated.error();
    if (updated->numRowsAffected() == 0)
        return Error(ErrorCode::NotFound,
            QCoreApplication::translate("SyncBridge::Store", "There is no conflict %1 waiting for a decision.").arg(id));
    return success();
}

Result<void> ConflictRepository::markApplied(const QList<qint64> &ids, qint64 runId, const QDateTime &at)
{
    if (ids.isEmpty())
        return success();
    QVariantList binds{runId, toStoredTime(at)};
    for (qint64 id : ids)
        binds << id;
    auto updated = execute(m_store.connection(),
        QStringLiteral("UPDATE sync_conflicts SET applied_run_id = ?, applied_at = ? WHERE id IN (%1)").arg(placeholders(ids.size())),
        binds);
    if (!updated)
        return updated.error();
    return success();
}

Result<void> ConflictRepository::dropPending(qint64 definitionId, const QString &identityHash)
{
    auto removed = execute(m_store.connection(),
        QStringLiteral("DELETE FROM sync_conflicts WHERE definition_id = ? AND identity_hash = ? AND applied_run_id IS NULL"),
        {definitionId, identityHash});
    if (!removed)
        return removed.error();
    return success();
}

Result<QList<SyncConflict>> ConflictRepository::load(const QString &where, const QVariantList &binds, const QString &order) const
{
    auto query = execute(
        m_store.connection(), QStringLiteral("SELECT %1 FROM sync_conflicts WHERE %2 %3").arg(conflictColumns, where, order), binds);
    if (!query)
        return query.error();
    QList<SyncConflict> conflicts;
    while (query->next())
        conflicts << conflictFromQuery(*query);
    return conflicts;
}

} // namespace SyncBridge

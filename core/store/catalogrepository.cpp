#include "store/catalogrepository.h"

#include "store/metastore.h"
#include "store/sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace SyncBridge {
namespace {

QString tablesToJson(const QList<TableInfo> &tables)
{
    QJsonArray array;
    for (const TableInfo &table : tables)
        array.append(table.toJson());
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

QList<TableInfo> tablesFromJson(const QString &json)
{
    QList<TableInfo> tables;
    const QJsonArray array = QJsonDocument::fromJson(json.toUtf8()).array();
    for (const QJsonValue &value : array)
        tables << TableInfo::fromJson(value.toObject());
    return tables;
}

} // namespace

Result<IntrospectionRecord> CatalogRepository::saveIntrospection(qint64 databaseId, const QList<TableInfo> &tables, const QDateTime &takenAt)
{
    QSqlDatabase db = m_store.connection();
    IntrospectionRecord record;
    record.snapshot.databaseId = databaseId;
    record.snapshot.takenAt = takenAt;
    record.snapshot.contentHash = schemaHash(tables);
    record.snapshot.tables = tables;

    auto saved = inTransaction(db, [&]() -> Result<void> {
        auto previous = execute(db, QStringLiteral("SELECT content_hash FROM schema_snapshots WHERE database_id = ? ORDER BY taken_at DESC, id DESC LIMIT 1"),
                                {databaseId});
        if (!previous)
            return previous.error();
        record.firstSnapshot = !previous->next();
        record.schemaChanged = !record.firstSnapshot && previous->value(0).toString() != record.snapshot.contentHash;

        auto cleared = execute(db, QStringLiteral("DELETE FROM db_tables WHERE database_id = ?"), {databaseId});
        if (!cleared)
            return cleared.error();
        for (const TableInfo &table : tables) {
            const QString details = QString::fromUtf8(QJsonDocument(table.toJson()).toJson(QJsonDocument::Compact));
            auto tableId = insertReturningId(db,
                                             QStringLiteral("INSERT INTO db_tables (database_id, schema_name, table_name, row_estimate, details_json)"
                                                            " VALUES (?, ?, ?, ?, ?) RETURNING id"),
                                             {databaseId, table.schema, table.name, table.rowEstimate, details});
            if (!tableId)
                return tableId.error();
            for (const ColumnInfo &column : table.columns) {
                auto inserted = execute(db,
                                        QStringLiteral("INSERT INTO db_columns (table_id, ordinal, name, data_type, nullable, is_identity,"
                                                       " default_expr, max_length) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                                        {*tableId, column.ordinal, column.name, column.dataType, int(column.nullable),
                                         int(column.identity), nullIfEmpty(column.defaultExpression), column.maxLength});
                if (!inserted)
                    return inserted.error();
            }
        }
        if (!record.firstSnapshot && !record.schemaChanged)
            return success();
        auto snapshotId = insertReturningId(db,
                                            QStringLiteral("INSERT INTO schema_snapshots (database_id, taken_at, content_hash, snapshot_json)"
                                                           " VALUES (?, ?, ?, ?) RETURNING id"),
                                            {databaseId, toStoredTime(takenAt), record.snapshot.contentHash, tablesToJson(tables)});
        if (!snapshotId)
            return snapshotId.error();
        record.snapshot.id = *snapshotId;
        return success();
    });
    if (!saved)
        return saved.error();
    return record;
}

Result<QList<TableInfo>> CatalogRepository::tables(qint64 databaseId) const
{
    auto query = execute(m_store.connection(),
                         QStringLiteral("SELECT details_json FROM db_tables WHERE database_id = ? ORDER BY schema_name, table_name"),
                         {databaseId});
    if (!query)
        return query.error();
    QList<TableInfo> tables;
    while (query->next())
        tables << TableInfo::fromJson(QJsonDocument::fromJson(query->value(0).toString().toUtf8()).object());
    return tables;
}

Result<std::optional<SchemaSnapshot>> CatalogRepository::latestSnapshot(qint64 databaseId) const
{
    auto query = execute(m_store.connection(),
                         QStringLiteral("SELECT id, taken_at, content_hash, snapshot_json FROM schema_snapshots WHERE database_id = ?"
                                        " ORDER BY taken_at DESC, id DESC LIMIT 1"),
                         {databaseId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<SchemaSnapshot>();
    SchemaSnapshot snapshot;
    snapshot.id = query->value(0).toLongLong();
    snapshot.databaseId = databaseId;
    snapshot.takenAt = fromStoredTime(query->value(1));
    snapshot.contentHash = query->value(2).toString();
    snapshot.tables = tablesFromJson(query->value(3).toString());
    return std::optional<SchemaSnapshot>(snapshot);
}

Result<int> CatalogRepository::snapshotCount(qint64 databaseId) const
{
    auto query = execute(m_store.connection(), QStringLiteral("SELECT COUNT(*) FROM schema_snapshots WHERE database_id = ?"), {databaseId});
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toInt() : 0;
}

Result<void> CatalogRepository::saveSite(SharePointSite &site)
{
    auto id = insertReturningId(m_store.connection(),
                                QStringLiteral("INSERT INTO sharepoint_sites (connection_id, graph_id, display_name, web_url) VALUES (?, ?, ?, ?)"
                                               " ON CONFLICT (connection_id, graph_id) DO UPDATE SET display_name = excluded.display_name,"
                                               " web_url = excluded.web_url RETURNING id"),
                                {site.connectionId, site.graphId, site.displayName, site.webUrl});
    if (!id)
        return id.error();
    site.id = *id;
    return success();
}

Result<QList<SharePointSite>> CatalogRepository::sites(qint64 connectionId) const
{
    auto query = execute(m_store.connection(),
                         QStringLiteral("SELECT id, graph_id, display_name, web_url FROM sharepoint_sites WHERE connection_id = ? ORDER BY display_name"),
                         {connectionId});
    if (!query)
        return query.error();
    QList<SharePointSite> result;
    while (query->next())
        result.append({query->value(0).toLongLong(), connectionId, query->value(1).toString(), query->value(2).toString(),
                       query->value(3).toString()});
    return result;
}

Result<void> CatalogRepository::saveList(SharePointList &list)
{
    QSqlDatabase db = m_store.connection();
    return inTransaction(db, [&]() -> Result<void> {
        auto id = insertReturningId(db,
                                    QStringLiteral("INSERT INTO sharepoint_lists (site_id, graph_id, display_name, web_url) VALUES (?, ?, ?, ?)"
                                                   " ON CONFLICT (site_id, graph_id) DO UPDATE SET display_name = excluded.display_name,"
                                                   " web_url = excluded.web_url RETURNING id"),
                                    {list.siteId, list.graphId, list.displayName, list.webUrl});
        if (!id)
            return id.error();
        list.id = *id;
        auto cleared = execute(db, QStringLiteral("DELETE FROM sharepoint_columns WHERE list_id = ?"), {list.id});
        if (!cleared)
            return cleared.error();
        for (const SharePointColumn &column : std::as_const(list.columns)) {
            auto inserted = execute(db,
                                    QStringLiteral("INSERT INTO sharepoint_columns (list_id, name, display_name, column_type, read_only, hidden,"
                                                   " indexed, required, max_length, system_field, multi_value, choices_json)"
                                                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                                    {list.id, column.name, column.displayName, column.type, int(column.readOnly), int(column.hidden),
                                     int(column.indexed), int(column.required), column.maxLength, int(column.system), int(column.multiValue),
                                     QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(column.choices)).toJson(QJsonDocument::Compact))});
            if (!inserted)
                return inserted.error();
        }
        return success();
    });
}

Result<QList<SharePointList>> CatalogRepository::lists(qint64 siteId) const
{
    const QSqlDatabase db = m_store.connection();
    auto query = execute(db, QStringLiteral("SELECT id, graph_id, display_name, web_url FROM sharepoint_lists WHERE site_id = ? ORDER BY display_name"),
                         {siteId});
    if (!query)
        return query.error();
    QList<SharePointList> result;
    while (query->next()) {
        SharePointList list;
        list.id = query->value(0).toLongLong();
        list.siteId = siteId;
        list.graphId = query->value(1).toString();
        list.displayName = query->value(2).toString();
        list.webUrl = query->value(3).toString();
        result << list;
    }
    for (SharePointList &list : result) {
        auto columns = execute(db,
                               QStringLiteral("SELECT name, display_name, column_type, read_only, hidden, indexed, required, max_length,"
                                              " system_field, multi_value, choices_json FROM sharepoint_columns WHERE list_id = ? ORDER BY id"),
                               {list.id});
        if (!columns)
            return columns.error();
        while (columns->next()) {
            SharePointColumn column;
            column.name = columns->value(0).toString();
            column.displayName = columns->value(1).toString();
            column.type = columns->value(2).toString();
            column.readOnly = columns->value(3).toInt() != 0;
            column.hidden = columns->value(4).toInt() != 0;
            column.indexed = columns->value(5).toInt() != 0;
            column.required = columns->value(6).toInt() != 0;
            column.maxLength = columns->value(7).toInt();
            column.system = columns->value(8).toInt() != 0;
            column.multiValue = columns->value(9).toInt() != 0;
            for (const QJsonValue &choice : QJsonDocument::fromJson(columns->value(10).toString().toUtf8()).array())
                column.choices << choice.toString();
            list.columns << column;
        }
    }
    return result;
}

} // namespace SyncBridge

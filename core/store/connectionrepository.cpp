#include "store/connectionrepository.h"

#include "store/metastore.h"
#include "store/sql.h"

#include <QCoreApplication>
#include <QSet>
#include <QSqlQuery>

namespace SyncBridge {
namespace {

Error databaseNotFound()
{
    return Error(ErrorCode::NotFound, QCoreApplication::translate("SyncBridge::Store", "No database connection with that name or id exists."));
}

Error sharePointNotFound()
{
    return Error(ErrorCode::NotFound, QCoreApplication::translate("SyncBridge::Store", "No SharePoint connection with that name or id exists."));
}

QVariant idOrNull(qint64 id)
{
    return id > 0 ? QVariant(id) : QVariant(QMetaType::fromType<qint64>());
}

} // namespace

Result<qint64> ConnectionRepository::saveApplication(Application &application)
{
    const QSqlDatabase db = m_store.connection();
    if (application.id == 0) {
        auto id = insertReturningId(db, QStringLiteral("INSERT INTO applications (name, description) VALUES (?, ?) RETURNING id"),
                                    {application.name, nullIfEmpty(application.description)});
        if (id)
            application.id = *id;
        return id;
    }
    auto updated = execute(db, QStringLiteral("UPDATE applications SET name = ?, description = ? WHERE id = ?"),
                           {application.name, nullIfEmpty(application.description), application.id});
    if (!updated)
        return updated.error();
    return application.id;
}

Result<QList<Application>> ConnectionRepository::applications() const
{
    auto query = execute(m_store.connection(), QStringLiteral("SELECT id, name, description FROM applications ORDER BY name"));
    if (!query)
        return query.error();
    QList<Application> result;
    while (query->next())
        result.append({query->value(0).toLongLong(), query->value(1).toString(), query->value(2).toString()});
    return result;
}

Result<void> ConnectionRepository::removeApplication(qint64 id)
{
    auto query = execute(m_store.connection(), QStringLiteral("DELETE FROM applications WHERE id = ?"), {id});
    return query ? success() : Result<void>(query.error());
}

Result<qint64> ConnectionRepository::saveDatabase(Database &database)
{
    QSqlDatabase db = m_store.connection();
    auto saved = inTransaction(db, [&]() -> Result<void> {
        if (database.id == 0) {
            auto id = insertReturningId(db,
                                        QStringLiteral("INSERT INTO databases (application_id, name, database_name, description)"
                                                       " VALUES (?, ?, ?, ?) RETURNING id"),
                                        {idOrNull(database.applicationId), database.name, database.databaseName,
                                         nullIfEmpty(database.description)});
            if (!id)
                return id.error();
            database.id = *id;
        } else {
            auto updated = execute(db,
                                   QStringLiteral("UPDATE databases SET application_id = ?, name = ?, database_name = ?, description = ?"
                                                  " WHERE id = ?"),
                                   {idOrNull(database.applicationId), database.name, database.databaseName,
                                    nullIfEmpty(database.description), database.id});
            if (!updated)
                return updated.error();
        }
        return saveInstances(database);
    });
    if (!saved)
        return saved.error();
    return database.id;
}

Result<void> ConnectionRepository::saveInstances(Database &database)
{
    const QSqlDatabase db = m_store.connection();
    QSet<qint64> kept;
    for (DatabaseInstance &instance : database.instances) {
        if (instance.id > 0)
            kept.insert(instance.id);
    }
    // Remove instances the caller dropped before inserting new ones, so renames never collide.
    auto existing = execute(db, QStringLiteral("SELECT id FROM database_instances WHERE database_id = ?"), {database.id});
    if (!existing)
        return existing.error();
    QList<qint64> dropped;
    while (existing->next()) {
        if (!kept.contains(existing->value(0).toLongLong()))
            dropped << existing->value(0).toLongLong();
    }
    for (qint64 id : std::as_const(dropped)) {
        auto removed = execute(db, QStringLiteral("DELETE FROM database_instances WHERE id = ?"), {id});
        if (!removed)
            return removed.error();
    }
    for (DatabaseInstance &instance : database.instances) {
        instance.databaseId = database.id;
        const QVariantList values{instance.name, instance.host, instance.port, instance.userName, enumName(instance.role),
                                  instance.priority, instance.sslMode, nullIfEmpty(instance.secretRef)};
        if (instance.id == 0) {
            QVariantList binds{database.id};
            binds << values;
            auto id = insertReturningId(db,
                                        QStringLiteral("INSERT INTO database_instances (database_id, name, host, port, user_name, role,"
                                                       " priority, ssl_mode, secret_ref) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
                                        binds);
            if (!id)
                return id.error();
            instance.id = *id;
        } else {
            QVariantList binds = values;
            binds << instance.id << database.id;
            auto updated = execute(db,
                                   QStringLiteral("UPDATE database_instances SET name = ?, host = ?, port = ?, user_name = ?, role = ?,"
                                                  " priority = ?, ssl_mode = ?, secret_ref = ? WHERE id = ? AND database_id = ?"),
                                   binds);
            if (!updated)
                return updated.error();
        }
    }
    return success();
}

Result<QList<Database>> ConnectionRepository::loadDatabases(const QString &where, const QVariantList &binds) const
{
    const QSqlDatabase db = m_store.connection();
    auto query = execute(db, QStringLiteral("SELECT id, application_id, name, database_name, description FROM databases %1 ORDER BY name").arg(where),
                         binds);
    if (!query)
        return query.error();
    QList<Database> result;
    while (query->next()) {
        Database database;
        database.id = query->value(0).toLongLong();
        database.applicationId = query->value(1).toLongLong();
        database.name = query->value(2).toString();
        database.databaseName = query->value(3).toString();
        database.description = query->value(4).toString();
        result << database;
    }
    for (Database &database : result) {
        auto instances = execute(db,
                                 QStringLiteral("SELECT id, name, host, port, user_name, role, priority, ssl_mode, secret_ref"
                                                " FROM database_instances WHERE database_id = ? ORDER BY priority, name"),
                                 {database.id});
        if (!instances)
            return instances.error();
        while (instances->next()) {
            DatabaseInstance instance;
            instance.id = instances->value(0).toLongLong();
            instance.databaseId = database.id;
            instance.name = instances->value(1).toString();
            instance.host = instances->value(2).toString();
            instance.port = instances->value(3).toInt();
            instance.userName = instances->value(4).toString();
            instance.role = fromString<InstanceRole>(instances->value(5).toString()).value_or(InstanceRole::Primary);
            instance.priority = instances->value(6).toInt();
            instance.sslMode = instances->value(7).toString();
            instance.secretRef = instances->value(8).toString();
            database.instances << instance;
        }
    }
    return result;
}

Result<QList<Database>> ConnectionRepository::databases() const
{
    return loadDatabases({}, {});
}

Result<Database> ConnectionRepository::database(qint64 id) const
{
    return singleOr(loadDatabases(QStringLiteral("WHERE id = ?"), {id}), databaseNotFound());
}

Result<Database> ConnectionRepository::databaseByName(const QString &name) const
{
    return singleOr(loadDatabases(QStringLiteral("WHERE name = ?"), {name}), databaseNotFound());
}

Result<void> ConnectionRepository::removeDatabase(qint64 id)
{
    auto query = execute(m_store.connection(), QStringLiteral("DELETE FROM databases WHERE id = ?"), {id});
    return query ? success() : Result<void>(query.error());
}

Result<qint64> ConnectionRepository::saveSharePointConnection(SharePointConnection &connection)
{
    const QSqlDatabase db = m_store.connection();
    const QVariantList values{connection.name, connection.tenantId, connection.clientId, connection.authorityHost, connection.graphBaseUrl,
        nullIfEmpty(connection.secretRef), connection.ruPerMinute, connection.ruPerDay, nullIfEmpty(connection.extraCaCertificates)};
    if (connection.id == 0) {
        auto id = insertReturningId(db,
            QStringLiteral("INSERT INTO sharepoint_connections (name, tenant_id, client_id, authority_host,"
                           " graph_base_url, secret_ref, ru_per_minute, ru_per_day, extra_ca_pem)"
                           " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            values);
        if (id)
            connection.id = *id;
        return id;
    }
    QVariantList binds = values;
    binds << connection.id;
    auto updated = execute(db,
        QStringLiteral("UPDATE sharepoint_connections SET name = ?, tenant_id = ?, client_id = ?, authority_host = ?,"
                       " graph_base_url = ?, secret_ref = ?, ru_per_minute = ?, ru_per_day = ?, extra_ca_pem = ?"
                       " WHERE id = ?"),
        binds);
    if (!updated)
        return updated.error();
    return connection.id;
}

Result<QList<SharePointConnection>> ConnectionRepository::loadSharePointConnections(const QString &where, const QVariantList &binds) const
{
    auto query = execute(m_store.connection(),
        QStringLiteral("SELECT id, name, tenant_id, client_id, authority_host, graph_base_url, secret_ref,"
                       " ru_per_minute, ru_per_day, extra_ca_pem FROM sharepoint_connections %1 ORDER BY name")
            .arg(where),
        binds);
    if (!query)
        return query.error();
    QList<SharePointConnection> result;
    while (query->next()) {
        SharePointConnection connection;
        connection.id = query->value(0).toLongLong();
        connection.name = query->value(1).toString();
        connection.tenantId = query->value(2).toString();
        connection.clientId = query->value(3).toString();
        connection.authorityHost = query->value(4).toString();
        connection.graphBaseUrl = query->value(5).toString();
        connection.secretRef = query->value(6).toString();
        connection.ruPerMinute = query->value(7).toInt();
        connection.ruPerDay = query->value(8).toLongLong();
        connection.extraCaCertificates = query->value(9).toString();
        result << connection;
    }
    return result;
}

Result<QList<SharePointConnection>> ConnectionRepository::sharePointConnections() const
{
    return loadSharePointConnections({}, {});
}

Result<SharePointConnection> ConnectionRepository::sharePointConnectionByName(const QString &name) const
{
    return singleOr(loadSharePointConnections(QStringLiteral("WHERE name = ?"), {name}), sharePointNotFound());
}

Result<void> ConnectionRepository::removeSharePointConnection(qint64 id)
{
    auto query = execute(m_store.connection(), QStringLiteral("DELETE FROM sharepoint_connections WHERE id = ?"), {id});
    return query ? success() : Result<void>(query.error());
}

} // namespace SyncBridge

#pragma once

#include "common/result.h"
#include "model/connection.h"

#include <QList>

namespace SyncBridge {

class MetaStore;

// Applications, databases with their instances, and SharePoint connections.
class ConnectionRepository
{
public:
    explicit ConnectionRepository(const MetaStore &store) : m_store(store) {}

    Result<qint64> saveApplication(Application &application);
    Result<QList<Application>> applications() const;
    Result<void> removeApplication(qint64 id);

    // Inserts or updates the database and makes its instances exactly the given ones (ids filled in).
    Result<qint64> saveDatabase(Database &database);
    Result<QList<Database>> databases() const;
    Result<Database> database(qint64 id) const;
    Result<Database> databaseByName(const QString &name) const;
    Result<void> removeDatabase(qint64 id);

    Result<qint64> saveSharePointConnection(SharePointConnection &connection);
    Result<QList<SharePointConnection>> sharePointConnections() const;
    Result<SharePointConnection> sharePointConnectionByName(const QString &name) const;
    Result<void> removeSharePointConnection(qint64 id);

private:
    Result<QList<Database>> loadDatabases(const QString &where, const QVariantList &binds) const;
    Result<QList<SharePointConnection>> loadSharePointConnections(const QString &where, const QVariantList &binds) const;
    Result<void> saveInstances(Database &database);

    const MetaStore &m_store;
};

} // namespace SyncBridge

#include "connections/connectionsmodel.h"

#include <QIcon>

namespace SyncBridge {
namespace {

QStandardItem *makeItem(const QString &text, const QIcon &icon, ConnectionsModel::Kind kind, qint64 id)
{
    auto *it = new QStandardItem(icon, text);
    it->setEditable(false);
    it->setData(int(kind), ConnectionsModel::KindRole);
    it->setData(id, ConnectionsModel::IdRole);
    return it;
}

QStandardItem *plain(const QString &text)
{
    auto *it = new QStandardItem(text);
    it->setEditable(false);
    return it;
}

QString roleLabel(InstanceRole role)
{
    switch (role) {
    case InstanceRole::Primary: return ConnectionsModel::tr("Primary");
    case InstanceRole::Standby: return ConnectionsModel::tr("Standby");
    case InstanceRole::Replica: return ConnectionsModel::tr("Replica");
    }
    return {};
}

} // namespace

ConnectionsModel::ConnectionsModel(QObject *parent)
    : QStandardItemModel(parent)
{
    setHorizontalHeaderLabels({tr("Name"), tr("Details")});
}

void ConnectionsModel::setConnections(const QList<Database> &databases, const QList<SharePointConnection> &sharePoint)
{
    m_databases = databases;
    m_sharePoint = sharePoint;
    removeRows(0, rowCount());

    auto *databaseGroup = makeItem(tr("Databases"), QIcon(QStringLiteral(":/icons/database.svg")), Kind::DatabaseGroup, 0);
    for (const Database &database : databases) {
        auto *row = makeItem(database.name, QIcon(QStringLiteral(":/icons/database.svg")), Kind::Database, database.id);
        for (const DatabaseInstance &instance : database.instances) {
            row->appendRow({makeItem(instance.name, QIcon(QStringLiteral(":/icons/instance.svg")), Kind::Instance, instance.id),
                            plain(tr("%1 #%2 · %3@%4:%5")
                                      .arg(roleLabel(instance.role))
                                      .arg(instance.priority)
                                      .arg(instance.userName, instance.host)
                                      .arg(instance.port))});
        }
        databaseGroup->appendRow({row, plain(tr("database “%1”, %n instance(s)", nullptr, int(database.instances.size()))
                                                 .arg(database.databaseName))});
    }
    appendRow({databaseGroup, plain(tr("%n connection(s)", nullptr, int(databases.size())))});

    auto *sharePointGroup = makeItem(tr("SharePoint"), QIcon(QStringLiteral(":/icons/sharepoint.svg")), Kind::SharePointGroup, 0);
    for (const SharePointConnection &connection : sharePoint) {
        sharePointGroup->appendRow({makeItem(connection.name, QIcon(QStringLiteral(":/icons/sharepoint.svg")), Kind::SharePoint, connection.id),
                                    plain(tr("tenant %1 · %2").arg(connection.tenantId, connection.graphBaseUrl))});
    }
    appendRow({sharePointGroup, plain(tr("%n connection(s)", nullptr, int(sharePoint.size())))});
}

const Database *ConnectionsModel::database(qint64 id) const
{
    for (const Database &database : m_databases) {
        if (database.id == id)
            return &database;
    }
    return nullptr;
}

const SharePointConnection *ConnectionsModel::sharePointConnection(qint64 id) const
{
    for (const SharePointConnection &connection : m_sharePoint) {
        if (connection.id == id)
            return &connection;
    }
    return nullptr;
}

ConnectionsModel::Kind ConnectionsModel::kindOf(const QModelIndex &index)
{
    return Kind(index.siblingAtColumn(0).data(KindRole).toInt());
}

qint64 ConnectionsModel::idOf(const QModelIndex &index)
{
    return index.siblingAtColumn(0).data(IdRole).toLongLong();
}

} // namespace SyncBridge

#pragma once

#include "model/connection.h"

#include <QStandardItemModel>

namespace SyncBridge {

// The Connections tree: "Databases" (each with its instances) and "SharePoint".
class ConnectionsModel : public QStandardItemModel
{
    Q_OBJECT

public:
    enum class Kind { DatabaseGroup, Database, Instance, SharePointGroup, SharePoint };
    enum Roles { KindRole = Qt::UserRole + 1, IdRole };

    explicit ConnectionsModel(QObject *parent = nullptr);

    void setConnections(const QList<Database> &databases, const QList<SharePointConnection> &sharePoint);

    const QList<Database> &databases() const { return m_databases; }
    const QList<SharePointConnection> &sharePointConnections() const { return m_sharePoint; }
    const Database *database(qint64 id) const;
    const SharePointConnection *sharePointConnection(qint64 id) const;

    static Kind kindOf(const QModelIndex &index);
    static qint64 idOf(const QModelIndex &index);

private:
    QList<Database> m_databases;
    QList<SharePointConnection> m_sharePoint;
};

} // namespace SyncBridge

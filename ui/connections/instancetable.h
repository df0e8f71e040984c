#pragma once

#include "model/connection.h"

#include <QWidget>

class QTableWidget;

namespace SyncBridge {

// Edits the instances of one database: name, host, port, user, role, priority, SSL mode and a
// password field (left empty = keep the stored password).
class InstanceTable : public QWidget
{
    Q_OBJECT

public:
    enum Column { NameColumn, HostColumn, PortColumn, UserColumn, RoleColumn, PriorityColumn, SslColumn, PasswordColumn, ColumnCount };

    explicit InstanceTable(QWidget *parent = nullptr);

    void setInstances(const QList<DatabaseInstance> &instances);
    QList<DatabaseInstance> instances() const;
    // The password typed for each row; a null string means "unchanged".
    QStringList enteredPasswords() const;
    int count() const;

    // Sets one cell the way a user would (tests and keyboard-driven editing use it).
    void setCellText(int row, Column column, const QString &text);

public slots:
    void addInstance();
    void removeSelectedInstance();

signals:
    void changed();

private:
    void addRow(const DatabaseInstance &instance);

    QTableWidget *m_table;
};

} // namespace SyncBridge

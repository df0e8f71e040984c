#pragma once

#include "model/catalog.h"
#include "model/connection.h"

#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace SyncBridge {

class GraphClients;
struct ListPlan;
struct ProvisioningReport;

// "Provision list from table…": the list and the columns provisioning would create from a table
// (type mapping, internal names, the hidden SyncBridgeKey column), with column names to edit (the
// internal names follow) and columns to leave out; Create makes them in SharePoint, asynchronously,
// and closes the dialog once the list exists.
class ProvisionDialog : public QDialog
{
    Q_OBJECT

public:
    ProvisionDialog(const TableInfo &table, const QList<SharePointConnection> &connections, const QStringList &knownSites,
        GraphClients *graph, QWidget *parent = nullptr);

    QLineEdit *listNameEdit() const { return m_listName; }
    QComboBox *connectionCombo() const { return m_connection; }
    QComboBox *siteCombo() const { return m_site; }
    QTableWidget *columnsTable() const { return m_columns; }
    QPushButton *createButton() const { return m_create; }
    QString message() const;

    // The plan as edited: renamed columns (display names, with the internal names SharePoint's rules
    // make of them), excluded columns left out, SyncBridgeKey kept.
    ListPlan editedPlan() const;
    SharePointConnection chosenConnection() const;

signals:
    void provisioned(const SyncBridge::ProvisioningReport &report);

private:
    void create();
    void validate();
    void updateInternalNames();

    TableInfo m_table;
    GraphClients *m_graph;
    QList<SharePointConnection> m_connections;
    QLineEdit *m_listName;
    QComboBox *m_connection;
    QComboBox *m_site;
    QTableWidget *m_columns;
    QLabel *m_message;
    QPushButton *m_create;
    bool m_updating = false;
};

} // namespace SyncBridge

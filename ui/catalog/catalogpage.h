#pragma once

#include "appcontext.h"
#include "navigationpage.h"

#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"

#include <QHash>
#include <QWidget>

#include <memory>
#include <optional>

class QCheckBox;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTreeWidget;
class QTreeWidgetItem;

namespace SyncBridge {

// What SyncBridge knows of both sides: per database the introspected tables (columns, keys,
// indexes, row estimates; refreshed on demand, with a drift badge when the schema changed since
// the last snapshot), per SharePoint connection the sites its definitions use, their lists and
// columns (read-only and system marked). "Provision list from table…" starts here.
class CatalogPage : public QWidget, public NavigationPage
{
    Q_OBJECT

public:
    explicit CatalogPage(AppContext context, QWidget *parent = nullptr);
    ~CatalogPage() override;

    QString title() const override;
    QIcon icon() const override;
    QWidget *widget() override { return this; }
    // Connections added or changed on the Connections page show up here.
    void activated() override { reload(); }

    QTreeWidget *tree() const { return m_tree; }
    QTreeWidget *details() const { return m_details; }
    QLabel *heading() const { return m_heading; }
    QPushButton *refreshButton() const { return m_refresh; }
    QPushButton *provisionButton() const { return m_provision; }
    // "Create a definition from this list": offered on a list provisioned from a table.
    QPushButton *createDefinitionButton() const { return m_createDefinition; }
    // Shows a list's system and hidden columns (ID, Created, Author…); remembered.
    QCheckBox *systemColumnsToggle() const { return m_systemColumns; }
    QString message() const;

public slots:
    void reload();
    // Introspects the selected database again (libpq off the GUI thread, the result into the catalog).
    void refreshSelected();
    void provisionFromSelectedTable();

signals:
    void loaded();
    void refreshed();           // an introspection or a SharePoint lookup finished
    // A definition from the table into the list provisioned from it is wanted.
    void definitionFromListRequested(qint64 databaseId, const SyncBridge::TableInfo &table, const SyncBridge::SyncTarget &target);

private:
    struct Snapshot;
    struct Provisioned {
        qint64 databaseId = 0;
        TableInfo table;
        SyncTarget target;
        bool created = true; // false: the list existed, its missing columns were added
        QStringList leftOut; // the columns the list cannot hold, each with its reason
    };
    void showProvisioned(const Provisioned &provisioned);
    void show(const Snapshot &snapshot);
    void showSelection();
    void showTable(const TableInfo &table);
    void showList(QTreeWidgetItem *item);
    void expandSite(QTreeWidgetItem *item);
    QTreeWidgetItem *siteItem(qint64 connectionId, const QString &reference) const;
    void setMessage(const QString &text, bool error);
    // The tree's expanded items by a key that survives a rebuild (F5, restarts); the user's
    // choices are remembered, items never touched follow the defaults.
    static QString itemKey(const QTreeWidgetItem *item);
    void restoreExpansion(QTreeWidgetItem *item, bool expandedByDefault);
    void rememberExpansion(const QTreeWidgetItem *item, bool expanded);
    void showSystemColumns(bool shown);

    AppContext m_context;
    QTreeWidget *m_tree;
    QLabel *m_heading;
    QLabel *m_message;
    QTreeWidget *m_details;
    QPushButton *m_refresh;
    QPushButton *m_provision;
    QPushButton *m_createDefinition;
    QCheckBox *m_systemColumns;
    bool m_rebuilding = false;                // expansions while the tree is rebuilt are restored, not the user's
    std::optional<Provisioned> m_provisioned; // the list provisioned last, and from which table
    QString m_selectListId;                   // the list to select once its site's lists are shown
    QSplitter *m_splitter;
    QList<Database> m_databases;
    QList<SharePointConnection> m_sharePoint;
    QHash<qint64, QList<TableInfo>> m_tables;       // by database id
    QHash<qint64, bool> m_drift;                    // by database id: the last introspection changed the schema
    QStringList m_sites;                            // every site a definition uses
    QHash<QString, SharePointSite> m_discoveredSites; // by Graph site id, as Discovery found them
};

} // namespace SyncBridge

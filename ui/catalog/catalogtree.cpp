// The catalog page's tree: built from a snapshot of the store, with the expansions the user chose
// kept across rebuilds and restarts.
#include "catalog/catalogitems.h"
#include "catalog/catalogpage.h"

#include "common/uisettings.h"

#include <QIcon>
#include <QLocale>
#include <QScopedValueRollback>
#include <QTreeWidget>
#include <QTreeWidgetItemIterator>

namespace SyncBridge {

void CatalogPage::show(const Snapshot &snapshot)
{
    m_databases = snapshot.catalog.databases;
    m_sharePoint = snapshot.catalog.sharePoint;
    m_tables = snapshot.catalog.tables;
    m_sites.clear();
    const QString current = itemKey(m_tree->currentItem());
    const QScopedValueRollback rebuilding(m_rebuilding, true);
    m_tree->clear();
    auto *databases = new QTreeWidgetItem(m_tree, {tr("Databases")});
    databases->setData(0, GroupRole, QStringLiteral("databases"));
    databases->setIcon(0, QIcon(QStringLiteral(":/icons/database.svg")));
    for (const Database &database : std::as_const(m_databases)) {
        const QList<TableInfo> tables = m_tables.value(database.id);
        auto *item = new QTreeWidgetItem(databases,
            {database.name, tables.isEmpty() ? tr("not introspected yet: Refresh") : tr("%n table(s)", nullptr, int(tables.size()))},
            DatabaseItem);
        item->setData(0, IdRole, database.id);
        if (m_drift.value(database.id)) {
            item->setIcon(0, QIcon(QStringLiteral(":/icons/warning.svg")));
            item->setText(1, item->text(1) + tr(" · schema changed"));
            item->setToolTip(1, tr("The last introspection found a schema that differs from the snapshot before it."));
        }
        for (int i = 0; i < tables.size(); ++i) {
            const TableInfo &table = tables.at(i);
            auto *tableItem = new QTreeWidgetItem(item,
                {table.qualifiedName(),
                    tr("%1 columns, %2, ~%3 rows")
                        .arg(table.columns.size())
                        .arg(keyText(table))
                        .arg(table.rowEstimate < 0 ? tr("?") : QLocale().toString(table.rowEstimate))},
                TableItem);
            tableItem->setData(0, IdRole, database.id);
            tableItem->setData(0, IndexRole, i);
        }
    }
    auto *sharePoint = new QTreeWidgetItem(m_tree, {tr("SharePoint")});
    sharePoint->setData(0, GroupRole, QStringLiteral("sharepoint"));
    sharePoint->setIcon(0, QIcon(QStringLiteral(":/icons/sharepoint.svg")));
    for (const SharePointConnection &connection : std::as_const(m_sharePoint)) {
        auto *item = new QTreeWidgetItem(sharePoint, {connection.name, tr("tenant %1").arg(connection.tenantId)}, ConnectionItem);
        item->setData(0, IdRole, connection.id);
        for (const QString &key : snapshot.sites) {
            if (key.section(QLatin1Char('|'), 0, 0).toLongLong() != connection.id)
                continue;
            const QString site = key.section(QLatin1Char('|'), 1);
            m_sites << site;
            auto *siteItem = new QTreeWidgetItem(item, {site, tr("used by a definition")}, SiteItem);
            siteItem->setData(0, IdRole, connection.id);
            new QTreeWidgetItem(siteItem, {tr("Loading…")}); // placeholder until expanded
        }
        if (item->childCount() == 0)
            new QTreeWidgetItem(item, {tr("No definition uses a site of this connection yet.")});
    }
    restoreExpansion(databases, true);
    for (int i = 0; i < databases->childCount(); ++i)
        restoreExpansion(databases->child(i), true);
    restoreExpansion(sharePoint, true);
    for (int i = 0; i < sharePoint->childCount(); ++i) {
        QTreeWidgetItem *connection = sharePoint->child(i);
        restoreExpansion(connection, true);
        for (int j = 0; j < connection->childCount(); ++j)
            restoreExpansion(connection->child(j), false); // a site expanded again loads its lists
    }
    if (!current.isEmpty()) {
        for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
            if (itemKey(*it) == current) {
                m_tree->setCurrentItem(*it);
                break;
            }
        }
    }
    if (m_databases.isEmpty() && m_sharePoint.isEmpty())
        setMessage(tr("Nothing to show yet: add a database or a SharePoint connection on the Connections page."), false);
    showSelection();
}

QString CatalogPage::itemKey(const QTreeWidgetItem *item)
{
    if (!item)
        return {};
    const QString id = item->data(0, IdRole).toString();
    switch (item->type()) {
    case DatabaseItem:
        return QStringLiteral("database:") + id;
    case TableItem:
        return QStringLiteral("table:%1:%2").arg(id, item->text(0));
    case ConnectionItem:
        return QStringLiteral("connection:") + id;
    case SiteItem:
        return QStringLiteral("site:%1:%2").arg(id, item->text(0));
    case ListItem:
        return QStringLiteral("list:%1:%2").arg(id, item->data(0, ListIdRole).toString());
    default:
        return item->data(0, GroupRole).toString();
    }
}

void CatalogPage::restoreExpansion(QTreeWidgetItem *item, bool expandedByDefault)
{
    const QString key = itemKey(item);
    const bool expanded = UiSettings::catalogCollapsed.value().contains(key)
        ? false
        : (UiSettings::catalogExpanded.value().contains(key) || expandedByDefault);
    item->setExpanded(expanded);
}

void CatalogPage::rememberExpansion(const QTreeWidgetItem *item, bool expanded)
{
    const QString key = itemKey(item);
    if (m_rebuilding || key.isEmpty())
        return;
    QStringList expandedKeys = UiSettings::catalogExpanded.value();
    QStringList collapsedKeys = UiSettings::catalogCollapsed.value();
    expandedKeys.removeAll(key);
    collapsedKeys.removeAll(key);
    (expanded ? expandedKeys : collapsedKeys).append(key);
    UiSettings::catalogExpanded.setValue(expandedKeys);
    UiSettings::catalogCollapsed.setValue(collapsedKeys);
}

} // namespace SyncBridge

#pragma once

#include "catalog/catalogpage.h"

#include "store/storedcatalog.h"

#include <QTreeWidgetItem>

// What the catalog page's two files share: the kinds and data roles of the tree's items, and the
// snapshot the tree is built from.
namespace SyncBridge {

enum CatalogItemKind { DatabaseItem = QTreeWidgetItem::UserType + 1, TableItem, ConnectionItem, SiteItem, ListItem };
enum CatalogItemData { IdRole = Qt::UserRole, IndexRole, SiteIdRole, ListIdRole, GroupRole };
enum CatalogColumnData { SystemColumnRole = Qt::UserRole };

struct CatalogPage::Snapshot {
    StoredCatalog catalog;
    QStringList sites; // "connection id|site" of every site a definition uses
};

// "key (id, region)" or "no primary key".
QString keyText(const TableInfo &table);

} // namespace SyncBridge

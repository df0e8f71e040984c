#pragma once

#include "common/result.h"
#include "model/catalog.h"
#include "model/connection.h"

#include <QHash>
#include <QList>

namespace SyncBridge {

class MetaStore;

// What the meta-store's catalog holds, as the GUI pages and the CLI show it: databases with their introspected
// tables, SharePoint connections, and the sites and lists (with columns) read from SharePoint.
struct StoredCatalog {
    QList<Database> databases;
    QHash<qint64, QList<TableInfo>> tables;             // by database id
    QList<SharePointConnection> sharePoint;
    QHash<qint64, QList<SharePointSite>> sites;         // by connection id (filled by loadRecordedLists)
    QHash<qint64, QList<SharePointList>> lists;         // by site id (filled by loadRecordedLists)
};

// How a definition's target names a catalogued site: "host:/sites/path", or its composite Graph id
// when the catalog has no web URL for it.
QString sitePath(const SharePointSite &site);
// Whether a target's site reference — "host:/sites/path" (any case, a trailing "/" ignored) or the
// composite Graph id — names this catalogued site.
bool isSite(const SharePointSite &site, const QString &reference);

// The databases with their tables and the SharePoint connections. Store work: call it on the
// store's thread.
Result<StoredCatalog> loadStoredCatalog(const MetaStore &store);
// Adds the sites and lists the catalog recorded for each SharePoint connection.
Result<void> loadRecordedLists(const MetaStore &store, StoredCatalog &catalog);

} // namespace SyncBridge

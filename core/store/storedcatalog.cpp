#include "store/storedcatalog.h"

#include "store/catalogrepository.h"
#include "store/connectionrepository.h"
#include "store/metastore.h"

#include <QUrl>

namespace SyncBridge {

Result<StoredCatalog> loadStoredCatalog(const MetaStore &store)
{
    const ConnectionRepository connections(store);
    auto databases = connections.databases();
    if (!databases)
        return databases.error();
    auto sharePoint = connections.sharePointConnections();
    if (!sharePoint)
        return sharePoint.error();
    StoredCatalog catalog;
    catalog.databases = *databases;
    catalog.sharePoint = *sharePoint;
    const CatalogRepository repository(store);
    for (const Database &database : std::as_const(catalog.databases)) {
        auto tables = repository.tables(database.id);
        if (!tables)
            return tables.error();
        catalog.tables.insert(database.id, *tables);
    }
    return catalog;
}

QString sitePath(const SharePointSite &site)
{
    const QUrl url(site.webUrl);
    return url.host().isEmpty() ? site.graphId : QStringLiteral("%1:%2").arg(url.host(), url.path());
}

bool isSite(const SharePointSite &site, const QString &reference)
{
    const auto trimmed = [](QString path) {
        while (path.endsWith(QLatin1Char('/')))
            path.chop(1);
        return path;
    };
    return site.graphId == reference || trimmed(sitePath(site)).compare(trimmed(reference), Qt::CaseInsensitive) == 0;
}

Result<void> loadRecordedLists(const MetaStore &store, StoredCatalog &catalog)
{
    const CatalogRepository repository(store);
    for (const SharePointConnection &connection : std::as_const(catalog.sharePoint)) {
        auto sites = repository.sites(connection.id);
        if (!sites)
            return sites.error();
        catalog.sites.insert(connection.id, *sites);
        for (const SharePointSite &site : std::as_const(*sites)) {
            auto lists = repository.lists(site.id);
            if (!lists)
                return lists.error();
            catalog.lists.insert(site.id, *lists);
        }
    }
    return success();
}

} // namespace SyncBridge

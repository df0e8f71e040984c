#pragma once

#include "common/result.h"
#include "model/catalog.h"
#include "model/connection.h"

#include <optional>

namespace SyncBridge {

class MetaStore;

struct IntrospectionRecord {
    SchemaSnapshot snapshot;
    bool schemaChanged = false;     // differs from the previous snapshot (schema drift)
    bool firstSnapshot = false;
};

// The catalog: what introspection found in databases and discovery found in SharePoint.
class CatalogRepository
{
public:
    explicit CatalogRepository(const MetaStore &store) : m_store(store) {}

    // Replaces the database's table catalog; appends a schema snapshot when the schema changed.
    Result<IntrospectionRecord> saveIntrospection(qint64 databaseId, const QList<TableInfo> &tables, const QDateTime &takenAt);
    Result<QList<TableInfo>> tables(qint64 databaseId) const;
    Result<std::optional<SchemaSnapshot>> latestSnapshot(qint64 databaseId) const;
    Result<int> snapshotCount(qint64 databaseId) const;

    // Sites and lists, keyed by their Graph ids (ids filled in).
    Result<void> saveSite(SharePointSite &site);
    Result<QList<SharePointSite>> sites(qint64 connectionId) const;
    Result<void> saveList(SharePointList &list);
    Result<QList<SharePointList>> lists(qint64 siteId) const;

private:
    const MetaStore &m_store;
};

} // namespace SyncBridge

#pragma once

#include "common/result.h"
#include "model/catalog.h"
#include "model/connection.h"

#include <QJsonObject>
#include <QList>

#include <functional>

namespace SyncBridge {

class GraphClient;

// The hidden, indexed column that makes creates idempotent (ARCHITECTURE.md §2).
extern const QString syncBridgeKeyColumn;
// The Yes/No column the MARK deletes policy sets on items whose source row is gone.
extern const QString goneFromSourceColumn;

// One source column and the SharePoint column it becomes (or why it cannot).
struct ColumnPlan {
    QString sourceColumn;
    QString internalName;           // [A-Za-z_][A-Za-z0-9_]*, ≤ 32 characters, unique in the list
    QString sharePointType;         // text, number, currency, boolean, dateTime, choice; empty when unsupported
    QJsonObject definition;         // the columnDefinition body to POST
    bool supported = true;
    QString note;                   // the mapping in words, or why it is unsupported
};

struct ListPlan {
    QString displayName;
    QList<ColumnPlan> columns;      // every source column, supported or not, then SyncBridgeKey

    QList<ColumnPlan> supportedColumns() const;
};

// The documented PostgreSQL → SharePoint type mapping (docs/graph-client.md).
ColumnPlan planColumn(const ColumnInfo &column);
ListPlan planList(const TableInfo &table, const QString &listDisplayName);
// What provisioning says about a source column it cannot create:
// "bytea has no SharePoint column type: column 'photo' is left out."
QString leftOutMessage(const ColumnPlan &column);
// The columns a list provisioned from the plan will have: SharePoint's own (Title, ID, Created,
// Modified) and the planned ones; SyncBridgeKey is left out, nothing maps to it.
QList<SharePointColumn> columnsAfterProvisioning(const ListPlan &plan);
// A valid, unique internal name for a source column name.
QString internalNameFor(const QString &sourceName, const QStringList &taken);

struct ProvisioningReport {
    QString listId;
    bool listCreated = false;
    QStringList addedColumns;
    QStringList existingColumns;    // already there: left as they are
    QList<ColumnPlan> unsupported;  // reported, never silently dropped
};

// Creates the list with its columns, or adds only the missing columns to an existing list.
void provisionList(GraphClient &client, const QString &siteId, const ListPlan &plan, std::function<void(Result<ProvisioningReport>)> done);

} // namespace SyncBridge

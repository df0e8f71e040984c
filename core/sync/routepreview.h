#pragma once

#include "common/result.h"
#include "model/catalog.h"
#include "model/definition.h"
#include "source/passwordlookup.h"
#include "sync/condition.h"

#include <QHash>
#include <QStringList>

namespace SyncBridge {

class PgSession;

// A condition as a SQL boolean expression over the source table, with its values as bound text
// parameters ($first, $first+1, …) cast to the column's type. It agrees with evaluate(): a NULL
// column makes a comparison false (never unknown), so NOT and the rule order behave the same in
// SQL as in the engine. Comparing a column with a value of another kind (a number column with
// 'text', a text column with a number) is refused with a message saying what to write instead.
struct CompiledCondition {
    QString sql;
    QStringList parameters;
};
Result<CompiledCondition> compileCondition(const Condition &condition, const QHash<QString, ColumnInfo> &columns, int firstParameter = 1);

// How many source rows each list of a definition would receive: rules in order, the first match
// wins, the rest go to the default list or, without one, are not synced.
struct RoutePreview {
    qint64 totalRows = 0;
    QList<qint64> rowsPerRule;              // rows each rule takes (after the rules before it)
    QHash<QString, qint64> rowsPerTarget;   // by target name, the default list's share included
    qint64 unmatchedRows = 0;               // rows no rule matched (they go to the default list if any)
    QString defaultTarget;
};

// The counting statement (one scan of the table) and its parameters; for tests and explanations.
Result<CompiledCondition> routeCountSql(const SyncDefinition &definition, const TableInfo &table);
// Counts with one scan of the table, on an open session or on one opened in failover order.
// Both block: call them on a worker thread.
Result<RoutePreview> countRoutes(PgSession &session, const SyncDefinition &definition, const TableInfo &table);
Result<RoutePreview> countRoutes(
    const Database &database, const PasswordLookup &passwords, const SyncDefinition &definition, const TableInfo &table);

} // namespace SyncBridge

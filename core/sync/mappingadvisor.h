#pragma once

#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"

#include <QList>
#include <QString>

namespace SyncBridge {

// What the mapping editor says about a set of field mappings, before any run does.
struct MappingAdvice {
    enum class Severity { Warning, Error };
    Severity severity = Severity::Warning;
    QString sourceColumn;       // empty when the advice is about a SharePoint column alone
    QString targetColumn;
    QString message;            // for people: what is wrong and what to do
};

// Suggests mappings for the SharePoint columns nobody maps yet, by name: equal once case, spaces,
// "_" and "-" are ignored ("Budget Amount" ↔ budget_amount), else the closest name within a small
// edit distance. SharePoint-managed and read-only columns are left out, and so is SyncBridgeKey.
QList<FieldMapping> suggestMappings(const TableInfo &table, const QList<SharePointColumn> &targets, const QList<FieldMapping> &existing);

// Checks mappings against the table and the list: unknown columns, system or read-only targets that
// would be pushed (they are pull-only), values that cannot fit (text into a number, a longer text than
// the column holds), transforms that do not parse, two mappings into one column, and required
// SharePoint columns nothing fills.
QList<MappingAdvice> checkMappings(const TableInfo &table, const QList<SharePointColumn> &targets, const QList<FieldMapping> &mappings);

// "budget_amount", "Budget Amount" and "budget-amount" all become "budgetamount".
QString normalizedColumnName(const QString &name);

} // namespace SyncBridge

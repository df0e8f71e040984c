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
    int mapping = -1;           // index into the mappings checked; -1 when about a SharePoint column alone
    QString message;            // for people: what is wrong and what to do
};

// Suggests mappings for the SharePoint columns nobody maps yet, by name: equal once case, spaces,
// "_" and "-" are ignored ("Budget Amount" ↔ budget_amount), else the closest name within a small
// edit distance. SharePoint-managed and read-only columns are left out, and so is SyncBridgeKey.
QList<FieldMapping> suggestMappings(const TableInfo &table, const QList<SharePointColumn> &targets, const QList<FieldMapping> &existing);

// Checks mappings against the table and the list: unknown columns (with the closest name), system or
// read-only targets that would be pushed (they are pull-only), values SharePoint refuses in the column
// (errors: text into a number, a number into text without FORMAT) or may refuse (warnings: a longer
// text than the column holds), transforms that do not parse, two mappings into one column, and
// required SharePoint columns nothing fills. `provisionedNames` (source column → internal name) is
// for a list provisioning will create: a target written as the source column's name but given another
// name by provisioning (`title` → `title_2`, as `Title` is SharePoint's own) is named in the error.
QList<MappingAdvice> checkMappings(const TableInfo &table, const QList<SharePointColumn> &targets, const QList<FieldMapping> &mappings,
    const QHash<QString, QString> &provisionedNames = {});

// The name among `candidates` closest to `wanted` (one edit per five characters at most, case, spaces,
// "_" and "-" ignored), or an empty string: for "did you mean …?".
QString closestName(const QString &wanted, const QStringList &candidates);

// "budget_amount", "Budget Amount" and "budget-amount" all become "budgetamount".
QString normalizedColumnName(const QString &name);

} // namespace SyncBridge

#include "graph/referencecolumns.h"

#include <QCoreApplication>

namespace SyncBridge {

void planReferenceColumns(
    ListPlan &plan, const TableInfo &table, const QList<FieldMapping> &mappings, const QHash<QString, QString> &lookupLists)
{
    for (const FieldMapping &mapping : mappings) {
        if (mapping.kind == FieldKind::Value || !mapping.pushes())
            continue;
        const auto source = std::find_if(
            table.columns.cbegin(), table.columns.cend(), [&](const ColumnInfo &column) { return column.name == mapping.sourceColumn; });
        const auto planned = std::find_if(plan.columns.begin(), plan.columns.end(),
            [&](const ColumnPlan &column) { return column.sourceColumn == mapping.sourceColumn; });
        if (source == table.columns.cend() || planned == plan.columns.end())
            continue; // the definition check names a mapping of a column the table does not have
        const bool multiple = source->isArray;
        ColumnPlan column;
        column.sourceColumn = mapping.sourceColumn;
        column.internalName = mapping.targetColumn;
        if (mapping.kind == FieldKind::Person) {
            column.sharePointType = QStringLiteral("personOrGroup");
            column.definition = QJsonObject{{QStringLiteral("personOrGroup"),
                QJsonObject{{QStringLiteral("allowMultipleSelection"), multiple},
                    {QStringLiteral("chooseFromType"), QStringLiteral("peopleOnly")},
                    {QStringLiteral("displayAs"), QStringLiteral("nameWithPresence")}}}};
            column.note = QCoreApplication::translate("SyncBridge::Provisioning", "email → person (the site's users)");
        } else if (const QString list = lookupLists.value(mapping.targetColumn); !list.isEmpty()) {
            column.sharePointType = QStringLiteral("lookup");
            column.definition = QJsonObject{{QStringLiteral("lookup"),
                QJsonObject{{QStringLiteral("listId"), list}, {QStringLiteral("columnName"), QStringLiteral("Title")},
                    {QStringLiteral("allowMultipleValues"), multiple}}}};
            column.note = QCoreApplication::translate("SyncBridge::Provisioning", "key → lookup into the list of '%1'")
                              .arg(mapping.referencedDefinition);
        } else {
            column.supported = false;
            column.note = QCoreApplication::translate(
                "SyncBridge::Provisioning", "the lookup's list is not known until the definition '%1' has run once (run it first)")
                              .arg(mapping.referencedDefinition);
        }
        if (column.supported) {
            column.definition.insert(QStringLiteral("name"), column.internalName);
            column.definition.insert(QStringLiteral("displayName"), column.internalName);
        }
        *planned = column;
    }
}

void planRichTextColumns(ListPlan &plan, const QList<FieldMapping> &mappings)
{
    for (const FieldMapping &mapping : mappings) {
        if (!mapping.richText || !mapping.pushes())
            continue;
        for (ColumnPlan &column : plan.columns) {
            if (column.sourceColumn != mapping.sourceColumn || column.sharePointType != QLatin1String("text"))
                continue;
            column.definition.insert(QStringLiteral("text"),
                QJsonObject{{QStringLiteral("allowMultipleLines"), true}, {QStringLiteral("linesForEditing"), 6},
                    {QStringLiteral("textType"), QStringLiteral("richText")}});
            column.note = QCoreApplication::translate("SyncBridge::Provisioning", "HTML → multiple lines of rich text");
        }
    }
}

} // namespace SyncBridge

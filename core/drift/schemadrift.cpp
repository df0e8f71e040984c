#include "drift/schemadrift.h"

#include "sync/mappingadvisor.h"

#include <QCoreApplication>
#include <QSet>

namespace SyncBridge {
namespace {

const SharePointColumn *findColumn(const QList<SharePointColumn> &columns, const QString &internalName)
{
    for (const SharePointColumn &column : columns) {
        if (column.name == internalName)
            return &column;
    }
    return nullptr;
}

// Whether the mapping's conversion refuses the source column into the target column as they are now:
// the mapping editor's own check, with the target's read-only flag set aside (reported on its own).
std::optional<QString> conversionRefusal(const FieldMapping &mapping, const TableInfo &table, SharePointColumn target)
{
    target.readOnly = false;
    target.system = false;
    target.required = false;
    for (const MappingAdvice &advice : checkMappings(table, {target}, {mapping})) {
        if (advice.mapping == 0 && advice.severity == MappingAdvice::Severity::Error)
            return advice.message;
    }
    return std::nullopt;
}

// The target column a source type change is judged against: the first list that still has it.
std::optional<SharePointColumn> targetFor(const FieldMapping &mapping, const SchemaFacts &facts)
{
    for (const auto &columns : facts.listColumns) {
        if (!columns)
            continue;
        if (const SharePointColumn *column = findColumn(*columns, mapping.targetColumn))
            return *column;
    }
    return std::nullopt;
}

void compareSource(const SyncDefinition &definition, const SchemaFacts &facts, QList<SchemaFinding> &findings)
{
    QSet<QString> used;
    for (const FieldMapping &mapping : definition.mappings) {
        if (!mapping.sourceColumn.isEmpty())
            used.insert(mapping.sourceColumn);
    }
    for (const QString &key : definition.keyColumns)
        used.insert(key);
    // New columns nothing maps: rename candidates first, the rest are reported as unmapped.
    QList<const ColumnInfo *> added;
    if (facts.knownTable) {
        for (const ColumnInfo &column : facts.table.columns) {
            if (!used.contains(column.name) && !facts.knownTable->column(column.name))
                added << &column;
        }
    }
    QSet<QString> claimed;
    QSet<QString> reported;
    for (const FieldMapping &mapping : definition.mappings) {
        const QString &name = mapping.sourceColumn;
        if (name.isEmpty() || reported.contains(name))
            continue;
        reported.insert(name);
        const ColumnInfo *now = facts.table.column(name);
        const ColumnInfo *before = facts.knownTable ? facts.knownTable->column(name) : nullptr;
        if (!now) {
            const ColumnInfo *renamed = nullptr;
            if (before) {
                for (const ColumnInfo *candidate : std::as_const(added)) {
                    if (!claimed.contains(candidate->name) && candidate->dataType == before->dataType) {
                        renamed = candidate;
                        break;
                    }
                }
            }
            SchemaFinding finding;
            finding.severity = SchemaFinding::Severity::Blocking;
            if (renamed) {
                claimed.insert(renamed->name);
                finding.kind = SchemaFinding::Kind::SourceRenamed;
                finding.columns = {name, renamed->name};
                finding.message = QCoreApplication::translate(
                    "SyncBridge::SchemaDrift", "The column %1 is gone from %2; %3 (%4) is new: probably renamed from %1 to %3.")
                                      .arg(name, facts.table.qualifiedName(), renamed->name, renamed->dataType);
                finding.whatToDo = QCoreApplication::translate(
                    "SyncBridge::SchemaDrift", "Map %1 instead of %2 in the mapping editor, or restore the column.")
                                       .arg(renamed->name, name);
            } else {
                finding.kind = SchemaFinding::Kind::SourceDropped;
                finding.columns = {name};
                finding.message = QCoreApplication::translate("SyncBridge::SchemaDrift", "The mapped column %1 is gone from %2.")
                                      .arg(name, facts.table.qualifiedName());
                finding.whatToDo = QCoreApplication::translate(
                    "SyncBridge::SchemaDrift", "Remove the mapping of %1 in the mapping editor, or restore the column.")
                                       .arg(name);
            }
            findings << finding;
            continue;
        }
        if (!before || before->dataType == now->dataType)
            continue;
        SchemaFinding finding;
        finding.kind = SchemaFinding::Kind::SourceTypeChanged;
        finding.columns = {name};
        const std::optional<SharePointColumn> target = targetFor(mapping, facts);
        const std::optional<QString> refusal = target && mapping.pushes() ? conversionRefusal(mapping, facts.table, *target) : std::nullopt;
        finding.message = QCoreApplication::translate("SyncBridge::SchemaDrift", "The type of %1 changed from %2 to %3.")
                              .arg(name, before->dataType, now->dataType);
        if (refusal) {
            finding.severity = SchemaFinding::Severity::Blocking;
            finding.message += QLatin1Char(' ') + *refusal;
            finding.whatToDo = QCoreApplication::translate("SyncBridge::SchemaDrift",
                "Change the mapping of %1 (its SharePoint column or a transform) so its values convert, or restore the column's type.")
                                   .arg(name);
        } else {
            finding.severity = SchemaFinding::Severity::Warning;
            finding.whatToDo = QCoreApplication::translate(
                "SyncBridge::SchemaDrift", "Its values still convert; check that a dry run shows what you expect.");
        }
        findings << finding;
    }
    for (const ColumnInfo *column : std::as_const(added)) {
        if (claimed.contains(column->name))
            continue;
        SchemaFinding finding;
        finding.kind = SchemaFinding::Kind::SourceUnmapped;
        finding.severity = SchemaFinding::Severity::Info;
        finding.columns = {column->name};
        finding.message = QCoreApplication::translate("SyncBridge::SchemaDrift", "%1 (%2) is new in %3 and not mapped.")
                              .arg(column->name, column->dataType, facts.table.qualifiedName());
        finding.whatToDo = QCoreApplication::translate(
            "SyncBridge::SchemaDrift", "Map it in the mapping editor if SharePoint should have it; otherwise nothing to do.");
        findings << finding;
    }
}

void compareList(const SyncDefinition &definition, const SchemaFacts &facts, int index, QList<SchemaFinding> &findings)
{
    const std::optional<QList<SharePointColumn>> live = facts.listColumns.value(index);
    if (!live)
        return;
    const QList<SharePointColumn> known = facts.knownListColumns.value(index);
    const QString list = definition.targets.at(index).listName;
    QSet<QString> reported;
    for (const FieldMapping &mapping : definition.mappings) {
        const QString &name = mapping.targetColumn;
        if (name.isEmpty() || mapping.systemField || reported.contains(name))
            continue;
        reported.insert(name);
        const SharePointColumn *now = findColumn(*live, name);
        const SharePointColumn *before = findColumn(known, name);
        const QString shown = before ? before->displayName : name;
        SchemaFinding finding;
        finding.list = list;
        finding.columns = {name};
        if (!now) {
            finding.kind = SchemaFinding::Kind::TargetDeleted;
            finding.severity = mapping.pushes() ? SchemaFinding::Severity::Blocking : SchemaFinding::Severity::Warning;
            finding.message = QCoreApplication::translate("SyncBridge::SchemaDrift", "The column %1 (%2) is gone from the list '%3'.")
                                  .arg(shown, name, list);
            finding.whatToDo = QCoreApplication::translate("SyncBridge::SchemaDrift",
                "Map %1 to another column in the mapping editor (or remove its mapping), or re-create the column in SharePoint.")
                                   .arg(mapping.sourceColumn);
            findings << finding;
            continue;
        }
        if (before && before->displayName != now->displayName) {
            SchemaFinding renamed = finding;
            renamed.kind = SchemaFinding::Kind::TargetRenamed;
            renamed.severity = SchemaFinding::Severity::Warning;
            renamed.columns = {before->displayName, now->displayName};
            renamed.message
                = QCoreApplication::translate("SyncBridge::SchemaDrift", "The column %1 of '%2' is now called %3 in SharePoint.")
                      .arg(before->displayName, list, now->displayName);
            renamed.whatToDo = QCoreApplication::translate("SyncBridge::SchemaDrift",
                "Nothing breaks (SyncBridge writes to its internal name %1); check that %2 still means what %3 is mapped for.")
                                   .arg(name, now->displayName, mapping.sourceColumn);
            findings << renamed;
        }
        if (now->readOnly && mapping.pushes()) {
            SchemaFinding readOnly = finding;
            readOnly.kind = SchemaFinding::Kind::TargetReadOnly;
            readOnly.severity = SchemaFinding::Severity::Blocking;
            readOnly.message = QCoreApplication::translate(
                "SyncBridge::SchemaDrift", "The column %1 of '%2' is read-only; a push cannot write %3 into it.")
                                   .arg(now->displayName, list, mapping.sourceColumn);
            readOnly.whatToDo = QCoreApplication::translate(
                "SyncBridge::SchemaDrift", "Make the column writable again in SharePoint, or make the mapping of %1 pull-only.")
                                    .arg(mapping.sourceColumn);
            findings << readOnly;
        }
        if (before && before->type != now->type) {
            SchemaFinding retyped = finding;
            retyped.kind = SchemaFinding::Kind::TargetTypeChanged;
            const ColumnInfo *source = facts.table.column(mapping.sourceColumn);
            const std::optional<QString> refusal
                = source && mapping.pushes() ? conversionRefusal(mapping, facts.table, *now) : std::nullopt;
            retyped.message = QCoreApplication::translate("SyncBridge::SchemaDrift", "The column %1 of '%2' changed from %3 to %4.")
                                  .arg(now->displayName, list, before->type, now->type);
            if (refusal) {
                retyped.severity = SchemaFinding::Severity::Blocking;
                retyped.message += QLatin1Char(' ') + *refusal;
                retyped.whatToDo = QCoreApplication::translate(
                    "SyncBridge::SchemaDrift", "Give %1 a transform that fits, map it to another column, or change the column's type back.")
                                       .arg(mapping.sourceColumn);
            } else {
                retyped.severity = SchemaFinding::Severity::Warning;
                retyped.whatToDo = QCoreApplication::translate(
                    "SyncBridge::SchemaDrift", "The values still fit; check that a dry run shows what you expect.");
            }
            findings << retyped;
        }
    }
}

} // namespace

QList<SchemaFinding> compareSchema(const SyncDefinition &definition, const SchemaFacts &facts)
{
    QList<SchemaFinding> findings;
    compareSource(definition, facts, findings);
    for (int i = 0; i < definition.targets.size(); ++i)
        compareList(definition, facts, i, findings);
    return findings;
}

bool hasBlocking(const QList<SchemaFinding> &findings)
{
    return std::any_of(
        findings.cbegin(), findings.cend(), [](const SchemaFinding &f) { return f.severity == SchemaFinding::Severity::Blocking; });
}

QString kindName(SchemaFinding::Kind kind)
{
    switch (kind) {
    case SchemaFinding::Kind::SourceDropped:
        return QStringLiteral("source-dropped");
    case SchemaFinding::Kind::SourceRenamed:
        return QStringLiteral("source-renamed");
    case SchemaFinding::Kind::SourceTypeChanged:
        return QStringLiteral("source-type-changed");
    case SchemaFinding::Kind::SourceUnmapped:
        return QStringLiteral("source-unmapped");
    case SchemaFinding::Kind::TargetDeleted:
        return QStringLiteral("target-deleted");
    case SchemaFinding::Kind::TargetRenamed:
        return QStringLiteral("target-renamed");
    case SchemaFinding::Kind::TargetReadOnly:
        return QStringLiteral("target-read-only");
    case SchemaFinding::Kind::TargetTypeChanged:
        return QStringLiteral("target-type-changed");
    }
    return {};
}

QString severityName(SchemaFinding::Severity severity)
{
    switch (severity) {
    case SchemaFinding::Severity::Blocking:
        return QStringLiteral("blocking");
    case SchemaFinding::Severity::Warning:
        return QStringLiteral("warning");
    case SchemaFinding::Severity::Info:
        return QStringLiteral("info");
    }
    return {};
}

QString severityText(SchemaFinding::Severity severity)
{
    switch (severity) {
    case SchemaFinding::Severity::Blocking:
        return QCoreApplication::translate("SyncBridge::SchemaDrift", "Blocking");
    case SchemaFinding::Severity::Warning:
        return QCoreApplication::translate("SyncBridge::SchemaDrift", "Warning");
    case SchemaFinding::Severity::Info:
        return QCoreApplication::translate("SyncBridge::SchemaDrift", "Info");
    }
    return {};
}

} // namespace SyncBridge

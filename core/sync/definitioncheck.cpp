#include "sync/definitioncheck.h"

#include "graph/provisioning.h"
#include "graph/referencecolumns.h"
#include "sync/condition.h"
#include "sync/definitionexpressions.h"
#include "sync/fieldmapper.h"
#include "sync/mappingadvisor.h"
#include "sync/routepreview.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

namespace SyncBridge {
namespace {

// A unique index names its plain columns only (catalog.h); one with an expression or a WHERE clause
// guarantees nothing about the columns themselves.
bool isPlainUniqueIndex(const IndexInfo &index)
{
    if (!index.unique || index.columns.isEmpty() || index.definition.contains(QStringLiteral(" WHERE "), Qt::CaseInsensitive))
        return false;
    static const QRegularExpression columnList(QStringLiteral("\\(([^()]*)\\)\\s*(INCLUDE|$)"));
    const QRegularExpressionMatch match = columnList.match(index.definition);
    return match.hasMatch() && match.captured(1).split(QLatin1Char(',')).size() == index.columns.size();
}

bool keyIsGuaranteedUnique(const TableInfo &table, const QStringList &keyColumns)
{
    const QSet<QString> key(keyColumns.cbegin(), keyColumns.cend());
    const auto within = [&](const QStringList &columns) {
        return !columns.isEmpty() && std::all_of(columns.cbegin(), columns.cend(), [&](const QString &c) { return key.contains(c); });
    };
    return std::any_of(table.constraints.cbegin(), table.constraints.cend(), [&](const ConstraintInfo &c) { return within(c.columns); })
        || std::any_of(table.indexes.cbegin(), table.indexes.cend(), [&](const IndexInfo &i) { return isPlainUniqueIndex(i) && within(i.columns); });
}

QStringList columnNames(const TableInfo &table)
{
    QStringList names;
    for (const ColumnInfo &column : table.columns)
        names << column.name;
    return names;
}

QString notAColumn(const QString &column, const TableInfo &table)
{
    QString message
        = QCoreApplication::translate("SyncBridge::DefinitionCheck", "'%1' is not a column of %2.").arg(column, table.qualifiedName());
    if (const QString closest = closestName(column, columnNames(table)); !closest.isEmpty())
        message += QLatin1Char(' ') + QCoreApplication::translate("SyncBridge::DefinitionCheck", "Did you mean '%1'?").arg(closest);
    return message;
}

void checkKeyAndCursor(const SyncDefinition &definition, const TableInfo &table, const QString &path, DefinitionCheck &check)
{
    const QStringList keyColumns = keyColumnsOf(definition, table);
    if (keyColumns.isEmpty()) {
        check.problems.append({path + QStringLiteral(".key.columns"),
            QCoreApplication::translate("SyncBridge::DefinitionCheck",
                "%1 has no primary key: name the key columns, whose values tell the rows apart and are never NULL.")
                .arg(table.qualifiedName())});
    }
    bool keyKnown = !keyColumns.isEmpty();
    for (int i = 0; i < definition.keyColumns.size(); ++i) {
        if (!table.column(definition.keyColumns.at(i))) {
            check.problems.append({QStringLiteral("%1.key.columns[%2]").arg(path).arg(i), notAColumn(definition.keyColumns.at(i), table)});
            keyKnown = false;
        }
    }
    check.keyNeedsCounting = keyKnown && !keyIsGuaranteedUnique(table, keyColumns);
    if (!definition.cursorColumn.isEmpty() && !table.column(definition.cursorColumn))
        check.problems.append({path + QStringLiteral(".cursor.column"), notAColumn(definition.cursorColumn, table)});
}

void checkRules(const SyncDefinition &definition, const TableInfo &table, const QString &path, DefinitionCheck &check)
{
    if (definition.targetStrategy != TargetStrategy::Conditional)
        return;
    QHash<QString, ColumnInfo> columns;
    for (const ColumnInfo &column : table.columns)
        columns.insert(column.name, column);
    for (int i = 0; i < definition.sharding.rules.size(); ++i) {
        const ShardingRule &rule = definition.sharding.rules.at(i);
        const QString at = QStringLiteral("%1.sharding.rules[%2].condition").arg(path).arg(i);
        // Named as everywhere a rule's error surfaces: its number, its list and its condition as written.
        const auto condition = ruleCondition(i, rule);
        if (!condition) {
            check.problems.append({at, condition.error().message()});
            continue;
        }
        // What the designer's count compiles: the same column and value-kind checks, the same advice.
        if (const auto compiled = compileCondition(*condition, columns); !compiled)
            check.problems.append({at, ruleError(i, rule, compiled.error()).message()});
    }
}

void checkMappingsOfTarget(const SyncDefinition &definition, const DefinitionFacts &facts, int targetIndex, const QString &path, DefinitionCheck &check)
{
    const SyncTarget &target = definition.targets.at(targetIndex);
    const std::optional<QList<SharePointColumn>> known = facts.listColumns.value(targetIndex);
    QList<SharePointColumn> columns;
    QHash<QString, QString> provisionedNames;
    if (known) {
        columns = *known;
    } else {
        ListPlan plan = planList(facts.table, target.listName);
        // Lookup columns as a run creates them once the referenced definition's list exists (a run
        // before that stops and says so): the list id does not matter to the mappings' check.
        QHash<QString, QString> lookupLists;
        for (const FieldMapping &mapping : definition.mappings)
            lookupLists.insert(mapping.targetColumn, mapping.referencedDefinition);
        planReferenceColumns(plan, facts.table, definition.mappings, lookupLists);
        planRichTextColumns(plan, definition.mappings);
        columns = columnsAfterProvisioning(plan);
        for (const ColumnPlan &column : plan.supportedColumns())
            provisionedNames.insert(column.sourceColumn, column.internalName);
    }
    const QString list = definition.targets.size() > 1
        ? QCoreApplication::translate("SyncBridge::DefinitionCheck", "List '%1': ").arg(target.listName)
        : QString();
    // A list nobody has read into the catalog is checked as a run would provision it: say so, in
    // case it exists after all.
    const QString assumed = known ? QString()
                                  : QLatin1Char(' ')
            + QCoreApplication::translate("SyncBridge::DefinitionCheck",
                "('%1' is not in the catalog, so it is checked as a run would create it from the table; if it exists in SharePoint, "
                "read it into the catalog first.)")
                  .arg(target.listName);
    for (const MappingAdvice &advice : checkMappings(facts.table, columns, definition.mappings, provisionedNames)) {
        if (advice.mapping < 0) {
            // Two mappings into one column make the item wrong; a required column nothing fills is
            // SharePoint's forms' business: Graph writes do not enforce it (graph-contract.md §7).
            const auto writers = std::count_if(definition.mappings.cbegin(), definition.mappings.cend(),
                [&](const FieldMapping &mapping) { return mapping.pushes() && mapping.targetColumn == advice.targetColumn; });
            auto &into = advice.severity == MappingAdvice::Severity::Error && writers > 1 ? check.problems : check.warnings;
            into.append({path + QStringLiteral(".mappings"), list + advice.message});
            continue;
        }
        if (const FieldMapping &mapping = definition.mappings.at(advice.mapping); !mapping.transform.isEmpty()) {
            // A transform that does not parse is named with its mapping, at the transform's path.
            if (const auto steps = parseTransform(mapping.transform); !steps && steps.error().message() == advice.message) {
                check.problems.append({QStringLiteral("%1.mappings[%2].transform").arg(path).arg(advice.mapping),
                    mappingError(mapping, steps.error()).message()});
                continue;
            }
        }
        const bool aboutSource = facts.table.column(advice.sourceColumn) == nullptr;
        const QString at = QStringLiteral("%1.mappings[%2].%3").arg(path).arg(advice.mapping).arg(aboutSource ? QStringLiteral("source") : QStringLiteral("target"));
        auto &into = advice.severity == MappingAdvice::Severity::Error ? check.problems : check.warnings;
        const bool columnMissing = !aboutSource
            && std::none_of(columns.cbegin(), columns.cend(), [&](const SharePointColumn &c) { return c.name == advice.targetColumn; });
        into.append({at, aboutSource ? advice.message : list + advice.message + (columnMissing ? assumed : QString())});
    }
}

void removeRepeats(QList<ValidationIssue> &issues)
{
    QSet<QString> seen;
    issues.erase(std::remove_if(issues.begin(), issues.end(),
                     [&](const ValidationIssue &issue) {
                         const QString key = issue.path + QLatin1Char('\n') + issue.message;
                         if (seen.contains(key))
                             return true;
                         seen.insert(key);
                         return false;
                     }),
        issues.end());
}

} // namespace

QString twoWayOneListReason()
{
    // Decided against moving rows between lists in two-way (docs/sync-engine.md, "Two-way"): a row's
    // item in one list and an item of the same key in another cannot be told apart when people edit
    // both, and a move while one of them is edited would lose that edit.
    return QCoreApplication::translate("SyncBridge::DefinitionCheck",
        "A two-way definition syncs its table with exactly one list (target strategy SINGLE, one target). Rules that route rows "
        "to several lists are refused: an item edited or created in one list could not be told from the same row's item in "
        "another, and a row whose route changes would move between lists while people edit it there, losing their edit. Use "
        "one two-way definition per list, or a PUSH definition for the rules.");
}

QStringList keyColumnsOf(const SyncDefinition &definition, const TableInfo &table)
{
    return definition.keyColumns.isEmpty() ? table.primaryKey() : definition.keyColumns;
}

DefinitionCheck checkDefinition(const SyncDefinition &definition, const DefinitionFacts &facts, const QString &path)
{
    DefinitionCheck check;
    checkKeyAndCursor(definition, facts.table, path, check);
    checkRules(definition, facts.table, path, check);
    if (definition.mode == SyncMode::TwoWay && (definition.targets.size() != 1 || definition.targetStrategy != TargetStrategy::Single))
        check.problems.append({path + QStringLiteral(".targets"), twoWayOneListReason()});
    for (int i = 0; i < definition.targets.size(); ++i)
        checkMappingsOfTarget(definition, facts, i, path, check);
    removeRepeats(check.problems);
    removeRepeats(check.warnings);
    return check;
}

QString duplicateKeyMessage(const QStringList &columns, const DuplicateKeys &duplicates)
{
    QStringList examples;
    for (const DuplicateKey &duplicate : duplicates.examples) {
        QStringList pairs;
        for (int i = 0; i < columns.size() && i < duplicate.values.size(); ++i)
            pairs << QStringLiteral("%1=%2").arg(columns.at(i), duplicate.values.at(i));
        examples << QCoreApplication::translate("SyncBridge::DefinitionCheck", "%n rows share %1", nullptr, int(duplicate.rows)).arg(pairs.join(QStringLiteral(", ")));
    }
    QString message = QCoreApplication::translate("SyncBridge::DefinitionCheck", "The key (%1) is not unique: %2")
                          .arg(columns.join(QStringLiteral(", ")), examples.join(QStringLiteral("; ")));
    if (duplicates.sharedValues > duplicates.examples.size())
        message += QCoreApplication::translate(
            "SyncBridge::DefinitionCheck", "; %n more key value(s) are shared", nullptr, int(duplicates.sharedValues - duplicates.examples.size()));
    return message + QLatin1Char('.') + QLatin1Char(' ')
        + QCoreApplication::translate("SyncBridge::DefinitionCheck",
            "Rows that share a key would overwrite one item. Name key columns whose values tell the rows apart (a unique index on them "
            "makes this check free).");
}

QString describeIssues(const QList<ValidationIssue> &issues)
{
    QStringList lines;
    for (const ValidationIssue &issue : issues)
        lines << QStringLiteral("%1: %2").arg(issue.path, issue.message);
    return lines.join(QLatin1Char('\n'));
}

} // namespace SyncBridge

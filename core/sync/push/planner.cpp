#include "sync/push/planner.h"
#include "sync/references/referenceresolver.h"

#include "graph/provisioning.h"

#include "graph/itemserializer.h"
#include "sync/definitionexpressions.h"
#include "sync/fieldmapper.h"
#include "sync/valueconverter.h"

#include <QCoreApplication>

namespace SyncBridge {

Result<PlanContext> PlanContext::make(const SyncDefinition &definition, const TableInfo &table, const QList<ResolvedTarget> &targets)
{
    PlanContext context;
    context.definition = definition;
    context.targets = targets;
    context.siteZone = siteTimeZone(definition);
    for (const ColumnInfo &column : table.columns)
        context.sourceColumns.insert(column.name, column);
    context.keyColumns = definition.keyColumns.isEmpty() ? table.primaryKey() : definition.keyColumns;
    if (context.keyColumns.isEmpty())
        return Error(ErrorCode::InvalidInput,
                     QCoreApplication::translate("SyncBridge::Sync", "The table %1 has no primary key; name the key columns in the definition.").arg(table.qualifiedName()));
    for (const QString &key : std::as_const(context.keyColumns)) {
        if (!context.sourceColumns.contains(key))
            return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Sync", "The key column '%1' is not in %2.").arg(key, table.qualifiedName()));
    }
    const auto targetIndex = [&](const QString &name) {
        for (int i = 0; i < targets.size(); ++i) {
            if (targets.at(i).target.name == name)
                return i;
        }
        return -1;
    };
    if (definition.targetStrategy == TargetStrategy::Single) {
        context.defaultTarget = targets.isEmpty() ? -1 : 0;
        return context;
    }
    for (int i = 0; i < definition.sharding.rules.size(); ++i) {
        const ShardingRule &rule = definition.sharding.rules.at(i);
        auto condition = ruleCondition(i, rule);
        if (!condition)
            return condition.error();
        for (const QString &column : condition->columns()) {
            if (!context.sourceColumns.contains(column))
                return ruleError(i, rule,
                    Error(ErrorCode::InvalidInput,
                        QCoreApplication::translate("SyncBridge::Sync", "'%1' is not a column of %2.").arg(column, table.qualifiedName())));
        }
        context.rules.append({*condition, targetIndex(rule.targetName)});
    }
    context.defaultTarget = definition.sharding.defaultTargetName.isEmpty() ? -1 : targetIndex(definition.sharding.defaultTargetName);
    return context;
}

void failRowsSharingAKey(QList<PlannedRow> &plans, const QStringList &keyColumns)
{
    QHash<QString, int> rowsOf;
    for (const PlannedRow &plan : std::as_const(plans)) {
        if (!plan.unidentified)
            ++rowsOf[plan.identity.hash];
    }
    for (PlannedRow &plan : plans) {
        const int rows = plan.unidentified ? 1 : rowsOf.value(plan.identity.hash);
        if (rows < 2)
            continue;
        plan.action = PlannedRow::Action::Failed;
        plan.fields = {};
        plan.error = QCoreApplication::translate("SyncBridge::Sync", "The key (%1) is not unique: %2 rows share %3, so no item can tell them apart.")
                         .arg(keyColumns.join(QStringLiteral(", ")))
                         .arg(rows)
                         .arg(plan.identity.text);
    }
}

QSet<QString> plannedFieldNames(const PlanContext &context, int targetIndex)
{
    // planRow maps every pushing mapping whatever its value, then serializes: the names are those
    // of a row whose every value is null.
    const ResolvedTarget &target = context.targets.at(targetIndex);
    QJsonObject nulls;
    for (const FieldMapping &mapping : context.definition.mappings) {
        if (mapping.pushes())
            nulls.insert(mapping.targetColumn, QJsonValue::Null);
    }
    QSet<QString> names;
    const QJsonObject fields = serializeFields(nulls, target.columns.values()).fields;
    for (auto field = fields.constBegin(); field != fields.constEnd(); ++field) {
        if (!field.key().contains(QLatin1Char('@')))
            names.insert(field.key());
    }
    return names;
}

RowIdentity identityOf(const PlanContext &context, const SourceRow &row)
{
    QStringList values;
    for (const QString &key : context.keyColumns)
        values << row.values.value(key).value_or(QString());
    return rowIdentity(context.keyColumns, values, context.definition.keySalt);
}

PlannedRow planRow(
    const PlanContext &context, const SourceRow &row, const QHash<QString, LedgerEntry> &ledger, const ResolvedReferences &references)
{
    PlannedRow plan;
    plan.identity = identityOf(context, row);
    for (const QString &key : context.keyColumns) {
        if (!row.values.value(key)) {
            // NULL and '' would share one identity, and NULL is no value to find the row by again.
            plan.action = PlannedRow::Action::Failed;
            plan.unidentified = true;
            plan.error = QCoreApplication::translate("SyncBridge::Sync",
                "The key column '%1' is NULL, so the row cannot be told apart from others; it is synced once the column has a value.")
                             .arg(key);
            return plan;
        }
    }
    if (ledger.contains(plan.identity.hash))
        plan.ledger = ledger.value(plan.identity.hash);

    QHash<QString, QJsonValue> values;
    for (auto it = row.values.constBegin(); it != row.values.constEnd(); ++it) {
        const auto converted = toSharePointValue(context.sourceColumns.value(it.key()), it.value(), context.siteZone);
        if (!converted) {
            // Only mapped or routing columns matter; an unmapped odd value must not fail the row.
            bool used = false;
            for (const FieldMapping &mapping : context.definition.mappings)
                used = used || (mapping.pushes() && mapping.sourceColumn == it.key());
            for (const RoutingRule &rule : context.rules)
                used = used || rule.condition.columns().contains(it.key());
            if (used) {
                plan.action = PlannedRow::Action::Failed;
                plan.error = converted.error().message();
                return plan;
            }
            continue;
        }
        values.insert(it.key(), *converted);
    }

    plan.targetIndex = context.defaultTarget;
    for (const RoutingRule &rule : context.rules) {
        if (evaluate(rule.condition, values)) {
            plan.targetIndex = rule.targetIndex;
            break;
        }
    }
    if (plan.targetIndex < 0) {
        plan.action = PlannedRow::Action::Unrouted;
        return plan;
    }
    const ResolvedTarget &target = context.targets.at(plan.targetIndex);
    auto mapped = mapRow(values, context.definition.mappings, target.columns);
    if (!mapped) {
        plan.action = PlannedRow::Action::Failed;
        plan.error = mapped.error().message();
        return plan;
    }
    if (const QString unresolved
        = putReferences(*mapped, row, context.definition.mappings, context.sourceColumns, target.columns, references);
        !unresolved.isEmpty()) {
        plan.action = PlannedRow::Action::Failed;
        plan.error = unresolved;
        return plan;
    }
    plan.fields = serializeFields(*mapped, target.columns.values()).fields;
    if (context.hashContent)
        plan.contentHash = contentHash(plan.fields);

    if (plan.ledger && plan.ledger->state == LedgerState::Pending) {
        // A create or move sent earlier and not confirmed: writing again could make a twin, or
        // patch the old item of a move as if it were in the new list. The row waits in the retry
        // queue; the next run resolves the pending write by SyncBridgeKey first.
        plan.action = PlannedRow::Action::Failed;
        plan.error = QCoreApplication::translate("SyncBridge::Sync",
            "An earlier write of this row is not confirmed yet; it is checked by "
            "SyncBridgeKey before the row is written again.");
        return plan;
    }
    if (!plan.ledger || plan.ledger->state == LedgerState::Deleted || plan.ledger->itemId.isEmpty())
        plan.action = PlannedRow::Action::Create;
    else if (plan.ledger->listGraphId != target.listId)
        plan.action = PlannedRow::Action::Move;
    else if (plan.ledger->contentHash != plan.contentHash || plan.ledger->state != LedgerState::Synced)
        plan.action = PlannedRow::Action::Update;
    else
        plan.action = PlannedRow::Action::Skip;
    if (plan.action == PlannedRow::Action::Update && plan.ledger->state == LedgerState::Marked)
        plan.fields.insert(goneFromSourceColumn, false);   // back in the source: the flag goes
    return plan;
}

} // namespace SyncBridge

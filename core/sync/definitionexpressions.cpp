#include "sync/definitionexpressions.h"

#include "sync/fieldmapper.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace SyncBridge {
namespace {

QString conditionAsWritten(const QJsonValue &condition)
{
    if (condition.isString())
        return condition.toString();
    if (condition.isObject())
        return QString::fromUtf8(QJsonDocument(condition.toObject()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(QJsonArray{condition}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
}

} // namespace

Error ruleError(int index, const ShardingRule &rule, const Error &cause)
{
    return Error(cause.code(),
        QCoreApplication::translate("SyncBridge::Sharding", "Sharding rule %1 (to '%2', condition \"%3\"): %4")
            .arg(index + 1)
            .arg(rule.targetName, conditionAsWritten(rule.condition), cause.message()),
        cause.detail());
}

Result<Condition> ruleCondition(int index, const ShardingRule &rule)
{
    auto condition = conditionFromJson(rule.condition);
    if (!condition)
        return ruleError(index, rule, condition.error());
    return condition;
}

QList<ValidationIssue> expressionIssues(const SyncDefinition &definition, const QString &definitionPath)
{
    QList<ValidationIssue> issues;
    for (int i = 0; i < definition.sharding.rules.size(); ++i) {
        const ShardingRule &rule = definition.sharding.rules.at(i);
        if (!rule.condition.isString() && !rule.condition.isObject())
            continue; // the shape check has said so already
        if (rule.condition.isString() && rule.condition.toString().trimmed().isEmpty())
            continue;
        if (auto condition = ruleCondition(i, rule); !condition)
            issues.append({QStringLiteral("%1.sharding.rules[%2].condition").arg(definitionPath).arg(i), condition.error().message()});
    }
    for (int i = 0; i < definition.mappings.size(); ++i) {
        const FieldMapping &mapping = definition.mappings.at(i);
        if (auto steps = parseTransform(mapping.transform); !steps)
            issues.append(
                {QStringLiteral("%1.mappings[%2].transform").arg(definitionPath).arg(i), mappingError(mapping, steps.error()).message()});
    }
    return issues;
}

} // namespace SyncBridge

#include "sync/push/newchoices.h"

#include <QJsonArray>

namespace SyncBridge {
namespace {

bool writes(const PlannedRow &plan)
{
    return plan.action == PlannedRow::Action::Create || plan.action == PlannedRow::Action::Move
        || plan.action == PlannedRow::Action::Update;
}

// A choice column's value is a string; a multi-choice column's an array of them.
QStringList choiceValues(const QJsonValue &value)
{
    if (value.isString())
        return {value.toString()};
    QStringList values;
    for (const QJsonValue &element : value.toArray()) {
        if (element.isString())
            values << element.toString();
    }
    return values;
}

} // namespace

QList<NewChoices> newChoicesIn(const PlanContext &context, const QList<PlannedRow> &plans)
{
    QList<NewChoices> found;
    for (const FieldMapping &mapping : context.definition.mappings) {
        if (!mapping.addsChoices || !mapping.pushes())
            continue;
        for (int t = 0; t < context.targets.size(); ++t) {
            const auto column = context.targets.at(t).columns.constFind(mapping.targetColumn);
            if (column == context.targets.at(t).columns.constEnd() || column->type != QLatin1String("choice") || column->allowTextEntry)
                continue;
            NewChoices choices{t, mapping.targetColumn, {}};
            for (const PlannedRow &plan : plans) {
                if (plan.targetIndex != t || !writes(plan))
                    continue;
                for (const QString &value : choiceValues(plan.fields.value(mapping.targetColumn))) {
                    if (!column->choices.contains(value) && !choices.values.contains(value))
                        choices.values << value;
                }
            }
            if (!choices.values.isEmpty())
                found << choices;
        }
    }
    return found;
}

bool writesAnyOf(const PlannedRow &plan, const NewChoices &choices, const QStringList &values)
{
    if (plan.targetIndex != choices.targetIndex || !writes(plan))
        return false;
    const QStringList written = choiceValues(plan.fields.value(choices.column));
    return std::any_of(written.cbegin(), written.cend(), [&](const QString &value) { return values.contains(value); });
}

} // namespace SyncBridge

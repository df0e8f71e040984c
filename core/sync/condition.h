#pragma once

#include "common/result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QStringList>

#include <vector>

namespace SyncBridge {

// A sharding condition (ARCHITECTURE.md §6): a small typed tree. Text form for power users —
//   status == 'Active' and (budget_amount >= 1000000 or tags contains 'infra') and not manager_email is null
// operators ==, !=, <, <=, >, >=, in (…), contains, starts with, is null, is not null; and/or/not;
// literals 'text' ('' escapes a quote), numbers, true, false, null.
struct Condition {
    enum class Kind { And, Or, Not, Compare, In, Contains, StartsWith, IsNull };
    Kind kind = Kind::Compare;
    QString column;
    QString op;                     // for Compare: == != < <= > >=
    QJsonValue value;
    QJsonArray values;              // for In
    std::vector<Condition> children;

    QStringList columns() const;    // every column the condition reads
};

// Parses the text form; an error names the position ("at 17: expected a value").
Result<Condition> parseCondition(const QString &text);
// The stored form: a text (parsed) or an expression object ({"and": [...]}, {"column","op","value"}, …).
Result<Condition> conditionFromJson(const QJsonValue &json);
QJsonObject conditionToJson(const Condition &condition);
QString conditionToText(const Condition &condition);

// Evaluates against a row's SharePoint-ready values (numbers as numbers, dates as ISO text, arrays for
// arrays). A missing or null value never equals anything except "is null".
bool evaluate(const Condition &condition, const QHash<QString, QJsonValue> &row);

} // namespace SyncBridge

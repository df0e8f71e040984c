#pragma once

#include "graphstate.h"

#include <QJsonValue>
#include <QStringList>
#include <QUrlQuery>

#include <memory>

namespace GraphEmulator {

// One node of a parsed $filter: and/or/not, a comparison, or startswith().
struct FilterNode {
    enum class Kind { And, Or, Not, Compare, StartsWith };
    Kind kind = Kind::Compare;
    QString property;           // "fields/Title", "id", "createdDateTime", …
    QString op;                 // eq ne lt gt le ge
    QJsonValue literal;
    std::vector<std::unique_ptr<FilterNode>> children;
};

struct OrderKey {
    QString property;
    bool descending = false;
};

struct ItemQuery {
    bool expandFields = false;
    QStringList fieldSelect;
    QStringList select;
    int top = 200;
    std::unique_ptr<FilterNode> filter;
    QList<OrderKey> orderBy;
    QString skipToken;
    QStringList referencedProperties;   // from $filter and $orderby, for the index rule
};

// Parses $expand / expand (fields, fields(select=…), fields($select=…)), $select, $top (default 200,
// clamped to 5000), $filter, $orderby and $skiptoken. Returns an error message or "".
QString parseItemQuery(const QUrlQuery &query, ItemQuery *out);

// The value of a property ("fields/X", "id", …) of an item, as the filter and order see it.
QJsonValue propertyValue(const Item &item, const QString &property);
bool matches(const FilterNode &node, const Item &item);
// -1, 0, 1 comparing two property values (numbers numerically, dates as dates, text case-insensitively).
int compareValues(const QJsonValue &a, const QJsonValue &b);

// The column a property refers to, or "" for item properties (always indexed).
QString columnOfProperty(const QString &property);

} // namespace GraphEmulator

#pragma once

#include "common/result.h"
#include "model/connection.h"
#include "model/definition.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>

namespace SyncBridge {

// One step of a transform rule. Rules chain with "|": "TRIM|UPPER", "DEFAULT('n/a')",
// "REPLACE('-','/')", "REGEX('^PRJ-','P')", "FORMAT('yyyy-MM-dd')" (dates) or "FORMAT('0.00')" (numbers).
struct TransformStep {
    enum class Kind { Upper, Lower, Trim, Default, Replace, Regex, Format };
    Kind kind = Kind::Trim;
    QJsonValue first;
    QString second;
};

// Parses a rule; the error says where it went wrong ("at 7: expected ')'") and names a whole unknown
// word with the known transforms ("unknown transform 'TO_TEXT'; the known transforms are UPPER, …").
Result<QList<TransformStep>> parseTransform(const QString &rule);
// "order_date → OrderDate": how messages name a mapping.
QString mappingText(const FieldMapping &mapping);
// The error with the mapping it belongs to in front ("Mapping order_date → OrderDate: Transform …").
Error mappingError(const FieldMapping &mapping, const Error &error);
QJsonValue applyTransform(const QList<TransformStep> &steps, const QJsonValue &value);

// Maps one source row (column → SharePoint-ready value) to the fields SyncBridge pushes: only
// mappings that push (not PULL_ONLY, not system fields), transforms applied, text checked against
// the target column's maximum length. The first problem makes the whole row an item error.
Result<QJsonObject> mapRow(const QHash<QString, QJsonValue> &sourceValues, const QList<FieldMapping> &mappings,
                           const QHash<QString, SharePointColumn> &targetColumns);

} // namespace SyncBridge

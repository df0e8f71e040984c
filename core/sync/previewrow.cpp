#include "sync/previewrow.h"

#include "sync/identity.h"

#include <QJsonArray>

namespace SyncBridge {
namespace {

bool isAnnotation(const QString &key)
{
    return key.contains(QLatin1Char('@'));
}

// Numbers compare by value (SharePoint answers 5 where 5.0 was sent); the rest as JSON.
bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return a.toDouble() == b.toDouble();
    if ((a.isNull() || a.isUndefined()) && (b.isNull() || b.isUndefined()))
        return true;
    return a == b;
}

} // namespace

QString readableIdentity(const QString &identityText)
{
    const QStringList columns = keyColumnsFromIdentity(identityText);
    const QStringList values = keyValuesFromIdentity(identityText);
    if (columns.isEmpty() || columns.size() != values.size())
        return identityText;
    QStringList parts;
    for (qsizetype i = 0; i < columns.size(); ++i)
        parts << columns.at(i) + QLatin1Char(' ') + values.at(i);
    return parts.join(QStringLiteral(" · "));
}

QList<FieldChange> changedFields(const QJsonObject &current, const QJsonObject &after)
{
    QList<FieldChange> changes;
    for (auto it = after.constBegin(); it != after.constEnd(); ++it) {
        if (isAnnotation(it.key()))
            continue;
        const QJsonValue before = current.value(it.key());
        if (!sameValue(before, it.value()))
            changes.append({it.key(), before.isUndefined() ? QJsonValue() : before, it.value()});
    }
    return changes;
}

QJsonObject withoutAnnotations(const QJsonObject &fields)
{
    QJsonObject values;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        if (!isAnnotation(it.key()))
            values.insert(it.key(), it.value());
    }
    return values;
}

QJsonObject previewRowJson(const PreviewRow &row)
{
    QJsonObject json{{QStringLiteral("action"), row.action}, {QStringLiteral("row"), row.identity}, {QStringLiteral("list"), row.list}};
    if (!row.fromList.isEmpty())
        json.insert(QStringLiteral("fromList"), row.fromList);
    if (!row.fields.isEmpty())
        json.insert(QStringLiteral("fields"), row.fields);
    if (row.action == QLatin1String("update") || row.action == QLatin1String("move")) {
        QJsonArray changes;
        for (const FieldChange &change : row.changes)
            changes.append(QJsonObject{
                {QStringLiteral("field"), change.field}, {QStringLiteral("old"), change.before}, {QStringLiteral("new"), change.after}});
        json.insert(QStringLiteral("changes"), changes);
        json.insert(QStringLiteral("currentValuesRead"), row.currentKnown);
    }
    if (!row.error.isEmpty())
        json.insert(QStringLiteral("error"), row.error);
    return json;
}

} // namespace SyncBridge

#include "sync/pull/pullvalue.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>

#include <cmath>

namespace SyncBridge {
namespace {

Error itemError(const ColumnInfo &column, const QString &why)
{
    return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Sync", "Column '%1': %2").arg(column.name, why));
}

bool isInteger(const QString &type)
{
    return type == QLatin1String("int2") || type == QLatin1String("int4") || type == QLatin1String("int8");
}

bool isDecimal(const QString &type)
{
    return type == QLatin1String("numeric") || type == QLatin1String("money") || type == QLatin1String("float4")
        || type == QLatin1String("float8");
}

QString shortestNumber(double number)
{
    return QString::number(number, 'g', QLocale::FloatingPointShortest);
}

// An array element as a PostgreSQL array literal element: always quoted, so commas, braces, spaces
// and the word NULL stay text.
QString arrayElement(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString scalarText(const QJsonValue &value)
{
    if (value.isDouble())
        return shortestNumber(value.toDouble());
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isString())
        return value.toString();
    return QString::fromUtf8(QJsonDocument::fromVariant(value.toVariant()).toJson(QJsonDocument::Compact));
}

Result<std::optional<QString>> arrayValue(const ColumnInfo &column, const QJsonValue &value)
{
    QJsonArray elements;
    if (value.isArray()) {
        elements = value.toArray();
    } else if (value.isString()) { // an array kept as JSON in a multi-line text column
        const QJsonDocument parsed = QJsonDocument::fromJson(value.toString().toUtf8());
        if (!parsed.isArray())
            return itemError(column, QCoreApplication::translate("SyncBridge::Sync", "'%1' is not a list of values").arg(value.toString()));
        elements = parsed.array();
    } else {
        return itemError(column, QCoreApplication::translate("SyncBridge::Sync", "a single value cannot go into an array column"));
    }
    QStringList literal;
    for (const QJsonValue &element : std::as_const(elements))
        literal << (element.isNull() ? QStringLiteral("NULL") : arrayElement(scalarText(element)));
    return std::optional<QString>(QLatin1Char('{') + literal.join(QLatin1Char(',')) + QLatin1Char('}'));
}

Result<std::optional<QString>> dateTimeValue(const ColumnInfo &column, const QString &text, const QTimeZone &siteZone)
{
    const QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        return itemError(column, QCoreApplication::translate("SyncBridge::Sync", "'%1' is not a valid date").arg(text));
    const QDateTime utc = when.toUTC();
    if (column.typeName == QLatin1String("date")) // SharePoint keeps a date as the site's midnight in UTC
        return std::optional<QString>(utc.toTimeZone(siteZone).date().toString(Qt::ISODate));
    if (column.typeName == QLatin1String("timestamp")) // the wall clock the push sent as UTC
        return std::optional<QString>(utc.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")));
    return std::optional<QString>(utc.toString(Qt::ISODate));
}

} // namespace

QJsonValue pulledValue(const QJsonObject &item, const FieldMapping &mapping, const SharePointColumn *column)
{
    const QJsonObject fields = item.value(QStringLiteral("fields")).toObject();
    const QString &name = mapping.targetColumn;
    if (name == QLatin1String("ID") || name == QLatin1String("id")) {
        const QJsonValue id = item.value(QStringLiteral("id"));
        return id.isUndefined() ? fields.value(QStringLiteral("id")) : id;
    }
    const bool lookup = name == QLatin1String("Author") || name == QLatin1String("Editor")
        || (column && (column->type == QLatin1String("lookup") || column->type == QLatin1String("personOrGroup")));
    const QJsonValue value = fields.value(lookup ? name + QStringLiteral("LookupId") : name);
    if (value.isObject() && value.toObject().contains(QStringLiteral("Url")))
        return value.toObject().value(QStringLiteral("Url")); // a hyperlink: its description is pulledDescription's
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

QJsonValue pulledDescription(const QJsonObject &item, const FieldMapping &mapping)
{
    const QJsonValue link = item.value(QStringLiteral("fields")).toObject().value(mapping.targetColumn);
    const QJsonValue description = link.toObject().value(QStringLiteral("Description"));
    return description.isString() ? description : QJsonValue(QJsonValue::Null);
}

Result<std::optional<QString>> toPostgresValue(const ColumnInfo &column, const QJsonValue &value, const QTimeZone &siteZone)
{
    if (value.isNull() || value.isUndefined())
        return std::optional<QString>();
    const QString &type = column.typeName;
    if (column.isArray)
        return arrayValue(column, value);
    if (value.isArray() || value.isObject())
        return std::optional<QString>(scalarText(value)); // a multiple choice or a lookup object into text: its JSON
    if (isInteger(type)) {
        bool ok = value.isDouble();
        double number = value.toDouble();
        if (value.isString())
            number = value.toString().toDouble(&ok); // a LookupId or the item id arrive as text
        if (!ok || !std::isfinite(number) || std::trunc(number) != number)
            return itemError(column, QCoreApplication::translate("SyncBridge::Sync", "'%1' is not a whole number").arg(scalarText(value)));
        return std::optional<QString>(QString::number(qint64(number)));
    }
    if (isDecimal(type)) {
        bool ok = value.isDouble();
        double number = value.toDouble();
        if (value.isString())
            number = value.toString().toDouble(&ok);
        if (!ok || !std::isfinite(number))
            return itemError(column, QCoreApplication::translate("SyncBridge::Sync", "'%1' is not a number").arg(scalarText(value)));
        return std::optional<QString>(shortestNumber(number));
    }
    if (type == QLatin1String("bool")) {
        if (!value.isBool())
            return itemError(column, QCoreApplication::translate("SyncBridge::Sync", "'%1' is not yes or no").arg(scalarText(value)));
        return std::optional<QString>(scalarText(value));
    }
    if (type == QLatin1String("date") || type == QLatin1String("timestamp") || type == QLatin1String("timestamptz"))
        return dateTimeValue(column, value.toString(), siteZone);
    if (type == QLatin1String("bytea"))
        return itemError(column, QCoreApplication::translate("SyncBridge::Sync", "binary data is never written from SharePoint"));
    return std::optional<QString>(scalarText(value)); // text, varchar, enums, uuid, json, …
}

} // namespace SyncBridge

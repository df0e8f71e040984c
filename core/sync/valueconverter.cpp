#include "sync/valueconverter.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>

#include <cmath>

namespace SyncBridge {
namespace {

Error itemError(const ColumnInfo &column, const QString &why)
{
    return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Sync", "Column '%1': %2").arg(column.name, why));
}

int significantDigits(const QString &decimal)
{
    QString digits;
    for (const QChar c : decimal) {
        if (c.isDigit())
            digits += c;
    }
    while (digits.startsWith(QLatin1Char('0')))
        digits.remove(0, 1);
    if (decimal.contains(QLatin1Char('.')))
        while (digits.endsWith(QLatin1Char('0')))
            digits.chop(1);
    return int(digits.size());
}

// "…+05" or "…-08": PostgreSQL's whole-hour offset, which Qt reads only as "+05:00". (Checked by
// hand: this runs for every timestamptz value of every row.)
bool endsWithHourOffset(const QString &iso)
{
    const qsizetype n = iso.size();
    return n >= 3 && (iso.at(n - 3) == QLatin1Char('+') || iso.at(n - 3) == QLatin1Char('-')) && iso.at(n - 2).isDigit()
        && iso.at(n - 1).isDigit();
}

Result<QJsonValue> dateTimeValue(const ColumnInfo &column, const QString &text, bool dateOnly, const QTimeZone &siteZone)
{
    if (text.contains(QLatin1String("infinity")) || text.endsWith(QLatin1String(" BC")))
        return itemError(column, QCoreApplication::translate("SyncBridge::Sync", "'%1' is not a date SharePoint can store").arg(text));
    QDateTime value;
    if (dateOnly) {
        // The day's first moment in the site's zone (midnight, or the hour after a DST gap at midnight).
        const QDate day = QDate::fromString(text, Qt::ISODate);
        value = day.isValid() ? day.startOfDay(siteZone) : QDateTime();
    } else {
        QString iso = text;
        iso.replace(QLatin1Char(' '), QLatin1Char('T'));
        // Without time zone: the wall clock read as UTC. Never parsed in the host's zone first, whose
        // DST gap would refuse a valid stamp and whose offset would leak into the value.
        if (column.typeName == QLatin1String("timestamp"))
            iso += QLatin1Char('Z');
        else if (endsWithHourOffset(iso))
            iso += QStringLiteral(":00"); // "+00" → "+00:00"
        value = QDateTime::fromString(iso, Qt::ISODateWithMs);
    }
    if (!value.isValid())
        return itemError(column, QCoreApplication::translate("SyncBridge::Sync", "'%1' is not a valid date").arg(text));
    const QDateTime utc = value.toUTC();
    const QDate shown = dateOnly ? value.date() : utc.date(); // a day's range is checked on the day itself
    if (shown < QDate(1900, 1, 1) || shown > QDate(8900, 12, 31))
        return itemError(column,
            QCoreApplication::translate("SyncBridge::Sync", "%1 is outside the dates SharePoint stores (1900-01-01 to 8900-12-31)")
                .arg(shown.toString(Qt::ISODate)));
    QDateTime whole = utc;
    whole.setTime(QTime(utc.time().hour(), utc.time().minute(), utc.time().second()));
    return QJsonValue(whole.toString(Qt::ISODate));
}

} // namespace

QTimeZone siteTimeZone(const SyncDefinition &definition)
{
    const QString zone = definition.targets.isEmpty() ? QString() : definition.targets.constFirst().siteTimeZone;
    const QTimeZone site(zone.toUtf8());
    return zone.isEmpty() || !site.isValid() ? QTimeZone::utc() : site;
}

QStringList parsePostgresArray(const QString &literal)
{
    QStringList elements;
    if (!literal.startsWith(QLatin1Char('{')) || !literal.endsWith(QLatin1Char('}')))
        return elements;
    const QString body = literal.mid(1, literal.size() - 2);
    QString current;
    bool quoted = false, wasQuoted = false, escapeNext = false;
    for (const QChar c : body) {
        if (escapeNext) {
            current += c;
            escapeNext = false;
        } else if (c == QLatin1Char('\\')) {
            escapeNext = true;
        } else if (c == QLatin1Char('"')) {
            quoted = !quoted;
            wasQuoted = true;
        } else if (c == QLatin1Char(',') && !quoted) {
            if (wasQuoted || current != QLatin1String("NULL"))
                elements << current;
            current.clear();
            wasQuoted = false;
        } else {
            current += c;
        }
    }
    if (!body.isEmpty() && (wasQuoted || current != QLatin1String("NULL")))
        elements << current;
    return elements;
}

Result<QJsonValue> toSharePointValue(const ColumnInfo &column, const std::optional<QString> &text, const QTimeZone &siteZone)
{
    if (!text)
        return QJsonValue(QJsonValue::Null);
    const QString &value = *text;
    const QString &type = column.typeName;
    if (column.isArray) {
        QJsonArray array;
        for (const QString &element : parsePostgresArray(value))
            array.append(element);
        return QJsonValue(array);
    }
    if (type == QLatin1String("int2") || type == QLatin1String("int4") || type == QLatin1String("int8")) {
        const qint64 number = value.toLongLong();
        if (qAbs(number) > (qint64(1) << 53))
            return itemError(column, QCoreApplication::translate("SyncBridge::Sync", "%1 is too large for a SharePoint number to hold exactly").arg(value));
        return QJsonValue(double(number));
    }
    if (type == QLatin1String("numeric") || type == QLatin1String("money") || type == QLatin1String("float4") || type == QLatin1String("float8")) {
        if (value.compare(QLatin1String("NaN"), Qt::CaseInsensitive) == 0 || value.contains(QLatin1String("Infinity"), Qt::CaseInsensitive))
            return itemError(column, QCoreApplication::translate("SyncBridge::Sync", "%1 cannot be stored in SharePoint").arg(value));
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (!ok || !std::isfinite(number))
            return itemError(column, QCoreApplication::translate("SyncBridge::Sync", "'%1' is not a number").arg(value));
        if (type == QLatin1String("numeric") && significantDigits(value) > 15)
            return itemError(column, QCoreApplication::translate("SyncBridge::Sync", "%1 has more significant digits than a SharePoint number keeps (15)").arg(value));
        return QJsonValue(number);
    }
    if (type == QLatin1String("bool"))
        return QJsonValue(value == QLatin1String("t") || value == QLatin1String("true"));
    if (type == QLatin1String("date"))
        return dateTimeValue(column, value, true, siteZone);
    if (type == QLatin1String("timestamp") || type == QLatin1String("timestamptz"))
        return dateTimeValue(column, value, false, siteZone);
    if (type == QLatin1String("bytea"))
        return itemError(column, QCoreApplication::translate("SyncBridge::Sync", "binary data cannot be stored in a SharePoint list"));
    return QJsonValue(value);   // text, varchar, enums, uuid, json (as text), …
}

} // namespace SyncBridge

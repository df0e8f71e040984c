#include "graph/itemvalidator.h"

#include "graph/hyperlinkvalue.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QSet>

namespace SyncBridge {
namespace {

// The messages are SharePoint's (the emulator's) words, not ours: a real run reports the service's
// message as it came, so a prediction must read the same. They are deliberately not translated.
const QString invalidRequest = QStringLiteral("Invalid request");
const QString stringCollection = QStringLiteral("Collection(Edm.String)");
const QString intCollection = QStringLiteral("Collection(Edm.Int32)");
constexpr int multiLineMaxLength = 63999; // SharePoint's limit for multiple lines of plain text

bool isLookupColumn(const SharePointColumn &column)
{
    return column.type == QLatin1String("lookup") || column.type == QLatin1String("personOrGroup");
}

bool isLookupId(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble() >= 0 && value.toDouble() == double(qint64(value.toDouble()));
    bool numeric = false;
    value.toString().toLongLong(&numeric);
    return value.isString() && numeric;
}

bool isDateTime(const QJsonValue &value)
{
    if (!value.isString())
        return false;
    const QString text = value.toString();
    return QDateTime::fromString(text, Qt::ISODateWithMs).isValid() || QDate::fromString(text, Qt::ISODate).isValid();
}

// A single line of text holds its maxLength (255 unless set); multiple lines (maxLength -1) 63,999.
int textLimit(const SharePointColumn &column)
{
    return column.maxLength >= 0 ? column.maxLength : multiLineMaxLength;
}

bool refusesChoice(const SharePointColumn &column, const QString &value)
{
    return column.type == QLatin1String("choice") && !column.allowTextEntry && !column.choices.contains(value);
}

QString numberText(double number)
{
    return QString::number(number, 'g', QLocale::FloatingPointShortest);
}

QString notAChoice(const QString &key)
{
    return QStringLiteral("The value of field '%1' is not one of its choices.").arg(key);
}

QString checkValue(const SharePointColumn &column, const QString &key, const QJsonValue &value, const QString &annotation, bool viaLookupId)
{
    if (value.isArray()) {
        if (annotation != stringCollection && annotation != intCollection)
            return invalidRequest; // contract §7.2: arrays need their @odata.type annotation
        if (!column.multiValue)
            return QStringLiteral("Field '%1' does not take several values.").arg(key);
        for (const QJsonValue &element : value.toArray()) {
            if (viaLookupId ? !isLookupId(element) : !element.isString())
                return invalidRequest;
        }
        for (const QJsonValue &element : value.toArray()) {
            if (!viaLookupId && refusesChoice(column, element.toString()))
                return notAChoice(key);
        }
        return {};
    }
    if (viaLookupId)
        return isLookupId(value) ? QString() : QStringLiteral("Field '%1' expects a lookup id.").arg(key);
    const QString &type = column.type;
    if (type == QLatin1String("text") || type == QLatin1String("choice")) {
        if (!value.isString())
            return QStringLiteral("Field '%1' expects a text value.").arg(key);
        if (type == QLatin1String("text") && value.toString().size() > textLimit(column))
            return QStringLiteral("The value of field '%1' is longer than the column allows (%2 characters).")
                .arg(key)
                .arg(textLimit(column));
        if (type == QLatin1String("choice") && column.multiValue)
            return invalidRequest; // a multi-choice column takes an annotated array, never a single string
        if (refusesChoice(column, value.toString()))
            return notAChoice(key);
    } else if (type == QLatin1String("number") || type == QLatin1String("currency")) {
        if (!value.isDouble())
            return QStringLiteral("Field '%1' expects a number.").arg(key);
        if (column.minimum && value.toDouble() < *column.minimum)
            return QStringLiteral("The value of field '%1' (%2) is less than its minimum (%3).")
                .arg(key, numberText(value.toDouble()), numberText(*column.minimum));
        if (column.maximum && value.toDouble() > *column.maximum)
            return QStringLiteral("The value of field '%1' (%2) is greater than its maximum (%3).")
                .arg(key, numberText(value.toDouble()), numberText(*column.maximum));
    } else if (type == QLatin1String("boolean")) {
        if (!value.isBool())
            return QStringLiteral("Field '%1' expects true or false.").arg(key);
    } else if (type == QLatin1String("dateTime")) {
        if (!isDateTime(value))
            return QStringLiteral("Field '%1' expects an ISO-8601 date and time.").arg(key);
    } else if (type == QLatin1String("hyperlinkOrPicture")) {
        if (!value.isString())
            return invalidRequest; // contract §7.2: the object Graph reads is refused on a write
        if (const QString url = Hyperlink::fromWriteForm(value.toString()).value(QStringLiteral("Url")).toString();
            !Hyperlink::isAllowedUrl(url))
            return QStringLiteral("Field '%1': '%2' is not a valid URL.").arg(key, url);
    } else if (isLookupColumn(column)) {
        return QStringLiteral("Field '%1' is written as '%1LookupId'.").arg(key);
    } else if (value.isObject()) {
        return invalidRequest;
    }
    return {};
}

} // namespace

QString validateItemFields(
    const QJsonObject &fields, const QHash<QString, SharePointColumn> &columns, bool creating, const ItemValidationRules &rules)
{
    QSet<QString> written;
    for (auto it = fields.constBegin(); it != fields.constEnd(); ++it) {
        const QString key = it.key();
        if (key.startsWith(QLatin1Char('@')) || key.endsWith(QLatin1String("@odata.type")))
            continue; // annotations
        const bool viaLookupId = key.endsWith(QLatin1String("LookupId"));
        const QString columnName = viaLookupId ? key.chopped(8) : key;
        const auto column = columns.constFind(columnName);
        if (column == columns.constEnd() || (viaLookupId && !isLookupColumn(*column)))
            return QStringLiteral("Field '%1' is not recognized").arg(key);
        // The client never writes system fields (contract §7.5) even where SharePoint reports them
        // writable (Attachments, ContentType): SharePointColumn counts them read-only.
        if (column->readOnly || column->system || column->type == QLatin1String("calculated"))
            return QStringLiteral("Field '%1' is read-only").arg(key);
        if (it.value().isNull())
            continue; // null clears
        const QString error
            = checkValue(*column, key, it.value(), fields.value(key + QStringLiteral("@odata.type")).toString(), viaLookupId);
        if (!error.isEmpty())
            return error;
        written.insert(columnName);
    }
    if (creating && rules.enforceRequired) {
        // The service names the first missing column in the list's order; only the columns by name
        // are known here, so a body missing two required columns may be named by the other one.
        QStringList names = columns.keys();
        names.sort();
        for (const QString &name : std::as_const(names)) {
            const SharePointColumn &column = columns[name];
            if (column.required && !column.readOnly && !column.system && !written.contains(name))
                return QStringLiteral("Field '%1' is required.").arg(name);
        }
    }
    return {};
}

} // namespace SyncBridge

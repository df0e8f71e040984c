#include "fieldwriter.h"

#include "sitedates.h"
#include "userinformationlist.h"

#include <QJsonArray>
#include <QLocale>
#include <QUrl>

namespace GraphEmulator {
namespace {

const QString stringCollection = QStringLiteral("Collection(Edm.String)");
const QString intCollection = QStringLiteral("Collection(Edm.Int32)");

// EMULATOR DECISION (beyond the contract, docs/graph-emulator.md): a choice column that does not
// allow fill-in values (`allowTextEntry` false or absent) refuses a value outside its `choices`.
bool refusesChoice(const Column &column, const QString &value)
{
    if (column.type != QLatin1String("choice") || column.facet.value(QStringLiteral("allowTextEntry")).toBool())
        return false;
    for (const QJsonValue &choice : column.facet.value(QStringLiteral("choices")).toArray()) {
        if (choice.toString() == value)
            return false;
    }
    return true;
}

QString notAChoice(const QString &key)
{
    return QStringLiteral("The value of field '%1' is not one of its choices.").arg(key);
}

// EMULATOR DECISION (docs/graph-emulator.md, "Hyperlink columns"): a hyperlink is written as text in
// SharePoint's URL field form "<url>, <description>" (a comma in the URL doubled; no ", ": the URL
// is its own description) and read as {"Url", "Description"} (contract §7.1).
QJsonObject hyperlinkOf(const QString &text)
{
    QString url;
    int at = 0;
    for (; at < text.size(); ++at) {
        const bool comma = text.at(at) == QLatin1Char(',') && at + 1 < text.size();
        if (comma && text.at(at + 1) == QLatin1Char(','))
            url += text.at(at++);
        else if (comma && text.at(at + 1) == QLatin1Char(' '))
            break;
        else
            url += text.at(at);
    }
    const QString description = text.mid(at + 2);
    return QJsonObject{{QStringLiteral("Url"), url}, {QStringLiteral("Description"), description.isEmpty() ? url : description}};
}

// The schemes SharePoint's URL field takes, with a host where the scheme has one.
bool isValidUrl(const QString &url)
{
    static const QStringList hosted{QStringLiteral("http"), QStringLiteral("https"), QStringLiteral("ftp"), QStringLiteral("ftps")};
    static const QStringList hostless{QStringLiteral("mailto"), QStringLiteral("news"), QStringLiteral("file")};
    const QUrl parsed(url, QUrl::StrictMode);
    const QString scheme = parsed.scheme().toLower();
    return parsed.isValid() && (hostless.contains(scheme) || (hosted.contains(scheme) && !parsed.host().isEmpty()));
}

// EMULATOR DECISION (docs/graph-emulator.md): a number column's `minimum` and `maximum` (inclusive)
// are enforced on writes, as SharePoint's form does; the wording is ours.
QString outsideBounds(const Column &column, const QString &key, double number)
{
    const auto text = [](double n) { return QString::number(n, 'g', QLocale::FloatingPointShortest); };
    const QJsonValue minimum = column.facet.value(QStringLiteral("minimum"));
    const QJsonValue maximum = column.facet.value(QStringLiteral("maximum"));
    if (minimum.isDouble() && number < minimum.toDouble())
        return QStringLiteral("The value of field '%1' (%2) is less than its minimum (%3).")
            .arg(key, text(number), text(minimum.toDouble()));
    if (maximum.isDouble() && number > maximum.toDouble())
        return QStringLiteral("The value of field '%1' (%2) is greater than its maximum (%3).")
            .arg(key, text(number), text(maximum.toDouble()));
    return {};
}

bool isLookupId(const QJsonValue &value)
{
    if (value.isDouble())
        return value.toDouble() >= 0 && value.toDouble() == double(qint64(value.toDouble()));
    bool numeric = false;
    value.toString().toLongLong(&numeric);
    return value.isString() && numeric;
}

// Checks one value against its column; on success returns the stored form in *stored.
QString checkValue(const Column &column, const QString &key, const QJsonValue &value, const QString &annotation, bool viaLookupId,
    const QTimeZone &siteZone, QJsonValue *stored)
{
    const QString invalid = QStringLiteral("Invalid request");
    if (value.isArray()) {
        // EMULATOR DECISION (§7.2): arrays need their @odata.type annotation.
        if (annotation != stringCollection && annotation != intCollection)
            return invalid;
        if (!column.isMultiValue())
            return QStringLiteral("Field '%1' does not take several values.").arg(key);
        for (const QJsonValue &element : value.toArray()) {
            if (viaLookupId ? !isLookupId(element) : !element.isString())
                return invalid;
        }
        for (const QJsonValue &element : value.toArray()) {
            if (!viaLookupId && refusesChoice(column, element.toString()))
                return notAChoice(key);
        }
        *stored = value;
        return {};
    }
    if (viaLookupId) {
        if (!isLookupId(value))
            return QStringLiteral("Field '%1' expects a lookup id.").arg(key);
        *stored = value.isString() ? value.toString() : QString::number(qint64(value.toDouble()));
        return {};
    }
    const QString &type = column.type;
    if (type == QLatin1String("text") || type == QLatin1String("choice")) {
        if (!value.isString())
            return QStringLiteral("Field '%1' expects a text value.").arg(key);
        const int maxLength = column.maxLength();
        if (maxLength >= 0 && value.toString().size() > maxLength)
            return QStringLiteral("The value of field '%1' is longer than the column allows (%2 characters).").arg(key).arg(maxLength);
        if (type == QLatin1String("choice") && column.isMultiValue())
            return invalid;   // a multi-choice column takes an annotated array, never a single string
        if (refusesChoice(column, value.toString()))
            return notAChoice(key);
    } else if (type == QLatin1String("number") || type == QLatin1String("currency")) {
        if (!value.isDouble())
            return QStringLiteral("Field '%1' expects a number.").arg(key);
        if (const QString outside = outsideBounds(column, key, value.toDouble()); !outside.isEmpty())
            return outside;
    } else if (type == QLatin1String("boolean")) {
        if (!value.isBool())
            return QStringLiteral("Field '%1' expects true or false.").arg(key);
    } else if (type == QLatin1String("dateTime")) {
        const bool dateOnly = column.facet.value(QStringLiteral("format")).toString() == QLatin1String("dateOnly");
        const QString normalized = value.isString() ? storedDateTime(value.toString(), dateOnly, siteZone) : QString();
        if (normalized.isEmpty())
            return QStringLiteral("Field '%1' expects an ISO-8601 date and time.").arg(key);
        *stored = normalized;
        return {};
    } else if (type == QLatin1String("hyperlinkOrPicture")) {
        if (!value.isString())
            return invalid; // contract §7.2: the {Url, Description} object is refused
        const QJsonObject link = hyperlinkOf(value.toString());
        if (!isValidUrl(link.value(QStringLiteral("Url")).toString()))
            return QStringLiteral("Field '%1': '%2' is not a valid URL.").arg(key, link.value(QStringLiteral("Url")).toString());
        *stored = link;
        return {};
    } else if (type == QLatin1String("lookup") || type == QLatin1String("personOrGroup")) {
        return QStringLiteral("Field '%1' is written as '%1LookupId'.").arg(key);
    } else if (value.isObject()) {
        return invalid;
    }
    *stored = value;
    return {};
}

// EMULATOR DECISION (beyond the contract, docs/graph-emulator.md): a person column's ids must be
// people of the site's User Information List, a lookup column's ids items of its target list.
QString missingLookupTarget(const Site &site, const Column &column, const QString &key, const QJsonValue &stored)
{
    const bool person = column.type == QLatin1String("personOrGroup");
    const QString targetId = column.facet.value(QStringLiteral("listId")).toString();
    const List *target = nullptr;
    for (const auto &candidate : site.lists) {
        if (person ? candidate->displayName == userInformationListTitle : candidate->id.compare(targetId, Qt::CaseInsensitive) == 0)
            target = candidate.get();
    }
    if (!target)
        return {}; // a lookup into a list this site does not hold (AppPrincipals…): not checked
    const QJsonArray ids = stored.isArray() ? stored.toArray() : QJsonArray{stored};
    for (const QJsonValue &id : ids) {
        const int number = id.isDouble() ? id.toInt() : id.toString().toInt();
        if (target->items.count(number) == 0)
            return person ? QStringLiteral("Field '%1': this site has no user with lookup id %2.").arg(key).arg(number)
                          : QStringLiteral("Field '%1': the lookup list has no item %2.").arg(key).arg(number);
    }
    return {};
}

} // namespace

QString writeFields(const List &list, const Site &site, const QJsonObject &body, QJsonObject &target, bool creating, bool strictRequired)
{
    const QTimeZone siteZone = siteTimeZone(site.timeZone);
    QJsonObject result = target;
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        const QString key = it.key();
        if (key.startsWith(QLatin1Char('@')) || key.endsWith(QLatin1String("@odata.type")))
            continue;   // annotations; @odata.etag is ignored, as the service does
        const bool viaLookupId = key.endsWith(QLatin1String("LookupId"));
        const QString columnName = viaLookupId ? key.chopped(8) : key;
        const Column *column = list.column(columnName);
        if (!column || (viaLookupId && column->type != QLatin1String("lookup") && column->type != QLatin1String("personOrGroup")))
            return QStringLiteral("Field '%1' is not recognized").arg(key);
        if (column->readOnly || column->type == QLatin1String("calculated"))
            return QStringLiteral("Field '%1' is read-only").arg(key);
        if (it.value().isNull()) {
            result.remove(key);
            continue;
        }
        QJsonValue stored;
        const QString error = checkValue(
            *column, key, it.value(), body.value(key + QStringLiteral("@odata.type")).toString(), viaLookupId, siteZone, &stored);
        if (!error.isEmpty())
            return error;
        if (viaLookupId) {
            if (const QString missing = missingLookupTarget(site, *column, key, stored); !missing.isEmpty())
                return missing;
        }
        result.insert(key, stored);
    }
    if (creating && strictRequired) {
        for (const Column &column : list.columns) {
            if (column.required && !column.readOnly && !result.contains(column.name) && !result.contains(column.name + QStringLiteral("LookupId")))
                return QStringLiteral("Field '%1' is required.").arg(column.name);
        }
    }
    target = result;
    return {};
}

} // namespace GraphEmulator

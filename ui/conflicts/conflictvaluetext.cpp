#include "conflicts/conflictvaluetext.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QJsonArray>
#include <QStringList>

namespace SyncBridge {
namespace {

// The texts' translation context (a free function has none of its own).
class ConflictValueText
{
    Q_DECLARE_TR_FUNCTIONS(ConflictValueText)
};

QDateTime isoDateTime(const QString &text)
{
    // A date-only text has no time: read as a day, never shifted by a time zone.
    if (text.size() == 10)
        return {};
    return QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace

bool isIsoDateText(const QString &text)
{
    if (text.size() < 10 || text.at(4) != QLatin1Char('-') || text.at(7) != QLatin1Char('-'))
        return false;
    return text.size() == 10 ? QDate::fromString(text, Qt::ISODate).isValid() : isoDateTime(text).isValid();
}

QString conflictValueText(const QJsonValue &value, const QLocale &locale)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? ConflictValueText::tr("Yes") : ConflictValueText::tr("No");
    case QJsonValue::Double:
        return locale.toString(value.toDouble(), 'f', QLocale::FloatingPointShortest);
    case QJsonValue::String: {
        const QString text = value.toString();
        if (!isIsoDateText(text))
            return text;
        const QDateTime moment = isoDateTime(text);
        // SharePoint keeps a date-only value as midnight: the day is what a person means.
        if (!moment.isValid()
            || (moment.time() == QTime(0, 0) && moment.timeSpec() == Qt::UTC && text.endsWith(QLatin1String("T00:00:00Z"))))
            return locale.toString(QDate::fromString(text.left(10), Qt::ISODate), QLocale::ShortFormat);
        return locale.toString(moment.toLocalTime(), QLocale::ShortFormat);
    }
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        if (array.isEmpty())
            return ConflictValueText::tr("none chosen");
        QStringList parts;
        for (const QJsonValue &element : array)
            parts << conflictValueText(element, locale);
        return parts.join(QStringLiteral(", "));
    }
    default:
        return ConflictValueText::tr("— no value");
    }
}

QString conflictDecisionText(const SyncConflict &conflict, const QLocale &locale)
{
    if (conflict.isApplied())
        return ConflictValueText::tr("Applied: %1 (run %2, %3)")
            .arg(conflictValueText(conflict.resolvedValue, locale))
            .arg(conflict.appliedRunId)
            .arg(locale.toString(conflict.appliedAt.toLocalTime(), QLocale::ShortFormat));
    switch (conflict.resolution) {
    case ConflictResolution::Database:
        return ConflictValueText::tr("Decided: database value — waiting for the next run");
    case ConflictResolution::SharePoint:
        return ConflictValueText::tr("Decided: SharePoint value — waiting for the next run");
    case ConflictResolution::Edited:
        return ConflictValueText::tr("Decided: %1 — waiting for the next run").arg(conflictValueText(conflict.resolvedValue, locale));
    case ConflictResolution::Open:
        break;
    }
    return ConflictValueText::tr("Open — not decided yet");
}

} // namespace SyncBridge

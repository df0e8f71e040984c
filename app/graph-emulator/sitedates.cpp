#include "sitedates.h"

#include "graphstate.h"

#include <QDateTime>
#include <QRegularExpression>

namespace GraphEmulator {

QTimeZone siteTimeZone(const QString &ianaId)
{
    const QTimeZone zone(ianaId.toUtf8());
    return zone.isValid() ? zone : QTimeZone::utc();
}

QString storedDateTime(const QString &text, bool dateOnly, const QTimeZone &siteZone)
{
    QDateTime value;
    const QDate bareDate = QDate::fromString(text, Qt::ISODate);
    if (bareDate.isValid() && text.size() == 10) {
        value = QDateTime(bareDate, QTime(0, 0), siteZone);
    } else {
        const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!parsed.isValid())
            return {};
        // Qt reads a value without "Z" or "±hh:mm" as the machine's local time; SharePoint reads
        // it as the site's (EMULATOR DECISION: the classic APIs do, Graph's rule is unconfirmed).
        static const QRegularExpression hasOffset(QStringLiteral("(Z|[+-]\\d\\d:?\\d\\d)$"));
        value = hasOffset.match(text).hasMatch() ? parsed : QDateTime(parsed.date(), parsed.time(), siteZone);
    }
    if (dateOnly)
        value = QDateTime(value.toTimeZone(siteZone).date(), QTime(0, 0), siteZone);
    return isoUtc(value.toMSecsSinceEpoch());
}

} // namespace GraphEmulator

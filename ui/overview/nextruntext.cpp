#include "overview/nextruntext.h"

#include "schedule/crondescription.h"
#include "schedule/cronschedule.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTimeZone>

namespace SyncBridge {
namespace {

// "02:30" today, "Tue 02:30" another day (of the zone the time is shown in).
QString whenText(const QDateTime &moment, const QDateTime &now)
{
    const QLocale locale;
    const QString time = locale.toString(moment.time(), QLocale::ShortFormat);
    if (moment.date() == now.toTimeZone(moment.timeZone()).date())
        return time;
    return QStringLiteral("%1 %2").arg(locale.dayName(moment.date().dayOfWeek(), QLocale::ShortFormat), time);
}

} // namespace

QString nextRunText(const SyncDefinition &definition, const QDateTime &nowUtc, bool pausedHere)
{
    if (pausedHere && definition.enabled && !definition.scheduleCron.isEmpty() && !definition.schedulePaused) {
        const QString next = nextRunText(definition, nowUtc);
        return QCoreApplication::translate("SyncBridge::DefinitionCard", "%1 — schedules paused on this computer").arg(next);
    }
    if (!definition.enabled)
        return QCoreApplication::translate("SyncBridge::DefinitionCard", "Disabled");
    if (definition.scheduleCron.isEmpty())
        return QCoreApplication::translate("SyncBridge::DefinitionCard", "Manual runs only");
    if (definition.schedulePaused)
        return QCoreApplication::translate("SyncBridge::DefinitionCard", "Schedule paused");
    const auto schedule = CronSchedule::parse(definition.scheduleCron, definition.scheduleTimeZone);
    if (!schedule)
        return QCoreApplication::translate("SyncBridge::DefinitionCard", "Schedule not valid: %1").arg(schedule.error().message());
    const std::optional<QDateTime> next = schedule->next(nowUtc);
    if (!next)
        return QCoreApplication::translate("SyncBridge::DefinitionCard", "No next run: the schedule never matches a date");
    const QTimeZone local = QTimeZone::systemTimeZone();
    const QDateTime localNext = next->toTimeZone(local);
    const QString zone = QString::fromUtf8(schedule->zone().id());
    const QString localWhen = whenText(localNext, nowUtc);
    if (schedule->zone() == local || next->toTimeZone(schedule->zone()).time() == localNext.time())
        return QCoreApplication::translate("SyncBridge::DefinitionCard", "Next run %1 (%2)").arg(localWhen, zone);
    const QString zoneWhen = whenText(next->toTimeZone(schedule->zone()), nowUtc);
    return QCoreApplication::translate("SyncBridge::DefinitionCard", "Next run %1 (%2 %3)").arg(localWhen, zoneWhen, zone);
}

QString scheduleToolTip(const SyncDefinition &definition)
{
    if (definition.scheduleCron.isEmpty())
        return {};
    const auto expression = parseCron(definition.scheduleCron);
    const QString words = expression ? describeCron(*expression) : expression.error().message();
    const QString zone
        = definition.scheduleTimeZone.isEmpty() ? QString::fromUtf8(QTimeZone::systemTimeZoneId()) : definition.scheduleTimeZone;
    return QCoreApplication::translate("SyncBridge::DefinitionCard", "%1, %2 (cron %3)").arg(words, zone, definition.scheduleCron);
}

} // namespace SyncBridge

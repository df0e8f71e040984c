#include "schedule/cronexpression.h"

#include <QCoreApplication>

namespace SyncBridge {

QString cronFieldName(CronField field)
{
    switch (field) {
    case CronField::Minute:
        return QCoreApplication::translate("SyncBridge::Cron", "minute");
    case CronField::Hour:
        return QCoreApplication::translate("SyncBridge::Cron", "hour");
    case CronField::DayOfMonth:
        return QCoreApplication::translate("SyncBridge::Cron", "day-of-month");
    case CronField::Month:
        return QCoreApplication::translate("SyncBridge::Cron", "month");
    case CronField::DayOfWeek:
        return QCoreApplication::translate("SyncBridge::Cron", "day-of-week");
    }
    return {};
}

bool CronExpression::matchesDay(const QDate &date) const
{
    if (!months.test(date.month()))
        return false;
    const bool dayOfMonth = daysOfMonth.test(date.day());
    const bool dayOfWeek = daysOfWeek.test(date.dayOfWeek() % 7);
    if (dayOfMonthStar || dayOfWeekStar)
        return dayOfMonth && dayOfWeek;
    return dayOfMonth || dayOfWeek;
}

bool CronExpression::operator==(const CronExpression &other) const
{
    return minutes == other.minutes && hours == other.hours && daysOfMonth == other.daysOfMonth && months == other.months
        && daysOfWeek == other.daysOfWeek && minuteStar == other.minuteStar && hourStar == other.hourStar
        && dayOfMonthStar == other.dayOfMonthStar && dayOfWeekStar == other.dayOfWeekStar;
}

QString CronSyntaxError::message() const
{
    if (!field)
        return QCoreApplication::translate("SyncBridge::Cron", "at %1: %2").arg(position).arg(reason);
    return QCoreApplication::translate("SyncBridge::Cron", "%1, at %2: %3").arg(cronFieldName(*field)).arg(position).arg(reason);
}

} // namespace SyncBridge

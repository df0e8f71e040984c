// Describes a cron expression in words. Each phrase is a translatable pattern that takes the
// phrase before it as %1, so translators see whole phrases, not words to glue.
#include "schedule/crondescription.h"

#include <QCoreApplication>
#include <QStringList>

#include <functional>

namespace SyncBridge {
namespace {

const char *const context = "SyncBridge::CronDescription";

template<std::size_t N> QList<int> valuesOf(const std::bitset<N> &bits, int from, int to)
{
    QList<int> values;
    for (int v = from; v <= to; ++v) {
        if (bits.test(std::size_t(v)))
            values << v;
    }
    return values;
}

// "1-5, 10, 20-22": runs of three or more as ranges.
QString compact(const QList<int> &values, const std::function<QString(int)> &name)
{
    QStringList parts;
    for (int i = 0; i < values.size();) {
        int j = i;
        while (j + 1 < values.size() && values.at(j + 1) == values.at(j) + 1)
            ++j;
        if (j - i >= 2) {
            parts << QStringLiteral("%1–%2").arg(name(values.at(i)), name(values.at(j)));
        } else {
            for (int k = i; k <= j; ++k)
                parts << name(values.at(k));
        }
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}

QString number(int value)
{
    return QString::number(value);
}

QString dayName(int day)
{
    static const char *const names[] = {QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "Sunday"),
        QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "Monday"), QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "Tuesday"),
        QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "Wednesday"), QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "Thursday"),
        QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "Friday"), QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "Saturday")};
    return QCoreApplication::translate(context, names[day]);
}

QString monthName(int month)
{
    static const char *const names[]
        = {QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "January"), QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "February"),
            QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "March"), QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "April"),
            QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "May"), QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "June"),
            QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "July"), QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "August"),
            QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "September"), QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "October"),
            QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "November"), QT_TRANSLATE_NOOP("SyncBridge::CronDescription", "December")};
    return QCoreApplication::translate(context, names[month - 1]);
}

// The step of values that start at first and are evenly spaced up to the end of the field
// (0, 15, 30, 45 → 15); 0 when they are not.
int evenStep(const QList<int> &values, int first, int span)
{
    if (values.size() < 2 || values.first() != first)
        return 0;
    const int step = values.at(1) - values.at(0);
    for (int i = 1; i < values.size(); ++i) {
        if (values.at(i) - values.at(i - 1) != step)
            return 0;
    }
    return values.last() + step >= first + span ? step : 0;
}

QString timePhrase(const CronExpression &e)
{
    const QList<int> minutes = valuesOf(e.minutes, 0, 59);
    const QList<int> hours = valuesOf(e.hours, 0, 23);
    const bool everyHour = hours.size() == 24;
    if (minutes.size() == 60 && everyHour)
        return QCoreApplication::translate(context, "Every minute");
    if (everyHour && minutes.size() > 1) {
        if (const int step = evenStep(minutes, 0, 60))
            return QCoreApplication::translate(context, "Every %1 minutes").arg(step);
    }
    if (minutes.size() == 1) {
        if (everyHour) {
            return minutes.first() == 0 ? QCoreApplication::translate(context, "Every hour")
                                        : QCoreApplication::translate(context, "Every hour at minute %1").arg(minutes.first());
        }
        if (const int step = evenStep(hours, 0, 24); step > 1) {
            return QCoreApplication::translate(context, "Every %1 hours at minute %2").arg(step).arg(minutes.first());
        }
    }
    if (minutes.size() * hours.size() <= 4) {
        QStringList times;
        for (const int hour : hours) {
            for (const int minute : minutes)
                times << QStringLiteral("%1:%2").arg(hour, 2, 10, QLatin1Char('0')).arg(minute, 2, 10, QLatin1Char('0'));
        }
        return QCoreApplication::translate(context, "At %1").arg(times.join(QStringLiteral(", ")));
    }
    if (minutes.size() == 60)
        return QCoreApplication::translate(context, "Every minute of hours %1").arg(compact(hours, number));
    if (everyHour)
        return QCoreApplication::translate(context, "At minutes %1 of every hour").arg(compact(minutes, number));
    return QCoreApplication::translate(context, "At minutes %1 of hours %2").arg(compact(minutes, number), compact(hours, number));
}

QString daysOfWeekText(const QList<int> &days)
{
    return compact(days, dayName);
}

} // namespace

QString describeCron(const CronExpression &e)
{
    QString text = timePhrase(e);
    const QList<int> daysOfMonth = valuesOf(e.daysOfMonth, 1, 31);
    const QList<int> daysOfWeek = valuesOf(e.daysOfWeek, 0, 6);
    const QList<int> months = valuesOf(e.months, 1, 12);
    const bool anyDayOfMonth = daysOfMonth.size() == 31;
    const bool anyDayOfWeek = daysOfWeek.size() == 7;
    const bool weekdays = daysOfWeek == QList<int>{1, 2, 3, 4, 5};
    const bool weekends = daysOfWeek == QList<int>{0, 6};
    const QString weekPart = weekdays ? QCoreApplication::translate(context, "weekdays")
        : weekends                    ? QCoreApplication::translate(context, "weekends")
                                      : daysOfWeekText(daysOfWeek);

    if (!e.dayOfMonthStar && !e.dayOfWeekStar) {
        // Either field matching is enough (CronExpression::matchesDay): a field written out in full
        // ("1-31", "0-6") makes it every day.
        if (!anyDayOfMonth && !anyDayOfWeek)
            text = QCoreApplication::translate(context, "%1 on day %2 of the month or on %3")
                       .arg(text, compact(daysOfMonth, number), weekPart);
    } else if (!anyDayOfMonth && !anyDayOfWeek) {
        text = QCoreApplication::translate(context, "%1 on day %2 of the month if it is a %3")
                   .arg(text, compact(daysOfMonth, number), weekPart);
    } else if (!anyDayOfMonth) {
        text = QCoreApplication::translate(context, "%1 on day %2 of the month").arg(text, compact(daysOfMonth, number));
    } else if (!anyDayOfWeek) {
        text = QCoreApplication::translate(context, "%1 on %2").arg(text, weekPart);
    }
    if (months.size() < 12)
        text = QCoreApplication::translate(context, "%1 in %2").arg(text, compact(months, monthName));
    return text;
}

} // namespace SyncBridge

#include "schedule/cronschedule.h"

#include "schedule/zoneclock.h"

#include <QCoreApplication>

namespace SyncBridge {
namespace {

constexpr qint64 day = 86400;
constexpr int horizonYears = 30;
const qint64 epochJulianDay = QDate(1970, 1, 1).toJulianDay();

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

CronSchedule::CronSchedule(CronExpression expression, QTimeZone zone)
    : m_expression(std::move(expression))
    , m_zone(std::move(zone))
{
}

Result<CronSchedule> CronSchedule::parse(const QString &cron, const QString &timeZone)
{
    auto expression = parseCron(cron);
    if (!expression)
        return expression.error();
    if (timeZone.isEmpty())
        return CronSchedule(std::move(expression).value(), QTimeZone::systemTimeZone());
    const QTimeZone zone(timeZone.toUtf8());
    if (!zone.isValid()) {
        return Error(
            ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Cron", "'%1' is not a known IANA time zone").arg(timeZone));
    }
    return CronSchedule(std::move(expression).value(), zone);
}

// Walks the expression's wall times in order from the wall time of after, converting each to the
// instants it runs at. Outside the repeated hour the first instants of later wall times are never
// earlier, so the walk stops at the first wall time whose earliest instant is past the best found.
std::optional<QDateTime> CronSchedule::next(const QDateTime &after) const
{
    if (!after.isValid())
        return std::nullopt;
    ZoneClock clock(m_zone);
    const bool wallClock = m_expression.followsWallClock();
    const qint64 afterMs = after.toMSecsSinceEpoch();
    const qint64 afterSecs = floorDiv(afterMs, 1000);
    // A wall-clock expression also runs at the second occurrence of wall times before after's when
    // after is in the first pass of a repeated span: start that far back.
    const qint64 startWall = floorDiv(clock.wallOf(afterSecs), 60) * 60 - (wallClock ? clock.repeatAhead(afterSecs) : 0);

    std::optional<qint64> best;
    const auto consider = [&](qint64 instant) {
        if (instant * 1000 > afterMs && (!best || instant < *best))
            best = instant;
    };

    QDate date = QDate::fromJulianDay(floorDiv(startWall, day) + epochJulianDay);
    const QDate last = date.addYears(horizonYears);
    while (date <= last) {
        if (!m_expression.months.test(date.month())) {
            date = QDate(date.year(), date.month(), 1).addMonths(1);
            continue;
        }
        if (m_expression.matchesDay(date)) {
            const qint64 dayWall = (date.toJulianDay() - epochJulianDay) * day;
            for (int hour = 0; hour < 24; ++hour) {
                if (!m_expression.hours.test(hour) || dayWall + hour * 3600 + 3599 < startWall)
                    continue;
                for (int minute = 0; minute < 60; ++minute) {
                    const qint64 wall = dayWall + hour * 3600 + minute * 60;
                    if (!m_expression.minutes.test(minute) || wall < startWall)
                        continue;
                    const ZoneClock::Instants instants = clock.instantsOf(wall);
                    if (instants.count == 0) {
                        if (!wallClock)
                            consider(instants.first);
                    } else {
                        consider(instants.first);
                        if (wallClock && instants.count == 2)
                            consider(instants.second);
                    }
                    if (best && instants.first >= *best)
                        return QDateTime::fromSecsSinceEpoch(*best, Qt::UTC);
                }
            }
        }
        date = date.addDays(1);
    }
    if (best)
        return QDateTime::fromSecsSinceEpoch(*best, Qt::UTC);
    return std::nullopt;
}

QList<QDateTime> CronSchedule::next(const QDateTime &after, int count) const
{
    QList<QDateTime> runs;
    QDateTime from = after;
    while (runs.size() < count) {
        const std::optional<QDateTime> run = next(from);
        if (!run)
            break;
        runs << *run;
        from = *run;
    }
    return runs;
}

} // namespace SyncBridge

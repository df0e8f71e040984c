#pragma once

#include "common/result.h"
#include "schedule/cronexpression.h"

#include <QDateTime>
#include <QList>
#include <QTimeZone>

#include <optional>

namespace SyncBridge {

// A cron expression read in an IANA time zone: when it runs. The DST rule (docs/schedules.md):
// - a wall time that happens once runs then;
// - a wall time in the spring gap runs at the first instant after the gap (02:30 on the day New York
//   springs forward runs at 03:00 EDT); several such times, or one and the first time after the
//   gap, run once;
// - a wall time in the repeated autumn hour runs once, at its first occurrence;
// - but an expression whose minute or hour field starts with '*' ("*/15 * * * *", "0 * * * *",
//   cronie's wildcard jobs) follows the wall clock: it runs at every instant whose wall time it
//   names — wall times in the gap never happen, those in the repeated hour happen twice — so it
//   keeps running every 15 minutes, every hour, of real time.
class CronSchedule
{
public:
    CronSchedule(CronExpression expression, QTimeZone zone);

    // An empty timeZone is the system's zone.
    static Result<CronSchedule> parse(const QString &cron, const QString &timeZone);

    // The first run strictly after after, in UTC; none when the expression never matches a date
    // in the 30 years after it ("0 0 30 2 *") or after is not a valid time.
    std::optional<QDateTime> next(const QDateTime &after) const;
    // The next count runs after after, in order (fewer when there are no more).
    QList<QDateTime> next(const QDateTime &after, int count) const;

    const CronExpression &expression() const { return m_expression; }
    const QTimeZone &zone() const { return m_zone; }

private:
    CronExpression m_expression;
    QTimeZone m_zone;
};

} // namespace SyncBridge

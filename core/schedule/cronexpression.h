#pragma once

#include "common/result.h"

#include <QDate>
#include <QString>

#include <bitset>
#include <optional>

namespace SyncBridge {

// The five fields of a cron expression, in their order.
enum class CronField { Minute, Hour, DayOfMonth, Month, DayOfWeek };

// "minute", "hour", "day-of-month", "month", "day-of-week" — translated, for messages.
QString cronFieldName(CronField field);

// A parsed five-field cron expression as Vixie cron and cronie read it: the set of values each
// field allows, and whether the day fields were written starting with '*' — cronie's DOM_STAR and
// DOW_STAR, which decide how the two day fields combine (see matchesDay()) — and whether minute or
// hour were (the job then follows the wall clock through DST changes, docs/schedules.md).
struct CronExpression {
    std::bitset<60> minutes;
    std::bitset<24> hours;
    std::bitset<32> daysOfMonth; // 1..31 (bit 0 unused)
    std::bitset<13> months;      // 1..12 (bit 0 unused)
    std::bitset<7> daysOfWeek;   // 0..6, Sunday = 0 (7 is read as 0)
    bool minuteStar = false;
    bool hourStar = false;
    bool dayOfMonthStar = false;
    bool dayOfWeekStar = false;
    QString text; // as written, trimmed

    // Vixie/cronie: when either day field starts with '*' a day must match both; when both are
    // restricted a day matches if either matches ("0 0 1 * mon" runs on the 1st and on Mondays).
    bool matchesDay(const QDate &date) const;

    // Minute and hour written starting with '*' ("*", "*/15"): cronie's "wildcard" jobs, which
    // follow the wall clock through DST changes instead of the fixed-time rule.
    bool followsWallClock() const { return minuteStar || hourStar; }

    bool operator==(const CronExpression &other) const;
};

// Where and why an expression does not parse. position is 1-based in the text as given (before
// trimming), length the number of characters the problem covers (at least 1), for marking it.
struct CronSyntaxError {
    std::optional<CronField> field; // none: the expression as a whole (field count, unknown @name)
    int position = 1;
    int length = 1;
    QString reason; // "'fro' is not a day name"

    // "day-of-week, at 9: 'fro' is not a day name"
    QString message() const;
};

// Parses five fields separated by blanks, or one of @yearly @annually @monthly @weekly @daily
// @midnight @hourly. docs/schedules.md lists the syntax.
Result<CronExpression> parseCron(const QString &text);

// The same parse, keeping where it failed: std::nullopt when the text parses.
std::optional<CronSyntaxError> cronSyntaxError(const QString &text);

} // namespace SyncBridge

#include "schedule/missedruns.h"

#include <array>

namespace SyncBridge {
namespace {

// The latest occurrence in (lastRun, now]. Walking from lastRun could take a month of
// every-minute occurrences after a long sleep; walking from growing windows before now finds it
// after a few steps: the first window holding an occurrence holds the latest.
std::optional<QDateTime> latestDue(const CronSchedule &schedule, const QDateTime &lastRun, const QDateTime &now)
{
    constexpr qint64 dayS = 86400;
    const std::array<qint64, 5> windows{3600, dayS, 32 * dayS, 400 * dayS, 31 * 366 * dayS};
    for (const qint64 window : windows) {
        const QDateTime start = qMax(lastRun, now.addSecs(-window));
        std::optional<QDateTime> latest;
        for (std::optional<QDateTime> run = schedule.next(start); run && *run <= now; run = schedule.next(*run))
            latest = run;
        if (latest || start == lastRun)
            return latest;
    }
    return std::nullopt;
}

} // namespace

ScheduleDecision decideRun(
    const CronSchedule &schedule, const QDateTime &lastRun, const QDateTime &now, MissedRunPolicy policy, qint64 onTimeSeconds)
{
    ScheduleDecision decision;
    if (lastRun >= now) {
        decision.next = schedule.next(lastRun);
        return decision;
    }
    decision.next = schedule.next(now);
    const std::optional<QDateTime> latest = latestDue(schedule, lastRun, now);
    if (!latest)
        return decision;
    const std::optional<QDateTime> first = schedule.next(lastRun);
    decision.missed = first && *first < *latest;
    if (latest->secsTo(now) <= onTimeSeconds) {
        decision.runNow = latest;
    } else if (policy == MissedRunPolicy::CatchUpOnce) {
        decision.runNow = latest;
        decision.catchUp = true;
    } else {
        decision.missed = true;
    }
    return decision;
}

} // namespace SyncBridge

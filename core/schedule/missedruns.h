#pragma once

#include "model/enums.h"
#include "schedule/cronschedule.h"

#include <QDateTime>

#include <optional>

namespace SyncBridge {

// What an agent does about a schedule when it looks at it: run one occurrence now or not, and
// which occurrence to wait for next.
struct ScheduleDecision {
    std::optional<QDateTime> runNow; // the occurrence to run now (UTC); at most one, never a burst
    bool catchUp = false;            // runNow is late: it passed while no agent ran
    bool missed = false;             // occurrences passed that will never run (earlier ones, or all under SKIP)
    std::optional<QDateTime> next;   // the first occurrence after now
};

// The default time an occurrence may be looked at after it and still count as on time.
constexpr qint64 onTimeSecondsDefault = 60;

// Decides from the last occurrence run (or when the schedule was made, before any run) and now.
// Of the occurrences in (lastRun, now] only the latest can run: on time (now at most onTimeSeconds
// after it) it runs whatever the policy; later it runs once as a catch-up under CATCH_UP_ONCE and
// not at all under SKIP. Every earlier one is missed. A last run at or after now (a clock set
// back) runs nothing, and waits for the first occurrence after the last run, so nothing runs twice.
ScheduleDecision decideRun(const CronSchedule &schedule, const QDateTime &lastRun, const QDateTime &now, MissedRunPolicy policy,
    qint64 onTimeSeconds = onTimeSecondsDefault);

} // namespace SyncBridge

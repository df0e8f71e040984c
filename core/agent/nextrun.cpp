#include "agent/nextrun.h"

#include "schedule/cronschedule.h"
#include "schedule/missedruns.h"

namespace SyncBridge {

QDateTime lastScheduledRun(const ScheduledDefinition &definition)
{
    return definition.lastOccurrence.isValid() ? definition.lastOccurrence : definition.changedAt;
}

std::optional<QDateTime> nextScheduledRun(const ScheduledDefinition &definition, const QDateTime &now)
{
    if (!definition.enabled || definition.paused)
        return std::nullopt;
    auto schedule = CronSchedule::parse(definition.cron, definition.timeZone);
    if (!schedule)
        return std::nullopt;
    const ScheduleDecision decision = decideRun(*schedule, lastScheduledRun(definition), now, definition.missed);
    if (decision.runNow)
        return now;
    return decision.next;
}

} // namespace SyncBridge

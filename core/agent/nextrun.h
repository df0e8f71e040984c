#pragma once

#include "store/schedulerepository.h"

#include <QDateTime>

#include <optional>

namespace SyncBridge {

// The occurrence a schedule counts from: the latest one any agent claimed, or — before the first —
// when the definition was last saved (docs/schedules.md, "Missed runs").
QDateTime lastScheduledRun(const ScheduledDefinition &definition);

// When an agent starts the definition's next scheduled run, seen at `now`: `now` itself when an
// occurrence is due (on time, or a catch-up); nothing when the definition is disabled, its schedule
// paused or its cron invalid, or no occurrence is left. For the Overview's cards and the tray.
std::optional<QDateTime> nextScheduledRun(const ScheduledDefinition &definition, const QDateTime &now);

} // namespace SyncBridge

#pragma once

#include "model/definition.h"

#include <QDateTime>
#include <QString>

namespace SyncBridge {

// A card's schedule line: "Next run 02:30 (Europe/Berlin)" — in local time, with the schedule's zone
// (and its wall time when local time differs: "Next run 16:00 (02:30 America/New_York)"), the day
// named when it is not today —, or "Schedule paused", "Manual runs only", "Disabled".
// pausedHere: this computer's agent is paused (other agents sharing the store may still run it).
QString nextRunText(const SyncDefinition &definition, const QDateTime &nowUtc, bool pausedHere = false);
// The schedule in words for the line's tooltip ("At 02:30 on weekdays, Europe/Berlin, cron 30 2 * * 1-5").
QString scheduleToolTip(const SyncDefinition &definition);

} // namespace SyncBridge

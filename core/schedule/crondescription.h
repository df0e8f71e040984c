#pragma once

#include "schedule/cronexpression.h"

#include <QString>

namespace SyncBridge {

// A cron expression in words for the UI, translated: "At 02:30 on weekdays", "Every 15 minutes",
// "Every hour at minute 5 on day 1 of the month or on Monday". Times are wall times of the
// schedule's zone.
QString describeCron(const CronExpression &expression);

} // namespace SyncBridge

#pragma once

#include "sync/cdc/slothealth.h"

#include <QString>

namespace SyncBridge {

// The style sheet of a label that shows a slot's verdict (the Replication tab's banner, the overview
// card's badge): amber for a warning, red for critical and lost — the colours of the UI's other messages.
QString slotSeverityStyle(SlotSeverity severity, const QString &padding);

} // namespace SyncBridge

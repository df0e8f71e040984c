#pragma once

#include "appcontext.h"

#include "common/result.h"
#include "sync/cdc/slotguard.h"

#include <functional>

class QObject;

namespace SyncBridge {

// The GUI's doors to a CDC definition's slot: read and judged, or dropped with its publication, on the
// store's worker (the definition and its CDC position come from the meta-store, the slot through libpq;
// the GUI thread never waits) — `done` runs on context's thread, unless context is gone.
void readSlotInBackground(QObject *context, const AppContext &app, qint64 definitionId, std::function<void(Result<SlotReading>)> done);
void dropSlotInBackground(QObject *context, const AppContext &app, qint64 definitionId, std::function<void(Result<void>)> done);

} // namespace SyncBridge

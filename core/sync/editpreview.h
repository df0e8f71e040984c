#pragma once

#include "common/result.h"

namespace SyncBridge {

class MetaStore;
struct SyncDefinition;

// A preview of the editor's unsaved state is planned from the stored definition's sync position
// (delta links, agreed states). An edit whose save resets that position (another table, key or cursor
// columns; SyncStateChange) would be planned from links the run after the save no longer uses, so it
// shows less than that run does: refused, naming the changes. A definition that never ran passes.
Result<void> refuseEditThatResetsTheSyncPosition(const MetaStore &store, const SyncDefinition &edited);

} // namespace SyncBridge

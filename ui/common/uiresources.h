#pragma once

namespace SyncBridge {

// Registers the icons compiled into this static library; resources of static libraries are not
// registered automatically. Safe to call more than once.
void ensureUiResources();

} // namespace SyncBridge

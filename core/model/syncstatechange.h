#pragma once

#include "model/definition.h"

#include <QStringList>

namespace SyncBridge {

// What an edit of a definition changes in how its rows are read and told apart. The stored cursor
// holds a position in the old cursor column and the ledger holds identities built from the old key
// columns: such an edit is saved only when the user agrees to reset them (docs/sync-engine.md,
// "Changing the key or the cursor").
struct SyncStateChange {
    QStringList reasons;            // one translated line per change ("key columns: id → code")
    bool keyColumnsChanged = false; // the ledger's identities must be rebuilt from the new key

    bool any() const { return !reasons.isEmpty(); }
};

SyncStateChange syncStateChange(const SyncDefinition &stored, const SyncDefinition &edited);

} // namespace SyncBridge

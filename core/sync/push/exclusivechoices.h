#pragma once

#include "common/clock.h"
#include "graph/choiceextension.h"

namespace SyncBridge {

class MetaStore;

// addChoices (graph/choiceextension.h) under the column's lock in the meta-store: Graph replaces the
// choices whole, so two runs adding to one column at the same time would each send their own union
// and the later would drop the other's values. Waits for another holder (polling, ended at once by
// the client's cancel) up to a few lock lifetimes, then fails with ErrorCode::Busy. The lock is
// renewed while the addition runs, so a holder that waits out a long Retry-After keeps the column.
// A holder that died keeps it no longer than the lock's lifetime.
constexpr qint64 columnLockTtlMs = 2 * 60 * 1000;
void addChoicesExclusively(MetaStore &store, GraphClient &client, const QString &siteId, const QString &listId, const QString &column,
    const QStringList &values, std::function<void(Result<ChoicesAdded>)> done, const Clock &clock = Clock::system(),
    qint64 lockTtlMs = columnLockTtlMs);

} // namespace SyncBridge

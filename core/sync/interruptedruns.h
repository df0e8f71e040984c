#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QString>

namespace SyncBridge {

class MetaStore;

// What a run records as its agent: "<host>:<pid>", so a later process can tell whether it lives.
QString thisAgent();

// Runs left RUNNING by a process of this host that no longer exists (killed, crashed, the machine
// restarted) become INTERRUPTED, with where they ran and when that was noticed; what they committed
// stays, and the next run resolves their unconfirmed writes. Runs of other hosts are left alone: their
// process may be alive. definitionId 0: every definition. Returns how many were marked.
Result<int> markInterruptedRuns(MetaStore &store, qint64 definitionId, const Clock &clock = Clock::system());

} // namespace SyncBridge

#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QString>

namespace SyncBridge {

class MetaStore;

// What a run records as its agent: "<host>:<pid>", so a later process can tell whether it lives.
QString thisAgent();
// True only when the agent ran on this host and its process no longer exists.
bool agentHasEnded(const QString &agent);
// "build-02 (pid 4711)" for messages; the agent text as it is when it is not "<host>:<pid>".
QString agentText(const QString &agent);
// Marks one run INTERRUPTED (if it still says RUNNING) with `why`, and records a run-interrupted event.
Result<void> markRunInterrupted(MetaStore &store, qint64 runId, const QString &why, const Clock &clock = Clock::system());

// Runs left RUNNING by a process of this host that no longer exists (killed, crashed, the machine
// restarted) become INTERRUPTED, with where they ran and when that was noticed; what they committed
// stays, and the next run resolves their unconfirmed writes. Runs of other hosts are left alone: their
// process may be alive. definitionId 0: every definition. Returns how many were marked.
Result<int> markInterruptedRuns(MetaStore &store, qint64 definitionId, const Clock &clock = Clock::system());

} // namespace SyncBridge

#pragma once

#include "common/clock.h"
#include "common/error.h"
#include "common/result.h"
#include "model/enums.h"
#include "model/runtime.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace SyncBridge {

class Governor;
class MetaStore;
struct RunOptions;

// What every run — push, pull, two-way, repair — records the same way in the run history, so each
// run class keeps only what is its own. Failures to record are logged, never the run's failure.

// Who started the run, into its record: the trigger, and the agent's name (this host's when none).
void stampRunOrigin(SyncRun &run, const RunOptions &options);
// A scheduled run: its occurrence's claim learns the run's id, so an agent that finds the claimer
// dead can mark the run INTERRUPTED. Nothing for a run started by hand.
Result<void> attachRunToOccurrence(MetaStore &store, const SyncRun &run, const RunOptions &options);
// One run event; nothing when the run is not recorded (runId 0: a preview of unsaved changes).
void recordRunEvent(MetaStore &store, const Clock &clock, qint64 runId, EventSeverity severity, const QString &type, const QString &message,
    const QJsonObject &payload = {});
// For a run's destructor: the run its process quits during is INTERRUPTED, saying why.
void recordRunInterrupted(MetaStore &store, qint64 runId, const QString &why, const Clock &clock);
// The run-finished event's payload of a failed run: its error's kind and detail (empty without one).
QJsonObject runErrorPayload(const std::optional<Error> &error);
// What the run added to the tenant's governor since it began (runs of one tenant share a governor,
// so each sees the others' spending in the day's total; the difference is this run's).
qint64 ruSpentSince(const Governor *governor, qint64 ruAtStart);
// Items written (created, updated, deleted) per second since startedMs.
double itemsPerSecond(const RunCounters &counters, qint64 startedMs, const QDateTime &now);

} // namespace SyncBridge

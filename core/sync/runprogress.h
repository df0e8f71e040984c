#pragma once

#include "common/error.h"
#include "graph/servicewait.h"
#include "model/enums.h"
#include "model/runtime.h"
#include "sync/previewrow.h"
#include "sync/runphase.h"

#include <QMap>
#include <QString>

#include <optional>

namespace SyncBridge {

// A continuous CDC run's stream (RunOptions::cdcStreaming Follow or UntilIdle): how far it is behind
// the server, how fast changes go out, and how many it read that are not delivered yet.
struct StreamProgress {
    qint64 lagBytes = 0;         // from the last delivered position to the server's WAL end
    double lagSeconds = 0;       // since the commit of the oldest change not yet delivered; 0 when caught up
    double changesPerSecond = 0; // delivered, over the last seconds
    qint64 queued = 0;           // read from the stream, not delivered yet (at most one batch: reading waits)
    qint64 delivered = 0;        // changes delivered by this run
};

// What a run reports while it goes: one plain struct, rendered in one place (CLI line, UI bar).
struct RunProgress {
    RunPhase phase = RunPhase::Connecting;
    RunCounters counters;
    qint64 planned = 0;
    double itemsPerSecond = 0;
    qint64 etaSeconds = -1;         // -1: unknown (the source's size is an estimate)
    qint64 estimatedRows = -1;
    // What the run waits for now (503/Retry-After, 429, the budget), until when: shown with a live
    // countdown. None while requests go out.
    ServiceWait wait;
    // A continuous CDC run's stream; none for every other run.
    std::optional<StreamProgress> stream;

    // Rows the run is done with (written, unchanged or failed; a dry run: planned): what the bar,
    // the rate and the time left count, so they agree with the counts shown beside them.
    qint64 rowsDone() const
    {
        if (phase == RunPhase::Planning)
            return counters.rowsRead;
        return counters.created + counters.updated + counters.moved + counters.skipped + counters.failed;
    }
};

struct RunOutcome {
    qint64 runId = 0;
    RunStatus status = RunStatus::Failed;
    bool dryRun = false; // a preview: nothing was written
    QDateTime startedAt; // UTC; invalid when the run never started (refused)
    QDateTime finishedAt;
    QString message;            // the run's summary, or what stopped it (for people, translated)
    std::optional<Error> error; // why a run FAILED, with its kind and technical detail
    RunCounters counters;
    // Real runs that got to the end: deletions the circuit breaker held back, rows left in the retry
    // queue (this run's failures and earlier ones not yet due), and pending writes of rows not in
    // the queue — each row counted once.
    qint64 heldBackDeletes = 0;
    qint64 rowsWaiting = 0;
    qint64 writesPending = 0;
    // Planned actions per target list ("Active projects" → {"create": 12, …}); a real run's rows per list and action.
    QMap<QString, QMap<QString, qint64>> plan;
    // Dry runs asked for a preview (RunOptions::previewRows): the planned rows, each with its key
    // values, list, values and the fields that differ; `previewLeftOut` rows were planned beyond it.
    QList<PreviewRow> preview;
    qint64 previewLeftOut = 0;
    // Updates and moves whose item could not be read (the reason), so their old values are unknown.
    QString currentValuesUnread;
    // Failing rows per reason (the item error as reported: SharePoint's message, or ours), in dry
    // runs and real runs alike, so that the two can be compared reason by reason.
    QMap<QString, qint64> failures;
    // What the run warns of that a person must act on (a dry run: deletions the breaker would hold back).
    QStringList warnings;
};

} // namespace SyncBridge

#pragma once

#include "model/definition.h"
#include "sync/runprogress.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>

#include <functional>
#include <optional>

namespace SyncBridge {

// What the person (or the scheduler) asked of a run.
struct RunOptions {
    bool dryRun = false;
    bool resetCursor = false; // full re-sync: updates instead of duplicates, thanks to the ledger
    int pageSize = 500;
    int streamWindowRows = 20000; // rows per COPY statement, so per source transaction
    // UPDATED_AT: rows stamped this long before the oldest open transaction (or before the run) are
    // read again each run: a floor for stamps that are not the writer's now() (clock_timestamp(),
    // an application's clock) and for sessions the role cannot see.
    int lookBackSeconds = 60;
    // Re-push only these mapped fields (source or SharePoint names) to every synced item; the
    // cursor stays where it is and nothing is created, moved or deleted.
    QStringList backfillFields;
    // Who started the run, recorded in its history: by hand, or a scheduling agent (which names
    // itself). An empty agent name records the host name.
    RunTrigger trigger = RunTrigger::Manual;
    QString agentName;
    // A scheduled run: the occurrence it runs, whose claim learns the run's id once it started (so a
    // rescuer can mark the run INTERRUPTED). Invalid for runs started by hand.
    QDateTime occurrence;
    // Dry runs: how many planned rows the outcome keeps with their values and, for updates and
    // moves, the fields that differ from what SharePoint holds (RunOutcome::preview); 0 keeps none.
    int previewRows = 0;
    // Dry runs: plan this definition as the editor holds it instead of the stored one (its unsaved
    // changes). Such a preview is not recorded in the run history: it is not the stored definition's.
    std::optional<SyncDefinition> definition;
    // A drift repair (RepairRun, docs/drift.md) instead of a push or pull: the classes it repairs, as
    // rclone-check symbols ("+*->!"; empty: all of them). With dryRun it previews the repair.
    bool repair = false;
    QString repairClasses;
    // Only these differences (driftEntryKey() of the check's entries, e.g. the rows a person selected);
    // empty: every difference of the classes. A difference that changed class since is left alone.
    QStringList repairOnly;
    // CDC: approves loading the table again in a new slot's snapshot when the definition's slot is
    // gone or lost (matched to the items already synced); without it such a run fails, naming the slot.
    bool resnapshot = false;
    // CDC: how long the run streams (docs/sync-engine.md, "Continuous mode"). Drain — Run Sync Now, a
    // one-off run — delivers what was committed before the run began and ends; Follow keeps the stream
    // open for followSeconds (0: until cancelled), UntilIdle until nothing arrived for a quiet moment
    // after catching up. Other modes refuse Follow and UntilIdle.
    enum class CdcStreaming { Drain, Follow, UntilIdle };
    CdcStreaming cdcStreaming = CdcStreaming::Drain;
    int followSeconds = 0;
    // Follow/UntilIdle: how often a heartbeat goes through the source's WAL while the captured table
    // is idle, so the slot's confirmed position moves when other tables keep the server busy.
    int heartbeatSeconds = 10;
};

// What the delete circuit breaker asks before a run deletes more than the definition's share of a
// list's items (rows gone from the source under FULL_SCAN with the DELETE policy).
struct MassDeleteCheck {
    QString listName;
    qint64 deletions = 0;
    qint64 items = 0;   // the list's synced items before the deletions
    double limit = 0.2; // the definition's maxShare
};

// One run of one definition — push today, pull and CDC beside it — as RunController drives it: made
// on the controller's thread, moved to its own worker thread, started there, and deleted there
// after `finished`. A job never opens a dialog; it asks through the mass-delete approval.
class SyncJob : public QObject
{
    Q_OBJECT

public:
    using MassDeleteApproval = std::function<bool(const MassDeleteCheck &)>;

    using QObject::QObject;

    // Takes the run's steps in order (RunPhase) on the calling thread's event loop.
    virtual void start() = 0;
    // Finishes what is in flight, commits it, and stops; `finished` follows with CANCELLED.
    virtual void cancel() = 0;
    // The circuit breaker's question; without an answer (or on false) the deletions are held back
    // and the run ends PARTIALLY_FAILED. Called on the run's thread; it must not open a dialog there.
    virtual void setMassDeleteApproval(MassDeleteApproval approve) = 0;

signals:
    void progress(const SyncBridge::RunProgress &progress);
    void finished(const SyncBridge::RunOutcome &outcome);
};

} // namespace SyncBridge

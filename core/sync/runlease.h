#pragma once

#include "common/clock.h"
#include "common/result.h"

#include <QString>

#include <functional>
#include <memory>

class QObject;
class QTimer;

namespace SyncBridge {

class MetaStore;

// One writing run per definition across processes and machines that share the meta-store: a run
// takes its definition's lease before it writes anything, renews it while it runs and gives it back
// when it ends (docs/sync-engine.md, "One run per definition"). Use it on one thread.
class RunLease
{
public:
    static constexpr qint64 defaultTtlMs = 60 * 1000;

    // Takes the lease, or fails with ErrorCode::Busy naming who holds it and since when. A holder
    // whose process ended (this host) or that stopped renewing is taken over, and its run is marked
    // INTERRUPTED.
    static Result<std::unique_ptr<RunLease>> acquire(
        MetaStore &store, qint64 definitionId, const Clock &clock = Clock::system(), qint64 ttlMs = defaultTtlMs);
    ~RunLease();

    // Renew at least every ttl/4. An error means the lease is no longer this run's: stop writing.
    Result<void> renew();
    void attachRun(qint64 runId);
    void release();
    qint64 renewIntervalMs() const { return m_ttlMs / 4; }

    // Writes that may land after the last answer (docs/sync-engine.md, "A run that ended while writing").
    // earlierWritesLandBy: until when writes of a holder before this one that never gave the lease back
    // may still land in SharePoint (invalid: none on their way); a run that reads SharePoint to decide
    // what to create waits for it. writesSent: this run's writes are on their way, each landing within
    // landsWithinMs of being sent (the Graph client's answer timeout); kept with the lease — and with
    // every renewal while they are — until writesAnswered.
    QDateTime earlierWritesLandBy() const { return m_earlierWritesLandBy; }
    Result<void> writesSent(qint64 landsWithinMs);
    Result<void> writesAnswered();

private:
    RunLease(MetaStore &store, qint64 definitionId, QString token, const Clock &clock, qint64 ttlMs, QDateTime earlierWritesLandBy);
    Result<void> recordWritesLandBy();

    MetaStore &m_store;
    const qint64 m_definitionId;
    const QString m_token;
    const Clock &m_clock;
    const qint64 m_ttlMs;
    const QDateTime m_earlierWritesLandBy;
    qint64 m_writesLandWithinMs = 0; // 0: none of this run's writes on their way
    bool m_released = false;
};

// Renews `lease` every renewIntervalMs() on `owner`'s thread, from now until the timer (a child of
// `owner`) is stopped; `lost` hears why a renewal failed (the lease is no longer the run's).
QTimer *keepRenewing(QObject *owner, RunLease &lease, std::function<void(const Error &)> lost);

} // namespace SyncBridge

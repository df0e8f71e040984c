#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace SyncBridge {

class MetaStore;

// Who holds a definition's run lease: one writing run per definition across processes and machines
// sharing the meta-store (docs/sync-engine.md, "One run per definition").
struct RunLeaseHolder {
    qint64 definitionId = 0;
    QString token;    // the holding run's own id, unique per start
    QString agent;    // "<host>:<pid>"
    qint64 runId = 0; // its run record, once started
    QDateTime acquiredAt;
    QDateTime expiresAt; // renewed by the holder's heartbeat; past it, the lease may be taken over
    // Until when a write the holder (or a holder before it that never gave the lease back) sent may
    // still land in SharePoint; invalid when nothing is on its way. Taking the lease over keeps it.
    QDateTime writesLandBy;
};

// The run_leases table. Every change is one statement, so two processes racing for a lease (SQLite
// or PostgreSQL) cannot both win.
class LeaseRepository
{
public:
    explicit LeaseRepository(const MetaStore &store)
        : m_store(store)
    {
    }

    Result<std::optional<RunLeaseHolder>> holder(qint64 definitionId) const;
    // Takes the lease for `token` when nobody holds it, its holder's lease expired before `now`, or
    // its holder is `replacing` (a holder known to be dead). Returns who holds it afterwards.
    Result<RunLeaseHolder> acquire(
        qint64 definitionId, const QString &token, const QString &agent, const QDateTime &now, qint64 ttlMs, const QString &replacing = {});
    // Extends the lease; false when it is no longer this token's (taken over meanwhile).
    Result<bool> renew(qint64 definitionId, const QString &token, const QDateTime &now, qint64 ttlMs);
    Result<void> setRun(qint64 definitionId, const QString &token, qint64 runId);
    // Invalid `at` (NULL): nothing of the holder's is on its way.
    Result<void> setWritesLandBy(qint64 definitionId, const QString &token, const QDateTime &at);
    // Gives the lease back. One whose writes may still land after `now` stays as an expired lease of
    // no run, so whoever takes it next waits for them.
    Result<void> release(qint64 definitionId, const QString &token, const QDateTime &now);

private:
    const MetaStore &m_store;
};

} // namespace SyncBridge

#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <optional>

namespace SyncBridge {

class MetaStore;

// Which agent runs one occurrence of a definition's schedule (the `schedule_claims` table; docs/
// schedules.md, "A team of agents"). The row's key (definition, occurrence) is what makes each
// occurrence run once across the fleet; its lease, renewed by the holder's heartbeat, lets another
// agent rescue the occurrence when the holder died. Lease times are the database's clock.
struct ScheduleClaim {
    qint64 definitionId = 0;
    QDateTime occurrenceAt; // UTC
    QString agent;          // the claiming agent's name
    QDateTime claimedAt;
    QDateTime leaseUntil;
    bool catchUp = false;
    qint64 runId = 0;    // 0 until its run started
    QString outcome;     // the run's status once it ended (RunStatus names, or NOT_STARTED); empty while open
    bool lapsed = false; // open, and its lease ran out by the database's clock (openClaims())
};

struct ClaimResult {
    bool claimed = false;                 // this agent runs the occurrence
    std::optional<ScheduleClaim> rescued; // the lapsed claim of a dead agent it took over
};

class ScheduleClaimRepository
{
public:
    explicit ScheduleClaimRepository(const MetaStore &store)
        : m_store(store)
    {
    }

    // Compare-and-set, one statement each: a new occurrence is inserted (ON CONFLICT DO NOTHING); an
    // open claim whose lease lapsed is taken over only if it is still the one read. Claiming an
    // occurrence that ran, or whose holder lives, claims nothing — so a repeated start is a no-op.
    Result<ClaimResult> claim(qint64 definitionId, const QDateTime &occurrenceAt, const QString &agent, bool catchUp, qint64 ttlMs);
    // Takes over an open claim read by openClaims() whose holder is dead (its lease lapsed, or its
    // process ended): only while the claim is still the one read, so of two rescuers one wins.
    Result<ClaimResult> rescue(const ScheduleClaim &orphan, const QString &agent, qint64 ttlMs);
    // Every claim whose run has not ended, with whether its lease lapsed.
    Result<QList<ScheduleClaim>> openClaims() const;
    // Extends the leases of the agent's open claims; returns how many.
    Result<int> renew(const QString &agent, qint64 ttlMs);
    Result<void> attachRun(qint64 definitionId, const QDateTime &occurrenceAt, qint64 runId);
    // Records how the occurrence's run ended; the claim stays, so the occurrence is never run again.
    Result<void> finish(qint64 definitionId, const QDateTime &occurrenceAt, const QString &agent, qint64 runId, const QString &outcome);
    // Gives an open claim whose run never started back (the agent stopped meanwhile): the occurrence
    // can be claimed again.
    Result<void> release(qint64 definitionId, const QDateTime &occurrenceAt, const QString &agent);
    Result<std::optional<ScheduleClaim>> claimOf(qint64 definitionId, const QDateTime &occurrenceAt) const;
    Result<QList<ScheduleClaim>> claims(qint64 definitionId) const; // oldest occurrence first

private:
    Result<ClaimResult> takeOver(const ScheduleClaim &previous, const QString &agent, qint64 ttlMs, bool onlyLapsed);

    const MetaStore &m_store;
};

} // namespace SyncBridge

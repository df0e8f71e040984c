#pragma once

#include "common/clock.h"
#include "graph/budgetledger.h"

#include <QByteArray>
#include <QMutex>

#include <memory>
#include <optional>

namespace SyncBridge {

class LedgerThread;

struct GovernorSettings {
    qint64 ruPerWindow = 1250;      // the tenant's licence band (contract §10.2)
    qint64 windowMs = 60 * 1000;    // one minute; shorter only against a time-scaled emulator
    qint64 ruPerDay = 1200000;
    int initialConcurrency = 4;
    int maxConcurrency = 16;
    qint64 maxJitterMs = 1000; // a throttle pause is lengthened by up to this (and ≤ 10 % of the pause)
    bool learnLimit = true; // adopt a lower RateLimit-Limit; false when windowMs is not the service minute (time-scaled emulator)
};

// The headers a Graph answer carries about the tenant's budget (any may be empty).
struct ThrottleHeaders {
    QByteArray retryAfter;
    QByteArray rateLimitLimit;
    QByteArray rateLimitRemaining;
    QByteArray rateLimitReset;
};

// What the UI shows about a tenant's budget.
struct BudgetView {
    qint64 spentInWindow = 0;
    qint64 spentToday = 0; // by this process (the ledger adds the others, see BudgetLedger)
    qint64 remainingInWindow = 0;
    qint64 pausedForMs = 0;
    int pauseStatus = 0; // the status that paused the tenant (429 or 503) while pausedForMs > 0
    int concurrency = 0;
    double ruPerSecond = 0;         // the steady rate the governor keeps now
    qint64 ruPerWindow = 0;         // the window budget it admits against (lower than configured once the service said so)
    double rateShare = 1;           // < 1 while it is backing off after throttling nothing explained
    int storms = 0;                 // times it was throttled since it started
    qint64 dailyRenewsInMs = 0;     // > 0: a request found the daily budget spent (here or in the shared ledger); it waits this long

    // Milliseconds N more writes (2 RU each) will take at the steady rate.
    qint64 estimateMsForWrites(qint64 writes) const;
};

// One per tenant per process, shared by every run: spends SharePoint's resource units at a steady
// rate just under the ceiling (a bucket of one batch, 40 RU, refilled at (limit − 40) per window, so
// a fixed window on the server side never sees more than its limit, not even at the start), and
// recovers from throttling it did not cause: on any 429/503 — of a request or of items inside a 200
// $batch — it pauses every request of the tenant until the latest Retry-After/RateLimit-Reset it
// was told plus jitter, then sends one probe, and ramps concurrency and rate back up. A
// RateLimit-Limit below the configured budget becomes the budget; a throttle that no header
// explains lowers the rate (×0.7), which then climbs back slowly. Thread-safe; time from the clock.
class Governor
{
public:
    explicit Governor(GovernorSettings settings, const Clock &clock = Clock::system());
    // Waits for its calls still on the ledger's thread: they report back to this governor.
    ~Governor();

    Governor(const Governor &) = delete;
    Governor &operator=(const Governor &) = delete;

    // Takes `cost` RU and one in-flight slot when both are available (returns 0), otherwise returns
    // the milliseconds to wait before asking again (nothing taken). Never waits itself: a lease of
    // the shared budget is asked on the ledger's thread, and the caller looks again shortly.
    qint64 tryAcquire(qint64 cost);
    // Milliseconds until the tenant may send again: checked right before a request goes out, so a
    // request admitted before a throttle answer arrived is not sent before the wait either.
    qint64 holdMs() const;
    // An admitted request that will not be sent now: its slot and RU come back.
    void giveBack(qint64 cost);
    // Every answer comes back here: frees the slot and learns from status and headers.
    // `refundRu`: RU the service did not charge (a throttled request, throttled items of a batch).
    void release(int status, const ThrottleHeaders &headers = {}, qint64 refundRu = 0);
    // A request that never got an answer (network error): frees the slot, counts as overload.
    void releaseWithoutAnswer();

    // Admits against the tenant's budget shared with other processes too: RU come in small leases
    // from the ledger (one round trip per lease, never per request, on the ledger's own thread),
    // and what was spent is recorded there with the next lease. Call before the first request.
    void shareBudget(std::shared_ptr<LedgerThread> ledger, qint64 connectionId);
    // Records what was spent since the last lease and gives the rest of the lease back, and waits
    // until the ledger has it: for the end of a process, so the store's day equals what was sent.
    void settle();

    BudgetView view() const;
    qint64 burst() const;

private:
    void askForLease(qint64 cost);
    void leased(const BudgetLeaseRequest &request, qint64 cost, const Result<BudgetLease> &lease);
    BudgetLeaseRequest ledgerRequest(const QDateTime &nowTime) const;
    void refill(qint64 now);
    void throttled(qint64 now, const QDateTime &nowTime, int status, const ThrottleHeaders &headers);
    void succeeded(qint64 now, const ThrottleHeaders &headers);
    double refillPerMs() const;
    qint64 jitterFor(qint64 waitMs) const;

    const GovernorSettings m_settings;
    const Clock &m_clock;
    mutable QMutex m_mutex;
    qint64 m_limit;          // RU per window admitted against: configured, or less when the service said so
    double m_rateShare = 1;  // of the steady rate; < 1 after unexplained throttling
    double m_stormShare = 1; // the rate share at the last unexplained storm: ramp slowly past 90 % of it
    double m_tokens;
    qint64 m_lastRefill;
    qint64 m_pausedUntil = 0;
    int m_pauseStatus = 0;  // the status of the throttle answer that set m_pausedUntil last
    bool m_probing = false; // after a pause: one request at a time until one succeeds
    bool m_probeInFlight = false;
    int m_concurrencyBeforeStorm = 0;
    int m_storms = 0;
    int m_consecutiveStorms = 0;
    std::optional<qint64> m_serverRemaining; // RateLimit-Remaining until m_serverResetAt
    qint64 m_serverResetAt = 0;
    int m_concurrency;
    int m_inFlight = 0;
    int m_successStreak = 0;
    qint64 m_windowStart;
    qint64 m_spentInWindow = 0;
    qint64 m_dayStart;
    qint64 m_spentToday = 0;
    bool m_dailyBudgetRefused = false;   // since the day began, a request found the daily budget spent
    // The shared budget (none: this process alone).
    std::shared_ptr<LedgerThread> m_ledger;
    qint64 m_connectionId = 0;
    qint64 m_leaseLeft = 0; // RU of the current lease not yet spent
    qint64 m_leaseAt = 0;
    qint64 m_unsettledSpent = 0;  // spent since the last lease, to record with the next
    qint64 m_unusedLease = 0;     // expired lease to give back with the next
    bool m_leasing = false;       // a lease is being asked on the ledger's thread: callers look again shortly
    qint64 m_ledgerRetryAt = 0;   // the shared minute or day is full until then
    qint64 m_sharedDayRenewsAt = 0; // the ledger found the UTC day spent (by any process) until then
    qint64 m_ledgerDownUntil = 0; // the store failed: admit locally until then
};

} // namespace SyncBridge

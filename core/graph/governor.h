#pragma once

#include "common/clock.h"

#include <QByteArray>
#include <QMutex>

#include <optional>

namespace SyncBridge {

struct GovernorSettings {
    qint64 ruPerWindow = 1250;      // the tenant's licence band (contract §10.2)
    qint64 windowMs = 60 * 1000;    // one minute; shorter only against a time-scaled emulator
    qint64 ruPerDay = 1200000;
    int initialConcurrency = 4;
    int maxConcurrency = 16;
};

// What the UI shows about a tenant's budget.
struct BudgetView {
    qint64 spentInWindow = 0;
    qint64 spentToday = 0;
    qint64 remainingInWindow = 0;
    qint64 pausedForMs = 0;
    int concurrency = 0;
    double ruPerSecond = 0;         // the steady rate the governor keeps
    qint64 dailyRenewsInMs = 0;     // > 0: a request found the daily budget spent; it waits this long

    // Milliseconds N more writes (2 RU each) will take at the steady rate.
    qint64 estimateMsForWrites(qint64 writes) const;
};

// One per tenant per process, shared by every run: spends SharePoint's resource units at a steady
// rate just under the ceiling, so a fixed one-minute window on the server side can never see more
// than its limit (a bucket of `burst` RU refilled at (limit − burst) per window), honours
// Retry-After and RateLimit-* (the greater of the two), and adapts concurrency: halve on 429/503,
// grow by one after a run of successes. Thread-safe; time comes from the injected clock.
class Governor
{
public:
    explicit Governor(GovernorSettings settings, const Clock &clock = Clock::system());

    // Takes `cost` RU and one in-flight slot when both are available (returns 0), otherwise returns
    // the milliseconds to wait before asking again (nothing taken).
    qint64 tryAcquire(qint64 cost);
    // Every answer comes back here: frees the slot and learns from status and headers.
    void release(int status, const QByteArray &retryAfter, const QByteArray &rateLimitRemaining, const QByteArray &rateLimitReset);
    // A request that never got an answer (network error): frees the slot, counts as overload.
    void releaseWithoutAnswer();

    BudgetView view() const;
    qint64 burst() const { return m_burst; }

private:
    void refill(qint64 now);

    const GovernorSettings m_settings;
    const Clock &m_clock;
    const qint64 m_burst;
    const double m_refillPerMs;
    mutable QMutex m_mutex;
    double m_tokens;
    qint64 m_lastRefill;
    qint64 m_pausedUntil = 0;
    int m_concurrency;
    int m_inFlight = 0;
    int m_successStreak = 0;
    qint64 m_windowStart;
    qint64 m_spentInWindow = 0;
    qint64 m_dayStart;
    qint64 m_spentToday = 0;
    bool m_dailyBudgetRefused = false;   // since the day began, a request found the daily budget spent
};

} // namespace SyncBridge

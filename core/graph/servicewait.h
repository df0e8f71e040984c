#pragma once

#include <QDateTime>
#include <QMetaType>

namespace SyncBridge {

// Why Graph calls wait before they may be sent (again), and until when: what a run shows with a
// live countdown and records as one event per wait (not one per request).
struct ServiceWait {
    enum class Reason {
        None,
        ServiceUnavailable, // 503 with (or without) Retry-After: the governor pauses the tenant
        Throttled,          // 429: the governor pauses the tenant
        ServerError,        // another 5xx or no answer: backoff before the retry
        Budget,             // the resource-unit budget of the minute (this process's or the shared one)
        DailyBudget,        // the tenant's daily budget is spent until the UTC day renews
    };
    Reason reason = Reason::None;
    int status = 0;  // the HTTP status that caused it (0: none, or no answer)
    QDateTime until; // UTC

    bool isWaiting() const { return reason != Reason::None; }
    // Budget waits are the run's own pacing or the tenant's day; the rest are the service's answers.
    bool isBudget() const { return reason == Reason::Budget || reason == Reason::DailyBudget; }
};

} // namespace SyncBridge

Q_DECLARE_METATYPE(SyncBridge::ServiceWait)

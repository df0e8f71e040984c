#pragma once

#include "common/result.h"

#include <QDateTime>

namespace SyncBridge {

// What one process asks of the tenant's shared budget.
struct BudgetLeaseRequest {
    qint64 connectionId = 0;
    QDateTime now;
    qint64 wanted = 0;      // RU to reserve now (0: only record)
    qint64 ruPerMinute = 0; // the budget every process together stays within
    qint64 ruPerDay = 0;
    qint64 spent = 0;  // RU this process spent (and the service charged) since its last call; may be < 0 after refunds
    qint64 unused = 0; // RU of its earlier leases it will not spend: given back
};

struct BudgetLease {
    // Which budget refused what was wanted: a full day is a long wait a run reports (budget-wait).
    enum class Full { Nothing, Minute, Day };

    qint64 granted = 0;   // RU this process may spend now
    qint64 retryInMs = 0; // granted < wanted: when the minute or the day will have room again
    Full full = Full::Nothing;
};

// A tenant's RU spent by every process and machine (GUI, CLI cron runs), kept where all of them
// see it — the meta-store (core/store/budgetrepository.h). A governor takes small leases from it,
// so no request waits for a round trip, and processes together never exceed the minute or the day.
// Governors call it on a LedgerThread (graph/ledgerthread.h), never on the thread of a Graph call.
// Implementations are thread-safe.
class BudgetLedger
{
public:
    virtual ~BudgetLedger() = default;
    // A lease not spent within this goes back; the ledger counts a lease over its life too.
    static constexpr qint64 leaseLifeMs = 5000;
    virtual Result<BudgetLease> lease(const BudgetLeaseRequest &request) = 0;
    // The calling thread makes no more calls: release what was opened for it (a store connection).
    virtual void threadEnds() { }
};

} // namespace SyncBridge

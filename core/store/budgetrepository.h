#pragma once

#include "common/result.h"
#include "graph/budgetledger.h"

#include <memory>

namespace SyncBridge {

class MetaStore;

// A tenant's RU use as the store holds it, for the Runs page and `syncbridge-cli summary`.
struct BudgetUsage {
    qint64 spentToday = 0;      // the UTC day, every process
    // RU leased in the last 60 s, every process: what the governors admitted against the minute
    // budget, so never above it. Not what was spent then — spending is recorded when a process next
    // leases, in bursts that would read as more than the minute holds.
    qint64 admittedLastMinute = 0;
};

// The shared RU budget in the meta-store (table graph_budget): per SharePoint connection, one row
// per UTC day and one per 5-second slot of the last minutes. Slots, not calendar minutes: SharePoint's
// minute is not aligned with ours, so a lease is granted only while the sum over the last 60 s
// stays within the minute budget — any 60 s the service looks at then holds at most that. Every
// lease runs in one transaction that first writes the day row, so concurrent processes (SQLite's
// write lock, PostgreSQL's row lock) take turns.
class BudgetRepository final : public BudgetLedger
{
public:
    explicit BudgetRepository(std::shared_ptr<MetaStore> store);

    Result<BudgetLease> lease(const BudgetLeaseRequest &request) override;
    void threadEnds() override;
    Result<BudgetUsage> usage(qint64 connectionId, const QDateTime &now) const;

    static constexpr qint64 slotMs = 5000;

private:
    std::shared_ptr<MetaStore> m_store;
};

} // namespace SyncBridge

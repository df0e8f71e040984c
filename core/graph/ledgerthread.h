#pragma once

#include <QThreadPool>

#include <functional>
#include <memory>

namespace SyncBridge {

class BudgetLedger;

// The one thread on which a process's governors call their BudgetLedger. A ledger call is a
// meta-store transaction, and Graph calls start on the GUI thread too (Catalog, provisioning), which
// never waits for the store: a governor hands the call over and admits requests once the lease has
// come back. Calls run one at a time, in the order they were handed over.
class LedgerThread
{
public:
    explicit LedgerThread(std::shared_ptr<BudgetLedger> ledger);
    // Runs what was handed over, then lets the ledger release what it holds for the thread.
    ~LedgerThread();

    LedgerThread(const LedgerThread &) = delete;
    LedgerThread &operator=(const LedgerThread &) = delete;

    // Runs `call` on the ledger's thread after every call handed over before it.
    void post(std::function<void(BudgetLedger &)> call);
    // Returns once every call handed over before has run (the end of a process). Never call it
    // from inside a call.
    void drain();

private:
    std::shared_ptr<BudgetLedger> m_ledger;
    QThreadPool m_thread; // one thread that never expires: the store connection it opens stays open
};

} // namespace SyncBridge

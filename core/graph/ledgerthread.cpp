#include "graph/ledgerthread.h"

#include "graph/budgetledger.h"

#include <QSemaphore>

namespace SyncBridge {

LedgerThread::LedgerThread(std::shared_ptr<BudgetLedger> ledger)
    : m_ledger(std::move(ledger))
{
    m_thread.setMaxThreadCount(1);
    m_thread.setExpiryTimeout(-1);
}

LedgerThread::~LedgerThread()
{
    m_thread.start([ledger = m_ledger]() { ledger->threadEnds(); });
    m_thread.waitForDone();
}

void LedgerThread::post(std::function<void(BudgetLedger &)> call)
{
    m_thread.start([ledger = m_ledger, call = std::move(call)]() { call(*ledger); });
}

void LedgerThread::drain()
{
    QSemaphore done;
    post([&done](BudgetLedger &) { done.release(); });
    done.acquire();
}

} // namespace SyncBridge

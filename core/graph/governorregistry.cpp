#include "graph/governorregistry.h"

#include "graph/connectionsettings.h"
#include "graph/governor.h"
#include "graph/ledgerthread.h"
#include "model/connection.h"

namespace SyncBridge {

GovernorRegistry::GovernorRegistry(std::shared_ptr<BudgetLedger> ledger)
    : m_ledger(ledger ? std::make_shared<LedgerThread>(std::move(ledger)) : nullptr)
{
}

GovernorRegistry::~GovernorRegistry()
{
    for (const std::shared_ptr<Governor> &governor : std::as_const(m_governors))
        governor->settle();
}

std::shared_ptr<Governor> GovernorRegistry::governorFor(const SharePointConnection &connection)
{
    QMutexLocker locker(&m_lock);
    std::shared_ptr<Governor> &governor = m_governors[connection.id];
    if (!governor) {
        governor = std::make_shared<Governor>(governorSettingsFor(connection));
        if (m_ledger && connection.id > 0)
            governor->shareBudget(m_ledger, connection.id);
    }
    return governor;
}

} // namespace SyncBridge

#pragma once

#include <QHash>
#include <QMutex>

#include <memory>

namespace SyncBridge {

class BudgetLedger;
class Governor;
class LedgerThread;
struct SharePointConnection;

// The tenant's budget belongs to the app in the tenant, not to a page or a run: one governor per
// SharePoint connection, shared by everything a process sends to Graph — runs on their worker
// threads, the Catalog page and provisioning on the GUI thread. With a ledger, the governors of
// every process (a GUI and a CLI cron run, other machines) admit against one budget kept in the
// meta-store; they ask it on one thread of the registry's own (LedgerThread). Thread-safe.
class GovernorRegistry
{
public:
    explicit GovernorRegistry(std::shared_ptr<BudgetLedger> ledger = {});
    // Records what each governor spent and gives back its unused lease (waits for the store: the
    // end of a process).
    ~GovernorRegistry();

    GovernorRegistry(const GovernorRegistry &) = delete;
    GovernorRegistry &operator=(const GovernorRegistry &) = delete;

    // The connection's governor, made on first use from its settings.
    std::shared_ptr<Governor> governorFor(const SharePointConnection &connection);

private:
    std::shared_ptr<LedgerThread> m_ledger;
    QMutex m_lock;
    QHash<qint64, std::shared_ptr<Governor>> m_governors; // by SharePoint connection id
};

} // namespace SyncBridge

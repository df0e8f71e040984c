#pragma once

#include <QHash>
#include <QMutex>

#include <memory>

namespace SyncBridge {

class Governor;
struct SharePointConnection;

// The tenant's budget belongs to the app in the tenant, not to a page or a run: one governor per
// SharePoint connection, shared by everything a process sends to Graph — runs on their worker
// threads, the Catalog page and provisioning on the GUI thread. Thread-safe.
class GovernorRegistry
{
public:
    // The connection's governor, made on first use from its settings.
    std::shared_ptr<Governor> governorFor(const SharePointConnection &connection);

private:
    QMutex m_lock;
    QHash<qint64, std::shared_ptr<Governor>> m_governors; // by SharePoint connection id
};

} // namespace SyncBridge

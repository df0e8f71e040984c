#include "graph/governorregistry.h"

#include "graph/connectionsettings.h"
#include "graph/governor.h"
#include "model/connection.h"

namespace SyncBridge {

std::shared_ptr<Governor> GovernorRegistry::governorFor(const SharePointConnection &connection)
{
    QMutexLocker locker(&m_lock);
    std::shared_ptr<Governor> &governor = m_governors[connection.id];
    if (!governor)
        governor = std::make_shared<Governor>(governorSettingsFor(connection));
    return governor;
}

} // namespace SyncBridge

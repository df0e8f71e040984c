#include "graphsession.h"

#include "graph/connectionsettings.h"
#include "graph/governorregistry.h"
#include "graph/graphclient.h"
#include "store/budgetrepository.h"

namespace SyncBridge::Cli {

GraphSession::GraphSession(const std::shared_ptr<MetaStore> &store, SecretStore &secrets, const SharePointConnection &connection)
    : m_governors(std::make_shared<GovernorRegistry>(std::make_shared<BudgetRepository>(store)))
    , m_client(std::make_unique<GraphClient>(
          GraphEndpoint::from(connection), secretSourceFor(secrets, connection.secretRef), m_governors->governorFor(connection)))
{
}

GraphSession::~GraphSession()
{
    m_client.reset(); // before the registry settles the governor's spending with the store
}

} // namespace SyncBridge::Cli

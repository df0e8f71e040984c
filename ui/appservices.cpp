#include "appservices.h"

#include "common/uilogging.h"

#include "graph/governorregistry.h"
#include "graph/graphclients.h"
#include "store/budgetrepository.h"
#include "store/metastore.h"
#include "sync/interruptedruns.h"
#include "sync/runcontroller.h"

namespace SyncBridge {

AppServices::AppServices(std::shared_ptr<MetaStore> store, SecretStore &secrets)
    // Runs, the Catalog page and provisioning spend one budget with every other process (CLI runs).
    : m_governors(std::make_shared<GovernorRegistry>(std::make_shared<BudgetRepository>(store)))
    , m_runs(std::make_unique<RunController>(store, secrets, m_governors))
    , m_graph(std::make_unique<GraphClients>(*m_governors, secrets))
{
    m_storePool.setMaxThreadCount(1);
    m_context.store = std::move(store);
    m_context.secrets = &secrets;
    m_context.storePool = &m_storePool;
    m_context.runs = m_runs.get();
    m_context.graph = m_graph.get();
    // Runs a killed or crashed SyncBridge left "running" on this machine are marked interrupted.
    m_storePool.start([store = m_context.store]() {
        if (auto marked = markInterruptedRuns(*store, 0); !marked)
            qCWarning(lcUi).noquote() << "cannot mark interrupted runs:" << marked.error().toString();
    });
}

AppServices::~AppServices()
{
    m_graph.reset();
    m_runs.reset();
    // Work handed to the pool may still hold the store; its connection closes on the pool's thread.
    m_storePool.start([store = m_context.store]() { store->releaseThreadConnection(); });
    m_storePool.waitForDone();
}

} // namespace SyncBridge

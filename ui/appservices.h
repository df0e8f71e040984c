#pragma once

#include "appcontext.h"

#include <QThreadPool>

#include <memory>

namespace SyncBridge {

class GovernorRegistry;

// The one set of services of a GUI process, shared by every page: the meta-store and its
// one-thread pool, the run controller, and per SharePoint connection one governor (runs and the
// GUI's own Graph calls spend the same tenant budget) and one GUI-thread Graph client. main() and
// the UI tests' DemoWindow make exactly this set. Destroy it after the window.
class AppServices
{
public:
    AppServices(std::shared_ptr<MetaStore> store, SecretStore &secrets);
    AppServices(const AppServices &) = delete;
    AppServices &operator=(const AppServices &) = delete;
    // Waits for the runs to stop, then closes the pool's meta-store connection on the pool's thread.
    ~AppServices();

    // What the pages receive. keychainUnavailable stays "never" unless the caller sets it.
    AppContext context() const { return m_context; }
    void setKeychainUnavailable(std::function<bool()> unavailable) { m_context.keychainUnavailable = std::move(unavailable); }

    RunController &runs() const { return *m_runs; }
    GovernorRegistry &governors() const { return *m_governors; }
    GraphClients &graph() const { return *m_graph; }

private:
    QThreadPool m_storePool;
    std::shared_ptr<GovernorRegistry> m_governors;
    std::unique_ptr<RunController> m_runs;
    std::unique_ptr<GraphClients> m_graph;
    AppContext m_context;
};

} // namespace SyncBridge

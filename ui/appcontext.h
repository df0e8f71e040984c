#pragma once

#include <QThreadPool>

#include <functional>
#include <memory>

namespace SyncBridge {

class GraphClients;
class MetaStore;
class RunController;
class SecretStore;

// The services the UI works with, passed in from main() (no singletons); AppServices makes the set.
struct AppContext {
    std::shared_ptr<MetaStore> store;
    SecretStore *secrets = nullptr;
    // Meta-store work runs here, one thread, so the GUI thread never waits on SQL.
    QThreadPool *storePool = nullptr;
    // Starts and tracks sync runs, each on its own worker thread; shared by every page.
    RunController *runs = nullptr;
    // The GUI thread's Graph clients, one per SharePoint connection, spending the same tenant
    // governors as the runs (RunController::governors()).
    GraphClients *graph = nullptr;
    // True once the OS keychain failed and secrets are kept for this session only.
    std::function<bool()> keychainUnavailable = [] { return false; };
};

} // namespace SyncBridge

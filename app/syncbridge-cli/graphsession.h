#pragma once

#include "model/connection.h"

#include <QEventLoop>

#include <functional>
#include <memory>
#include <optional>

namespace SyncBridge {
class GovernorRegistry;
class GraphClient;
class SecretStore;
class MetaStore;
} // namespace SyncBridge

namespace SyncBridge::Cli {

// Starts an asynchronous call with a callback and returns what the callback was given: the CLI's
// thread has nothing else to do, so the answer is waited for on a local event loop.
template<typename T> T waitFor(const std::function<void(std::function<void(T)>)> &start)
{
    std::optional<T> answer;
    QEventLoop loop;
    start([&answer, &loop](T value) {
        answer.emplace(std::move(value));
        loop.quit();
    });
    if (!answer)
        loop.exec();
    return std::move(*answer);
}

// A Graph client for one SharePoint connection that admits against the tenant's budget shared
// through the store, as `run` does (so the GUI, cron runs and this command do not spend the minute
// twice), and records what it spent when it ends.
class GraphSession
{
public:
    GraphSession(const std::shared_ptr<MetaStore> &store, SecretStore &secrets, const SharePointConnection &connection);
    ~GraphSession();

    GraphClient &client() { return *m_client; }

private:
    std::shared_ptr<GovernorRegistry> m_governors;
    std::unique_ptr<GraphClient> m_client;
};

} // namespace SyncBridge::Cli

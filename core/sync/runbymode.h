#pragma once

#include "common/clock.h"
#include "sync/syncjob.h"

#include <functional>
#include <memory>

namespace SyncBridge {

class Governor;
class MetaStore;
class SecretStore;
struct SharePointConnection;

// The run RunController starts for a definition: reads the definition's mode on the run's own thread
// (the controller's thread never touches the store) and runs a PushRun, PullRun or TwoWayRun, passing
// its progress, outcome, cancel and the breaker's question through. CDC definitions go to PushRun,
// whose Pushing step reads the replication stream for them.
class RunByMode : public SyncJob
{
    Q_OBJECT

public:
    using GovernorSource = std::function<std::shared_ptr<Governor>(const SharePointConnection &connection)>;

    RunByMode(std::shared_ptr<MetaStore> store, SecretStore &secrets, GovernorSource governors, qint64 definitionId, RunOptions options,
        QObject *parent = nullptr);

    void start() override;
    void cancel() override;
    void setMassDeleteApproval(MassDeleteApproval approve) override;

private:
    std::shared_ptr<MetaStore> m_store;
    SecretStore &m_secrets;
    GovernorSource m_governors;
    qint64 m_definitionId;
    RunOptions m_options;
    MassDeleteApproval m_approve;
    SyncJob *m_job = nullptr; // a child: lives and dies with this job, on its thread
    bool m_cancelled = false;
};

} // namespace SyncBridge

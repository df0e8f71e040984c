#pragma once

#include "common/result.h"
#include "sync/pushrun.h"

#include <QHash>
#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>

class QThread;

namespace SyncBridge {

// Starts push runs for the GUI and the agent: each run on its own worker thread with its own
// meta-store connection, database session and Graph client, so the caller's thread never blocks
// (start() itself touches neither the store nor the network).
// Signals arrive on the controller's thread. One run per definition at a time.
class RunController : public QObject
{
    Q_OBJECT

public:
    RunController(std::shared_ptr<MetaStore> store, SecretStore &secrets, QObject *parent = nullptr);
    // Cancels what is running and waits for the workers to commit and stop.
    ~RunController() override;

    // Fails (and starts nothing) when the definition already has a run in this process.
    Result<void> start(qint64 definitionId, PushOptions options = {});
    // Finishes what is in flight, commits it, and stops; `finished` follows with CANCELLED.
    void cancel(qint64 definitionId);
    bool isRunning(qint64 definitionId) const { return m_runs.contains(definitionId); }

    // The delete circuit breaker's question, asked on the controller's thread (where a dialog may
    // open) while the run's worker waits for the answer. Without it, deletions are held back.
    void setMassDeleteApproval(std::function<bool(qint64 definitionId, const MassDeleteCheck &check)> approve);

signals:
    void progress(qint64 definitionId, const SyncBridge::RunProgress &progress);
    void finished(qint64 definitionId, const SyncBridge::RunOutcome &outcome);

private:
    struct Worker;
    std::shared_ptr<Governor> governorFor(const SharePointConnection &connection);
    void onFinished(qint64 definitionId, const RunOutcome &outcome);

    std::shared_ptr<MetaStore> m_store;
    SecretStore &m_secrets;
    std::function<bool(qint64, const MassDeleteCheck &)> m_approveMassDelete;
    QHash<qint64, Worker *> m_runs;                         // by definition id
    QMutex m_governorsLock;                                 // runs pick their governor on their own threads
    QHash<qint64, std::shared_ptr<Governor>> m_governors;   // by SharePoint connection id
};

} // namespace SyncBridge

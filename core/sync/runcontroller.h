#pragma once

#include "common/result.h"
#include "sync/pushrun.h"

#include <QHash>
#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

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

    // The delete circuit breaker's question, asked on the controller's thread while the run's worker
    // waits. The asker answers through `answer` whenever it likes (a dialog opened with open());
    // dropping `answer` unanswered (the dialog destroyed, say) means no. Without an asker, deletions
    // are held back.
    using MassDeleteAnswer = std::function<void(bool approved)>;
    using MassDeleteQuestion = std::function<void(qint64 definitionId, const MassDeleteCheck &check, MassDeleteAnswer answer)>;
    void setMassDeleteApproval(MassDeleteQuestion ask);

signals:
    void progress(qint64 definitionId, const SyncBridge::RunProgress &progress);
    void finished(qint64 definitionId, const SyncBridge::RunOutcome &outcome);

private:
    struct Worker;
    class AnswerOnce;
    std::shared_ptr<Governor> governorFor(const SharePointConnection &connection);
    void onFinished(qint64 definitionId, const RunOutcome &outcome);

    std::shared_ptr<MetaStore> m_store;
    SecretStore &m_secrets;
    MassDeleteQuestion m_askMassDelete;
    QHash<qint64, Worker *> m_runs;                         // by definition id
    QMutex m_questionsLock;
    std::vector<std::weak_ptr<AnswerOnce>> m_openQuestions; // the breaker's questions, answered "no" on shutdown
    QMutex m_governorsLock;                                 // runs pick their governor on their own threads
    QHash<qint64, std::shared_ptr<Governor>> m_governors;   // by SharePoint connection id
};

} // namespace SyncBridge

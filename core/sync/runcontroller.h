#pragma once

#include "common/result.h"
#include "sync/syncjob.h"

#include <QHash>
#include <QMutex>
#include <QObject>

#include <functional>
#include <memory>
#include <vector>

class QThread;

namespace SyncBridge {

class GovernorRegistry;
class MetaStore;
class SecretStore;

// Starts runs for the GUI, the CLI and the agent: each SyncJob on its own worker thread with its own
// meta-store connection, database session and Graph client, so the caller's thread never blocks
// (start() itself touches neither the store nor the network). Every job spends the budget of the
// governor registry it is given, so runs and the GUI's own Graph calls share one tenant budget.
// Signals arrive on the controller's thread. One run per definition at a time.
class RunController : public QObject
{
    Q_OBJECT

public:
    // Makes the job for a run; called on the controller's thread. The default runs the
    // definition's mode (RunByMode: push or pull).
    using JobFactory = std::function<std::unique_ptr<SyncJob>(qint64 definitionId, const RunOptions &options)>;

    // Without a registry the controller keeps one of its own (a process with no other Graph client).
    RunController(std::shared_ptr<MetaStore> store, SecretStore &secrets, std::shared_ptr<GovernorRegistry> governors = {},
        QObject *parent = nullptr);
    // Cancels what is running and waits for the workers to commit and stop.
    ~RunController() override;

    // Fails (and starts nothing) when the definition already has a run in this process.
    Result<void> start(qint64 definitionId, const RunOptions &options = {});
    // Finishes what is in flight, commits it, and stops; `finished` follows with CANCELLED.
    void cancel(qint64 definitionId);
    bool isRunning(qint64 definitionId) const { return m_runs.contains(definitionId); }
    // The definitions with a run in this process (the GUI asks before it quits).
    QList<qint64> running() const { return m_runs.keys(); }

    // The delete circuit breaker's question, asked on the controller's thread while the run's worker
    // waits. The asker answers through `answer` whenever it likes (a dialog opened with open());
    // dropping `answer` unanswered (the dialog destroyed, say) means no. Without an asker, deletions
    // are held back; so are those of runs an agent started (RunOptions::trigger not Manual): nobody
    // is asked about them.
    using MassDeleteAnswer = std::function<void(bool approved)>;
    using MassDeleteQuestion = std::function<void(qint64 definitionId, const MassDeleteCheck &check, MassDeleteAnswer answer)>;
    void setMassDeleteApproval(MassDeleteQuestion ask);
    void setJobFactory(JobFactory makeJob);

    GovernorRegistry &governors() const { return *m_governors; }

signals:
    void progress(qint64 definitionId, const SyncBridge::RunProgress &progress);
    void finished(qint64 definitionId, const SyncBridge::RunOutcome &outcome);

private:
    struct Worker;
    class AnswerOnce;
    std::unique_ptr<SyncJob> makeRun(qint64 definitionId, const RunOptions &options);
    void onFinished(qint64 definitionId, const RunOutcome &outcome);

    std::shared_ptr<MetaStore> m_store;
    SecretStore &m_secrets;
    std::shared_ptr<GovernorRegistry> m_governors;
    JobFactory m_makeJob;
    MassDeleteQuestion m_askMassDelete;
    QHash<qint64, Worker *> m_runs;                         // by definition id
    QMutex m_questionsLock;
    std::vector<std::weak_ptr<AnswerOnce>> m_openQuestions; // the breaker's questions, answered "no" on shutdown
};

} // namespace SyncBridge

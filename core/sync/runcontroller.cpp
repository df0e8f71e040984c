#include "sync/runcontroller.h"

#include "graph/governorregistry.h"
#include "store/metastore.h"
#include "sync/runbymode.h"

#include <QCoreApplication>

#include <algorithm>
#include <atomic>
#include <future>
#include <QThread>

namespace SyncBridge {

// One answer to one question: the first answer counts, and an answer never given is "no" — so the
// waiting worker is released however the asker goes away.
class RunController::AnswerOnce
{
public:
    ~AnswerOnce() { give(false); }
    void give(bool approved)
    {
        if (!m_given.exchange(true))
            m_answer.set_value(approved);
    }
    std::future<bool> future() { return m_answer.get_future(); }

private:
    std::promise<bool> m_answer;
    std::atomic_bool m_given{false};
};

struct RunController::Worker {
    QThread *thread = nullptr;
    SyncJob *run = nullptr; // lives on `thread`; deleted there once the controller saw it finish
};

RunController::RunController(
    std::shared_ptr<MetaStore> store, SecretStore &secrets, std::shared_ptr<GovernorRegistry> governors, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_secrets(secrets)
    , m_governors(governors ? std::move(governors) : std::make_shared<GovernorRegistry>())
    , m_makeJob([this](qint64 definitionId, const RunOptions &options) { return makeRun(definitionId, options); })
{
}

RunController::~RunController()
{
    {
        // A worker waiting for the breaker's answer gets "no" now, or it would wait forever below.
        QMutexLocker locker(&m_questionsLock);
        for (const std::weak_ptr<AnswerOnce> &question : m_openQuestions) {
            if (auto open = question.lock())
                open->give(false);
        }
    }
    // In-flight batches are abandoned; the pending ledger rows let the next run resolve them.
    for (Worker *worker : std::as_const(m_runs)) {
        worker->run->deleteLater();
        delete worker;
    }
    // Every worker thread, finished runs' too, quits once its run has been deleted on it.
    for (QThread *thread : findChildren<QThread *>(QString(), Qt::FindDirectChildrenOnly))
        thread->wait();
}

void RunController::setMassDeleteApproval(MassDeleteQuestion ask)
{
    m_askMassDelete = std::move(ask);
}

void RunController::setJobFactory(JobFactory makeJob)
{
    m_makeJob = std::move(makeJob);
}

std::unique_ptr<SyncJob> RunController::makeRun(qint64 definitionId, const RunOptions &options)
{
    // The registry outlives the run: the controller waits for every worker thread before it goes.
    return std::make_unique<RunByMode>(
        m_store, m_secrets,
        [governors = m_governors](const SharePointConnection &connection) { return governors->governorFor(connection); }, definitionId,
        options);
}

Result<void> RunController::start(qint64 definitionId, const RunOptions &options)
{
    if (m_runs.contains(definitionId))
        return Error(ErrorCode::AlreadyExists,
                     QCoreApplication::translate("SyncBridge::Sync", "This definition is already running; wait for the run to finish or cancel it."));
    auto *worker = new Worker;
    worker->thread = new QThread(this);
    worker->thread->setObjectName(QStringLiteral("run-%1").arg(definitionId));
    worker->run = m_makeJob(definitionId, options).release();
    worker->run->moveToThread(worker->thread);
    worker->run->setMassDeleteApproval([this, definitionId](const MassDeleteCheck &check) {
        // On the run's thread: ask on the controller's thread, wait here for the answer.
        auto answer = std::make_shared<AnswerOnce>();
        std::future<bool> approved = answer->future();
        {
            QMutexLocker locker(&m_questionsLock);
            m_openQuestions.erase(std::remove_if(m_openQuestions.begin(), m_openQuestions.end(), [](const auto &q) { return q.expired(); }),
                m_openQuestions.end());
            m_openQuestions.push_back(answer);
        }
        QMetaObject::invokeMethod(
            this,
            [this, definitionId, check, answer = std::move(answer)]() mutable {
                if (m_askMassDelete)
                    m_askMassDelete(definitionId, check, [answer](bool yes) { answer->give(yes); });
                answer.reset(); // an asker that kept no copy has answered (or declined) by now
            },
            Qt::QueuedConnection);
        return approved.get();
    });
    // A scheduled run has nobody to ask: its deletions past the breaker are held back (the agent
    // pauses the schedule and says so), never approved by a person who did not start it.
    if (options.trigger != RunTrigger::Manual)
        worker->run->setMassDeleteApproval([](const MassDeleteCheck &) { return false; });
    connect(worker->thread, &QThread::started, worker->run, &SyncJob::start);
    connect(worker->run, &SyncJob::progress, this,
        [this, definitionId](const RunProgress &progress) { emit this->progress(definitionId, progress); });
    connect(worker->run, &SyncJob::finished, this, [this, definitionId](const RunOutcome &outcome) { onFinished(definitionId, outcome); });
    // Runs on the worker thread while the run is destroyed there: its meta-store connection goes too.
    QThread *thread = worker->thread;
    connect(
        worker->run, &QObject::destroyed, worker->run,
        [store = m_store, thread]() {
            store->releaseThreadConnection();
            thread->quit();
        },
        Qt::DirectConnection);
    connect(worker->thread, &QThread::finished, worker->thread, &QObject::deleteLater);
    m_runs.insert(definitionId, worker);
    worker->thread->start();
    return success();
}

void RunController::cancel(qint64 definitionId)
{
    if (Worker *worker = m_runs.value(definitionId))
        QMetaObject::invokeMethod(worker->run, &SyncJob::cancel, Qt::QueuedConnection);
}

void RunController::onFinished(qint64 definitionId, const RunOutcome &outcome)
{
    if (Worker *worker = m_runs.take(definitionId)) {
        worker->run->deleteLater();
        delete worker;
    }
    emit finished(definitionId, outcome);
}

} // namespace SyncBridge

// RunController against a real PostgreSQL and the emulator: runs go to worker threads, their signals
// and the circuit breaker's question come back on the caller's thread, one run per definition,
// cancel stops after committed work and a later run completes without duplicates.
#include "demoenvironment.h"
#include "pushoptions.h"
#include "testpaths.h"

#include "graph/governor.h"
#include "graph/governorregistry.h"
#include "secrets/memorysecretstore.h"
#include "store/budgetrepository.h"
#include "store/connectionrepository.h"
#include "store/definitionimporter.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "sync/runcontroller.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {

QJsonObject definitionJson(const QString &name, const QString &table, const QString &cursorStrategy)
{
    QJsonArray mappings{QJsonObject{{QStringLiteral("source"), QStringLiteral("project_code")}, {QStringLiteral("target"), QStringLiteral("Title")},
                                    {QStringLiteral("direction"), QStringLiteral("PUSH_ONLY")}, {QStringLiteral("key"), true}},
                        QJsonObject{{QStringLiteral("source"), QStringLiteral("name")}, {QStringLiteral("target"), QStringLiteral("name")},
                                    {QStringLiteral("direction"), QStringLiteral("PUSH_ONLY")}}};
    QJsonObject cursor{{QStringLiteral("strategy"), cursorStrategy}};
    if (cursorStrategy == QLatin1String("UPDATED_AT"))
        cursor.insert(QStringLiteral("column"), QStringLiteral("updated_at"));
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("source"), QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), table}}},
        {QStringLiteral("cursor"), cursor},
        {QStringLiteral("targetStrategy"), QStringLiteral("SINGLE")},
        {QStringLiteral("targets"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Main")}, {QStringLiteral("connection"), QStringLiteral("Emulator")},
                                                           {QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:/sites/pmo")},
                                                           {QStringLiteral("list"), name}}}},
        {QStringLiteral("deletes"), QJsonObject{{QStringLiteral("policy"), QStringLiteral("DELETE")}}},
        {QStringLiteral("mappings"), mappings}};
}

// A definition writing through the SharePoint connection of that name.
QJsonObject definitionOn(const QString &name, const QString &connection)
{
    QJsonObject definition = definitionJson(name, QStringLiteral("projects"), QStringLiteral("UPDATED_AT"));
    QJsonArray targets = definition.value(QStringLiteral("targets")).toArray();
    QJsonObject target = targets.first().toObject();
    target.insert(QStringLiteral("connection"), connection);
    definition.insert(QStringLiteral("targets"), QJsonArray{target});
    return definition;
}

// A job that only reports: the controller's side of the run seam, without a database or SharePoint.
class ScriptedJob : public SyncJob
{
public:
    void start() override
    {
        RunProgress progress;
        progress.phase = RunPhase::Resolving;
        emit this->progress(progress);
        QTimer::singleShot(0, this, [this]() {
            RunOutcome outcome;
            outcome.status = m_cancelled ? RunStatus::Cancelled : RunStatus::Succeeded;
            outcome.message = QStringLiteral("scripted");
            emit finished(outcome);
        });
    }
    void cancel() override { m_cancelled = true; }
    void setMassDeleteApproval(MassDeleteApproval) override { }

private:
    bool m_cancelled = false;
};

} // namespace

class TestRunController : public QObject
{
    Q_OBJECT

private:
    DemoEnvironment m_demo;
    PostgresFixture &m_postgres = m_demo.postgres();
    EmulatorProcess &m_emulator = m_demo.emulator();
    MemorySecretStore &m_secrets = m_demo.secrets();
    std::shared_ptr<MetaStore> m_store;

    qint64 definitionId(const QString &name) { return DefinitionRepository(*m_store).byName(name)->id; }


    RunOutcome waitForRun(RunController &controller, qint64 id)
    {
        std::optional<RunOutcome> outcome;
        QEventLoop loop;
        connect(&controller, &RunController::finished, &loop, [&](qint64 finishedId, const RunOutcome &finished) {
            if (finishedId == id) {
                outcome = finished;
                loop.quit();
            }
        });
        loop.exec();
        return outcome.value_or(RunOutcome{});
    }

    // Cancels the run as soon as it reports waiting for the SharePoint budget; the phases it
    // reported are added to *phases.
    void cancelWhenWaitingForBudget(RunController &controller, qint64 id, QList<RunPhase> *phases)
    {
        connect(&controller, &RunController::progress, this, [&controller, id, phases](qint64, const RunProgress &progress) {
            *phases << progress.phase;
            if (progress.phase == RunPhase::WaitingForBudget)
                controller.cancel(id);
        });
    }

    // Whether the run recorded a budget-wait event whose message contains `says`.
    bool recordedBudgetWait(qint64 runId, const QString &says)
    {
        const auto events = RunRepository(*m_store).events(runId);
        return events.ok() && std::any_of(events->cbegin(), events->cend(), [&](const RunEvent &event) {
            return event.type == QLatin1String("budget-wait") && event.message.contains(says);
        });
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_demo.start(&error), qPrintable(error));
        m_store = m_demo.store();
        QVERIFY(m_postgres.query(QStringLiteral("demo"), QStringLiteral("CREATE TABLE scan_projects (LIKE projects INCLUDING ALL);"
                                                                        "INSERT INTO scan_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 20")).ok());
        ConnectionRepository connections(*m_store);
        SharePointConnection smallBudget = m_demo.sharePointConnection();
        smallBudget.id = 0;
        smallBudget.name = QStringLiteral("Small budget");
        smallBudget.ruPerDay = 300;   // discovery, provisioning and about a hundred creates
        QVERIFY(connections.saveSharePointConnection(smallBudget).ok());
        SharePointConnection sharedBudget = m_demo.sharePointConnection();
        sharedBudget.id = 0;
        sharedBudget.name = QStringLiteral("Shared budget"); // a tenant's day other processes spend
        QVERIFY(connections.saveSharePointConnection(sharedBudget).ok());
        const QJsonObject document{{QStringLiteral("definitions"),
            QJsonArray{definitionJson(QStringLiteral("Threaded"), QStringLiteral("projects"), QStringLiteral("UPDATED_AT")),
                definitionJson(QStringLiteral("Cancelled"), QStringLiteral("projects"), QStringLiteral("UPDATED_AT")),
                definitionJson(QStringLiteral("Scanned"), QStringLiteral("scan_projects"), QStringLiteral("FULL_SCAN")),
                definitionOn(QStringLiteral("Budgeted"), QStringLiteral("Small budget")),
                definitionOn(QStringLiteral("Shared"), QStringLiteral("Shared budget"))}}};
        auto imported = importDefinitions(*m_store, QJsonDocument(document).toJson());
        QVERIFY(imported.ok() && imported->ok());
    }

    void runsOnAWorkerAndReportsOnTheCallersThread()
    {
        RunController controller(m_store, m_secrets);
        const qint64 id = definitionId(QStringLiteral("Threaded"));
        int progressOnCallerThread = 0;
        int progressElsewhere = 0;
        connect(&controller, &RunController::progress, this, [&](qint64, const RunProgress &) {
            (QThread::currentThread() == thread() ? progressOnCallerThread : progressElsewhere) += 1;
        });
        int ticks = 0;   // the caller's event loop keeps turning while the run works
        QTimer ticker;
        connect(&ticker, &QTimer::timeout, this, [&]() { ++ticks; });
        ticker.start(5);

        QVERIFY(controller.start(id).ok());
        QVERIFY(controller.isRunning(id));
        const auto second = controller.start(id);
        QVERIFY(!second.ok());
        QCOMPARE(second.error().code(), ErrorCode::AlreadyExists);
        QVERIFY(second.error().message().contains(QStringLiteral("already running")));

        const RunOutcome outcome = waitForRun(controller, id);
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.counters.created, 5000);
        QCOMPARE(m_emulator.itemCount(QStringLiteral("Threaded")), 5000);
        QVERIFY(!controller.isRunning(id));
        QVERIFY(progressOnCallerThread > 0);
        QCOMPARE(progressElsewhere, 0);
        QVERIFY2(ticks > 10, qPrintable(QString::number(ticks)));
    }

    void cancelStopsAndTheNextRunCompletesWithoutDuplicates()
    {
        RunController controller(m_store, m_secrets);
        const qint64 id = definitionId(QStringLiteral("Cancelled"));
        connect(&controller, &RunController::progress, this, [&](qint64, const RunProgress &progress) {
            if (progress.counters.created > 0)
                controller.cancel(id);
        });
        QVERIFY(controller.start(id, pushOptions(200)).ok());
        const RunOutcome cancelled = waitForRun(controller, id);
        QCOMPARE(cancelled.status, RunStatus::Cancelled);
        QVERIFY(cancelled.counters.created > 0);
        QVERIFY(cancelled.counters.created < 5000);
        QCOMPARE(m_emulator.itemCount(QStringLiteral("Cancelled")), int(cancelled.counters.created));

        disconnect(&controller, &RunController::progress, this, nullptr);
        QVERIFY(controller.start(id).ok());
        const RunOutcome rest = waitForRun(controller, id);
        QCOMPARE(rest.status, RunStatus::Succeeded);
        QCOMPARE(cancelled.counters.created + rest.counters.created, 5000);
        QCOMPARE(m_emulator.itemCount(QStringLiteral("Cancelled")), 5000);
    }

    void aSpentDailyBudgetIsReportedAndTheWaitCanBeCancelled()
    {
        RunController controller(m_store, m_secrets);
        const qint64 id = definitionId(QStringLiteral("Budgeted"));
        QList<RunPhase> phases;
        cancelWhenWaitingForBudget(controller, id, &phases);
        QVERIFY(controller.start(id, pushOptions(20)).ok());   // pages of 20: some commit before the budget runs out
        const RunOutcome outcome = waitForRun(controller, id);
        QCOMPARE(outcome.status, RunStatus::Cancelled);
        QVERIFY2(outcome.message.contains(QStringLiteral("budget")), qPrintable(outcome.message));
        QVERIFY(phases.contains(RunPhase::WaitingForBudget));
        QVERIFY(outcome.counters.created > 0);
        QVERIFY(outcome.counters.created < 200);
        QVERIFY(recordedBudgetWait(outcome.runId, QStringLiteral("renews at")));
    }

    void aDaySpentByOtherProcessesIsReportedAndTheWaitCanBeCancelled()
    {
        // Other processes sharing the store (a CLI cron run, another machine) leased the tenant's
        // whole day: this run's governor is refused by the shared ledger, not by its own count.
        const SharePointConnection shared = *ConnectionRepository(*m_store).sharePointConnectionByName(QStringLiteral("Shared budget"));
        const qint64 day = shared.ruPerDay;
        QCOMPARE(BudgetRepository(m_store).lease({shared.id, QDateTime::currentDateTimeUtc(), day, day, day, 0, 0})->granted, day);
        RunController controller(m_store, m_secrets, std::make_shared<GovernorRegistry>(std::make_shared<BudgetRepository>(m_store)));
        const qint64 id = definitionId(QStringLiteral("Shared"));
        QList<RunPhase> phases;
        cancelWhenWaitingForBudget(controller, id, &phases);
        QVERIFY(controller.start(id).ok());
        const RunOutcome outcome = waitForRun(controller, id);
        QVERIFY(phases.contains(RunPhase::WaitingForBudget));
        QCOMPARE(outcome.status, RunStatus::Cancelled);
        QCOMPARE(outcome.counters.created, 0);
        QVERIFY(recordedBudgetWait(outcome.runId, QStringLiteral("daily SharePoint budget is spent")));
    }

    void theBreakersQuestionIsAskedOnTheCallersThread()
    {
        RunController controller(m_store, m_secrets);
        const qint64 id = definitionId(QStringLiteral("Scanned"));
        QVERIFY(controller.start(id).ok());
        QCOMPARE(waitForRun(controller, id).counters.created, 20);
        QVERIFY(m_postgres.query(QStringLiteral("demo"), QStringLiteral("DELETE FROM scan_projects WHERE id <= 10")).ok());

        QList<MassDeleteCheck> asked;
        bool askedOnCallerThread = false;
        controller.setMassDeleteApproval([&](qint64 definition, const MassDeleteCheck &check, const RunController::MassDeleteAnswer &answer) {
            askedOnCallerThread = QThread::currentThread() == thread() && definition == id;
            asked << check;
            QTimer::singleShot(50, this, [answer]() { answer(true); });   // later, as a dialog would
        });
        QVERIFY(controller.start(id).ok());
        const RunOutcome outcome = waitForRun(controller, id);
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().deletions, 10);
        QCOMPARE(asked.first().items, 20);
        QVERIFY(askedOnCallerThread);
        QCOMPARE(outcome.counters.deleted, 10);
        QCOMPARE(m_emulator.itemCount(QStringLiteral("Scanned")), 10);
    }

    void aScheduledRunHoldsDeletionsPastTheBreakerBackWithoutAsking()
    {
        // After the test above: 10 rows synced. 5 more gone is half the list; a person would say yes,
        // but nobody started a scheduled run: it is not asked, and deletes nothing.
        RunController controller(m_store, m_secrets);
        const qint64 id = definitionId(QStringLiteral("Scanned"));
        QVERIFY(m_postgres.query(QStringLiteral("demo"), QStringLiteral("DELETE FROM scan_projects WHERE id <= 15")).ok());
        int asked = 0;
        controller.setMassDeleteApproval([&](qint64, const MassDeleteCheck &, const RunController::MassDeleteAnswer &answer) {
            ++asked;
            answer(true);
        });
        RunOptions scheduled;
        scheduled.trigger = RunTrigger::Scheduled;
        scheduled.agentName = QStringLiteral("nightly");
        QVERIFY(controller.start(id, scheduled).ok());
        const RunOutcome outcome = waitForRun(controller, id);
        QCOMPARE(asked, 0);
        QCOMPARE(outcome.status, RunStatus::PartiallyFailed);
        QCOMPARE(outcome.heldBackDeletes, 5);
        QCOMPARE(outcome.counters.deleted, 0);
        QCOMPARE(m_emulator.itemCount(QStringLiteral("Scanned")), 10);
        const SyncRun run = RunRepository(*m_store).run(outcome.runId).value();
        QCOMPARE(run.trigger, RunTrigger::Scheduled);
        QCOMPARE(run.agentName, QStringLiteral("nightly"));
    }
    void runsSpendTheBudgetOfTheRegistryTheyAreGiven()
    {
        // The GUI hands the same registry to its Catalog page: what a run spends is the tenant's.
        auto governors = std::make_shared<GovernorRegistry>();
        RunController controller(m_store, m_secrets, governors);
        QCOMPARE(&controller.governors(), governors.get());
        const qint64 id = definitionId(QStringLiteral("Threaded"));
        QVERIFY(
            m_postgres.query(QStringLiteral("demo"), QStringLiteral("UPDATE projects SET name = name || ' (budget)' WHERE id <= 5")).ok());
        QVERIFY(controller.start(id).ok());
        const RunOutcome outcome = waitForRun(controller, id);
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.counters.updated, 5);
        const qint64 spent = governors->governorFor(m_demo.sharePointConnection())->view().spentToday;
        QVERIFY(spent > 0);
        QCOMPARE(spent, outcome.counters.ruSpent);
    }

    void aFailedRunCarriesItsErrorWithItsKind()
    {
        QVERIFY(
            m_postgres.query(QStringLiteral("demo"), QStringLiteral("CREATE TABLE dropped_projects (LIKE projects INCLUDING ALL)")).ok());
        const QJsonObject document{{QStringLiteral("definitions"),
            QJsonArray{definitionJson(QStringLiteral("Dropped"), QStringLiteral("dropped_projects"), QStringLiteral("UPDATED_AT"))}}};
        auto imported = importDefinitions(*m_store, QJsonDocument(document).toJson());
        QVERIFY(imported.ok() && imported->ok());
        QVERIFY(m_postgres.query(QStringLiteral("demo"), QStringLiteral("DROP TABLE dropped_projects")).ok());

        RunController controller(m_store, m_secrets);
        const qint64 id = definitionId(QStringLiteral("Dropped"));
        QVERIFY(controller.start(id).ok());
        const RunOutcome outcome = waitForRun(controller, id);
        QCOMPARE(outcome.status, RunStatus::Failed);
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->code(), ErrorCode::NotFound);
        QCOMPARE(outcome.message, outcome.error->message());
        QVERIFY2(outcome.message.contains(QStringLiteral("dropped_projects")), qPrintable(outcome.message));
        const auto events = RunRepository(*m_store).events(outcome.runId);
        QVERIFY(std::any_of(events->cbegin(), events->cend(), [](const RunEvent &event) {
            return event.type == QLatin1String("run-finished")
                && event.payload.value(QStringLiteral("errorKind")).toString() == QLatin1String("not-found");
        }));
    }

    void anyJobPlugsIntoTheController()
    {
        // Pull and CDC runs plug in beside push: the controller drives whatever job it is given.
        RunController controller(m_store, m_secrets);
        QList<qint64> made;
        controller.setJobFactory([&](qint64 definitionId, const RunOptions &) {
            made << definitionId;
            return std::make_unique<ScriptedJob>();
        });
        QList<RunPhase> phases;
        connect(&controller, &RunController::progress, this, [&](qint64, const RunProgress &progress) { phases << progress.phase; });
        QVERIFY(controller.start(42).ok());
        QVERIFY(controller.isRunning(42));
        QVERIFY(!controller.start(42).ok()); // one run per definition still holds
        const RunOutcome outcome = waitForRun(controller, 42);
        QCOMPARE(made, QList<qint64>{42});
        QCOMPARE(phases, QList<RunPhase>{RunPhase::Resolving});
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.message, QStringLiteral("scripted"));
        QVERIFY(!controller.isRunning(42));
    }

    void aLongPauseSharePointAsksForIsReported()
    {
        // The service's own daily limit: the emulator refuses with a Retry-After until its day ends.
        QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("throttling"), QJsonObject{{QStringLiteral("ruPerDay"), 0}}}}).status, 200);
        RunController controller(m_store, m_secrets);
        const qint64 id = definitionId(QStringLiteral("Threaded"));
        QVERIFY(m_postgres.query(QStringLiteral("demo"), QStringLiteral("UPDATE projects SET name = name || ' (paused)' WHERE id <= 3")).ok());
        QList<RunPhase> phases;
        cancelWhenWaitingForBudget(controller, id, &phases);
        QVERIFY(controller.start(id).ok());
        const RunOutcome outcome = waitForRun(controller, id);
        QVERIFY(m_emulator.reset());   // the tenant stays refused until the emulator's day ends
        QCOMPARE(outcome.status, RunStatus::Cancelled);
        QVERIFY(recordedBudgetWait(outcome.runId, QStringLiteral("asked the run to pause")));
    }
};

QTEST_GUILESS_MAIN(TestRunController)
#include "tst_runcontroller.moc"

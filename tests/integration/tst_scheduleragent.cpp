// The scheduling agent against a real PostgreSQL meta-store, its clock a manual one so no test waits
// for minutes: each occurrence runs once, a catch-up after downtime runs once, three agents sharing
// the store run every occurrence of 200 definitions exactly once, a dead agent's claim is rescued,
// the circuit breaker pauses a schedule, pause and stop. Runs are RecordingJobs (they record
// themselves in the run history at once); claims and run history go through the real store. The
// CLI agent with real runs, SIGTERM and SIGKILL: tst_cli_agent.
#include "manualclock.h"
#include "postgresfixture.h"
#include "recordingjob.h"
#include "scheduleddefinitions.h"

#include "agent/scheduleragent.h"
#include "secrets/memorysecretstore.h"
#include "store/agentrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "store/scheduleclaimrepository.h"
#include "store/sql.h"
#include "store/storelocation.h"
#include "sync/runcontroller.h"

#include <QLoggingCategory>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {

// A minute boundary the manual clock starts from.
const QDateTime startOfTest(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);

QDateTime minute(int n, int seconds = 5)
{
    return startOfTest.addSecs(n * 60 + seconds);
}

// One agent with its own store connections and its own run controller, as a process has.
struct AgentUnderTest {
    std::shared_ptr<MetaStore> store;
    MemorySecretStore secrets;
    std::unique_ptr<RunController> runs;
    std::unique_ptr<SchedulerAgent> agent;

    AgentUnderTest(std::shared_ptr<MetaStore> s, const QString &name, const Clock &clock, RecordingJob::Ending ending, int maxRuns = 8)
        : store(std::move(s))
    {
        runs = std::make_unique<RunController>(store, secrets);
        runs->setJobFactory([store = store, ending](qint64 definitionId, const RunOptions &options) {
            return std::make_unique<RecordingJob>(store, definitionId, options, ending);
        });
        AgentOptions options;
        options.name = name;
        options.clock = &clock;
        options.maxConcurrentRuns = maxRuns;
        options.heartbeatIntervalMs = 60 * 60 * 1000; // the tests say when to look
        agent = std::make_unique<SchedulerAgent>(store, *runs, options);
    }
    ~AgentUnderTest()
    {
        if (agent->isActive()) {
            QSignalSpy stopped(agent.get(), &SchedulerAgent::stopped);
            agent->stop();
            stopped.wait(30000);
        }
        agent.reset();
        runs.reset();
    }
    bool start()
    {
        QSignalSpy started(agent.get(), &SchedulerAgent::started);
        agent->start();
        return started.wait(30000);
    }
};

} // namespace

class TestSchedulerAgent : public QObject
{
    Q_OBJECT

    PostgresFixture m_postgres;
    ManualClock m_clock{minute(0)};
    QString m_database;
    int m_databases = 0;

    std::shared_ptr<MetaStore> openStore() { return MetaStore::open(m_postgres.metaStoreLocation(m_database)).value(); }

    // Saved before the first occurrence of the test.
    QList<qint64> addDefinitions(MetaStore &store, int count, const QString &cron)
    {
        return addScheduledDefinitions(store, count, cron, startOfTest.addSecs(-30));
    }

    QList<SyncRun> runsOf(MetaStore &store, qint64 definitionId)
    {
        RunFilter filter;
        filter.definitionId = definitionId;
        filter.limit = 1000;
        return RunRepository(store).runs(filter).value();
    }

    qint64 scalar(MetaStore &store, const QString &sql)
    {
        auto query = execute(store.connection(), sql);
        return query.ok() && query->next() ? query->value(0).toLongLong() : -1;
    }

    // Moves the clock and lets every agent look, then waits until they all are idle and every claim
    // of that occurrence has its outcome.
    void runMinute(const QList<AgentUnderTest *> &agents, MetaStore &store, int n)
    {
        m_clock.set(minute(n));
        for (AgentUnderTest *agent : agents)
            agent->agent->checkNow();
        waitUntilIdle(agents, store);
    }

    void waitUntilIdle(const QList<AgentUnderTest *> &agents, MetaStore &store)
    {
        const QString open = QStringLiteral("SELECT COUNT(*) FROM schedule_claims WHERE outcome IS NULL");
        QTRY_VERIFY_WITH_TIMEOUT(
            std::none_of(agents.cbegin(), agents.cend(), [](AgentUnderTest *a) { return a->agent->isBusy(); }) && scalar(store, open) == 0,
            60000);
    }

private slots:
    void initTestCase()
    {
        // Thousands of runs: the agent's line per run start and end would bury the figures.
        QLoggingCategory::setFilterRules(QStringLiteral("syncbridge.core.agent.info=false\nsyncbridge.core.store.info=false"));
        auto started = m_postgres.start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().toString()));
        qputenv("PGPASSWORD", m_postgres.password().toUtf8());
    }

    void init()
    {
        m_database = QStringLiteral("meta%1").arg(++m_databases);
        QVERIFY(m_postgres.createDatabase(m_database).ok());
        m_clock.set(minute(0));
    }

    void threeEveryMinuteDefinitionsRunEachOccurrenceOnce()
    {
        auto store = openStore();
        const QList<qint64> ids = addDefinitions(*store, 3, QStringLiteral("* * * * *"));
        AgentUnderTest one(store, QStringLiteral("one"), m_clock, RecordingJob::Ending::AtOnce);
        QSignalSpy started(one.agent.get(), &SchedulerAgent::runStarted);
        QVERIFY(one.start());
        for (int n = 0; n < 5; ++n) {
            runMinute({&one}, *store, n);
            one.agent->checkNow(); // looking again in the same minute starts nothing
            runMinute({&one}, *store, n);
        }
        QCOMPARE(started.size(), 15);
        for (qint64 id : ids) {
            const QList<SyncRun> runs = runsOf(*store, id);
            QCOMPARE(runs.size(), 5);
            for (const SyncRun &run : runs) {
                QCOMPARE(run.trigger, RunTrigger::Scheduled);
                QCOMPARE(run.agentName, QStringLiteral("one"));
                QCOMPARE(run.status, RunStatus::Succeeded);
            }
            const QList<ScheduleClaim> claims = ScheduleClaimRepository(*store).claims(id).value();
            QCOMPARE(claims.size(), 5);
            for (int n = 0; n < 5; ++n) {
                QCOMPARE(claims.at(n).occurrenceAt, startOfTest.addSecs(n * 60));
                QCOMPARE(claims.at(n).outcome, QStringLiteral("SUCCEEDED"));
                QVERIFY(claims.at(n).runId > 0);
            }
        }
    }

    void aCatchUpAfterDowntimeRunsOnceNotABurst()
    {
        auto store = openStore();
        const QList<qint64> ids = addDefinitions(*store, 3, QStringLiteral("*/10 * * * *"));
        {
            AgentUnderTest before(store, QStringLiteral("laptop"), m_clock, RecordingJob::Ending::AtOnce);
            QVERIFY(before.start());
            runMinute({&before}, *store, 0);
        }
        // Down (asleep) from 09:00 to 09:35:30: 09:10, 09:20 and 09:30 passed. Started again, it runs
        // the latest of them once, as a catch-up.
        AgentUnderTest after(store, QStringLiteral("laptop"), m_clock, RecordingJob::Ending::AtOnce);
        m_clock.set(minute(35, 30));
        QVERIFY(after.start());
        waitUntilIdle({&after}, *store);
        after.agent->checkNow();
        waitUntilIdle({&after}, *store);
        runMinute({&after}, *store, 40);
        for (qint64 id : ids) {
            const QList<SyncRun> runs = runsOf(*store, id); // newest first
            QCOMPARE(runs.size(), 3);
            QCOMPARE(runs.at(2).trigger, RunTrigger::Scheduled);
            QCOMPARE(runs.at(1).trigger, RunTrigger::CatchUp);
            QCOMPARE(runs.at(0).trigger, RunTrigger::Scheduled);
            const QList<ScheduleClaim> claims = ScheduleClaimRepository(*store).claims(id).value();
            QCOMPARE(claims.size(), 3);
            QCOMPARE(claims.at(1).occurrenceAt, startOfTest.addSecs(30 * 60)); // the latest missed one only
            QVERIFY(claims.at(1).catchUp);
            QCOMPARE(claims.at(2).occurrenceAt, startOfTest.addSecs(40 * 60));
        }
    }

    void threeAgentsRunEveryOccurrenceOfTwoHundredDefinitionsExactlyOnce()
    {
        constexpr int definitions = 200, minutes = 10;
        auto setup = openStore();
        addDefinitions(*setup, definitions, QStringLiteral("* * * * *"));
        // Three agents, each with its own store connections, as three machines would have.
        AgentUnderTest a(openStore(), QStringLiteral("agent-a"), m_clock, RecordingJob::Ending::AtOnce);
        AgentUnderTest b(openStore(), QStringLiteral("agent-b"), m_clock, RecordingJob::Ending::AtOnce);
        AgentUnderTest c(openStore(), QStringLiteral("agent-c"), m_clock, RecordingJob::Ending::AtOnce);
        QVERIFY(a.start() && b.start() && c.start());
        QCOMPARE(AgentRepository(*setup).agents()->size(), 3);
        for (int n = 0; n < minutes; ++n)
            runMinute({&a, &b, &c}, *setup, n);

        // Counted from run history: every scheduled run, and the occurrences they ran (their claims).
        const qint64 expected = qint64(definitions) * minutes;
        const qint64 ran = scalar(*setup, QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE run_trigger = 'SCHEDULED'"));
        const qint64 occurrences = scalar(*setup,
            QStringLiteral("SELECT COUNT(DISTINCT c.definition_id || ':' || c.occurrence_at) FROM sync_runs r"
                           " JOIN schedule_claims c ON c.run_id = r.id WHERE r.run_trigger = 'SCHEDULED'"));
        const qint64 unclaimed = scalar(*setup,
            QStringLiteral("SELECT COUNT(*) FROM sync_runs r WHERE NOT EXISTS (SELECT 1 FROM schedule_claims c WHERE c.run_id = r.id)"));
        const qint64 twice = scalar(*setup,
            QStringLiteral("SELECT COUNT(*) FROM (SELECT definition_id FROM sync_runs GROUP BY definition_id HAVING COUNT(*) <> %1) x")
                .arg(minutes));
        QStringList shares;
        for (const QString &name : {QStringLiteral("agent-a"), QStringLiteral("agent-b"), QStringLiteral("agent-c")})
            shares << QStringLiteral("%1 %2").arg(name).arg(
                scalar(*setup, QStringLiteral("SELECT COUNT(*) FROM sync_runs WHERE agent_name = '%1'").arg(name)));
        qInfo("three agents, %d definitions, %d minutes: occurrences expected %lld, run %lld, distinct %lld, duplicates %lld (%s)",
            definitions, minutes, expected, ran, occurrences, ran - occurrences, qPrintable(shares.join(QStringLiteral(", "))));
        QCOMPARE(ran, expected);
        QCOMPARE(occurrences, expected);
        QCOMPARE(unclaimed, 0);
        QCOMPARE(twice, 0);
    }

    void aRepeatedStartAfterACrashIsANoOp()
    {
        auto store = openStore();
        const qint64 id = addDefinitions(*store, 1, QStringLiteral("* * * * *")).constFirst();
        ScheduleClaimRepository claims(*store);
        QVERIFY(claims.claim(id, startOfTest, QStringLiteral("a"), false, 60000)->claimed);
        QVERIFY(!claims.claim(id, startOfTest, QStringLiteral("a"), false, 60000)->claimed); // the same agent again
        QVERIFY(!claims.claim(id, startOfTest, QStringLiteral("b"), false, 60000)->claimed); // another, while the lease holds
        QVERIFY(claims.finish(id, startOfTest, QStringLiteral("a"), 0, QStringLiteral("SUCCEEDED")).ok());
        QVERIFY(!claims.claim(id, startOfTest, QStringLiteral("b"), false, 1)->claimed); // ran: never again
        QCOMPARE(claims.claims(id)->size(), 1);

        // An agent started again after a crash, under the same name, finds the occurrence claimed.
        AgentUnderTest again(store, QStringLiteral("a"), m_clock, RecordingJob::Ending::AtOnce);
        QVERIFY(again.start());
        runMinute({&again}, *store, 0);
        QCOMPARE(runsOf(*store, id).size(), 0);
    }

    void aDeadAgentsClaimIsRescuedAndItsRunInterrupted()
    {
        auto store = openStore();
        const qint64 id = addDefinitions(*store, 1, QStringLiteral("* * * * *")).constFirst();
        // The dead agent claimed the occurrence with a short lease and started its run, then stopped renewing.
        SyncRun dead;
        dead.definitionId = id;
        dead.agentName = QStringLiteral("dead");
        dead.trigger = RunTrigger::Scheduled;
        QVERIFY(RunRepository(*store).startRun(dead).ok());
        ScheduleClaimRepository claims(*store);
        QVERIFY(claims.claim(id, startOfTest, QStringLiteral("dead"), false, 1)->claimed);
        QVERIFY(claims.attachRun(id, startOfTest, dead.id).ok());
        QTRY_VERIFY(claims.openClaims()->constFirst().lapsed); // the database's clock passes the lease

        AgentUnderTest rescuer(store, QStringLiteral("rescuer"), m_clock, RecordingJob::Ending::AtOnce);
        QSignalSpy started(rescuer.agent.get(), &SchedulerAgent::runStarted);
        QVERIFY(rescuer.start());
        QTRY_COMPARE(started.size(), 1);
        QTRY_COMPARE(scalar(*store, QStringLiteral("SELECT COUNT(*) FROM schedule_claims WHERE outcome IS NULL")), 0);
        QCOMPARE(RunRepository(*store).run(dead.id)->status, RunStatus::Interrupted);
        const QList<ScheduleClaim> after = claims.claims(id).value();
        QCOMPARE(after.size(), 1); // the occurrence, once
        QCOMPARE(after.first().agent, QStringLiteral("rescuer"));
        QCOMPARE(after.first().outcome, QStringLiteral("SUCCEEDED"));
        QVERIFY(after.first().runId != dead.id);
        runMinute({&rescuer}, *store, 0); // and not run again
        QCOMPARE(runsOf(*store, id).size(), 2);
    }

    void heldBackDeletionsPauseTheSchedule()
    {
        auto store = openStore();
        const qint64 id = addDefinitions(*store, 1, QStringLiteral("* * * * *")).constFirst();
        AgentUnderTest agent(store, QStringLiteral("careful"), m_clock, RecordingJob::Ending::HoldingDeletes);
        QSignalSpy held(agent.agent.get(), &SchedulerAgent::deletionsHeld);
        QVERIFY(agent.start());
        runMinute({&agent}, *store, 0);
        QTRY_COMPARE(held.size(), 1);
        QCOMPARE(held.first().at(0).toLongLong(), id);
        QCOMPARE(held.first().at(1).toLongLong(), 3);
        QCOMPARE(scalar(*store, QStringLiteral("SELECT schedule_paused FROM sync_definitions WHERE id = %1").arg(id)), 1);
        QCOMPARE(agent.agent->nextRun(id), std::nullopt);
        runMinute({&agent}, *store, 1);
        runMinute({&agent}, *store, 2);
        QCOMPARE(runsOf(*store, id).size(), 1);
    }

    // Orders look up customers (a LOOKUP mapping references their definition): due at the same
    // minute, the customers run first and the orders start only once it ended, although the orders
    // come first by id and slots are free.
    void aDefinitionRunsAfterTheOneItsLookupsReference()
    {
        auto store = openStore();
        const QList<qint64> ids = addDefinitions(*store, 2, QStringLiteral("* * * * *"));
        const qint64 orders = ids.at(0), customers = ids.at(1);
        QVERIFY(execute(store->connection(),
            QStringLiteral("INSERT INTO field_mappings (definition_id, position, source_column, target_column, direction, system_field,"
                           " is_key, kind, referenced_definition) VALUES (?, 0, 'customer_id', 'Customer', 'PUSH_ONLY', 0, 0, 'LOOKUP',"
                           " (SELECT name FROM sync_definitions WHERE id = ?))"),
            {orders, customers})
                    .ok());
        AgentUnderTest agent(store, QStringLiteral("ordered"), m_clock, RecordingJob::Ending::AtOnce);
        QList<qint64> events; // +id started, -id finished
        connect(agent.agent.get(), &SchedulerAgent::runStarted, this, [&](qint64 id) { events << id; });
        connect(agent.agent.get(), &SchedulerAgent::runFinished, this, [&](qint64 id) { events << -id; });
        QVERIFY(agent.start());
        runMinute({&agent}, *store, 0);
        QCOMPARE(events, (QList<qint64>{customers, -customers, orders, -orders}));
        QCOMPARE(runsOf(*store, orders).size(), 1);
        QCOMPARE(runsOf(*store, customers).size(), 1);
    }

    void aPausedAgentStartsNothingUntilResumed()
    {
        auto store = openStore();
        const qint64 id = addDefinitions(*store, 1, QStringLiteral("* * * * *")).constFirst();
        AgentUnderTest agent(store, QStringLiteral("pausable"), m_clock, RecordingJob::Ending::AtOnce);
        QSignalSpy paused(agent.agent.get(), &SchedulerAgent::pausedChanged);
        agent.agent->setPaused(true);
        QCOMPARE(paused.size(), 1);
        QVERIFY(agent.start());
        QVERIFY(agent.agent->isPaused());
        runMinute({&agent}, *store, 0);
        QCOMPARE(runsOf(*store, id).size(), 0);
        QCOMPARE(agent.agent->nextRun(id), std::optional<QDateTime>(m_clock.nowUtc())); // due, waiting
        agent.agent->setPaused(false);
        QCOMPARE(paused.size(), 2);
        QTRY_COMPARE(runsOf(*store, id).size(), 1);
        QCOMPARE(agent.agent->nextRun(id), std::optional<QDateTime>(startOfTest.addSecs(60)));
    }

    void stopFinishesTheRunsInFlightAndDeregisters()
    {
        auto store = openStore();
        const QList<qint64> ids = addDefinitions(*store, 2, QStringLiteral("* * * * *"));
        AgentUnderTest agent(store, QStringLiteral("stopping"), m_clock, RecordingJob::Ending::WhenCancelled);
        QVERIFY(agent.start());
        QCOMPARE(AgentRepository(*store).agents()->size(), 1);
        QTRY_COMPARE(agent.agent->runningCount(), 2);
        QSignalSpy stopped(agent.agent.get(), &SchedulerAgent::stopped);
        agent.agent->stop();
        QVERIFY(stopped.wait(30000));
        for (qint64 id : ids) {
            QCOMPARE(runsOf(*store, id).constFirst().status, RunStatus::Cancelled);
            QCOMPARE(ScheduleClaimRepository(*store).claims(id)->constFirst().outcome, QStringLiteral("CANCELLED"));
        }
        QCOMPARE(AgentRepository(*store).agents()->size(), 0);
    }

    void theAgentsClockFollowsTheDatabases()
    {
        // The database read its clock between the two local times: its offset from their middle.
        DatabaseCorrectedClock clock;
        const QDateTime asked(QDate(2026, 3, 2), QTime(9, 0), Qt::UTC);
        clock.measure(asked.addSecs(300), asked, asked.addMSecs(200));
        QCOMPARE(clock.offsetMs(), 300 * 1000 - 100);
        clock.measure(asked.addSecs(-60), asked, asked);
        QCOMPARE(clock.offsetMs(), -60 * 1000);
    }

    void aSecondLiveAgentOfOneNameIsRefused()
    {
        auto store = openStore();
        AgentRecord other;
        other.name = QStringLiteral("twin");
        other.host = QStringLiteral("elsewhere");
        other.pid = 1;
        other.version = QStringLiteral("0");
        QVERIFY(AgentRepository(*store).registerAgent(other, 60000).ok());
        AgentUnderTest twin(store, QStringLiteral("twin"), m_clock, RecordingJob::Ending::AtOnce);
        std::optional<Error> failed;
        connect(twin.agent.get(), &SchedulerAgent::failed, this, [&](const Error &error) { failed = error; });
        twin.agent->start();
        QTRY_VERIFY_WITH_TIMEOUT(failed.has_value(), 30000);
        QCOMPARE(failed->code(), ErrorCode::Busy);
        QVERIFY2(failed->message().contains(QStringLiteral("elsewhere")), qPrintable(failed->message()));
    }
};

QTEST_GUILESS_MAIN(TestSchedulerAgent)
#include "tst_scheduleragent.moc"

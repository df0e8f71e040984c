// Continuous CDC runs (issue 17): `syncbridge-cli run <cdc-definition> --for SECONDS | --until-idle`
// keeps the replication stream open against the real PostgreSQL (wal_level=logical) and the real
// emulator. Changes committed while it streams arrive; --until-idle ends by itself, not while the
// writes wait for the budget (one batch in memory meanwhile); the options are
// refused for other modes; an idle captured table with a busy other one lets the slot advance;
// SIGKILL and SIGTERM mid-stream while writes go on deliver every change exactly once after a
// restart; the agent streams a scheduled CDC definition in sessions, each a claimed run, and stops on SIGTERM.
#include "cdctestbase.h"

#include "agent/scheduleragent.h"
#include "store/scheduleclaimrepository.h"
#include "store/sql.h"
#include "sync/runcontroller.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTimer>

#include <csignal>
#include <utility>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestCdcStream : public CdcTestBase
{
    Q_OBJECT

    void stopWithSigterm(QProcess &process, int withinMs)
    {
        QElapsedTimer stopping;
        stopping.start();
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY2(process.waitForFinished(withinMs), "still running after SIGTERM");
        qInfo("exited %lld ms after SIGTERM", stopping.elapsed());
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    }

    // What the run saved is what the slot holds as confirmed: nothing delivered is read again.
    void verifyDeliveredIsConfirmed(const QString &definition)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!slotActive(definition), 10000);
        const QString saved = savedPosition(definition);
        QVERIFY(!saved.isEmpty());
        QVERIFY2(slotConfirmedPast(definition, saved), qPrintable(saved));
    }

    // A yearly schedule: a drain would run once a year; a CDC definition streams all the time.
    void scheduleYearly()
    {
        QVERIFY(execute(m_store->connection(),
            QStringLiteral("UPDATE sync_definitions SET schedule_cron = '0 0 1 1 *', schedule_time_zone = 'UTC' WHERE name = 'Cdc'"))
                    .ok());
    }

private slots:
    void initTestCase()
    {
        startWith({});
        importDefinitionsJson({cdcDefinition(), definitionJson(QStringLiteral("Plain"), QStringLiteral("P "))});
        const RunOutcome load = push(QStringLiteral("Cdc"));
        QVERIFY2(load.status == RunStatus::Succeeded, qPrintable(described(load)));
    }

    void changesCommittedDuringAContinuousRunArrive()
    {
        QProcess cli;
        startCli(cli, QStringLiteral("Cdc"), {QStringLiteral("--for"), QStringLiteral("0")});
        QVERIFY(cli.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(slotActive(QStringLiteral("Cdc")), 60000);
        for (int i = 0; i < 5; ++i) {
            insertProjects(5000 + i * 10, 5009 + i * 10);
            QTest::qWait(300);
        }
        sql(QStringLiteral("UPDATE projects SET name = 'streamed' WHERE project_code = 'CDC-5003'"));
        sql(QStringLiteral("DELETE FROM projects WHERE project_code = 'CDC-5004'"));
        QTRY_VERIFY_WITH_TIMEOUT(
            itemOf(QStringLiteral("C "), QStringLiteral("CDC-5003")).value(QStringLiteral("name")).toString() == QLatin1String("streamed")
                && !itemOf(QStringLiteral("C "), QStringLiteral("CDC-5049")).isEmpty()
                && itemOf(QStringLiteral("C "), QStringLiteral("CDC-5004")).isEmpty(),
            60000);
        QCOMPARE(cli.state(), QProcess::Running); // still streaming: a drain ends before the first insert

        stopWithSigterm(cli, 10000);
        QVERIFY2(cli.exitCode() == 130, qPrintable(QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError())));
        const QList<SyncRun> runs = runsOf(QStringLiteral("Cdc"));
        QCOMPARE(runs.first().status, RunStatus::Cancelled); // newest first: recorded, not left RUNNING
        QCOMPARE(runs.first().counters.created, qint64(50)); // CDC-5004 too, deleted after
        QCOMPARE(runs.first().counters.deleted, qint64(1));
        verifyExactlyOnce(QStringLiteral("Cdc"), QStringLiteral("C "));
        verifyDeliveredIsConfirmed(QStringLiteral("Cdc"));
    }

    void untilIdleEndsOnceNothingArrives()
    {
        insertProjects(6000, 6099);
        QProcess cli;
        startCli(cli, QStringLiteral("Cdc"), {QStringLiteral("--until-idle")});
        QVERIFY2(cli.waitForFinished(120000), "--until-idle did not end");
        const QString out = QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
        QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0, qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("SUCCEEDED")), qPrintable(out));
        QVERIFY(!itemOf(QStringLiteral("C "), QStringLiteral("CDC-6099")).isEmpty());
        verifyExactlyOnce(QStringLiteral("Cdc"), QStringLiteral("C "));
        verifyDeliveredIsConfirmed(QStringLiteral("Cdc"));
    }

    // Backpressure: while the writes wait for the budget the run reads nothing more (one batch in
    // the process at most, the slot holds the rest), and a budget wait is not the quiet that ends it.
    void untilIdleWaitsOutTheBudgetWithOneBatchInMemory()
    {
        GovernorSettings budget; // a batch of 20 creates (2 RU each) every 8 s: longer than the quiet period
        budget.ruPerWindow = 40;
        budget.windowMs = 8000;
        budget.learnLimit = false;
        std::shared_ptr<Governor> unlimited = std::exchange(m_governor, std::make_shared<Governor>(budget));
        RunOptions options = pushOptions(20);
        options.cdcStreaming = RunOptions::CdcStreaming::UntilIdle;
        qint64 mostQueued = 0;
        qint64 mostLag = 0;
        bool written = false;
        const RunOutcome run = push(QStringLiteral("Cdc"), options, {}, [&](const RunProgress &progress) {
            if (progress.stream && !written) { // once it streams: 10 transactions of 10 rows, after the WAL end it began at
                written = true;
                sql(QStringLiteral("DO $$ BEGIN FOR t IN 0..9 LOOP INSERT INTO projects (project_code, name) SELECT 'CDC-' || i, 'budget '"
                                   " || i FROM generate_series(7000 + t * 10, 7009 + t * 10) i; COMMIT; END LOOP; END $$"));
            }
            if (progress.stream) {
                mostQueued = qMax(mostQueued, progress.stream->queued);
                mostLag = qMax(mostLag, progress.stream->lagBytes);
            }
        });
        m_governor = unlimited;
        QVERIFY2(run.status == RunStatus::Succeeded, qPrintable(described(run)));
        QVERIFY(run.counters.ruSpent >= 200);                                                  // 100 creates through the 40 RU windows
        QCOMPARE(run.counters.created, qint64(100));                                           // not ended by the first wait
        QVERIFY2(mostQueued > 0 && mostQueued <= 20, qPrintable(QString::number(mostQueued))); // shown while it waits
        QVERIFY(mostLag > 0);
        verifyExactlyOnce(QStringLiteral("Cdc"), QStringLiteral("C "));
    }

    void streamingOptionsAreRefusedForOtherModes()
    {
        for (const QStringList &option :
            {QStringList{QStringLiteral("--for"), QStringLiteral("10")}, QStringList{QStringLiteral("--until-idle")}}) {
            QProcess cli;
            startCli(cli, QStringLiteral("Plain"), option);
            QVERIFY(cli.waitForFinished(60000));
            const QString err = QString::fromUtf8(cli.readAllStandardError());
            QCOMPARE(cli.exitCode(), 64);
            QVERIFY2(err.contains(option.first()) && err.contains(QLatin1String("PUSH")), qPrintable(err));
        }
        QVERIFY(runsOf(QStringLiteral("Plain")).isEmpty());
    }

    // Other tables keep the server busy while the captured one is idle: the slot's confirmed position
    // moves past their writes during the run (the heartbeat, and keepalives confirmed when nothing of
    // ours is pending), so the server does not keep their WAL for the slot. The progress shows the stream.
    void anIdleCapturedTableLetsTheSlotAdvanceDuringAContinuousRun()
    {
        sql(QStringLiteral("CREATE TABLE busy (id serial PRIMARY KEY, payload text)"));
        // A probe slot of the test's own sees every logical message the run emits as its heartbeat.
        sql(QStringLiteral("SELECT pg_create_logical_replication_slot('heartbeat_probe', 'test_decoding')"));
        QString writtenEarly;
        bool confirmedDuringTheRun = false;
        std::optional<StreamProgress> shown;
        QTimer writes;
        connect(&writes, &QTimer::timeout, this, [&]() {
            sql(QStringLiteral("INSERT INTO busy (payload) SELECT md5(i::text) FROM generate_series(1, 200) i"));
            if (writtenEarly.isEmpty())
                writtenEarly = sql(QStringLiteral("SELECT pg_current_wal_lsn()")).trimmed();
            else if (!confirmedDuringTheRun && slotActive(QStringLiteral("Cdc")))
                confirmedDuringTheRun = slotConfirmedPast(QStringLiteral("Cdc"), writtenEarly);
        });
        writes.start(200);
        RunOptions options = pushOptions(500);
        options.cdcStreaming = RunOptions::CdcStreaming::Follow;
        options.followSeconds = 10;
        options.heartbeatSeconds = 1;
        const RunOutcome run = push(QStringLiteral("Cdc"), options, {}, [&](const RunProgress &progress) {
            if (progress.stream)
                shown = progress.stream;
        });
        writes.stop();
        const int heartbeats = count(QStringLiteral("SELECT count(*) FROM pg_logical_slot_get_changes('heartbeat_probe', NULL, NULL)"
                                                    " WHERE data LIKE 'message:%syncbridge-heartbeat%'"));
        sql(QStringLiteral("SELECT pg_drop_replication_slot('heartbeat_probe')"));
        QVERIFY2(run.status == RunStatus::Succeeded, qPrintable(described(run))); // --for ran out: a normal end
        qInfo("%d heartbeats in a 10 s run with the table idle", heartbeats);
        QVERIFY(heartbeats >= 2);
        QVERIFY(!writtenEarly.isEmpty());
        QVERIFY2(confirmedDuringTheRun, qPrintable(writtenEarly));
        QVERIFY(shown.has_value());
        QCOMPARE(shown->queued, qint64(0));
        QCOMPARE(run.counters.created + run.counters.updated + run.counters.deleted, qint64(0));
    }

    void killsAndStopsMidStreamWithWritesGoingOnDeliverExactlyOnce()
    {
        slowEmulator(5, 30);
        QRandomGenerator random(29);
        int next = 10000;
        int kills = 0;
        int stops = 0;
        for (int attempt = 0; attempt < 6; ++attempt) {
            QProcess cli;
            startCli(cli, QStringLiteral("Cdc"),
                {QStringLiteral("--page-size"), QStringLiteral("40"), QStringLiteral("--for"), QStringLiteral("0")});
            QVERIFY(cli.waitForStarted());
            QElapsedTimer writing;
            writing.start();
            const int streamFor = 1500 + int(random.bounded(3000));
            while (writing.elapsed() < streamFor) { // inserts, updates and deletes go on while it streams
                insertProjects(next, next + 29);
                sql(QStringLiteral("UPDATE projects SET budget_amount = budget_amount + 1 WHERE project_code = 'CDC-%1'").arg(next - 10));
                sql(QStringLiteral("DELETE FROM projects WHERE project_code = 'CDC-%1'").arg(next - 3));
                next += 30;
                QTest::qWait(100);
            }
            QVERIFY2(cli.state() == QProcess::Running, qPrintable(QString::fromUtf8(cli.readAllStandardError())));
            if (attempt % 2 == 0) {
                ::kill(pid_t(cli.processId()), SIGKILL);
                QVERIFY(cli.waitForFinished(30000));
                ++kills;
            } else {
                stopWithSigterm(cli, 10000);
                QVERIFY2(cli.exitCode() == 130, qPrintable(QString::fromUtf8(cli.readAllStandardError())));
                ++stops;
            }
        }
        slowEmulator(0, 0);
        const RunOutcome last = push(QStringLiteral("Cdc"));
        QVERIFY2(last.status == RunStatus::Succeeded, qPrintable(described(last)));
        qInfo("%d SIGKILLs, %d SIGTERMs, %d rows written; the last run created %lld, updated %lld, deleted %lld", kills, stops,
            next - 10000, last.counters.created, last.counters.updated, last.counters.deleted);
        verifyExactlyOnce(QStringLiteral("Cdc"), QStringLiteral("C "));
        QCOMPARE(itemOf(QStringLiteral("C "), QStringLiteral("CDC-%1").arg(next - 40)).value(QStringLiteral("budget_amount")).toDouble(),
            sql(QStringLiteral("SELECT budget_amount FROM projects WHERE project_code = 'CDC-%1'").arg(next - 40)).trimmed().toDouble());
    }

    // Sessions keep run records, leases and claims bounded: each ends when its time is up (SUCCEEDED)
    // and the next one is claimed at once; changes go on arriving across them; stop cancels the last.
    void theAgentStreamsInSessionsEachAClaimedRun()
    {
        scheduleYearly();
        const qint64 id = idOf(QStringLiteral("Cdc"));
        const int runsBefore = int(runsOf(QStringLiteral("Cdc")).size());
        const int claimsBefore = int(ScheduleClaimRepository(*m_store).claims(id)->size());
        RunController runs(m_store, m_secrets);
        AgentOptions options;
        options.name = QStringLiteral("sessions");
        options.streamSessionSeconds = 3;
        SchedulerAgent agent(m_store, runs, options);
        QSignalSpy started(&agent, &SchedulerAgent::started);
        agent.start();
        QVERIFY(started.wait(30000));
        insertProjects(30000, 30009);
        QTRY_VERIFY_WITH_TIMEOUT(!itemOf(QStringLiteral("C "), QStringLiteral("CDC-30009")).isEmpty(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(runsOf(QStringLiteral("Cdc")).size() >= runsBefore + 3, 60000);
        insertProjects(30010, 30019);
        QTRY_VERIFY_WITH_TIMEOUT(!itemOf(QStringLiteral("C "), QStringLiteral("CDC-30019")).isEmpty(), 60000);
        QSignalSpy stopped(&agent, &SchedulerAgent::stopped);
        agent.stop();
        QVERIFY(stopped.wait(30000));

        const QList<SyncRun> all = runsOf(QStringLiteral("Cdc"));
        const QList<SyncRun> sessions = all.mid(0, all.size() - runsBefore); // newest first
        QVERIFY(sessions.size() >= 3);
        QCOMPARE(sessions.first().status, RunStatus::Cancelled); // the one stop ended
        qint64 created = 0;
        for (const SyncRun &session : sessions) {
            QCOMPARE(session.trigger, RunTrigger::Scheduled);
            if (session.id != sessions.first().id)
                QCOMPARE(session.status, RunStatus::Succeeded);
            created += session.counters.created;
        }
        QCOMPARE(created, qint64(20));
        QCOMPARE(int(ScheduleClaimRepository(*m_store).claims(id)->size()), claimsBefore + int(sessions.size()));
        verifyExactlyOnce(QStringLiteral("Cdc"), QStringLiteral("C "));
        verifyDeliveredIsConfirmed(QStringLiteral("Cdc"));
    }

    // Last: the definition keeps its schedule.
    void theAgentStreamsAScheduledCdcDefinitionAndStopsOnSigterm()
    {
        scheduleYearly();
        const int runsBefore = int(runsOf(QStringLiteral("Cdc")).size());
        QProcess agent;
        startCliCommand(agent, {QStringLiteral("agent"), QStringLiteral("--name"), QStringLiteral("streamer")}, cliEnvironment());
        QVERIFY(agent.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(slotActive(QStringLiteral("Cdc")), 60000);
        for (int round = 0; round < 2; ++round) { // two batches, seconds apart: the same session streams both
            insertProjects(20000 + round * 100, 20049 + round * 100);
            QTRY_VERIFY_WITH_TIMEOUT(!itemOf(QStringLiteral("C "), QStringLiteral("CDC-%1").arg(20049 + round * 100)).isEmpty(), 60000);
        }
        const QList<SyncRun> during = runsOf(QStringLiteral("Cdc"));
        QCOMPARE(int(during.size()), runsBefore + 1);
        QCOMPARE(during.first().status, RunStatus::Running);
        QCOMPARE(during.first().trigger, RunTrigger::Scheduled);

        stopWithSigterm(agent, 30000);
        const QString out = QString::fromUtf8(agent.readAllStandardOutput());
        QVERIFY2(agent.exitCode() == 0, qPrintable(out + QString::fromUtf8(agent.readAllStandardError())));
        const QList<SyncRun> after = runsOf(QStringLiteral("Cdc"));
        QCOMPARE(after.first().id, during.first().id);
        QCOMPARE(after.first().status, RunStatus::Cancelled);
        QCOMPARE(after.first().counters.created, qint64(100));
        verifyExactlyOnce(QStringLiteral("Cdc"), QStringLiteral("C "));
        verifyDeliveredIsConfirmed(QStringLiteral("Cdc"));
    }
};

QTEST_GUILESS_MAIN(TestCdcStream)
#include "tst_cdcstream.moc"

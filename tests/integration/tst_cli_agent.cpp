// `syncbridge-cli agent` and `agents` as real processes on the suite's meta-store, with real push
// runs against PostgreSQL and the emulator: --once runs the due catch-up and exits; SIGTERM mid-run
// finishes, commits, gives the leases and claims back and exits 0 well within 30 s; SIGKILL mid-run
// leaves the occurrence to the next agent, which takes it over (the dead run INTERRUPTED) and runs it
// once. Many agents and occurrences: tst_scheduleragent.
#include "clirun.h"
#include "pushtestbase.h"

#include "store/leaserepository.h"
#include "store/runrepository.h"
#include "store/scheduleclaimrepository.h"
#include "store/sql.h"

#include <QElapsedTimer>
#include <QHostInfo>
#include <QJsonArray>

#include <csignal>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestCliAgent : public PushTestBase
{
    Q_OBJECT

    // A yearly schedule, imported now (nothing due yet).
    void importScheduled(QJsonObject definition)
    {
        definition.insert(QStringLiteral("schedule"),
            QJsonObject{{QStringLiteral("cron"), QStringLiteral("0 0 1 1 *")}, {QStringLiteral("timeZone"), QStringLiteral("UTC")}});
        importDefinitionsJson({definition});
    }

    // As if the schedule was saved two years ago: its latest occurrence (1 January) is due now, as a catch-up.
    void makeDue(const QString &name)
    {
        QVERIFY(execute(m_store->connection(), QStringLiteral("UPDATE sync_definitions SET updated_at = ? WHERE name = ?"),
            {toStoredTime(QDateTime::currentDateTimeUtc().addYears(-2)), name})
                    .ok());
    }

    void addScheduledDefinition(const QString &name, const QString &prefix)
    {
        importScheduled(definitionJson(name, prefix));
        makeDue(name);
    }

    CliRun cli(const QStringList &arguments)
    {
        QProcess process;
        startCliCommand(process, arguments, cliEnvironment());
        if (!process.waitForFinished(180000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
    }

    QJsonArray agentsJson()
    {
        const CliRun agents = cli({QStringLiteral("agents"), QStringLiteral("--json")});
        return QJsonDocument::fromJson(agents.out.toUtf8()).array();
    }

private slots:
    void initTestCase() { startWith({}); }

    void onceRunsWhatIsDueAndExits()
    {
        addScheduledDefinition(QStringLiteral("Nightly"), QStringLiteral("N "));
        const CliRun once
            = cli({QStringLiteral("agent"), QStringLiteral("--name"), QStringLiteral("nightly-agent"), QStringLiteral("--once")});
        QVERIFY2(once.exitCode == 0, qPrintable(once.out + once.err));
        QVERIFY2(once.out.contains(QStringLiteral("started catch-up run of 'Nightly'")), qPrintable(once.out));
        QVERIFY2(once.out.contains(QStringLiteral("SUCCEEDED")), qPrintable(once.out));
        QVERIFY2(!once.out.contains(QLatin1Char('\x1b')), "no escape codes when the output is not a terminal");
        const QList<SyncRun> runs = runsOf(QStringLiteral("Nightly"));
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().status, RunStatus::Succeeded);
        QCOMPARE(runs.first().trigger, RunTrigger::CatchUp);
        QCOMPARE(runs.first().agentName, QStringLiteral("nightly-agent"));
        verifyExactlyOnce(QStringLiteral("Nightly"), QStringLiteral("N "));

        // Started again: the occurrence ran, nothing is due.
        const CliRun again
            = cli({QStringLiteral("agent"), QStringLiteral("--name"), QStringLiteral("nightly-agent"), QStringLiteral("--once")});
        QCOMPARE(again.exitCode, 0);
        QCOMPARE(runsOf(QStringLiteral("Nightly")).size(), 1);
        QCOMPARE(agentsJson().size(), 0); // both deregistered

        // The run history says who ran it and why.
        const CliRun list = cli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--definition"), QStringLiteral("Nightly"),
            QStringLiteral("--json")});
        const QJsonObject run = QJsonDocument::fromJson(list.out.toUtf8()).array().first().toObject();
        QCOMPARE(run.value(QStringLiteral("trigger")).toString(), QStringLiteral("CATCH_UP"));
        QCOMPARE(run.value(QStringLiteral("agentName")).toString(), QStringLiteral("nightly-agent"));
        const CliRun text
            = cli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--definition"), QStringLiteral("Nightly")});
        QVERIFY2(text.out.contains(QStringLiteral("TRIGGER")) && text.out.contains(QStringLiteral("CATCH_UP"))
                && text.out.contains(QStringLiteral("nightly-agent")),
            qPrintable(text.out));
    }

    void sigtermMidRunCommitsGivesBackAndExitsZero()
    {
        addScheduledDefinition(QStringLiteral("Stopped"), QStringLiteral("T "));
        const qint64 id = idOf(QStringLiteral("Stopped"));
        slowEmulator(10, 30);
        QProcess agent;
        startCliCommand(agent, {QStringLiteral("agent"), QStringLiteral("--name"), QStringLiteral("stopper")}, cliEnvironment());
        QTRY_VERIFY_WITH_TIMEOUT(LedgerRepository(*m_store).entries(id)->size() > 200, 120000); // mid-push
        const QJsonArray agents = agentsJson();
        QCOMPARE(agents.size(), 1);
        const QJsonObject listed = agents.first().toObject();
        QCOMPARE(listed.value(QStringLiteral("name")).toString(), QStringLiteral("stopper"));
        QCOMPARE(listed.value(QStringLiteral("host")).toString(), QHostInfo::localHostName());
        QCOMPARE(listed.value(QStringLiteral("running")).toArray(), QJsonArray{QStringLiteral("Stopped")});

        QElapsedTimer stopping;
        stopping.start();
        ::kill(pid_t(agent.processId()), SIGTERM);
        QVERIFY2(agent.waitForFinished(30000), "the agent was still running 30 s after SIGTERM");
        qInfo("syncbridge-cli agent exited %lld ms after SIGTERM", stopping.elapsed());
        slowEmulator(0, 0);
        const QString out = QString::fromUtf8(agent.readAllStandardOutput());
        QCOMPARE(agent.exitStatus(), QProcess::NormalExit);
        QVERIFY2(agent.exitCode() == 0, qPrintable(out + QString::fromUtf8(agent.readAllStandardError())));
        QVERIFY2(out.contains(QStringLiteral("stopping")) && out.contains(QStringLiteral("agent stopper stopped")), qPrintable(out));

        const QList<SyncRun> runs = runsOf(QStringLiteral("Stopped"));
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs.first().status, RunStatus::Cancelled);
        QVERIFY(runs.first().counters.created > 0); // what was answered stays committed
        QVERIFY2(!LeaseRepository(*m_store).holder(id)->has_value(), "the run lease is given back");
        const QList<ScheduleClaim> claims = ScheduleClaimRepository(*m_store).claims(id).value();
        QCOMPARE(claims.size(), 1);
        QCOMPARE(claims.first().outcome, QStringLiteral("CANCELLED"));
        QCOMPARE(claims.first().runId, runs.first().id);
        QCOMPARE(agentsJson().size(), 0);
    }

    void sigkillMidRunLeavesTheOccurrenceToTheNextAgentOnce()
    {
        addScheduledDefinition(QStringLiteral("Killed"), QStringLiteral("K "));
        const qint64 id = idOf(QStringLiteral("Killed"));
        slowEmulator(20, 60);
        QProcess dying;
        startCliCommand(dying, {QStringLiteral("agent"), QStringLiteral("--name"), QStringLiteral("dying")}, cliEnvironment());
        QTRY_VERIFY_WITH_TIMEOUT(LedgerRepository(*m_store).entries(id)->size() > 200, 120000); // mid-push
        ::kill(pid_t(dying.processId()), SIGKILL);
        QVERIFY(dying.waitForFinished());
        slowEmulator(0, 0);
        QCOMPARE(runsOf(QStringLiteral("Killed")).first().status, RunStatus::Running); // as the killed process left it

        // Another agent on this host sees the holder's process gone and takes the occurrence over.
        const CliRun rescuer
            = cli({QStringLiteral("agent"), QStringLiteral("--name"), QStringLiteral("rescuer"), QStringLiteral("--once")});
        QVERIFY2(rescuer.exitCode == 0, qPrintable(rescuer.out + rescuer.err));
        const QList<SyncRun> runs = runsOf(QStringLiteral("Killed")); // newest first
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs.at(1).status, RunStatus::Interrupted);
        QCOMPARE(runs.at(1).agentName, QStringLiteral("dying"));
        QCOMPARE(runs.at(0).status, RunStatus::Succeeded);
        QCOMPARE(runs.at(0).agentName, QStringLiteral("rescuer"));
        QCOMPARE(runs.at(0).trigger, RunTrigger::CatchUp);
        const QList<ScheduleClaim> claims = ScheduleClaimRepository(*m_store).claims(id).value();
        QCOMPARE(claims.size(), 1); // one occurrence, run to its end once
        QCOMPARE(claims.first().agent, QStringLiteral("rescuer"));
        QCOMPARE(claims.first().outcome, QStringLiteral("SUCCEEDED"));
        QCOMPARE(claims.first().runId, runs.at(0).id);
        verifyExactlyOnce(QStringLiteral("Killed"), QStringLiteral("K "));

        // And no further agent runs it again.
        QCOMPARE(cli({QStringLiteral("agent"), QStringLiteral("--name"), QStringLiteral("late"), QStringLiteral("--once")}).exitCode, 0);
        QCOMPARE(runsOf(QStringLiteral("Killed")).size(), 2);
    }

    void aScheduledRunHoldsMassDeletesBackAndPausesItsSchedule()
    {
        sql(QStringLiteral("CREATE TABLE scan_projects (LIKE projects INCLUDING ALL)"));
        sql(QStringLiteral("INSERT INTO scan_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 100"));
        importScheduled(fullScanDefinitionJson());
        QCOMPARE(push(QStringLiteral("Scan")).counters.created, 100);
        // Half the rows gone from the source: far past the breaker's 20 %. Nobody is there to ask.
        sql(QStringLiteral("DELETE FROM scan_projects WHERE id <= 50"));
        makeDue(QStringLiteral("Scan"));
        const CliRun agent = cli({QStringLiteral("agent"), QStringLiteral("--name"), QStringLiteral("careful"), QStringLiteral("--once")});
        QVERIFY2(agent.exitCode == 0, qPrintable(agent.out + agent.err));
        QVERIFY2(agent.out.contains(QStringLiteral("'Scan': deletions held back by the circuit breaker: 50; its schedule is paused")),
            qPrintable(agent.out));
        const SyncRun run = runsOf(QStringLiteral("Scan")).constFirst();
        QCOMPARE(run.trigger, RunTrigger::CatchUp);
        QCOMPARE(run.status, RunStatus::PartiallyFailed);
        QCOMPARE(run.counters.deleted, 0);
        QCOMPARE(listContents(QStringLiteral("S ")).value(QStringLiteral("All")).size(), 100);
        QVERIFY(DefinitionRepository(*m_store).byName(QStringLiteral("Scan"))->schedulePaused);
    }
};

QTEST_GUILESS_MAIN(TestCliAgent)
#include "tst_cli_agent.moc"

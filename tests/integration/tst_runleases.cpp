// One writing run per definition across processes, against a real PostgreSQL, the emulator and real
// syncbridge-cli processes sharing one meta-store: runs started together run once and the others say
// who holds the definition; a killed holder, or one that stopped renewing its lease, is taken over
// and its run marked INTERRUPTED. (The lease's SQL on SQLite and PostgreSQL: tst_storeleases.)
#include "pushoptions.h"
#include "pushtestbase.h"
#include "testpaths.h"

#include "store/connectionrepository.h"
#include "store/leaserepository.h"
#include "store/runrepository.h"
#include "store/storelocation.h"
#include "sync/runcontroller.h"

#include <QHostInfo>
#include <QProcess>

#include <csignal>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestRunLeases : public PushTestBase
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        startWith({definitionJson(QStringLiteral("Together"), QStringLiteral("T ")),
            definitionJson(QStringLiteral("Killed"), QStringLiteral("K ")),
            definitionJson(QStringLiteral("Abandoned"), QStringLiteral("A "))});
    }

    void runsStartedTogetherRunOnceAndTheOthersSayWhoHoldsIt()
    {
        // Two CLI processes and a run of the GUI's controller, started at the same moment.
        slowEmulator(10, 30);
        QProcess first, second;
        startCli(first, QStringLiteral("Together"));
        startCli(second, QStringLiteral("Together"));
        RunController controller(m_store, m_secrets);
        std::optional<RunOutcome> inProcess;
        connect(&controller, &RunController::finished, this, [&](qint64, const RunOutcome &outcome) { inProcess = outcome; });
        QVERIFY(controller.start(idOf(QStringLiteral("Together")), pushOptions(50)).ok());
        QTRY_VERIFY_WITH_TIMEOUT(inProcess.has_value(), 300000);
        for (QProcess *cli : {&first, &second})
            QVERIFY(cli->state() == QProcess::NotRunning || cli->waitForFinished(300000));
        slowEmulator(0, 0);

        const QString host = QHostInfo::localHostName();
        int ran = 0;
        for (QProcess *cli : {&first, &second}) {
            const QString err = QString::fromUtf8(cli->readAllStandardError());
            if (cli->exitCode() == 0) {
                ++ran;
                continue;
            }
            QCOMPARE(cli->exitCode(), 75);
            QVERIFY2(err.contains(QStringLiteral("This definition is running on %1 (pid ").arg(host)), qPrintable(err));
            qInfo("refused: %s", qPrintable(err.trimmed()));
        }
        if (inProcess->status == RunStatus::Succeeded) {
            ++ran;
        } else {
            QVERIFY(inProcess->error.has_value());
            QCOMPARE(inProcess->error->code(), ErrorCode::Busy);
            QCOMPARE(inProcess->runId, 0); // refused before it started: no run in the history
            QVERIFY2(inProcess->message.contains(QStringLiteral("This definition is running on %1 (pid ").arg(host)),
                qPrintable(inProcess->message));
            qInfo("refused: %s", qPrintable(inProcess->message));
        }
        QCOMPARE(ran, 1);
        QCOMPARE(runsOf(QStringLiteral("Together")).size(), 1);
        QVERIFY(!LeaseRepository(*m_store).holder(idOf(QStringLiteral("Together")))->has_value()); // given back
        verifyExactlyOnce(QStringLiteral("Together"), QStringLiteral("T "));
    }

    void runsStartedTogetherOnAPostgresStoreRunOnce()
    {
        // The team setup: agents share a PostgreSQL meta-store. Two CLI processes start one
        // definition at the same moment there.
        QVERIFY(m_postgres.createDatabase(QStringLiteral("meta")).ok());
        StoreLocation location;
        location.driver = StoreLocation::Driver::Postgres;
        location.host = m_postgres.host();
        location.port = m_postgres.port();
        location.databaseName = QStringLiteral("meta");
        location.userName = m_postgres.superuser();
        qputenv("PGPASSWORD", m_postgres.password().toUtf8());
        auto shared = MetaStore::open(location);
        QVERIFY2(shared.ok(), qPrintable(shared ? QString() : shared.error().toString()));
        ConnectionRepository from(*m_store), to(**shared);
        const QList<Database> databases = from.databases().value();
        const QList<SharePointConnection> connections = from.sharePointConnections().value();
        for (Database database : databases) {
            database.id = 0;
            for (DatabaseInstance &instance : database.instances)
                instance.id = instance.databaseId = 0;
            QVERIFY(to.saveDatabase(database).ok());
        }
        for (SharePointConnection connection : connections) {
            connection.id = 0;
            QVERIFY(to.saveSharePointConnection(connection).ok());
        }
        const auto imported = importDefinitions(**shared,
            QJsonDocument(QJsonObject{{QStringLiteral("definitions"),
                              QJsonArray{definitionJson(QStringLiteral("Shared store"), QStringLiteral("P "))}}})
                .toJson());
        QVERIFY(imported.ok() && imported->ok());

        slowEmulator(10, 30);
        const QString store = QStringLiteral("postgresql://%1@%2:%3/meta").arg(location.userName, location.host).arg(location.port);
        QProcess first, second;
        startCli(first, QStringLiteral("Shared store"), {QStringLiteral("--page-size"), QStringLiteral("50")}, store);
        startCli(second, QStringLiteral("Shared store"), {QStringLiteral("--page-size"), QStringLiteral("50")}, store);
        QVERIFY(first.waitForFinished(300000) && second.waitForFinished(300000));
        slowEmulator(0, 0);
        QList<int> exits{first.exitCode(), second.exitCode()};
        std::sort(exits.begin(), exits.end());
        const QString refusal = QString::fromUtf8(first.exitCode() == 75 ? first.readAllStandardError() : second.readAllStandardError());
        qInfo("exit codes %d and %d; refused: %s", exits.at(0), exits.at(1), qPrintable(refusal.trimmed()));
        QCOMPARE(exits, (QList<int>{0, 75}));
        QVERIFY2(refusal.contains(QStringLiteral("This definition is running on ")), qPrintable(refusal));

        QSet<QString> keys;
        int items = 0;
        for (const QJsonArray &list : listContents(QStringLiteral("P "))) {
            for (const QJsonValue &item : list) {
                keys.insert(item.toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("SyncBridgeKey")).toString());
                ++items;
            }
        }
        const int rows = sql(QStringLiteral("SELECT count(*) FROM projects")).toInt();
        QCOMPARE(items, rows);
        QCOMPARE(keys.size(), rows);
    }

    void aKilledHolderIsTakenOverByTheNextStart()
    {
        // Taken over at once: the killed process's last $batch may still be executing in the service
        // when the next run looks its creates up. What lands after the lookup is removed as a twin.
        slowEmulator(20, 60);
        QProcess holder;
        startCli(holder, QStringLiteral("Killed"));
        const qint64 id = idOf(QStringLiteral("Killed"));
        QTRY_VERIFY_WITH_TIMEOUT(LedgerRepository(*m_store).entries(id)->size() > 200, 120000); // mid-push
        QVERIFY(LeaseRepository(*m_store).holder(id)->has_value());
        ::kill(pid_t(holder.processId()), SIGKILL);
        QVERIFY(holder.waitForFinished());
        slowEmulator(0, 0);

        const RunOutcome next = push(QStringLiteral("Killed"));
        QVERIFY2(next.status == RunStatus::Succeeded, qPrintable(next.message));
        const QList<SyncRun> runs = runsOf(QStringLiteral("Killed"));
        QCOMPARE(runs.size(), 2);
        const auto killed = std::find_if(runs.cbegin(), runs.cend(), [&](const SyncRun &run) { return run.id != next.runId; });
        QCOMPARE(killed->status, RunStatus::Interrupted);
        QVERIFY2(killed->message.contains(QStringLiteral("ended before the run finished")), qPrintable(killed->message));
        verifyExactlyOnce(QStringLiteral("Killed"), QStringLiteral("K "));
    }

    void aHolderThatStopsRenewingIsWaitedForThenTakenOver()
    {
        // An agent on another machine holds the lease for a run it recorded as running.
        const qint64 id = idOf(QStringLiteral("Abandoned"));
        SyncRun elsewhere;
        elsewhere.definitionId = id;
        elsewhere.agent = QStringLiteral("build-02:4711");
        elsewhere.startedAt = QDateTime::currentDateTimeUtc().addSecs(-600);
        QVERIFY(RunRepository(*m_store).startRun(elsewhere).ok());
        LeaseRepository leases(*m_store);
        const QString token = QStringLiteral("agent-build-02");
        QCOMPARE(leases.acquire(id, token, elsewhere.agent, elsewhere.startedAt, 3600 * 1000)->token, token);
        QVERIFY(leases.setRun(id, token, elsewhere.id).ok());

        const RunOutcome refused = push(QStringLiteral("Abandoned"));
        QCOMPARE(refused.status, RunStatus::Failed);
        QCOMPARE(refused.error->code(), ErrorCode::Busy);
        QVERIFY2(refused.message.contains(QStringLiteral("running on build-02 (pid 4711) since")), qPrintable(refused.message));
        QCOMPARE(RunRepository(*m_store).run(elsewhere.id)->status, RunStatus::Running); // its process may be alive

        // It stops renewing: its last renewal ran out a minute ago.
        QCOMPARE(leases.acquire(id, token, elsewhere.agent, QDateTime::currentDateTimeUtc().addSecs(-120), 60 * 1000)->token, token);
        QVERIFY(leases.setRun(id, token, elsewhere.id).ok());
        const RunOutcome takeover = push(QStringLiteral("Abandoned"));
        QVERIFY2(takeover.status == RunStatus::Succeeded, qPrintable(takeover.message));
        QCOMPARE(takeover.counters.created, 5000);
        const SyncRun interrupted = *RunRepository(*m_store).run(elsewhere.id);
        QCOMPARE(interrupted.status, RunStatus::Interrupted);
        QVERIFY2(interrupted.message.contains(QStringLiteral("build-02 (pid 4711) stopped renewing its lease")),
            qPrintable(interrupted.message));
        verifyExactlyOnce(QStringLiteral("Abandoned"), QStringLiteral("A "));
    }
};

QTEST_GUILESS_MAIN(TestRunLeases)
#include "tst_runleases.moc"

// The push engine when things break mid-push: syncbridge-cli killed with SIGKILL at random moments,
// an emulator injecting 503s, 429s, dropped connections and latency, the primary database stopped
// (failover to the standby), and every token revoked. Every row still arrives exactly once.
#include "pushoptions.h"
#include "pushtestbase.h"
#include "testpaths.h"

#include "store/connectionrepository.h"
#include "store/runrepository.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRandomGenerator>

#include <csignal>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestPushResilience : public PushTestBase
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        startWith({definitionJson(QStringLiteral("Crash"), QStringLiteral("C ")), definitionJson(QStringLiteral("Faults"), QStringLiteral("F "))});
    }

    void crashAtRandomMomentsLosesAndDuplicatesNothing()
    {
        // Slow the emulator so the push outlasts ten kills and a kill lands mid-batch as well as between pages.
        m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), 20}, {QStringLiteral("randomMaxMs"), 60}}}});
        QRandomGenerator random(20261122);
        int kills = 0;
        for (int attempt = 0; attempt < 40 && kills < 10; ++attempt) {
            QProcess run;
            startCli(run, QStringLiteral("Crash"));
            QVERIFY(run.waitForStarted());
            if (!run.waitForFinished(300 + int(random.bounded(700)))) {
                ::kill(pid_t(run.processId()), SIGKILL);
                run.waitForFinished();
                ++kills;
            }
        }
        m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), 0}, {QStringLiteral("randomMaxMs"), 0}}}});
        QProcess last;
        startCli(last, QStringLiteral("Crash"));
        QVERIFY(last.waitForFinished(300000));
        QVERIFY2(last.exitCode() == 0, last.readAllStandardError().constData());
        qInfo("killed syncbridge-cli %d times during the push; the final run: %s", kills, last.readAllStandardOutput().trimmed().constData());
        QCOMPARE(kills, 10);
        verifyExactlyOnce(QStringLiteral("Crash"), QStringLiteral("C "));
    }

    void allRowsArriveDespiteFaults()
    {
        // 9 % 500/502/504, 0.5 % 503 and 0.5 % 429 (Retry-After 1 s), 2 % dropped connections, random
        // latency. Every throttle pauses the tenant's requests for its Retry-After (the governor's
        // storm handling): a realistic storm, not one throttle per batch, keeps the test short.
        QJsonArray statuses;
        for (int i = 0; i < 6; ++i)
            statuses << 500 << 502 << 504;
        statuses << 503 << 429;
        QCOMPARE(
            m_emulator
                .admin("PATCH", QStringLiteral("/config"),
                    {{QStringLiteral("seed"), 11},
                        {QStringLiteral("faults"),
                            QJsonObject{{QStringLiteral("errorRate"), 0.10}, {QStringLiteral("errorStatuses"), statuses},
                                {QStringLiteral("retryAfterSeconds"), 1}, {QStringLiteral("dropRate"), 0.02}}},
                        {QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), 0}, {QStringLiteral("randomMaxMs"), 20}}}})
                .status,
            200);
        // Rows that failed twice back off (30 s, then more): "Retry now" between runs, as a user would.
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Faults"))->id;
        QList<RunOutcome> runs;
        for (int run = 0; run < 8; ++run) { // each retry faces the faults again: about a tenth fails each time
            runs << push(QStringLiteral("Faults"), pushOptions(500));
            if (runs.last().status == RunStatus::Succeeded)
                break;
            QVERIFY(LedgerRepository(*m_store).makeRetriesDue(id, QDateTime::currentDateTimeUtc()).ok());
        }
        QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("errorRate"), 0.0}, {QStringLiteral("dropRate"), 0.0}}},
                                                                       {QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMaxMs"), 0}}}}).status, 200);
        QStringList summary;
        for (const RunOutcome &run : std::as_const(runs))
            summary << QStringLiteral("%1 (%2)").arg(enumName(run.status), run.message);
        qInfo("runs under faults: %s", qPrintable(summary.join(QStringLiteral(" | "))));
        QCOMPARE(runs.last().status, RunStatus::Succeeded);
        const QJsonObject stats = m_emulator.admin("GET", QStringLiteral("/stats")).json();
        QVERIFY(stats.value(QStringLiteral("injectedFailures")).toInt() > 100);
        QVERIFY(stats.value(QStringLiteral("dropped")).toInt() > 0);
        verifyExactlyOnce(QStringLiteral("Faults"), QStringLiteral("F "));
    }

    void aStatementTimeoutOnTheSourceDoesNotFailALongRun()
    {
        // A source with statement_timeout = 1 s and writes that take longer than that: the window's
        // COPY used to stay open across them — wide rows (20 MB) do not fit the socket buffers, so
        // the statement was still sending — and was cancelled (57014). Now it is read and its
        // transaction closed before the first write.
        sql(QStringLiteral("CREATE TABLE wide_projects (LIKE projects INCLUDING ALL); ALTER TABLE wide_projects ADD COLUMN notes text;"
                           " INSERT INTO wide_projects OVERRIDING SYSTEM VALUE SELECT *, repeat(md5(id::text), 128) FROM projects"));
        QJsonObject definition = definitionJson(QStringLiteral("Timeout"), QStringLiteral("O "));
        definition.insert(QStringLiteral("source"),
            QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("wide_projects")}});
        importDefinitionsJson({definition});
        sql(QStringLiteral("ALTER DATABASE demo SET statement_timeout = '1s'"));
        m_emulator.admin("PATCH", QStringLiteral("/config"),
            {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), 20}, {QStringLiteral("randomMaxMs"), 60}}}});
        QElapsedTimer took;
        took.start();
        const RunOutcome run = push(QStringLiteral("Timeout"));
        const qint64 seconds = took.elapsed() / 1000;
        m_emulator.admin("PATCH", QStringLiteral("/config"),
            {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), 0}, {QStringLiteral("randomMaxMs"), 0}}}});
        sql(QStringLiteral("ALTER DATABASE demo RESET statement_timeout"));
        QVERIFY2(run.status == RunStatus::Succeeded, qPrintable(run.message));
        QVERIFY2(seconds >= 2, "the writes must outlast the timeout for the test to mean anything");
        verifyExactlyOnce(QStringLiteral("Timeout"), QStringLiteral("O "));
    }

    void primaryStoppedMidRunFailsOverToTheStandby()
    {
        // Two servers holding the same rows stand in for a primary and its standby. The primary is
        // stopped while the run writes; the run reconnects to the standby and carries on from its
        // cursor: every row once, and an event says what happened.
        PostgresFixture primary, standby;
        for (PostgresFixture *server : {&primary, &standby}) {
            QVERIFY(server->start().ok());
            QVERIFY(server->createDatabase(QStringLiteral("demo")).ok());
            QVERIFY(server->runSqlFile(QStringLiteral("demo"), demoSqlPath()).ok());
        }
        Database database = primary.databaseConnection(QStringLiteral("demo"), QStringLiteral("Demo HA"));
        database.instances[0].secretRef = QStringLiteral("postgres/ha-primary");
        DatabaseInstance second = standby.databaseConnection(QStringLiteral("demo")).instances.first();
        second.name = QStringLiteral("standby");
        second.role = InstanceRole::Standby;
        second.secretRef = QStringLiteral("postgres/ha-standby");
        database.instances << second;
        QVERIFY(writeSecretBlocking(m_secrets, QStringLiteral("postgres/ha-primary"), primary.password()).ok());
        QVERIFY(writeSecretBlocking(m_secrets, QStringLiteral("postgres/ha-standby"), standby.password()).ok());
        QVERIFY(ConnectionRepository(*m_store).saveDatabase(database).ok());
        addDefinition(QStringLiteral("Failover"), QStringLiteral("HA "), QStringLiteral("Demo HA"));

        RunOptions options;
        options.pageSize = 200;
        options.streamWindowRows = 200;   // every page asks the server, so the stop is noticed at once
        qint64 createdAtStop = -1;
        const RunOutcome outcome = push(QStringLiteral("Failover"), options, {}, [&](const RunProgress &progress) {
            if (createdAtStop < 0 && progress.phase == RunPhase::Pushing && progress.counters.created >= 1000) {
                createdAtStop = progress.counters.created;
                QVERIFY(primary.stop().ok());
            }
        });
        QVERIFY(createdAtStop >= 1000 && createdAtStop < 5000);
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.message));
        QCOMPARE(outcome.counters.created, 5000);
        QCOMPARE(outcome.counters.rowsRead, 5000);
        const auto events = RunRepository(*m_store).events(outcome.runId);
        const auto failover = std::find_if(events->cbegin(), events->cend(), [](const RunEvent &e) { return e.type == QLatin1String("failover"); });
        QVERIFY(failover != events->cend());
        QCOMPARE(failover->severity, EventSeverity::Warning);
        QVERIFY2(failover->message.contains(QStringLiteral("continuing on 'standby'")), qPrintable(failover->message));
        verifyExactlyOnce(QStringLiteral("Failover"), QStringLiteral("HA "), &standby);
    }

    void tokenExpiringMidRunIsRenewed()
    {
        // Every token the tenant issued is revoked while the run writes: the writes in flight get 401,
        // the client fetches a new token once and sends them again; nothing fails or doubles.
        addDefinition(QStringLiteral("Token"), QStringLiteral("T "));
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/stats/reset")).status, 204);
        bool expired = false;
        const RunOutcome outcome = push(QStringLiteral("Token"), pushOptions(200), {}, [&](const RunProgress &progress) {
            if (!expired && progress.phase == RunPhase::Pushing && progress.counters.created >= 1000) {
                expired = true;
                QCOMPARE(m_emulator.admin("POST", QStringLiteral("/tokens/expire")).status, 204);
            }
        });
        QVERIFY(expired);
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.message));
        QCOMPARE(outcome.counters.created, 5000);
        QCOMPARE(outcome.counters.failed, 0);
        const QJsonObject stats = m_emulator.admin("GET", QStringLiteral("/stats")).json();
        QVERIFY2(stats.value(QStringLiteral("responsesByStatus")).toObject().value(QStringLiteral("401")).toInt() >= 1, "no request met the expired token");
        QVERIFY(stats.value(QStringLiteral("requestsByKind")).toObject().value(QStringLiteral("token")).toInt() >= 2);
        verifyExactlyOnce(QStringLiteral("Token"), QStringLiteral("T "));
    }
};

QTEST_GUILESS_MAIN(TestPushResilience)
#include "tst_pushresilience.moc"

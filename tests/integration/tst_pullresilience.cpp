// A pull killed with SIGKILL (a real `syncbridge-cli run` process) at random moments, then run to its
// end: every SharePoint item is exactly one row, the ledger names each once, nothing waits.
#include "pulltestbase.h"

#include <QRandomGenerator>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class PullResilienceTest : public PullTestBase
{
    Q_OBJECT

    int count(const QString &statement) { return sql(statement).toInt(); }

private slots:
    void initTestCase()
    {
        startWith({});
        sql(QStringLiteral("CREATE TABLE crowd (id serial PRIMARY KEY, name text NOT NULL, email text UNIQUE, sp_id int,"
                           " updated_at timestamptz NOT NULL DEFAULT now())"));
        const QString list = m_emulator.createList(QStringLiteral("Crowd"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("PersonName")}, {QStringLiteral("text"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Email")}, {QStringLiteral("text"), QJsonObject{}}}});
        QCOMPARE(m_emulator
                     .admin("POST", QStringLiteral("/lists/%1/generate").arg(list),
                         QJsonObject{{QStringLiteral("count"), 3000},
                             {QStringLiteral("fields"),
                                 QJsonObject{{QStringLiteral("PersonName"), QStringLiteral("Person {n}")},
                                     {QStringLiteral("Email"), QStringLiteral("p{n}@example.com")}}}})
                     .status,
            200);
        QJsonObject id = pullMapping(QStringLiteral("sp_id"), QStringLiteral("ID"), QStringLiteral("PULL_ONLY"));
        id.insert(QStringLiteral("system"), true);
        importDefinitionsJson(
            {syncDefinitionJson(QStringLiteral("Crowd"), QStringLiteral("PULL"), QStringLiteral("crowd"), QStringLiteral("Crowd"),
                QJsonArray{pullMapping(QStringLiteral("name"), QStringLiteral("PersonName"), QStringLiteral("PULL_ONLY")),
                    pullMapping(QStringLiteral("email"), QStringLiteral("Email"), QStringLiteral("PULL_ONLY")), id})});
        // Slow enough that a kill lands inside the run.
        QCOMPARE(m_emulator
                     .admin("PATCH", QStringLiteral("/config"),
                         QJsonObject{{QStringLiteral("latency"), QJsonObject{{QStringLiteral("fixedMs"), 30}}}})
                     .status,
            200);
    }

    void aPullKilledAtRandomMomentsLosesAndDuplicatesNothing()
    {
        QRandomGenerator random(16);
        int kills = 0;
        for (int attempt = 0; attempt < 4; ++attempt) {
            const int before = count(QStringLiteral("SELECT count(*) FROM crowd"));
            if (before >= 3000)
                break;
            QProcess cli;
            startCli(cli, QStringLiteral("Crowd"));
            QVERIFY(cli.waitForStarted());
            // Killed once it has written some rows, a random number of milliseconds later.
            QTRY_VERIFY_WITH_TIMEOUT(
                count(QStringLiteral("SELECT count(*) FROM crowd")) > before || cli.state() == QProcess::NotRunning, 60000);
            QTest::qWait(int(random.bounded(400)));
            killIfRunning(cli, kills);
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY(kills > 0);
        QCOMPARE(m_emulator
                     .admin("PATCH", QStringLiteral("/config"),
                         QJsonObject{{QStringLiteral("latency"), QJsonObject{{QStringLiteral("fixedMs"), 0}}}})
                     .status,
            200);
        const RunOutcome outcome = pull(QStringLiteral("Crowd"));
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(described(outcome)));
        qInfo("%d kills; the last run created %lld and updated %lld rows", kills, outcome.counters.created, outcome.counters.updated);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM crowd")), 3000);
        QCOMPARE(count(QStringLiteral("SELECT count(DISTINCT sp_id) FROM crowd")), 3000);
        QCOMPARE(count(QStringLiteral(
                     "SELECT count(*) FROM crowd WHERE email <> 'p' || (sp_id - (SELECT min(sp_id) FROM crowd) + 1) || '@example.com'")),
            0);
        const auto ledger = LedgerRepository(*m_store).entries(definitionId(QStringLiteral("Crowd")));
        QCOMPARE(ledger->size(), 3000);
        for (const LedgerEntry &entry : *ledger)
            QCOMPARE(entry.state, LedgerState::Synced);
        QCOMPARE(outcome.rowsWaiting, 0);
        // And the next run has nothing to write.
        const RunOutcome again = pull(QStringLiteral("Crowd"));
        QCOMPARE(again.counters.created + again.counters.updated, 0);
    }

    void cleanupTestCase() { m_store.reset(); }
};

QTEST_GUILESS_MAIN(PullResilienceTest)
#include "tst_pullresilience.moc"

// Two-way runs against what other writers and a crash do to them: a row deleted in the database
// between the run's read and its write stays deleted (the next run takes the delete to SharePoint),
// and `syncbridge-cli run` killed with SIGKILL at random moments while both sides go on being edited,
// then run until quiet, leaves both sides equal, nothing duplicated, and a last run that writes nothing;
// a run killed while its creates are on their way leaves the next run nothing to create twice, and
// rows deleted meanwhile stay deleted, their items gone and nothing of them left in the ledger.
#include "twowaytestbase.h"

#include "source/pgsession.h"
#include "store/ledgerrepository.h"

#include <QRandomGenerator>

#include <pqxx/transaction>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TwoWayResilienceTest : public TwoWayTestBase
{
    Q_OBJECT

    void setLatency(int milliseconds)
    {
        QCOMPARE(m_emulator
                     .admin("PATCH", QStringLiteral("/config"),
                         QJsonObject{{QStringLiteral("latency"), QJsonObject{{QStringLiteral("fixedMs"), milliseconds}}}})
                     .status,
            200);
    }

    // Edits as people make them, `count` on each side: database updates (now and then an insert or a
    // delete), SharePoint edits by two people (now and then a new item or a deleted one).
    void editBothSides(const QString &name, const QString &list, QRandomGenerator &random, int count, int &nextRow, int &nextItem)
    {
        const QStringList rows = databaseSide(name).keys();
        for (int i = 0; i < count && !rows.isEmpty(); ++i) {
            const QString key = rows.at(int(random.bounded(rows.size())));
            switch (random.bounded(8)) {
            case 0:
                sql(QStringLiteral("INSERT INTO \"%1\" (id, name, score) VALUES (%2, 'new %2', 1)").arg(name).arg(nextRow++));
                break;
            case 1:
                sql(QStringLiteral("DELETE FROM \"%1\" WHERE id = %2").arg(name, key));
                break;
            default:
                sql(QStringLiteral("UPDATE \"%1\" SET name = 'db %2', updated_at = now() WHERE id = %3")
                        .arg(name)
                        .arg(random.bounded(1000))
                        .arg(key));
            }
        }
        const QJsonArray all = items(list);
        for (int i = 0; i < count && !all.isEmpty(); ++i) {
            const QString item = all.at(int(random.bounded(all.size()))).toObject().value(QStringLiteral("id")).toString();
            switch (random.bounded(8)) {
            case 0:
                QVERIFY(!personCreate(
                    list, {{QStringLiteral("RowKey"), nextItem}, {QStringLiteral("PersonName"), QStringLiteral("item %1").arg(nextItem)}})
                             .isEmpty());
                ++nextItem;
                break;
            case 1:
                personDelete(list, item); // 404 when an earlier edit of this round deleted it already
                break;
            default:
                personEdit(list, item, {{QStringLiteral("Score"), int(random.bounded(1000))}}, random.bounded(2) ? adele : alex);
            }
        }
    }

private slots:
    void initTestCase() { startWith({}); }

    void aRowDeletedWhileTheRunWritesItStaysDeleted()
    {
        const QString list = setUp(QStringLiteral("tw_gone"), QStringLiteral("SOURCE_WINS"),
            QStringLiteral("(1, 'Ann', 'ann@example.com', 10, true), (2, 'Bob', NULL, 20, false), (3, 'Cy', NULL, 30, true),"
                           " (4, 'Di', NULL, 40, true), (5, 'Ed', NULL, 50, false)"));
        QCOMPARE(twoWay(QStringLiteral("tw_gone")).counts.itemsCreated, 5);
        // SharePoint changes row 1; a database session deletes it and commits only once the run's
        // write of SharePoint's change waits for that row: the run read the row, the row is gone.
        QCOMPARE(personEdit(list, itemOfKey(list, 1), {{QStringLiteral("Score"), 99}}), 200);
        Database database = m_postgres.databaseConnection(QStringLiteral("demo"));
        auto session = PgSession::openInstance(database, database.instances.first(), m_postgres.password());
        QVERIFY(session.ok());
        QProcess cli;
        {
            pqxx::work deleting((*session)->connection());
            deleting.exec("DELETE FROM tw_gone WHERE id = 1");
            startCli(cli, QStringLiteral("tw_gone"));
            QVERIFY(cli.waitForStarted());
            QTRY_VERIFY_WITH_TIMEOUT(sql(QStringLiteral("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                                                        " AND query LIKE 'UPDATE%tw_gone%'"))
                        == QStringLiteral("1")
                    || cli.state() == QProcess::NotRunning,
                60000);
            QCOMPARE(cli.state(), QProcess::Running);
            deleting.commit();
        }
        QVERIFY(cli.waitForFinished(60000));
        const QString output = QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
        QVERIFY2(cli.exitStatus() == QProcess::NormalExit && cli.exitCode() == 0, qPrintable(output));
        // Not inserted back with SharePoint's side of it.
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM tw_gone WHERE id = 1")), QStringLiteral("0"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM tw_gone")), QStringLiteral("4"));

        // The next run sees a row deleted in the database: its item goes, and both sides agree.
        const Outcome next = twoWay(QStringLiteral("tw_gone"));
        QVERIFY2(next.run.status == RunStatus::Succeeded, qPrintable(described(next.run)));
        QCOMPARE(next.counts.itemsDeleted, 1);
        QCOMPARE(next.counts.databaseWrites(), 0);
        QVERIFY(itemOfKey(list, 1).isEmpty());
        verifyConverged(QStringLiteral("tw_gone"), list);
    }

    void aRunKilledWhileItsCreatesAreOnTheirWayCreatesNoTwin()
    {
        const QString name = QStringLiteral("tw_inflight");
        const QString list = setUp(name, QStringLiteral("SOURCE_WINS"));
        sql(QStringLiteral("INSERT INTO tw_inflight (id, name, score) SELECT g, 'row ' || g, g FROM generate_series(1, 400) g"));
        // Every answer takes 2 s, and the emulator carries a request out after its client died, as
        // SharePoint does with one it received: the creates on their way at the kill land after it.
        setLatency(2000);
        QProcess cli;
        startCli(cli, name);
        QVERIFY(cli.waitForStarted());
        // The creates' intents are recorded just before their batches go out.
        QTRY_VERIFY_WITH_TIMEOUT(
            !LedgerRepository(*m_store).entries(definitionId(name), LedgerState::Pending)->isEmpty() || cli.state() != QProcess::Running,
            120000);
        QCOMPARE(cli.state(), QProcess::Running);
        QTest::qWait(500); // the first batches reach the emulator, whose answers come 1.5 s later
        int kills = 0;
        killIfRunning(cli, kills);
        QCOMPARE(kills, 1);
        setLatency(0);
        const qint64 landedAtKill = items(list).size();

        // The next run starts at once; what it creates must not meet a create of the dead run.
        const Outcome next = twoWay(name);
        QVERIFY2(next.run.status == RunStatus::Succeeded, qPrintable(described(next.run)));
        QTest::qWait(2500); // whatever the killed process sent has landed by now
        const QHash<QString, int> perKey = itemsPerKey(list);
        for (auto it = perKey.cbegin(); it != perKey.cend(); ++it)
            QVERIFY2(it.value() == 1, qPrintable(QStringLiteral("%1 items carry SyncBridgeKey %2").arg(it.value()).arg(it.key())));
        QCOMPARE(perKey.size(), 400);
        // The dead run's creates were paired with their rows, some of them landing only after the kill.
        QVERIFY2(next.counts.matched > landedAtKill,
            qPrintable(QStringLiteral("%1 matched, %2 there at the kill").arg(next.counts.matched).arg(landedAtKill)));
        QCOMPARE(next.counts.itemsCreated + next.counts.matched, 400);
        qInfo("%lld items there at the kill, %lld of the dead run's creates paired, %lld created by the next run", landedAtKill,
            next.counts.matched, next.counts.itemsCreated);
        verifyConverged(name, list);
    }

    void aRowDeletedWhileItsCreateIsOnItsWayStaysDeleted()
    {
        const QString name = QStringLiteral("tw_createdgone");
        const QString list = setUp(name, QStringLiteral("SOURCE_WINS"));
        sql(QStringLiteral("INSERT INTO tw_createdgone (id, name, score) SELECT g, 'row ' || g, g FROM generate_series(1, 400) g"));
        setLatency(2000); // as above: the creates on their way at the kill land after it
        QProcess cli;
        startCli(cli, name);
        QVERIFY(cli.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(
            !LedgerRepository(*m_store).entries(definitionId(name), LedgerState::Pending)->isEmpty() || cli.state() != QProcess::Running,
            120000);
        QCOMPARE(cli.state(), QProcess::Running);
        QTest::qWait(500);
        // Every tenth row is deleted while its create is on its way or still waits to be sent.
        sql(QStringLiteral("DELETE FROM tw_createdgone WHERE id % 10 = 0"));
        int kills = 0;
        killIfRunning(cli, kills);
        QCOMPARE(kills, 1);
        setLatency(0);
        const Outcome next = twoWay(name);
        QVERIFY2(next.run.status == RunStatus::Succeeded, qPrintable(described(next.run)));
        QTest::qWait(2500); // whatever the killed process sent has landed by now

        // The deletes stand: no row came back from an item its create left, and no such item stays.
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM tw_createdgone")), QStringLiteral("360"));
        QCOMPARE(next.counts.rowsCreated, 0);
        const QHash<QString, int> perKey = itemsPerKey(list);
        QCOMPARE(perKey.size(), 360);
        qInfo("%lld items of deleted rows deleted, %lld created", next.counts.itemsDeleted, next.counts.itemsCreated);
        verifyConverged(name, list);
        // Nothing is left recorded of the creates that never went out.
        const auto ledger = LedgerRepository(*m_store).entries(definitionId(name));
        QVERIFY(ledger.ok());
        QCOMPARE(int(ledger->size()), 360);
        for (const LedgerEntry &entry : *ledger)
            QCOMPARE(entry.state, LedgerState::Synced);
        const Outcome quiet = twoWay(name);
        QCOMPARE(quiet.counts.databaseWrites() + quiet.counts.sharePointWrites(), 0);
    }

    void aRunKilledAtRandomMomentsWhileBothSidesAreEditedConverges()
    {
        const QString name = QStringLiteral("tw_killed");
        const QString list = setUp(name, QStringLiteral("SOURCE_WINS"));
        sql(QStringLiteral("INSERT INTO tw_killed (id, name, email, score, active) SELECT g, 'row ' || g, 'r' || g || '@example.com', g,"
                           " g % 2 = 0 FROM generate_series(1, 1000) g"));
        setLatency(80);              // slow enough that a kill lands inside a run
        QRandomGenerator random(16); // seeded: every run of the test makes the same edits and waits as long
        int kills = 0, nextRow = 2000, nextItem = 5000;
        for (int attempt = 0; attempt < 6; ++attempt) {
            if (attempt > 0) { // half the items to update, so the kill can land among the writes
                sql(QStringLiteral("UPDATE tw_killed SET score = score + 1, updated_at = now() WHERE id % 2 = %1").arg(attempt % 2));
                editBothSides(name, list, random, 4, nextRow, nextItem);
            }
            QProcess cli;
            startCli(cli, name);
            QVERIFY(cli.waitForStarted());
            QTest::qWait(200 + int(random.bounded(1800)));
            editBothSides(name, list, random, 2, nextRow, nextItem); // while it runs
            killIfRunning(cli, kills);
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY2(kills >= 3, qPrintable(QString::number(kills)));
        setLatency(0);

        // Runs until one writes nothing.
        int runs = 0;
        qint64 writes = -1;
        while (writes != 0 && runs < 5) {
            const Outcome outcome = twoWay(name);
            QVERIFY2(outcome.run.status == RunStatus::Succeeded, qPrintable(described(outcome.run)));
            writes = outcome.counts.databaseWrites() + outcome.counts.sharePointWrites();
            ++runs;
            qInfo("run %d after the kills: %lld rows created, %lld updated, %lld deleted; %lld items created, %lld updated, %lld deleted",
                runs, outcome.counts.rowsCreated, outcome.counts.rowsUpdated, outcome.counts.rowsDeleted, outcome.counts.itemsCreated,
                outcome.counts.itemsUpdated, outcome.counts.itemsDeleted);
        }
        QCOMPARE(writes, 0);
        qInfo("%d kills of 6 runs; quiet after %d more run(s)", kills, runs);
        // Both sides equal (an item twice would show as a key of its own), every row one item in the ledger.
        verifyConverged(name, list);
        const auto ledger = LedgerRepository(*m_store).entries(definitionId(name));
        QVERIFY(ledger.ok());
        QSet<QString> itemIds;
        for (const LedgerEntry &entry : *ledger) {
            QCOMPARE(entry.state, LedgerState::Synced);
            itemIds.insert(entry.itemId);
        }
        const int rows = sql(QStringLiteral("SELECT count(*) FROM tw_killed")).toInt();
        QCOMPARE(int(ledger->size()), rows);
        QCOMPARE(int(itemIds.size()), rows);
        QCOMPARE(int(items(list).size()), rows);
    }

    void cleanupTestCase() { m_store.reset(); }
};

QTEST_GUILESS_MAIN(TwoWayResilienceTest)
#include "tst_twowayresilience.moc"

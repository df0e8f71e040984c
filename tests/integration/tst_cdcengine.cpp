// CDC definitions run end to end: the real PostgreSQL (wal_level=logical) streams through a slot
// into the real emulator, through the push's planner, sharding and writer. The initial load and the
// stream deliver every row exactly once; deletes come from the old-key tuple; an update that leaves
// a 20 kB TOASTed text unchanged keeps it in SharePoint; a late commit arrives; `syncbridge-cli run`
// killed with SIGKILL at random moments while writes go on loses and duplicates nothing; a TRUNCATE
// is held back by the circuit breaker, and applied as deletes once it approves. The slot guardian: a
// slot held back by writes grows its lag, a slot dropped behind the engine's back reads as lost and
// fails the run until a re-snapshot is approved, which matches the items instead of duplicating them;
// deleting a definition drops its slot when asked and names it when not.
#include "cdctestbase.h"

#include "secrets/secretstore.h"
#include "source/pgsession.h"
#include "store/connectionrepository.h"
#include "sync/cdc/slotguard.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <pqxx/transaction>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestCdcEngine : public CdcTestBase
{
    Q_OBJECT

private:
    SlotReading slotHealth(const SlotThresholds &thresholds = {})
    {
        const SyncDefinition definition = *DefinitionRepository(*m_store).byName(QStringLiteral("Cdc"));
        const Database database = *ConnectionRepository(*m_store).database(definition.source.databaseId);
        auto reading = readSlotHealth(
            *m_store, database, [this](const DatabaseInstance &instance) { return readSecretBlocking(m_secrets, instance.secretRef); },
            definition, QDateTime::currentDateTimeUtc(), thresholds);
        if (!reading)
            qFatal("slot health: %s", qPrintable(reading.error().message()));
        return *reading;
    }

    std::pair<int, QString> cli(const QStringList &arguments)
    {
        QProcess process;
        startCliCommand(process, arguments, cliEnvironment());
        process.waitForFinished(60000);
        return std::make_pair(process.exitCode(), QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()));
    }

    int m_heldUpdates = 0;

    QString slotName() { return QStringLiteral("syncbridge_cdc_%1").arg(idOf(QStringLiteral("Cdc"))); }

    int itemCount()
    {
        int items = 0;
        for (const QJsonArray &list : listContents(QStringLiteral("C ")))
            items += list.size();
        return items;
    }

private slots:
    void initTestCase()
    {
        startWith({});
        importDefinitionsJson({cdcDefinition()});
    }

    void theInitialLoadThenTheStreamDeliverEveryRowExactlyOnce()
    {
        const RunOutcome first = push(QStringLiteral("Cdc"));
        QVERIFY2(first.status == RunStatus::Succeeded, qPrintable(described(first)));
        QCOMPARE(first.counters.created, qint64(count(QStringLiteral("SELECT count(*) FROM projects"))));
        verifyExactlyOnce(QStringLiteral("Cdc"), QStringLiteral("C "));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pg_replication_slots WHERE slot_name LIKE 'syncbridge_cdc_%'")), 1);

        // Inserts, updates that move rows between lists, and deletes, in several transactions.
        insertProjects(1, 300);
        sql(QStringLiteral("UPDATE projects SET budget_amount = 9000000 WHERE project_code IN ('CDC-1', 'CDC-2', 'CDC-3')"));
        // Rows synced before, routed to another list now: moved (created there, then deleted here).
        const int moves = count(QStringLiteral("SELECT count(*) FROM projects WHERE project_code NOT LIKE 'CDC-%' AND id % 40 = 1"
                                               " AND (budget_amount < 4000000 OR budget_amount IS NULL)"));
        sql(QStringLiteral("UPDATE projects SET budget_amount = 9000000 WHERE project_code NOT LIKE 'CDC-%' AND id % 40 = 1"));
        sql(QStringLiteral("UPDATE projects SET name = 'renamed' WHERE project_code = 'CDC-10'"));
        sql(QStringLiteral("DELETE FROM projects WHERE project_code IN ('CDC-20', 'CDC-21')"));
        const int deletedBefore
            = count(QStringLiteral("SELECT count(*) FROM projects WHERE project_code NOT LIKE 'CDC-%' AND id % 50 = 0"));
        sql(QStringLiteral("DELETE FROM projects WHERE project_code NOT LIKE 'CDC-%' AND id % 50 = 0"));
        const RunOutcome second = push(QStringLiteral("Cdc"));
        QVERIFY2(second.status == RunStatus::Succeeded, qPrintable(described(second)));
        QCOMPARE(second.counters.created, qint64(300 - 2));
        QCOMPARE(second.counters.deleted, qint64(deletedBefore));
        QVERIFY(moves > 0);
        QCOMPARE(second.counters.moved, qint64(moves));
        verifyExactlyOnce(QStringLiteral("Cdc"), QStringLiteral("C "));
        QCOMPARE(
            itemOf(QStringLiteral("C "), QStringLiteral("CDC-10")).value(QStringLiteral("name")).toString(), QStringLiteral("renamed"));

        // Nothing new: nothing written.
        const RunOutcome idle = push(QStringLiteral("Cdc"));
        QVERIFY2(idle.status == RunStatus::Succeeded, qPrintable(described(idle)));
        QCOMPARE(idle.counters.created + idle.counters.updated + idle.counters.moved + idle.counters.deleted, qint64(0));
    }

    void anUpdateLeavingAToastedTextUnchangedKeepsItInSharePoint()
    {
        sql(QStringLiteral(
            "CREATE TABLE docs (code text PRIMARY KEY, heading text, body text, updated_at timestamptz NOT NULL DEFAULT now())"));
        importDefinitionsJson(
            {syncDefinitionJson(QStringLiteral("Docs"), QStringLiteral("CDC"), QStringLiteral("docs"), QStringLiteral("D Docs"),
                QJsonArray{pullMapping(QStringLiteral("code"), QStringLiteral("Title"), QStringLiteral("PUSH_ONLY"), true),
                    pullMapping(QStringLiteral("heading"), QStringLiteral("heading"), QStringLiteral("PUSH_ONLY")),
                    pullMapping(QStringLiteral("body"), QStringLiteral("body"), QStringLiteral("PUSH_ONLY"))})});
        const RunOutcome empty = push(QStringLiteral("Docs"));
        QVERIFY2(empty.status == RunStatus::Succeeded, qPrintable(described(empty)));
        // 20 kB of hex digits: stored out of line (TOAST), so an update of the title leaves it out of the WAL.
        sql(QStringLiteral(
            "INSERT INTO docs (code, heading, body) SELECT 'd1', 'first', string_agg(md5(i::text), '') FROM generate_series(1, 640) i"));
        const RunOutcome inserted = push(QStringLiteral("Docs"));
        QVERIFY2(inserted.status == RunStatus::Succeeded, qPrintable(described(inserted)));
        QCOMPARE(inserted.counters.created, qint64(1));
        const QString body = sql(QStringLiteral("SELECT body FROM docs")).trimmed();
        QCOMPARE(body.size(), 640 * 32);
        QCOMPARE(itemOf(QStringLiteral("D "), QStringLiteral("d1")).value(QStringLiteral("body")).toString(), body);

        sql(QStringLiteral("UPDATE docs SET heading = 'second' WHERE code = 'd1'"));
        const RunOutcome updated = push(QStringLiteral("Docs"));
        QVERIFY2(updated.status == RunStatus::Succeeded, qPrintable(described(updated)));
        QCOMPARE(updated.counters.updated, qint64(1));
        const QJsonObject item = itemOf(QStringLiteral("D "), QStringLiteral("d1"));
        QCOMPARE(item.value(QStringLiteral("heading")).toString(), QStringLiteral("second"));
        QCOMPARE(item.value(QStringLiteral("body")).toString(), body); // never the placeholder, never blank
    }

    void aLateCommitIsDeliveredByTheNextRun()
    {
        Database database = m_postgres.databaseConnection(QStringLiteral("demo"));
        auto session = PgSession::openInstance(database, database.instances.first(), m_postgres.password());
        QVERIFY(session.ok());
        {
            // Stamped first (now() is the transaction's start), committed after the run read past it.
            pqxx::work late((*session)->connection());
            late.exec("INSERT INTO projects (project_code, name) VALUES ('LATE-1', 'late')");
            QTest::qWait(20);
            sql(QStringLiteral("INSERT INTO projects (project_code, name) VALUES ('EARLY-1', 'early')"));
            const RunOutcome during = push(QStringLiteral("Cdc"));
            QVERIFY2(during.status == RunStatus::Succeeded, qPrintable(described(during)));
            QCOMPARE(during.counters.created, qint64(1));
            late.commit();
        }
        QVERIFY(count(QStringLiteral("SELECT count(*) FROM projects WHERE project_code = 'LATE-1' AND updated_at < "
                                     "(SELECT updated_at FROM projects WHERE project_code = 'EARLY-1')"))
            == 1);
        const RunOutcome after = push(QStringLiteral("Cdc"));
        QVERIFY2(after.status == RunStatus::Succeeded, qPrintable(described(after)));
        QCOMPARE(after.counters.created, qint64(1));
        QVERIFY(!itemOf(QStringLiteral("C "), QStringLiteral("LATE-1")).isEmpty());
        verifyExactlyOnce(QStringLiteral("Cdc"), QStringLiteral("C "));
    }

    void aRunKilledAtRandomMomentsWhileWritesGoOnDeliversExactlyOnce()
    {
        slowEmulator(5, 30);
        QRandomGenerator random(17);
        int kills = 0;
        int next = 1000;
        for (int attempt = 0; attempt < 5; ++attempt) {
            insertProjects(next, next + 399);
            sql(QStringLiteral("UPDATE projects SET budget_amount = budget_amount + 1 WHERE project_code LIKE 'CDC-1%%' AND id % 3 = %1")
                    .arg(attempt % 3));
            sql(QStringLiteral("DELETE FROM projects WHERE project_code IN ('CDC-%1', 'CDC-%2')").arg(next - 5).arg(next + 7));
            next += 400;
            QProcess cli;
            startCli(cli, QStringLiteral("Cdc"), {QStringLiteral("--page-size"), QStringLiteral("40")});
            QVERIFY(cli.waitForStarted());
            QTest::qWait(300 + int(random.bounded(1500)));
            killIfRunning(cli, kills);
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY(kills > 0);
        slowEmulator(0, 0);
        const RunOutcome last = push(QStringLiteral("Cdc"));
        QVERIFY2(last.status == RunStatus::Succeeded, qPrintable(described(last)));
        qInfo("%d kills; the last run created %lld, updated %lld, deleted %lld", kills, last.counters.created, last.counters.updated,
            last.counters.deleted);
        verifyExactlyOnce(QStringLiteral("Cdc"), QStringLiteral("C "));
    }

    void theSlotIsShownAndDroppedFromTheCliAndTheNextRunLoadsAgain()
    {
        const auto status = cli({QStringLiteral("cdc"), QStringLiteral("status"), QStringLiteral("Cdc"), QStringLiteral("--json")});
        QCOMPARE(status.first, 0);
        const QJsonObject json = QJsonDocument::fromJson(status.second.toUtf8()).object();
        QCOMPARE(json.value(QStringLiteral("slot")).toString(), QStringLiteral("syncbridge_cdc_%1").arg(idOf(QStringLiteral("Cdc"))));
        QCOMPARE(json.value(QStringLiteral("walStatus")).toString(), QStringLiteral("reserved"));
        QVERIFY(json.value(QStringLiteral("publicationExists")).toBool());
        QVERIFY(!json.value(QStringLiteral("active")).toBool());

        const auto dropped = cli({QStringLiteral("cdc"), QStringLiteral("drop-slot"), QStringLiteral("Cdc")});
        QVERIFY2(dropped.first == 0, qPrintable(dropped.second));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'syncbridge_cdc_%1'")
                           .arg(idOf(QStringLiteral("Cdc")))),
            0);
        const auto none = cli({QStringLiteral("cdc"), QStringLiteral("status"), QStringLiteral("Cdc")});
        QVERIFY2(none.second.contains(QLatin1String(": none")), qPrintable(none.second));

        // Changes made while no slot exists are found by the load of the next run, matched to the items.
        sql(QStringLiteral("UPDATE projects SET name = 'while no slot' WHERE project_code = 'EARLY-1'"));
        const RunOutcome reloaded = push(QStringLiteral("Cdc"));
        QVERIFY2(reloaded.status == RunStatus::Succeeded, qPrintable(described(reloaded)));
        QCOMPARE(reloaded.counters.created, qint64(0));
        QCOMPARE(reloaded.counters.updated, qint64(1));
        verifyExactlyOnce(QStringLiteral("Cdc"), QStringLiteral("C "));
        QCOMPARE(itemOf(QStringLiteral("C "), QStringLiteral("EARLY-1")).value(QStringLiteral("name")).toString(),
            QStringLiteral("while no slot"));
    }

    void aSlotHeldBackByWritesGrowsItsLagAndADroppedSlotReadsAsLost()
    {
        const RunOutcome caughtUp = push(QStringLiteral("Cdc"));
        QVERIFY2(caughtUp.status == RunStatus::Succeeded, qPrintable(described(caughtUp)));
        const SlotReading before = slotHealth();
        QVERIFY(before.facts.slotExists);
        QCOMPARE(before.health.severity, SlotSeverity::Ok);
        QVERIFY(before.facts.publicationHasTable);
        QVERIFY(before.facts.lagSeconds.has_value());
        QVERIFY2(*before.facts.lagSeconds < 60, qPrintable(QString::number(*before.facts.lagSeconds)));

        // Writes no run consumes: the slot holds them, its lag in bytes grows past a (lowered) threshold.
        insertProjects(90001, 90400);
        m_heldUpdates = count(QStringLiteral("SELECT count(*) FROM projects WHERE project_code NOT LIKE 'CDC-%' AND id % 7 = 0"));
        QVERIFY(m_heldUpdates > 0);
        sql(QStringLiteral("UPDATE projects SET name = name || ' held' WHERE project_code NOT LIKE 'CDC-%' AND id % 7 = 0"));
        const SlotReading held = slotHealth();
        QVERIFY2(held.facts.lagBytes > before.facts.lagBytes + 10000,
            qPrintable(QStringLiteral("%1 → %2").arg(before.facts.lagBytes).arg(held.facts.lagBytes)));
        QList<qint64> readTimes; // what a Refresh, `cdc status` or the agent's check costs: a connection and two queries
        for (int read = 0; read < 5; ++read) {
            QElapsedTimer timer;
            timer.start();
            slotHealth();
            readTimes << timer.elapsed();
        }
        std::sort(readTimes.begin(), readTimes.end());
        qInfo("lag %lld bytes after the run, %lld bytes after 400 inserts and %d updates; a reading takes %lld ms (median of 5)",
            before.facts.lagBytes, held.facts.lagBytes, m_heldUpdates, readTimes.at(2));
        SlotThresholds strict;
        strict.warningLagBytes = held.facts.lagBytes;
        const SlotReading warned = slotHealth(strict);
        QCOMPARE(warned.health.severity, SlotSeverity::Warning);
        QVERIFY(warned.health.findings.join(QLatin1Char(' ')).contains(QLatin1String("behind the server's WAL")));

        const auto ok = cli({QStringLiteral("cdc"), QStringLiteral("status"), QStringLiteral("Cdc"), QStringLiteral("--json")});
        QVERIFY2(ok.first == 0, qPrintable(ok.second));
        const QJsonObject okJson = QJsonDocument::fromJson(ok.second.toUtf8()).object();
        QCOMPARE(okJson.value(QStringLiteral("severity")).toString(), QStringLiteral("ok"));
        QVERIFY(okJson.value(QStringLiteral("lagBytes")).toInteger() >= held.facts.lagBytes);
        QVERIFY(okJson.value(QStringLiteral("publicationHasTable")).toBool());

        // Dropped behind the engine's back (by hand, or a failover to a server without it): lost.
        QTRY_COMPARE_WITH_TIMEOUT(
            count(QStringLiteral("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '%1' AND active").arg(slotName())), 0, 10000);
        sql(QStringLiteral("SELECT pg_drop_replication_slot('%1')").arg(slotName()));
        const SlotReading gone = slotHealth();
        QCOMPARE(gone.health.severity, SlotSeverity::Lost);
        QVERIFY(gone.health.findings.constFirst().contains(slotName()));
        const auto lost = cli({QStringLiteral("cdc"), QStringLiteral("status"), QStringLiteral("Cdc")});
        QCOMPARE(lost.first, 2);
        QVERIFY2(lost.second.contains(QLatin1String("--resnapshot")), qPrintable(lost.second));
    }

    void aRunAfterTheSlotWasDroppedFailsUntilAResnapshotIsApprovedWhichMatchesTheItems()
    {
        // Continues the test above: the slot is gone, 400 rows and some updates were written meanwhile.
        const int itemsBefore = itemCount();
        const RunOutcome refused = push(QStringLiteral("Cdc"));
        QCOMPARE(refused.status, RunStatus::Failed);
        QCOMPARE(refused.error->code(), ErrorCode::NeedsConfirmation);
        QVERIFY2(refused.error->message().contains(slotName()), qPrintable(refused.error->message()));
        QVERIFY2(refused.error->message().contains(QLatin1String("--resnapshot")), qPrintable(refused.error->message()));
        QCOMPARE(itemCount(), itemsBefore); // nothing written
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '%1'").arg(slotName())), 0);

        sql(QStringLiteral("UPDATE projects SET name = 'while refused' WHERE project_code = 'CDC-90001'"));
        RunOptions approved = pushOptions(500);
        approved.resnapshot = true;
        const RunOutcome reloaded = push(QStringLiteral("Cdc"), approved);
        QVERIFY2(reloaded.status == RunStatus::Succeeded, qPrintable(described(reloaded)));
        QCOMPARE(reloaded.counters.created, qint64(400));
        QCOMPARE(reloaded.counters.updated, qint64(m_heldUpdates));
        QCOMPARE(itemCount(), itemsBefore + 400);
        verifyExactlyOnce(QStringLiteral("Cdc"), QStringLiteral("C "));
        QCOMPARE(itemOf(QStringLiteral("C "), QStringLiteral("CDC-90001")).value(QStringLiteral("name")).toString(),
            QStringLiteral("while refused"));
        QCOMPARE(slotHealth().health.severity, SlotSeverity::Ok);

        // And the stream goes on from the new slot.
        sql(QStringLiteral("UPDATE projects SET name = 'after the re-snapshot' WHERE project_code = 'CDC-90002'"));
        const RunOutcome streamed = push(QStringLiteral("Cdc"));
        QVERIFY2(streamed.status == RunStatus::Succeeded, qPrintable(described(streamed)));
        QCOMPARE(streamed.counters.updated, qint64(1));
        QCOMPARE(streamed.counters.created, qint64(0));
    }

    void aTruncateIsHeldBackByTheCircuitBreaker()
    {
        const int items = count(QStringLiteral("SELECT count(*) FROM projects"));
        sql(QStringLiteral("TRUNCATE projects CASCADE"));
        for (int run = 0; run < 2; ++run) {
            const RunOutcome held = push(QStringLiteral("Cdc"));
            QCOMPARE(held.status, RunStatus::PartiallyFailed);
            QCOMPARE(held.heldBackDeletes, qint64(items));
            QCOMPARE(held.counters.deleted, qint64(0));
        }
        int inLists = 0;
        for (const QJsonArray &list : listContents(QStringLiteral("C ")))
            inLists += list.size();
        QCOMPARE(inLists, items);
    }

    // After the breaker's approval (--allow-mass-delete, the window's confirmation) a TRUNCATE is
    // applied as deletes of the table's items; rows inserted after it, in its own transaction or
    // later ones, are created; a second TRUNCATE later in the stream removes those before it.
    void aTruncateIsAppliedOnceApproved()
    {
        const qint64 synced = LedgerRepository(*m_store).entries(idOf(QStringLiteral("Cdc")))->size();
        QVERIFY(synced > 0); // the truncate of the test before is still waiting
        sql(QStringLiteral("INSERT INTO projects (project_code, name) VALUES ('AFTER-1', 'after')"));
        sql(QStringLiteral("TRUNCATE projects CASCADE; INSERT INTO projects (project_code, name) VALUES ('SAME-1', 'same')"));
        sql(QStringLiteral("INSERT INTO projects (project_code, name) VALUES ('LAST-1', 'last')"));
        int asked = 0;
        const RunOutcome applied = push(QStringLiteral("Cdc"), pushOptions(500), [&](const MassDeleteCheck &check) {
            ++asked;
            return check.deletions > 0;
        });
        QVERIFY2(applied.status == RunStatus::Succeeded, qPrintable(described(applied)));
        QCOMPARE(asked, 2);
        QCOMPARE(applied.heldBackDeletes, qint64(0));
        QCOMPARE(applied.counters.deleted, synced + 1); // every item, then AFTER-1's
        QCOMPARE(applied.counters.created, qint64(3));
        verifyExactlyOnce(QStringLiteral("Cdc"), QStringLiteral("C "));
        QVERIFY(itemOf(QStringLiteral("C "), QStringLiteral("AFTER-1")).isEmpty());
        QVERIFY(!itemOf(QStringLiteral("C "), QStringLiteral("SAME-1")).isEmpty());
        QVERIFY(!itemOf(QStringLiteral("C "), QStringLiteral("LAST-1")).isEmpty());
    }

    void deletingACdcDefinitionDropsItsSlotWhenAskedAndNamesItOtherwise()
    {
        QJsonObject other = definitionJson(QStringLiteral("Cdc2"), QStringLiteral("D "));
        other.insert(QStringLiteral("mode"), QStringLiteral("CDC"));
        importDefinitionsJson({other});
        const QString otherSlot = QStringLiteral("syncbridge_cdc_%1").arg(idOf(QStringLiteral("Cdc2")));
        const auto kept = cli({QStringLiteral("definitions"), QStringLiteral("delete"), QStringLiteral("Cdc2")});
        QVERIFY2(kept.first == 0, qPrintable(kept.second));
        QVERIFY2(kept.second.contains(QStringLiteral("pg_drop_replication_slot('%1')").arg(otherSlot)), qPrintable(kept.second));

        const QString slot = slotName();
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '%1'").arg(slot)), 1);
        const auto dropped
            = cli({QStringLiteral("definitions"), QStringLiteral("delete"), QStringLiteral("Cdc"), QStringLiteral("--drop-slot")});
        QVERIFY2(dropped.first == 0, qPrintable(dropped.second));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '%1'").arg(slot)), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM pg_publication WHERE pubname = '%1'").arg(slot)), 0);
        QVERIFY(!DefinitionRepository(*m_store).byName(QStringLiteral("Cdc")));
    }
};

QTEST_GUILESS_MAIN(TestCdcEngine)
#include "tst_cdcengine.moc"

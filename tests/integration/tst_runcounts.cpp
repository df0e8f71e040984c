// A run's counts as people read them, against a real PostgreSQL, meta-store and the Graph emulator:
// `failed` counts rows, not attempts (rows retried with Retry now that fail again count once per
// run), and the rows per list and action are stored with each run (migration 14) and read back for a
// run of the history.
#include "englishplurals.h"
#include "pushtestbase.h"

#include "store/ledgerrepository.h"
#include "store/runrepository.h"
#include "sync/runtext.h"

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestRunCounts : public PushTestBase
{
    Q_OBJECT

    qint64 definitionId() const { return DefinitionRepository(*m_store).byName(QStringLiteral("Counts"))->id; }

private slots:
    void initTestCase()
    {
        QVERIFY(installEnglishPlurals(this));
        startWith({});
        // 60 projects; 12 of them with a Title (project_code) longer than SharePoint's 255 characters.
        sql(QStringLiteral("CREATE TABLE count_projects (LIKE projects INCLUDING ALL)"));
        sql(QStringLiteral("INSERT INTO count_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 60"));
        sql(QStringLiteral("ALTER TABLE count_projects ALTER COLUMN project_code TYPE text"));
        sql(QStringLiteral("UPDATE count_projects SET project_code = repeat('x', 300) || id WHERE id <= 12"));
        QJsonObject definition = definitionJson(QStringLiteral("Counts"), QStringLiteral("N "));
        definition.insert(QStringLiteral("source"),
            QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("count_projects")}});
        importDefinitionsJson({definition});
    }

    void failedCountsRowsNotAttempts()
    {
        const RunOutcome first = push(QStringLiteral("Counts"));
        QCOMPARE(first.status, RunStatus::PartiallyFailed);
        QCOMPARE(first.counters.failed, 12);
        QCOMPARE(first.counters.created, 48);
        // Retry now, twice: every queued row is retried first and fails again — 12 rows each time.
        for (int round = 0; round < 2; ++round) {
            QVERIFY(LedgerRepository(*m_store).makeRetriesDue(definitionId(), QDateTime::currentDateTimeUtc()).ok());
            const RunOutcome retried = push(QStringLiteral("Counts"));
            QCOMPARE(retried.counters.failed, 12);
            QCOMPARE(RunRepository(*m_store).run(retried.runId)->counters.failed, 12);
            qint64 failedInLists = 0;
            for (const auto &actions : retried.plan)
                failedInLists += actions.value(QStringLiteral("failed"));
            QCOMPARE(failedInLists, 12);
            QCOMPARE(LedgerRepository(*m_store).retries(definitionId())->size(), 12);
        }
    }

    void perListCountsAreStoredWithTheRunAndReadBack()
    {
        // A run of the history: the first one, read back from the store as the run dialog reads it.
        RunFilter filter;
        filter.definitionId = definitionId();
        filter.limit = 10;
        const auto runs = RunRepository(*m_store).runs(filter);
        QVERIFY(runs.ok());
        QCOMPARE(runs->size(), 3);
        const SyncRun first = runs->constLast();
        const auto lists = RunRepository(*m_store).listCounts(first.id);
        QVERIFY2(lists.ok(), qPrintable(lists.ok() ? QString() : lists.error().toString()));
        const qint64 large
            = sql(QStringLiteral("SELECT count(*) FROM count_projects WHERE id > 12 AND budget_amount >= 4000000")).toLongLong();
        const qint64 active = sql(QStringLiteral("SELECT count(*) FROM count_projects WHERE id > 12 AND NOT coalesce(budget_amount >= "
                                                 "4000000, false) AND status = 'Active'"))
                                  .toLongLong();
        QCOMPARE(lists->value(QStringLiteral("N Large")).value(QStringLiteral("create")), large);
        QCOMPARE(lists->value(QStringLiteral("N Active")).value(QStringLiteral("create")), active);
        QCOMPARE(lists->value(QStringLiteral("N Other")).value(QStringLiteral("create")), 48 - large - active);
        qint64 failed = 0;
        for (const auto &actions : *lists)
            failed += actions.value(QStringLiteral("failed"));
        QCOMPARE(failed, 12);
        // Each failing row in the list its route names.
        const qint64 failedLarge
            = sql(QStringLiteral("SELECT count(*) FROM count_projects WHERE id <= 12 AND budget_amount >= 4000000")).toLongLong();
        QCOMPARE(lists->value(QStringLiteral("N Large")).value(QStringLiteral("failed")), failedLarge);
    }

    void summariesSayRowsInNumerusForms()
    {
        SyncRun run;
        run.message = storedRunSummary({});
        run.counters.rowsRead = 1;
        run.counters.created = 1;
        QVERIFY2(runMessageText(run).startsWith(QStringLiteral("Read 1 row:")), qPrintable(runMessageText(run)));
        run.counters.rowsRead = 2;
        QVERIFY2(runMessageText(run).startsWith(QStringLiteral("Read 2 rows:")), qPrintable(runMessageText(run)));
        QVERIFY(!runMessageText(run).contains(QStringLiteral("(s)")));
    }
    void movesSharePointDidNotConfirmCountOncePerRun()
    {
        sql(QStringLiteral("CREATE TABLE lost_projects (LIKE projects INCLUDING ALL)"));
        sql(QStringLiteral("INSERT INTO lost_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 12"));
        QJsonObject definition = definitionJson(QStringLiteral("Lost"), QStringLiteral("L "));
        definition.insert(QStringLiteral("source"),
            QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("lost_projects")}});
        importDefinitionsJson({definition});
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Lost"))->id;
        QCOMPARE(push(QStringLiteral("Lost")).counters.created, 12); // the lists exist
        const qint64 moving = sql(QStringLiteral("SELECT count(*) FROM lost_projects WHERE NOT coalesce(budget_amount >= 4000000, false) "
                                                 "AND status <> 'Active'"))
                                  .toLongLong();
        QVERIFY(moving > 0);
        sql(QStringLiteral("UPDATE lost_projects SET status = 'Active', updated_at = now()"));
        QCOMPARE(m_emulator
                     .admin("PATCH", QStringLiteral("/config"),
                         {{QStringLiteral("faults"),
                             QJsonObject{{QStringLiteral("errorRate"), 1.0}, {QStringLiteral("errorStatuses"), QJsonArray{500}},
                                 {QStringLiteral("errorMethods"), QJsonArray{QStringLiteral("POST")}}}}})
                     .status,
            200);
        // The rows that now go to another list are moves: their creates are not confirmed, so each
        // row fails (and waits for a lookup by SyncBridgeKey) — once per run, retried or not.
        const RunOutcome first = push(QStringLiteral("Lost"));
        QCOMPARE(first.counters.failed, moving);
        for (int round = 0; round < 2; ++round) {
            QVERIFY(LedgerRepository(*m_store).makeRetriesDue(id, QDateTime::currentDateTimeUtc()).ok());
            const RunOutcome retried = push(QStringLiteral("Lost"));
            QCOMPARE(retried.counters.failed, moving);
            QCOMPARE(retried.plan.value(QStringLiteral("L Active")).value(QStringLiteral("failed")), moving);
        }
        QCOMPARE(
            m_emulator
                .admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("errorRate"), 0.0}}}})
                .status,
            200);
    }
};

QTEST_MAIN(TestRunCounts)
#include "tst_runcounts.moc"

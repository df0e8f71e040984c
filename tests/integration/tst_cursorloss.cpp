// What a push's cursor used to lose silently, against a real PostgreSQL and the emulator: a
// transaction that commits after a run read past its stamps (whatever the zones of the column, the
// database and the host), rows whose cursor is NULL, and changes a backfill stepped over (the
// incremental cursor, and FULL_SCAN's scan marks). The writes' side is tst_nosilentloss.
#include "englishplurals.h"
#include "pushoptions.h"
#include "pushtestbase.h"

#include "source/pgsession.h"
#include "store/runrepository.h"

#include <QScopeGuard>

#include <pqxx/transaction>

#include <ctime>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {

// The test process's own time zone (TZ) for a scope, as if SyncBridge ran on a host elsewhere.
class HostTimeZone
{
public:
    explicit HostTimeZone(const char *zone)
        : m_had(qEnvironmentVariableIsSet("TZ"))
        , m_saved(qgetenv("TZ"))
    {
        qputenv("TZ", zone);
        tzset();
    }
    ~HostTimeZone()
    {
        if (m_had)
            qputenv("TZ", m_saved);
        else
            qunsetenv("TZ");
        tzset();
    }
    HostTimeZone(const HostTimeZone &) = delete;
    HostTimeZone &operator=(const HostTimeZone &) = delete;

private:
    bool m_had;
    QByteArray m_saved;
};

} // namespace

class TestCursorLoss : public PushTestBase
{
    Q_OBJECT

    QString localCode(int id) { return sql(QStringLiteral("SELECT project_code FROM local_projects WHERE id = %1").arg(id)); }

    // A row of local_projects' zone-less stamp as SharePoint should hold it: its wall clock read as UTC.
    QString wallClockOf(int id)
    {
        return sql(
            QStringLiteral("SELECT to_char(updated_at, 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM local_projects WHERE id = %1").arg(id));
    }

    // As in aTransactionThatCommitsLateIsDelivered, on local_projects ("Local", zone-less stamps): a
    // transaction in a session with the database's default zone stamps row `late` and stays open,
    // another stamps row `early` after it and commits; a run, the commit, a run. With `hostPgtz`,
    // the runs' own sessions start in that zone (PGTZ of SyncBridge's host).
    void deliversALateCommit(int late, int early, const QByteArray &hostPgtz = {})
    {
        auto session
            = PgSession::open(m_demo.database(), [this](const DatabaseInstance &) -> Result<QString> { return m_postgres.password(); });
        QVERIFY2(session.ok(), qPrintable(session ? QString() : session.error().toString()));
        auto longTransaction = std::make_unique<pqxx::work>((*session)->connection());
        QCOMPARE(QString::fromStdString(longTransaction->exec1("SHOW timezone")[0].as<std::string>()), QStringLiteral("America/New_York"));
        longTransaction->exec("UPDATE local_projects SET name = name || ' (late)' WHERE id = " + std::to_string(late));
        QTest::qWait(1100); // the early row's stamp is clearly later than the late one's
        sql(QStringLiteral("UPDATE local_projects SET name = name || ' (early)' WHERE id = %1").arg(early));

        const auto pushFromTheHost = [&] {
            if (!hostPgtz.isEmpty())
                qputenv("PGTZ", hostPgtz);
            const RunOutcome outcome = push(QStringLiteral("Local"));
            qunsetenv("PGTZ");
            return outcome;
        };
        const RunOutcome before = pushFromTheHost();
        QVERIFY2(before.status == RunStatus::Succeeded, qPrintable(before.message));
        QCOMPARE(before.counters.updated, 1);
        QVERIFY(
            fieldsOf(QStringLiteral("Z "), localCode(early)).value(QStringLiteral("name")).toString().endsWith(QStringLiteral(" (early)")));

        longTransaction->commit();
        const RunOutcome after = pushFromTheHost();
        QVERIFY2(after.status == RunStatus::Succeeded, qPrintable(after.message));
        QCOMPARE(after.counters.updated, 1); // the late row
        const QJsonObject delivered = fieldsOf(QStringLiteral("Z "), localCode(late));
        QVERIFY(delivered.value(QStringLiteral("name")).toString().endsWith(QStringLiteral(" (late)")));
        QCOMPARE(delivered.value(QStringLiteral("updated_at")).toString(), wallClockOf(late)); // New York's wall clock, not shifted
        QCOMPARE(fieldsOf(QStringLiteral("Z "), localCode(early)).value(QStringLiteral("updated_at")).toString(), wallClockOf(early));
    }
private slots:
    void initTestCase()
    {
        QVERIFY(installEnglishPlurals(this));
        startWith({definitionJson(QStringLiteral("Late"), QStringLiteral("L "))});
        QCOMPARE(push(QStringLiteral("Late")).counters.created, 5000);
    }
    void aTransactionThatCommitsLateIsDelivered()
    {
        // A stamps row 7 with its start time and stays open; B changes row 8 and commits; the run
        // reads row 8. When A commits, row 7's stamp is older than what the run read.
        auto session
            = PgSession::open(m_demo.database(), [this](const DatabaseInstance &) -> Result<QString> { return m_postgres.password(); });
        QVERIFY2(session.ok(), qPrintable(session ? QString() : session.error().toString()));
        auto longTransaction = std::make_unique<pqxx::work>((*session)->connection());
        longTransaction->exec("UPDATE projects SET name = name || ' (late)' WHERE id = 7");
        QTest::qWait(1100); // row 8's stamp is clearly later than row 7's
        sql(QStringLiteral("UPDATE projects SET name = name || ' (early)' WHERE id = 8"));

        const RunOutcome before = push(QStringLiteral("Late")); // no look-back floor: the open transaction alone holds the cursor back
        QCOMPARE(before.status, RunStatus::Succeeded);
        QCOMPARE(before.counters.updated, 1);
        QVERIFY(fieldsOf(QStringLiteral("L "), code(8)).value(QStringLiteral("name")).toString().endsWith(QStringLiteral(" (early)")));

        longTransaction->commit();
        const RunOutcome after = push(QStringLiteral("Late"));
        QCOMPARE(after.status, RunStatus::Succeeded);
        QCOMPARE(after.counters.updated, 1); // row 7; row 8, read again, is unchanged and costs nothing
        QVERIFY(fieldsOf(QStringLiteral("L "), code(7)).value(QStringLiteral("name")).toString().endsWith(QStringLiteral(" (late)")));

        const RunOutcome quiet = push(QStringLiteral("Late"));
        QCOMPARE(quiet.counters.rowsRead, 0); // once nothing is open, the horizon moves on
    }

    void aLateCommitIsDeliveredWhenTheCursorHasNoTimeZone()
    {
        // A `timestamp without time zone` cursor holds its writers' wall clock: now() in their
        // session's zone, here the database's default (New York, behind UTC). The horizon has to be
        // that wall clock too — in UTC it would lie hours ahead, every stamp would count as settled
        // and a late commit would be stepped over; in the host's zone (Tokyo, ahead of UTC) likewise.
        sql(QStringLiteral("CREATE TABLE local_projects (LIKE projects INCLUDING ALL);"
                           " ALTER TABLE local_projects ALTER COLUMN updated_at DROP DEFAULT;"
                           " ALTER TABLE local_projects ALTER COLUMN updated_at TYPE timestamp without time zone;"
                           " ALTER TABLE local_projects ALTER COLUMN updated_at SET DEFAULT localtimestamp;"
                           " INSERT INTO local_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 40;"
                           " CREATE TRIGGER local_projects_touch_updated_at BEFORE UPDATE ON local_projects"
                           "   FOR EACH ROW EXECUTE FUNCTION touch_updated_at();"
                           " ALTER DATABASE demo SET timezone TO 'America/New_York'"));
        const auto resetZone = qScopeGuard([this] { sql(QStringLiteral("ALTER DATABASE demo RESET timezone")); });
        const HostTimeZone tokyo("Asia/Tokyo");
        importDefinitionOf(QStringLiteral("local_projects"), QStringLiteral("Local"), QStringLiteral("Z "));
        QCOMPARE(push(QStringLiteral("Local")).counters.created, 40);
        QCOMPARE(fieldsOf(QStringLiteral("Z "), localCode(5)).value(QStringLiteral("updated_at")).toString(), wallClockOf(5));
        deliversALateCommit(7, 8);
    }

    void theHostsLibpqZoneDoesNotChooseTheHorizonOfALateCommit()
    {
        // PGTZ on SyncBridge's host makes its own sessions start in UTC; writers still stamp in the
        // database's default zone, set for the database or, here after, for the whole server.
        const HostTimeZone tokyo("Asia/Tokyo");
        sql(QStringLiteral("ALTER DATABASE demo SET timezone TO 'America/New_York'"));
        {
            const auto resetZone = qScopeGuard([this] { sql(QStringLiteral("ALTER DATABASE demo RESET timezone")); });
            deliversALateCommit(9, 10, "UTC");
            if (QTest::currentTestFailed())
                return;
        }
        const auto serverZone = [this](const char *zone) {
            sql(QStringLiteral("ALTER SYSTEM SET timezone TO '%1'").arg(QLatin1String(zone)));
            sql(QStringLiteral("ALTER SYSTEM SET log_timezone TO '%1'").arg(QLatin1String(zone)));
            sql(QStringLiteral("SELECT pg_reload_conf()"));
        };
        serverZone("America/New_York");
        const auto resetServer = qScopeGuard([this] {
            sql(QStringLiteral("ALTER SYSTEM RESET timezone"));
            sql(QStringLiteral("ALTER SYSTEM RESET log_timezone"));
            sql(QStringLiteral("SELECT pg_reload_conf()"));
        });
        QTRY_COMPARE(sql(QStringLiteral("SHOW timezone")), QStringLiteral("America/New_York")); // the reload reached new sessions
        deliversALateCommit(11, 12, "UTC");
    }

    void aTimestampWithoutATimeZoneArrivesAsItsWallClockWhateverTheHostsZone()
    {
        // SharePoint gets a zone-less stamp as its wall clock read as UTC, on any host: not shifted by
        // the host's offset, and not refused where the host's zone skips an hour (Berlin's and New
        // York's spring gaps) or has it twice (their autumn).
        sql(QStringLiteral("CREATE TABLE wall_clock_projects (LIKE projects INCLUDING ALL);"
                           " ALTER TABLE wall_clock_projects ALTER COLUMN updated_at TYPE timestamp without time zone;"
                           " INSERT INTO wall_clock_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 6;"
                           " UPDATE wall_clock_projects w SET updated_at = v.at FROM (VALUES"
                           "   (1, timestamp '2026-03-29 02:30:00'), (2, timestamp '2026-03-08 02:30:00'),"
                           "   (3, timestamp '2026-10-25 02:30:00'), (4, timestamp '2026-11-01 01:30:00'),"
                           "   (5, timestamp '2026-06-01 12:00:00'), (6, timestamp '2026-12-31 23:59:59')) AS v (id, at)"
                           " WHERE w.id = v.id"));
        const QStringList expected{QStringLiteral("2026-03-29T02:30:00Z"), QStringLiteral("2026-03-08T02:30:00Z"),
            QStringLiteral("2026-10-25T02:30:00Z"), QStringLiteral("2026-11-01T01:30:00Z"), QStringLiteral("2026-06-01T12:00:00Z"),
            QStringLiteral("2026-12-31T23:59:59Z")};
        int host = 0;
        for (const char *zone : {"Asia/Tokyo", "Europe/Berlin", "America/New_York"}) {
            const HostTimeZone here(zone);
            const QString name = QStringLiteral("Wall clock %1").arg(++host);
            const QString prefix = QStringLiteral("W%1 ").arg(host);
            importDefinitionOf(QStringLiteral("wall_clock_projects"), name, prefix);
            const RunOutcome outcome = push(name);
            QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(zone + QStringLiteral(": ") + outcome.message));
            QCOMPARE(outcome.counters.created, 6);
            for (int id = 1; id <= 6; ++id)
                QCOMPARE(fieldsOf(prefix, code(id)).value(QStringLiteral("updated_at")).toString(), expected.at(id - 1));
        }
    }

    void theLookBackFloorReadsRecentRowsAgain()
    {
        // A stamp that is not the writer's now() (an application's clock a little behind): the
        // floor re-reads that many seconds before the horizon.
        sql(QStringLiteral("ALTER TABLE projects DISABLE TRIGGER USER;"
                           " UPDATE projects SET name = name || ' (app clock)', updated_at = now() - interval '2 seconds' WHERE id = 9;"
                           " ALTER TABLE projects ENABLE TRIGGER USER"));
        QTest::qWait(100);
        const RunOptions floor = [] {
            RunOptions options = pushOptions(500);
            options.lookBackSeconds = 30;
            return options;
        }();
        const RunOutcome outcome = push(QStringLiteral("Late"), floor);
        QCOMPARE(outcome.counters.updated, 1);
        QVERIFY(fieldsOf(QStringLiteral("L "), code(9)).value(QStringLiteral("name")).toString().endsWith(QStringLiteral(" (app clock)")));
    }

    void rowsWithANullCursorAreReadAndNeverStoredAsAPosition()
    {
        sql(QStringLiteral("CREATE TABLE loose_projects (LIKE projects INCLUDING ALL);"
                           " ALTER TABLE loose_projects ALTER COLUMN updated_at DROP NOT NULL;"
                           " INSERT INTO loose_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 30;"
                           " UPDATE loose_projects SET updated_at = NULL WHERE id > 20"));
        QJsonObject definition = definitionJson(QStringLiteral("Loose"), QStringLiteral("N "));
        definition.insert(QStringLiteral("source"),
            QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("loose_projects")}});
        importDefinitionsJson({definition});
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Loose"))->id;

        const RunOutcome first = push(QStringLiteral("Loose"), pushOptions(4)); // pages of 4: NULL rows across pages
        QVERIFY2(first.status == RunStatus::Succeeded, qPrintable(first.message));
        QCOMPARE(first.counters.created, 30);
        const auto stored = LedgerRepository(*m_store).cursor(id, QStringLiteral("push"));
        QVERIFY(stored->has_value());
        QVERIFY2(!(*stored)->position.isEmpty(), "a NULL became the stored position");

        sql(QStringLiteral("UPDATE loose_projects SET name = name || ' (null, changed)' WHERE id = 25")); // still NULL
        sql(QStringLiteral(
            "INSERT INTO loose_projects (id, project_code, name, status, budget_amount, start_date, manager_email, tags, updated_at)"
            " OVERRIDING SYSTEM VALUE SELECT 100001, 'PRJ-NULL', 'new without a stamp', status, budget_amount, start_date, manager_email, "
            "tags, NULL"
            " FROM projects WHERE id = 1"));
        const RunOutcome second = push(QStringLiteral("Loose"), pushOptions(4));
        QVERIFY2(second.status == RunStatus::Succeeded, qPrintable(second.message));
        QCOMPARE(second.counters.created, 1);
        QCOMPARE(second.counters.updated, 1);
        QVERIFY(fieldsOf(QStringLiteral("N "), sql(QStringLiteral("SELECT project_code FROM loose_projects WHERE id = 25")))
                    .value(QStringLiteral("name"))
                    .toString()
                    .endsWith(QStringLiteral(" (null, changed)")));
        QCOMPARE(push(QStringLiteral("Loose"), pushOptions(4)).status, RunStatus::Succeeded); // and the run after it, too
        QSet<QString> titles;
        int items = 0;
        for (const QJsonArray &list : listContents(QStringLiteral("N "))) {
            for (const QJsonValue &item : list) {
                titles.insert(item.toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("Title")).toString());
                ++items;
            }
        }
        QCOMPARE(items, 31); // every row exactly once
        QCOMPARE(titles.size(), 31);
    }

    void aBackfillLeavesUnsyncedChangesForTheNextRun()
    {
        sql(QStringLiteral("UPDATE projects SET name = name || ' (before the backfill)' WHERE id = 30"));
        RunOptions backfill = pushOptions(500);
        backfill.backfillFields = {QStringLiteral("status")};
        const RunOutcome filled = push(QStringLiteral("Late"), backfill);
        QVERIFY2(filled.status == RunStatus::Succeeded, qPrintable(filled.message));
        const RunOutcome next = push(QStringLiteral("Late"));
        QCOMPARE(next.counters.updated, 1);
        QVERIFY(fieldsOf(QStringLiteral("L "), code(30))
                    .value(QStringLiteral("name"))
                    .toString()
                    .endsWith(QStringLiteral(" (before the backfill)")));
    }

    void aBackfillLeavesTheScanMarksAlone()
    {
        // FULL_SCAN + MARK: a backfill between two scans flags nothing that is still there.
        sql(QStringLiteral("CREATE TABLE marked_projects (LIKE projects INCLUDING ALL);"
                           " INSERT INTO marked_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 40"));
        QJsonObject definition = fullScanDefinitionJson();
        definition.insert(QStringLiteral("name"), QStringLiteral("Marked"));
        definition.insert(QStringLiteral("source"),
            QJsonObject{
                {QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("marked_projects")}});
        QJsonObject target = definition.value(QStringLiteral("targets")).toArray().first().toObject();
        target.insert(QStringLiteral("list"), QStringLiteral("K All"));
        definition.insert(QStringLiteral("targets"), QJsonArray{target});
        definition.insert(
            QStringLiteral("deletes"), QJsonObject{{QStringLiteral("policy"), QStringLiteral("MARK")}, {QStringLiteral("maxShare"), 0.2}});
        importDefinitionsJson({definition});
        QCOMPARE(push(QStringLiteral("Marked"), pushOptions(10)).counters.created, 40);

        RunOptions backfill = pushOptions(10);
        backfill.backfillFields = {QStringLiteral("status")};
        QVERIFY(push(QStringLiteral("Marked"), backfill).status == RunStatus::Succeeded);
        const RunOutcome scan = push(QStringLiteral("Marked"), pushOptions(10));
        QVERIFY2(scan.status == RunStatus::Succeeded, qPrintable(scan.message));
        int flagged = 0;
        for (const QJsonValue &item : listContents(QStringLiteral("K ")).value(QStringLiteral("All")))
            flagged += item.toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("SyncBridgeGone")).toBool() ? 1 : 0;
        QCOMPARE(flagged, 0);
        const auto events = RunRepository(*m_store).events(scan.runId);
        QVERIFY(std::none_of(
            events->cbegin(), events->cend(), [](const RunEvent &event) { return event.type == QLatin1String("rows-marked"); }));
    }
};

QTEST_GUILESS_MAIN(TestCursorLoss)
#include "tst_cursorloss.moc"

// What a push used to lose silently, against a real PostgreSQL and the emulator: a transaction that
// commits after a run read past its stamps, rows whose cursor is NULL, changes a backfill stepped
// over (the incremental cursor, and FULL_SCAN's scan marks), and items refused by a fatal error in
// the middle of a page whose cursor was saved anyway.
#include "pushoptions.h"
#include "englishplurals.h"
#include "pushtestbase.h"
#include "testpaths.h"

#include "graph/provisioning.h"
#include "source/pgsession.h"
#include "store/runrepository.h"
#include "store/sql.h"
#include "sync/identity.h"
#include "sync/interruptedruns.h"

#include <QHostInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>

#include <pqxx/transaction>

#include <csignal>
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

class TestNoSilentLoss : public PushTestBase
{
    Q_OBJECT

    // The item of a project in the lists of a definition, by project_code (Title).
    QJsonObject fieldsOf(const QString &prefix, const QString &projectCode)
    {
        for (const QJsonArray &items : listContents(prefix)) {
            for (const QJsonValue &item : items) {
                const QJsonObject fields = item.toObject().value(QStringLiteral("fields")).toObject();
                if (fields.value(QStringLiteral("Title")).toString() == projectCode)
                    return fields;
            }
        }
        return {};
    }

    // The demo push (definitionJson) of `table`, a copy of projects, as definition `name` into lists named with `prefix`.
    void importDefinitionOf(const QString &table, const QString &name, const QString &prefix)
    {
        QJsonObject definition = definitionJson(name, prefix);
        definition.insert(
            QStringLiteral("source"), QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), table}});
        importDefinitionsJson({definition});
    }

    QString code(int id) { return sql(QStringLiteral("SELECT project_code FROM projects WHERE id = %1").arg(id)); }
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

    // Every row of `table` exactly once in the lists of `prefix`: in the list its route names (the
    // demo sharding), with its current name and status; no item of no row; the ledger all SYNCED and
    // naming those very items.
    void verifyEveryRowOnceWhereItsRouteSays(const QString &definition, const QString &table, const QString &prefix)
    {
        QHash<QString, QString> listNameById;
        for (const QJsonValue &site : m_emulator.admin("GET", QStringLiteral("/index")).json().value(QStringLiteral("sites")).toArray()) {
            for (const QJsonValue &list : site.toObject().value(QStringLiteral("lists")).toArray()) {
                const QString name = list.toObject().value(QStringLiteral("displayName")).toString();
                if (name.startsWith(prefix))
                    listNameById.insert(list.toObject().value(QStringLiteral("id")).toString(), name.mid(prefix.size()));
            }
        }
        struct Item {
            QString listId;
            QString id;
            QJsonObject fields;
        };
        QHash<QString, Item> itemOfKey;
        for (auto list = listNameById.cbegin(); list != listNameById.cend(); ++list) {
            const QJsonArray items = m_emulator.admin("GET", QStringLiteral("/lists/%1/items").arg(list.key()))
                                         .json()
                                         .value(QStringLiteral("items"))
                                         .toArray();
            for (const QJsonValue &value : items) {
                const QJsonObject fields = value.toObject().value(QStringLiteral("fields")).toObject();
                const QString key = fields.value(syncBridgeKeyColumn).toString();
                QVERIFY2(!itemOfKey.contains(key), qPrintable(QStringLiteral("twin of %1 in %2").arg(key, list.value())));
                itemOfKey.insert(key, {list.key(), value.toObject().value(QStringLiteral("id")).toString(), fields});
            }
        }
        const QString rows = sql(QStringLiteral(
            "SELECT string_agg(concat_ws(chr(31), id, project_code, name, status,"
            " CASE WHEN budget_amount >= 4000000 THEN 'Large' WHEN status = 'Active' THEN 'Active' ELSE 'Other' END), chr(30) ORDER BY id)"
            " FROM %1")
                                     .arg(table));
        QHash<QString, Item> itemOfRow; // by identity hash, for the ledger
        const QString salt = DefinitionRepository(*m_store).byName(definition)->keySalt;
        for (const QString &row : rows.split(QChar(30))) {
            const QStringList column = row.split(QChar(31));
            QCOMPARE(column.size(), 5);
            const QString hash = rowIdentity({QStringLiteral("id")}, {column.at(0)}, salt).hash;
            QVERIFY2(itemOfKey.contains(hash), qPrintable(QStringLiteral("row %1 is missing").arg(column.at(1))));
            const Item item = itemOfKey.take(hash);
            QCOMPARE(listNameById.value(item.listId), column.at(4)); // no item left in the old list
            QCOMPARE(item.fields.value(QStringLiteral("Title")).toString(), column.at(1));
            QCOMPARE(item.fields.value(QStringLiteral("name")).toString(), column.at(2));
            QCOMPARE(item.fields.value(QStringLiteral("status")).toString(), column.at(3));
            itemOfRow.insert(hash, item);
        }
        QVERIFY2(itemOfKey.isEmpty(), qPrintable(QStringLiteral("%1 item(s) of no row").arg(itemOfKey.size())));
        const auto ledger = LedgerRepository(*m_store).entries(DefinitionRepository(*m_store).byName(definition)->id);
        QCOMPARE(ledger->size(), itemOfRow.size());
        for (const LedgerEntry &entry : std::as_const(*ledger)) {
            QCOMPARE(entry.state, LedgerState::Synced);
            QCOMPARE(entry.listGraphId, itemOfRow.value(entry.identityHash).listId);
            QCOMPARE(entry.itemId, itemOfRow.value(entry.identityHash).id);
        }
    }

    int setFaults(const QJsonObject &faults)
    {
        return m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("faults"), faults}}).status;
    }

    // Pushes "Late" while SharePoint refuses `rate` of the operations with `status`, from the moment
    // the lists are found and the first page is about to be written; no faults afterwards.
    RunOutcome pushRefusing(double rate, int status)
    {
        bool refusing = false;
        const RunOutcome outcome = push(QStringLiteral("Late"), pushOptions(500), {}, [&](const RunProgress &progress) {
            if (!refusing && progress.phase == RunPhase::Pushing) {
                refusing = true;
                setFaults({{QStringLiteral("errorRate"), rate}, {QStringLiteral("errorStatuses"), QJsonArray{status}}});
            }
        });
        setFaults({{QStringLiteral("errorRate"), 0}});
        return outcome;
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

    void itemsAFatalErrorRefusesWaitForARetry()
    {
        // 403 on part of a page (permissions pulled mid-run): the run stops, and what it could not
        // write waits in the retry queue, so the next run delivers every change.
        sql(QStringLiteral("UPDATE projects SET name = name || ' (refused once)' WHERE id BETWEEN 101 AND 160"));
        const RunOutcome stopped = pushRefusing(0.3, 403);
        QCOMPARE(stopped.status, RunStatus::Failed);
        QVERIFY(stopped.counters.failed > 0);
        QVERIFY(stopped.counters.updated < 60);

        const RunOutcome next = push(QStringLiteral("Late"));
        QVERIFY2(next.status == RunStatus::Succeeded, qPrintable(next.message));
        int delivered = 0;
        for (const QJsonArray &items : listContents(QStringLiteral("L "))) {
            for (const QJsonValue &item : items)
                delivered += item.toObject()
                                 .value(QStringLiteral("fields"))
                                 .toObject()
                                 .value(QStringLiteral("name"))
                                 .toString()
                                 .endsWith(QStringLiteral(" (refused once)"))
                    ? 1
                    : 0;
        }
        QCOMPARE(delivered, 60);
    }

    void anOldItemAMoveCouldNotDeleteIsDeletedLater()
    {
        // Rows move to the Large list while SharePoint refuses half the operations (409): creates
        // that fail wait for a retry, and an old item whose delete fails is not forgotten — the
        // next run deletes it. In the end every row is in exactly one list.
        sql(QStringLiteral("UPDATE projects SET budget_amount = 4500000 WHERE id BETWEEN 200 AND 259 AND budget_amount < 4000000"));
        const RunOutcome refused = pushRefusing(0.5, 409);
        const auto events = RunRepository(*m_store).events(refused.runId);
        QVERIFY2(std::any_of(
                     events->cbegin(), events->cend(), [](const RunEvent &event) { return event.type == QLatin1String("move-cleanup"); }),
            "no old item's delete was refused: the scenario did not happen");
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Late"))->id;
        for (int run = 0; run < 3 && LedgerRepository(*m_store).retryQueueSummary(id)->waiting > 0; ++run) {
            QVERIFY(LedgerRepository(*m_store).makeRetriesDue(id, QDateTime::currentDateTimeUtc()).ok());
            push(QStringLiteral("Late"));
        }
        const RunOutcome settled = push(QStringLiteral("Late")); // resolves what the last one left pending
        QVERIFY2(settled.status == RunStatus::Succeeded, qPrintable(settled.message));
        verifyExactlyOnce(QStringLiteral("Late"), QStringLiteral("L "));
    }

    void aRunDoesNotSaySucceededWhileAWriteWaitsToBeConfirmed()
    {
        // Rows move while SharePoint refuses every delete and nothing else: the new items are made,
        // the old ones stay, and their moves wait as pending writes for the next run (Confirming
        // cannot delete them either). Nothing waits in the retry queue, yet the lists hold twins
        // of these rows: the run must not say it succeeded.
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Late"))->id;
        QCOMPARE(LedgerRepository(*m_store).retryQueueSummary(id)->waiting, 0);
        const QString moving = QStringLiteral("id BETWEEN 300 AND 399 AND budget_amount < 4000000");
        const int moves = sql(QStringLiteral("SELECT count(*) FROM projects WHERE %1").arg(moving)).toInt();
        QVERIFY(moves > 10);
        sql(QStringLiteral("UPDATE projects SET budget_amount = 4600000 WHERE %1").arg(moving));
        QCOMPARE(setFaults({{QStringLiteral("errorRate"), 1.0}, {QStringLiteral("errorStatuses"), QJsonArray{409}},
                     {QStringLiteral("errorMethods"), QJsonArray{QStringLiteral("DELETE")}}}),
            200);
        const RunOutcome refused = push(QStringLiteral("Late"));
        QCOMPARE(setFaults({{QStringLiteral("errorRate"), 0}, {QStringLiteral("errorMethods"), QJsonArray{}}}), 200);
        QCOMPARE(refused.counters.moved, moves);
        QCOMPARE(refused.counters.failed, 0);
        QCOMPARE(LedgerRepository(*m_store).retryQueueSummary(id)->waiting, 0);
        QCOMPARE(LedgerRepository(*m_store).entries(id, LedgerState::Pending)->size(), moves);
        QCOMPARE(refused.status, RunStatus::PartiallyFailed);
        QVERIFY2(
            refused.message.contains(
                QStringLiteral("%1 write%2 to be confirmed by the next run").arg(moves).arg(moves == 1 ? QString() : QStringLiteral("s"))),
            qPrintable(refused.message));

        const RunOutcome settled = push(QStringLiteral("Late")); // deletes the old items
        QVERIFY2(settled.status == RunStatus::Succeeded, qPrintable(settled.message));
        QVERIFY2(!settled.message.contains(QStringLiteral("wait to be confirmed")), qPrintable(settled.message));
        verifyExactlyOnce(QStringLiteral("Late"), QStringLiteral("L "));
    }

    void writesWhoseAnswerWasLostAreConfirmedBeforeTheRunEnds()
    {
        // Every connection drops after SharePoint ran the creates (no answer, whatever the network
        // stack re-sends): the run looks the unanswered creates up by SyncBridgeKey before it ends,
        // removes what a re-sent request doubled, and knows they arrived.
        sql(QStringLiteral("INSERT INTO projects (project_code, name, status, budget_amount, start_date, manager_email, tags)"
                           " SELECT 'NEW-' || i, 'new project ' || i, 'Active', 1000, '2026-06-01', 'pm@example.com', ARRAY['new']"
                           " FROM generate_series(1, 200) AS i"));
        bool dropping = false, calm = false;
        const auto setDrops = [this](double rate) { return setFaults({{QStringLiteral("dropRate"), rate}}); };
        const RunOutcome outcome = push(QStringLiteral("Late"), pushOptions(20), {}, [&](const RunProgress &progress) {
            if (!dropping && progress.phase == RunPhase::Pushing) {
                dropping = true;
                QCOMPARE(setDrops(1.0), 200);
            } else if (dropping && !calm && (progress.phase == RunPhase::CheckingDuplicates || progress.phase == RunPhase::Confirming)) {
                calm = true; // the look-ups themselves go through
                QCOMPARE(setDrops(0), 200);
            }
        });
        QCOMPARE(setDrops(0), 200);
        QVERIFY(dropping && calm);
        const auto events = RunRepository(*m_store).events(outcome.runId);
        QVERIFY2(
            std::any_of(events->cbegin(), events->cend(), [](const RunEvent &event) { return event.type == QLatin1String("confirmed"); }),
            "no create went unanswered: the scenario did not happen");
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.message));
        QCOMPARE(outcome.counters.created, 200);
        QCOMPARE(outcome.counters.failed, 0);
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Late"))->id;
        QCOMPARE(LedgerRepository(*m_store).retryQueueSummary(id)->waiting, 0);
        verifyExactlyOnce(QStringLiteral("Late"), QStringLiteral("L "));
    }

    void aPendingWriteToAListThatIsGoneDoesNotWedgeTheDefinition()
    {
        // A create left unconfirmed in a list that was deleted since: recovery used to fail on the
        // list's 404 in every later run. Now nothing can be there, so the row is written where its
        // route says.
        sql(QStringLiteral("INSERT INTO projects (project_code, name, status, budget_amount, start_date, manager_email, tags)"
                           " VALUES ('ORPHAN-1', 'pending in a gone list', 'Active', 10, '2026-06-01', 'pm@example.com', ARRAY['x'])"));
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Late"))->id;
        const RowIdentity identity
            = rowIdentity({QStringLiteral("id")}, {sql(QStringLiteral("SELECT id FROM projects WHERE project_code = 'ORPHAN-1'"))},
                DefinitionRepository(*m_store).byId(id)->keySalt);
        LedgerEntry pending;
        pending.definitionId = id;
        pending.identityHash = identity.hash;
        pending.identityText = identity.text;
        pending.listGraphId = QStringLiteral("a-list-deleted-since");
        pending.state = LedgerState::Pending;
        QVERIFY(LedgerRepository(*m_store).upsert({pending}).ok());

        const RunOutcome outcome = push(QStringLiteral("Late"));
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.error ? outcome.error->toString() : outcome.message));
        QCOMPARE(outcome.counters.created, 1);
        QCOMPARE(fieldsOf(QStringLiteral("L "), QStringLiteral("ORPHAN-1")).value(QStringLiteral("name")).toString(),
            QStringLiteral("pending in a gone list"));
        const auto events = RunRepository(*m_store).events(outcome.runId);
        QVERIFY(std::any_of(
            events->cbegin(), events->cend(), [](const RunEvent &event) { return event.type == QLatin1String("pending-list-gone"); }));
        verifyExactlyOnce(QStringLiteral("Late"), QStringLiteral("L "));
    }

    void aRunDoesNotSaySucceededWhileRowsWaitForARetry()
    {
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Late"))->id;
        sql(QStringLiteral("UPDATE projects SET budget_amount = 'NaN' WHERE id = 40"));
        QCOMPARE(push(QStringLiteral("Late")).counters.failed, 1);
        QCOMPARE(push(QStringLiteral("Late")).counters.failed, 1); // retried at once, refused again: the next attempt backs off
        const RunOutcome waiting = push(QStringLiteral("Late"));   // nothing due, nothing failed in this run
        QCOMPARE(waiting.counters.failed, 0);
        QCOMPARE(waiting.status, RunStatus::PartiallyFailed); // yet the row is not in SharePoint
        QVERIFY2(waiting.message.contains(QStringLiteral("1 row in the retry queue")), qPrintable(waiting.message));

        sql(QStringLiteral("UPDATE projects SET budget_amount = 10 WHERE id = 40"));
        QVERIFY(LedgerRepository(*m_store).makeRetriesDue(id, QDateTime::currentDateTimeUtc()).ok());
        const RunOutcome delivered = push(QStringLiteral("Late"));
        QVERIFY2(delivered.status == RunStatus::Succeeded, qPrintable(delivered.message));
        QCOMPARE(delivered.counters.updated, 1);
    }

    void aRetryQueueOf100000RowsIsWorkedThroughInPages()
    {
        // Rows queued long ago whose source rows are gone, and one new change: the run reads the
        // queue a page at a time (no IN list of 100,000 keys), clears it and delivers the change.
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Late"))->id;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const Result<void> queued = inTransaction(m_store->connection(), [&]() -> Result<void> {
            LedgerRepository ledger(*m_store);
            for (int i = 1; i <= 100000; ++i) {
                const QString text = QStringLiteral("id=%1").arg(1000000 + i); // no such row
                if (auto added = ledger.enqueueRetry({0, id, QStringLiteral("gone-%1").arg(i), text, 3, now, QStringLiteral("refused")});
                    !added)
                    return added;
            }
            return success();
        });
        QVERIFY(queued.ok());
        QCOMPARE(LedgerRepository(*m_store).retryQueueSummary(id)->waiting, 100000);
        sql(QStringLiteral("UPDATE projects SET name = name || ' (behind a long queue)' WHERE id = 41"));

        const RunOutcome outcome = push(QStringLiteral("Late"));
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.error ? outcome.error->toString() : outcome.message));
        QCOMPARE(outcome.counters.updated, 1);
        QCOMPARE(LedgerRepository(*m_store).retryQueueSummary(id)->waiting, 0);
        QVERIFY(fieldsOf(QStringLiteral("L "), code(41))
                    .value(QStringLiteral("name"))
                    .toString()
                    .endsWith(QStringLiteral(" (behind a long queue)")));
    }

    void runsWhoseProcessDiedAreMarkedInterrupted()
    {
        // A run killed with its process stays RUNNING in the history; the next run of its
        // definition (or the next start of SyncBridge) marks it, if its process is gone.
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Late"))->id;
        QProcess ended;
        ended.start(QStringLiteral("true"), QStringList());
        QVERIFY(ended.waitForStarted());
        const qint64 endedPid = ended.processId();
        QVERIFY(ended.waitForFinished());
        const auto addRunning = [&](const QString &agent) {
            SyncRun run;
            run.definitionId = id;
            run.agent = agent;
            return RunRepository(*m_store).startRun(run).value();
        };
        const qint64 killed = addRunning(QStringLiteral("%1:%2").arg(QHostInfo::localHostName()).arg(endedPid));
        const qint64 alive = addRunning(thisAgent());
        const qint64 elsewhere = addRunning(QStringLiteral("another-host:4242"));

        QVERIFY(push(QStringLiteral("Late")).status != RunStatus::Running);
        const SyncRun interrupted = RunRepository(*m_store).run(killed).value();
        QCOMPARE(interrupted.status, RunStatus::Interrupted);
        QVERIFY(interrupted.finishedAt.isValid());
        QVERIFY2(interrupted.message.contains(QHostInfo::localHostName()) && interrupted.message.contains(QString::number(endedPid)),
            qPrintable(interrupted.message));
        const auto events = RunRepository(*m_store).events(killed);
        QVERIFY(std::any_of(
            events->cbegin(), events->cend(), [](const RunEvent &event) { return event.type == QLatin1String("run-interrupted"); }));
        QCOMPARE(RunRepository(*m_store).run(alive)->status, RunStatus::Running);     // its process lives
        QCOMPARE(RunRepository(*m_store).run(elsewhere)->status, RunStatus::Running); // another machine's: unknown here
        for (const qint64 leftOver : {alive, elsewhere}) {
            SyncRun run = RunRepository(*m_store).run(leftOver).value();
            run.status = RunStatus::Cancelled;
            QVERIFY(RunRepository(*m_store).updateRun(run).ok());
        }
    }

    void aRunKilledWhileMovingRowsUnderFaultsLosesAndDuplicatesNothing()
    {
        // 1,000 rows change lists (Active ⇄ Other) while SharePoint refuses 10 % of the item writes
        // (409, 500, 503), and syncbridge-cli is killed with SIGKILL once some moves are done: creates
        // and deletes cut off mid-batch, moves half done, refusals queued or not yet. After the
        // faults end, runs are made until nothing waits; every row must then be once, in its list.
        sql(QStringLiteral("CREATE TABLE moving_projects (LIKE projects INCLUDING ALL);"
                           " INSERT INTO moving_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 3000;"
                           " CREATE TRIGGER moving_projects_touch_updated_at BEFORE UPDATE ON moving_projects"
                           "   FOR EACH ROW EXECUTE FUNCTION touch_updated_at()"));
        importDefinitionOf(QStringLiteral("moving_projects"), QStringLiteral("Moving"), QStringLiteral("M "));
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Moving"))->id;
        QCOMPARE(push(QStringLiteral("Moving")).counters.created, 3000);
        sql(QStringLiteral("UPDATE moving_projects SET name = name || ' (moved)',"
                           "   status = CASE WHEN status = 'Active' THEN 'On Hold' ELSE 'Active' END::project_status"
                           " WHERE id IN (SELECT id FROM moving_projects WHERE budget_amount < 4000000 OR budget_amount IS NULL"
                           "              ORDER BY id LIMIT 1000)"));

        QCOMPARE(
            setFaults({{QStringLiteral("errorRate"), 0.1}, {QStringLiteral("errorStatuses"), QJsonArray{409, 500, 503}},
                {QStringLiteral("retryAfterSeconds"), 1},
                {QStringLiteral("errorMethods"), QJsonArray{QStringLiteral("POST"), QStringLiteral("PATCH"), QStringLiteral("DELETE")}}}),
            200);
        // A little latency, so the kill lands while the run is writing rather than after it.
        QCOMPARE(
            m_emulator
                .admin("PATCH", QStringLiteral("/config"),
                    {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), 10}, {QStringLiteral("randomMaxMs"), 40}}}})
                .status,
            200);
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/stats/reset")).status, 204);
        QProcess cli;
        startCli(cli, QStringLiteral("Moving"));
        QVERIFY(cli.waitForStarted());
        RunFilter running;
        running.definitionId = id;
        running.status = RunStatus::Running;
        running.limit = 1;
        qint64 killedRun = 0, movedBeforeTheKill = 0;
        while (killedRun == 0 && !cli.waitForFinished(10)) {
            const auto runs = RunRepository(*m_store).runs(running);
            if (runs && !runs->isEmpty() && runs->first().counters.moved >= 200) {
                ::kill(pid_t(cli.processId()), SIGKILL);
                killedRun = runs->first().id;
                movedBeforeTheKill = runs->first().counters.moved;
            }
        }
        cli.waitForFinished();
        QCOMPARE(setFaults({{QStringLiteral("errorRate"), 0}, {QStringLiteral("errorMethods"), QJsonArray{}}}), 200);
        QCOMPARE(
            m_emulator
                .admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMaxMs"), 0}}}})
                .status,
            200);
        QVERIFY2(killedRun > 0,
            qPrintable(QStringLiteral("the run ended before 200 moves: %1").arg(QString::fromUtf8(cli.readAllStandardOutput()))));
        QCOMPARE(cli.exitStatus(), QProcess::CrashExit);
        const qint64 injected
            = m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("injectedFailures")).toInteger();
        const qint64 pendingAtTheKill = LedgerRepository(*m_store).count(id, LedgerState::Pending).value();
        const qint64 queuedAtTheKill = LedgerRepository(*m_store).retryQueueSummary(id)->waiting;
        qInfo("killed syncbridge-cli after %lld of 1000 moves; %lld item writes refused so far; %lld writes pending, %lld rows queued",
            movedBeforeTheKill, injected, pendingAtTheKill, queuedAtTheKill);
        QVERIFY2(injected > 0, "no write was refused: the scenario did not happen");

        QList<RunOutcome> after;
        for (int run = 0; run < 5; ++run) {
            QVERIFY(LedgerRepository(*m_store).makeRetriesDue(id, QDateTime::currentDateTimeUtc()).ok());
            after << push(QStringLiteral("Moving"));
            if (after.last().status == RunStatus::Succeeded)
                break;
        }
        QStringList summary;
        for (const RunOutcome &outcome : std::as_const(after))
            summary << QStringLiteral("%1 (%2)").arg(enumName(outcome.status), outcome.message);
        qInfo("runs after the kill: %s", qPrintable(summary.join(QStringLiteral(" | "))));
        QCOMPARE(after.last().status, RunStatus::Succeeded);
        QCOMPARE(LedgerRepository(*m_store).retryQueueSummary(id)->waiting, 0);
        QCOMPARE(LedgerRepository(*m_store).count(id, LedgerState::Pending).value(), 0);
        const SyncRun killed = RunRepository(*m_store).run(killedRun).value();
        QCOMPARE(killed.status, RunStatus::Interrupted);
        verifyEveryRowOnceWhereItsRouteSays(QStringLiteral("Moving"), QStringLiteral("moving_projects"), QStringLiteral("M "));
        if (QTest::currentTestFailed())
            return;

        // --look-back reaches the run: 0 trusts the stamps (nothing new since the last run), an
        // hour reads the moved rows again — unchanged, so nothing is written.
        for (const auto &[lookBack, expected] : {std::pair{"0", "Read 0 rows"}, std::pair{"3600", "0 created, 0 updated, 0 moved"}}) {
            QProcess run;
            startCli(run, QStringLiteral("Moving"), {QStringLiteral("--look-back"), QLatin1String(lookBack)});
            QVERIFY(run.waitForFinished(120000));
            const QString out = QString::fromUtf8(run.readAllStandardOutput());
            QVERIFY2(run.exitCode() == 0, qPrintable(out + QString::fromUtf8(run.readAllStandardError())));
            QVERIFY2(out.contains(QLatin1String(expected)), qPrintable(out));
            if (QLatin1String(lookBack) == QLatin1String("3600")) {
                const int read = QRegularExpression(QStringLiteral("Read (\\d+) row")).match(out).captured(1).toInt();
                QVERIFY2(read >= 1000, qPrintable(out));
            }
        }
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

QTEST_GUILESS_MAIN(TestNoSilentLoss)
#include "tst_nosilentloss.moc"

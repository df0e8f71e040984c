// The push engine end to end: a real PostgreSQL with the demo data, the real emulator, a real
// SQLite meta-store. First run, incremental updates and moves, item failures in the retry queue,
// a list deleted mid-run, the primary database stopped and every token revoked mid-run, and
// syncbridge-cli killed with SIGKILL in the middle of a push.
#include "await.h"
#include "emulatorprocess.h"
#include "postgresfixture.h"
#include "pushoptions.h"
#include "testpaths.h"

#include "graph/governor.h"
#include "secrets/memorysecretstore.h"
#include "store/connectionrepository.h"
#include "store/definitionimporter.h"
#include "store/definitionrepository.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "sync/pushrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {

QJsonObject definitionJson(const QString &name, const QString &prefix)
{
    const auto target = [&](const char *id, const char *list) {
        return QJsonObject{{QStringLiteral("name"), QLatin1String(id)}, {QStringLiteral("connection"), QStringLiteral("Emulator")},
                           {QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:/sites/pmo")}, {QStringLiteral("list"), prefix + QLatin1String(list)}};
    };
    QJsonArray mappings;
    for (const char *column : {"name", "status", "budget_amount", "start_date", "manager_email", "tags", "updated_at"})
        mappings.append(QJsonObject{{QStringLiteral("source"), QLatin1String(column)}, {QStringLiteral("target"), QLatin1String(column)},
                                    {QStringLiteral("direction"), QStringLiteral("PUSH_ONLY")}});
    mappings.append(QJsonObject{{QStringLiteral("source"), QStringLiteral("project_code")}, {QStringLiteral("target"), QStringLiteral("Title")},
                                {QStringLiteral("direction"), QStringLiteral("PUSH_ONLY")}, {QStringLiteral("key"), true}});
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("source"), QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("projects")}}},
        {QStringLiteral("cursor"), QJsonObject{{QStringLiteral("strategy"), QStringLiteral("UPDATED_AT")}, {QStringLiteral("column"), QStringLiteral("updated_at")}}},
        {QStringLiteral("targetStrategy"), QStringLiteral("CONDITIONAL")},
        {QStringLiteral("targets"), QJsonArray{target("Large", "Large"), target("Active", "Active"), target("Other", "Other")}},
        {QStringLiteral("sharding"), QJsonObject{{QStringLiteral("rules"), QJsonArray{
                                                     QJsonObject{{QStringLiteral("condition"), QStringLiteral("budget_amount >= 4000000")}, {QStringLiteral("target"), QStringLiteral("Large")}},
                                                     QJsonObject{{QStringLiteral("condition"), QStringLiteral("status == 'Active'")}, {QStringLiteral("target"), QStringLiteral("Active")}}}},
                                                 {QStringLiteral("default"), QStringLiteral("Other")}}},
        {QStringLiteral("mappings"), mappings}};
}

// FULL_SCAN over scan_projects into one list, deleting the items of rows gone from the source.
QJsonObject fullScanDefinitionJson()
{
    QJsonObject definition = definitionJson(QStringLiteral("Scan"), QStringLiteral("S "));
    definition.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("scan_projects")}});
    definition.insert(QStringLiteral("cursor"), QJsonObject{{QStringLiteral("strategy"), QStringLiteral("FULL_SCAN")}});
    definition.insert(QStringLiteral("targetStrategy"), QStringLiteral("SINGLE"));
    definition.insert(QStringLiteral("targets"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("All")}, {QStringLiteral("connection"), QStringLiteral("Emulator")},
                                                                        {QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:/sites/pmo")},
                                                                        {QStringLiteral("list"), QStringLiteral("S All")}}});
    definition.remove(QStringLiteral("sharding"));
    definition.insert(QStringLiteral("deletes"), QJsonObject{{QStringLiteral("policy"), QStringLiteral("DELETE")}, {QStringLiteral("maxShare"), 0.2}});
    return definition;
}

} // namespace

class TestPushEngine : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PostgresFixture m_postgres;
    EmulatorProcess m_emulator;
    std::shared_ptr<MetaStore> m_store;
    MemorySecretStore m_secrets;
    std::shared_ptr<Governor> m_governor;

    QString sql(const QString &statement) { return m_postgres.query(QStringLiteral("demo"), statement).value(); }

    RunOutcome push(const QString &definition, PushOptions options = {}, std::function<bool(const MassDeleteCheck &)> approveMassDelete = {},
                    std::function<void(const RunProgress &)> onProgress = {})
    {
        const qint64 id = DefinitionRepository(*m_store).byName(definition)->id;
        PushRun run(m_store, m_secrets, m_governor, id, options);
        run.setMassDeleteApproval(std::move(approveMassDelete));
        if (onProgress)
            QObject::connect(&run, &PushRun::progress, &run, onProgress);
        return await<RunOutcome>([&](auto done) {
            QObject::connect(&run, &PushRun::finished, &run, [done](const RunOutcome &outcome) { done(outcome); });
            run.start();
        });
    }

    // Another definition of the demo push (lists named with the prefix), optionally on another database.
    void addDefinition(const QString &name, const QString &prefix, const QString &database = QStringLiteral("Demo"))
    {
        QJsonObject definition = definitionJson(name, prefix);
        definition.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("database"), database}, {QStringLiteral("table"), QStringLiteral("projects")}});
        auto imported = importDefinitions(*m_store, QJsonDocument(QJsonObject{{QStringLiteral("definitions"), QJsonArray{definition}}}).toJson());
        QVERIFY(imported.ok() && imported->ok());
    }

    // List id → items (id, fields) as the emulator holds them.
    QHash<QString, QJsonArray> listContents(const QString &prefix)
    {
        QHash<QString, QJsonArray> contents;
        for (const QJsonValue &site : m_emulator.admin("GET", QStringLiteral("/index")).json().value(QStringLiteral("sites")).toArray()) {
            for (const QJsonValue &list : site.toObject().value(QStringLiteral("lists")).toArray()) {
                const QString name = list.toObject().value(QStringLiteral("displayName")).toString();
                if (name.startsWith(prefix))
                    contents.insert(name.mid(prefix.size()),
                                    m_emulator.admin("GET", QStringLiteral("/lists/%1/items").arg(list.toObject().value(QStringLiteral("id")).toString()))
                                        .json().value(QStringLiteral("items")).toArray());
            }
        }
        return contents;
    }

    // Every row exactly once, in the list its route says, keyed by its identity hash; no twins.
    void verifyExactlyOnce(const QString &definitionName, const QString &prefix, PostgresFixture *source = nullptr)
    {
        const auto count = [&](const QString &statement) {
            return (source ? source : &m_postgres)->query(QStringLiteral("demo"), statement).value().toInt();
        };
        const QHash<QString, QJsonArray> contents = listContents(prefix);
        QHash<QString, QString> listOfKey;
        int items = 0;
        for (auto it = contents.constBegin(); it != contents.constEnd(); ++it) {
            for (const QJsonValue &item : it.value()) {
                const QString key = item.toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("SyncBridgeKey")).toString();
                QVERIFY2(!key.isEmpty(), "an item without SyncBridgeKey");
                QVERIFY2(!listOfKey.contains(key), qPrintable(QStringLiteral("duplicate SyncBridgeKey %1").arg(key)));
                listOfKey.insert(key, it.key());
                ++items;
            }
        }
        QCOMPARE(items, 5000);
        QCOMPARE(contents.value(QStringLiteral("Large")).size(), count(QStringLiteral("SELECT count(*) FROM projects WHERE budget_amount >= 4000000")));
        QCOMPARE(contents.value(QStringLiteral("Active")).size(),
                 count(QStringLiteral("SELECT count(*) FROM projects WHERE status = 'Active' AND (budget_amount < 4000000 OR budget_amount IS NULL)")));
        const qint64 definitionId = DefinitionRepository(*m_store).byName(definitionName)->id;
        const auto ledger = LedgerRepository(*m_store).entries(definitionId);
        QCOMPARE(ledger->size(), 5000);
        for (const LedgerEntry &entry : std::as_const(*ledger)) {
            QCOMPARE(entry.state, LedgerState::Synced);
            QVERIFY(listOfKey.contains(entry.identityHash));
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_postgres.start().ok());
        QVERIFY(m_postgres.createDatabase(QStringLiteral("demo")).ok());
        QVERIFY(m_postgres.runSqlFile(QStringLiteral("demo"), demoSqlPath()).ok());
        QString error;
        QVERIFY2(m_emulator.start({}, &error), qPrintable(error));
        QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("throttling"), QJsonObject{{QStringLiteral("ruPerMinute"), 1000000}}}}).status, 200);

        auto store = MetaStore::open(*StoreLocation::parse(m_dir.filePath(QStringLiteral("store.db"))));
        QVERIFY(store.ok());
        m_store = *store;
        ConnectionRepository connections(*m_store);
        Database database = m_postgres.databaseConnection(QStringLiteral("demo"), QStringLiteral("Demo"));
        database.instances[0].secretRef = QStringLiteral("postgres/demo");
        QVERIFY(writeSecretBlocking(m_secrets, QStringLiteral("postgres/demo"), m_postgres.password()).ok());
        QVERIFY(connections.saveDatabase(database).ok());
        SharePointConnection sharePoint = m_emulator.sharePointConnection();
        sharePoint.ruPerMinute = 1000000;
        QVERIFY(writeSecretBlocking(m_secrets, QStringLiteral("sharepoint/demo"), QStringLiteral("demo-secret")).ok());
        QVERIFY(connections.saveSharePointConnection(sharePoint).ok());
        const QJsonObject document{{QStringLiteral("definitions"), QJsonArray{definitionJson(QStringLiteral("Projects"), QStringLiteral("P ")),
                                                                              definitionJson(QStringLiteral("Crash"), QStringLiteral("C ")),
                                                                              definitionJson(QStringLiteral("Faults"), QStringLiteral("F ")),
                                                                              fullScanDefinitionJson()}}};
        sql(QStringLiteral("CREATE TABLE scan_projects (LIKE projects INCLUDING ALL)"));
        sql(QStringLiteral("INSERT INTO scan_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 100"));
        auto imported = importDefinitions(*m_store, QJsonDocument(document).toJson());
        QVERIFY(imported.ok() && imported->ok());
        GovernorSettings unlimited;
        unlimited.ruPerWindow = 1000000;
        m_governor = std::make_shared<Governor>(unlimited);
    }

    void dryRunWritesNothing()
    {
        const RunOutcome outcome = push(QStringLiteral("Projects"), pushOptions(1000, dryRun, 3));
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        qint64 creates = 0;
        for (const auto &actions : outcome.plan)
            creates += actions.value(QStringLiteral("create"));
        QCOMPARE(creates, 5000);
        QCOMPARE(outcome.samples.size(), 3);
        QVERIFY(outcome.samples.first().value(QStringLiteral("fields")).toObject().contains(QStringLiteral("Title")));
        QVERIFY(listContents(QStringLiteral("P ")).isEmpty());   // no list was even created
    }

    void firstRunPushesEveryRowToItsList()
    {
        const RunOutcome outcome = push(QStringLiteral("Projects"));
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.counters.rowsRead, 5000);
        QCOMPARE(outcome.counters.created, 5000);
        verifyExactlyOnce(QStringLiteral("Projects"), QStringLiteral("P "));
        // values arrive typed: a unicode name, a budget, a date, a multi-choice
        const QJsonArray large = listContents(QStringLiteral("P ")).value(QStringLiteral("Large"));
        const QJsonObject fields = large.first().toObject().value(QStringLiteral("fields")).toObject();
        QVERIFY(fields.value(QStringLiteral("Title")).toString().startsWith(QStringLiteral("PRJ-")));
        QVERIFY(fields.value(QStringLiteral("budget_amount")).toDouble() >= 4000000);
        QVERIFY(fields.value(QStringLiteral("updated_at")).toString().endsWith(QLatin1Char('Z')));
    }

    void noChangeRunReadsNothing()
    {
        const qint64 ruBefore = m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("ruSpent")).toInteger();
        const RunOutcome outcome = push(QStringLiteral("Projects"));
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.counters.rowsRead, 0);
        const qint64 ruAfter = m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("ruSpent")).toInteger();
        QVERIFY2(ruAfter - ruBefore <= 12, qPrintable(QString::number(ruAfter - ruBefore)));   // discovery only: 0 RU per unchanged row
    }

    void updatesMovesAndFullResync()
    {
        sql(QStringLiteral("UPDATE projects SET budget_amount = 4500000 WHERE id IN (5, 7)"));         // → Large: moves
        sql(QStringLiteral("UPDATE projects SET name = name || ' (v2)' WHERE id IN (11, 12, 13)"));  // → updates
        const RunOutcome outcome = push(QStringLiteral("Projects"));
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.counters.rowsRead, 5);
        QCOMPARE(outcome.counters.moved, 2);
        QCOMPARE(outcome.counters.updated, 3);
        // a full re-sync compares every row: nothing changed, so nothing is written and nothing duplicated
        const RunOutcome again = push(QStringLiteral("Projects"), pushOptions(1000, resetCursor));
        QCOMPARE(again.counters.rowsRead, 5000);
        QCOMPARE(again.counters.skipped, 5000);
        QCOMPARE(again.counters.created + again.counters.updated, 0);
        verifyExactlyOnce(QStringLiteral("Projects"), QStringLiteral("P "));
        bool found = false;
        for (const QJsonArray &items : listContents(QStringLiteral("P "))) {
            for (const QJsonValue &item : items) {
                const QJsonObject fields = item.toObject().value(QStringLiteral("fields")).toObject();
                if (fields.value(QStringLiteral("Title")).toString() == QLatin1String("PRJ-00012")) {
                    QVERIFY(fields.value(QStringLiteral("name")).toString().endsWith(QStringLiteral(" (v2)")));
                    QCOMPARE(item.toObject().value(QStringLiteral("version")).toInt(), 2);
                    found = true;
                }
            }
        }
        QVERIFY(found);
    }

    void failedRowsWaitInTheRetryQueueWhileTheCursorMovesOn()
    {
        sql(QStringLiteral("UPDATE projects SET budget_amount = 'NaN' WHERE id = 20"));
        sql(QStringLiteral("UPDATE projects SET name = 'after the bad row' WHERE id = 21"));
        const RunOutcome outcome = push(QStringLiteral("Projects"));
        QCOMPARE(outcome.status, RunStatus::PartiallyFailed);
        QCOMPARE(outcome.counters.failed, 1);
        QCOMPARE(outcome.counters.updated, 1);
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Projects"))->id;
        const auto retries = LedgerRepository(*m_store).retries(id);
        QCOMPARE(retries->size(), 1);
        QCOMPARE(retries->first().identityText, QStringLiteral("id=20"));
        QVERIFY(retries->first().lastError.contains(QStringLiteral("NaN cannot be stored")));
        QCOMPARE(push(QStringLiteral("Projects")).counters.failed, 1);   // retried first, fails again, still queued
        QCOMPARE(LedgerRepository(*m_store).retries(id)->first().attempts, 2);
        sql(QStringLiteral("UPDATE projects SET budget_amount = 1 WHERE id = 20"));
        const RunOutcome fixed = push(QStringLiteral("Projects"));
        QCOMPARE(fixed.status, RunStatus::Succeeded);
        QVERIFY(LedgerRepository(*m_store).retries(id)->isEmpty());
        verifyExactlyOnce(QStringLiteral("Projects"), QStringLiteral("P "));
    }

    void crashAtRandomMomentsLosesAndDuplicatesNothing()
    {
        const QString cli = cliPath();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        environment.insert(QStringLiteral("SYNCBRIDGE_SECRET_POSTGRES_DEMO"), m_postgres.password());
        environment.insert(QStringLiteral("SYNCBRIDGE_SECRET_SHAREPOINT_DEMO"), QStringLiteral("demo-secret"));
        const QStringList arguments{QStringLiteral("--store"), m_dir.filePath(QStringLiteral("store.db")), QStringLiteral("--secrets"), QStringLiteral("env"),
                                    QStringLiteral("run"), QStringLiteral("Crash"), QStringLiteral("--page-size"), QStringLiteral("50")};
        // Slow the emulator so the push outlasts ten kills and a kill lands mid-batch as well as between pages.
        m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), 20}, {QStringLiteral("randomMaxMs"), 60}}}});
        QRandomGenerator random(20261122);
        int kills = 0;
        for (int attempt = 0; attempt < 40 && kills < 10; ++attempt) {
            QProcess run;
            run.setProcessEnvironment(environment);
            run.start(cli, arguments);
            QVERIFY(run.waitForStarted());
            if (!run.waitForFinished(300 + int(random.bounded(700)))) {
                ::kill(pid_t(run.processId()), SIGKILL);
                run.waitForFinished();
                ++kills;
            }
        }
        m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), 0}, {QStringLiteral("randomMaxMs"), 0}}}});
        QProcess last;
        last.setProcessEnvironment(environment);
        last.start(cli, arguments);
        QVERIFY(last.waitForFinished(300000));
        QVERIFY2(last.exitCode() == 0, last.readAllStandardError().constData());
        qInfo("killed syncbridge-cli %d times during the push; the final run: %s", kills, last.readAllStandardOutput().trimmed().constData());
        QCOMPARE(kills, 10);
        verifyExactlyOnce(QStringLiteral("Crash"), QStringLiteral("C "));
    }

    void allRowsArriveDespiteFaults()
    {
        // 10 % 503 and 5 % 429 (Retry-After 1 s), 2 % dropped connections, random latency.
        QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"),
                                  {{QStringLiteral("seed"), 11},
                                   {QStringLiteral("faults"), QJsonObject{{QStringLiteral("errorRate"), 0.15}, {QStringLiteral("errorStatuses"), QJsonArray{503, 503, 429}},
                                                                          {QStringLiteral("retryAfterSeconds"), 1}, {QStringLiteral("dropRate"), 0.02}}},
                                   {QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), 0}, {QStringLiteral("randomMaxMs"), 20}}}})
                     .status, 200);
        QList<RunOutcome> runs;
        for (int run = 0; run < 3; ++run) {
            runs << push(QStringLiteral("Faults"), pushOptions(500));
            if (runs.last().status == RunStatus::Succeeded)
                break;
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

    void fullScanDeletesVanishedRowsBehindTheCircuitBreaker()
    {
        const auto itemsInList = [&]() { return listContents(QStringLiteral("S ")).value(QStringLiteral("All")).size(); };
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Scan"))->id;
        QCOMPARE(push(QStringLiteral("Scan")).counters.created, 100);
        QCOMPARE(itemsInList(), 100);

        // 5 rows gone: 5 % of the list, under the limit — deleted without asking.
        sql(QStringLiteral("DELETE FROM scan_projects WHERE id <= 5"));
        const RunOutcome few = push(QStringLiteral("Scan"));
        QCOMPARE(few.status, RunStatus::Succeeded);
        QCOMPARE(few.counters.rowsRead, 95);
        QCOMPARE(few.counters.skipped, 95);
        QCOMPARE(few.counters.deleted, 5);
        QCOMPARE(itemsInList(), 95);
        QCOMPARE(LedgerRepository(*m_store).entries(id)->size(), 95);

        // 45 more gone: 47 % of the list. A dry run says so and warns of the breaker, deleting nothing.
        sql(QStringLiteral("DELETE FROM scan_projects WHERE id <= 50"));
        const RunOutcome planned = push(QStringLiteral("Scan"), pushOptions(500, dryRun, 3));
        QCOMPARE(planned.status, RunStatus::Succeeded);
        QCOMPARE(planned.plan.value(QStringLiteral("S All")).value(QStringLiteral("delete")), 45);
        QCOMPARE(planned.plan.value(QStringLiteral("S All")).value(QStringLiteral("skip")), 50);
        QCOMPARE(planned.samples.size(), 3);
        QCOMPARE(planned.samples.first().value(QStringLiteral("action")).toString(), QStringLiteral("delete"));
        const auto plannedEvents = RunRepository(*m_store).events(planned.runId);
        QVERIFY(std::any_of(plannedEvents->cbegin(), plannedEvents->cend(), [](const RunEvent &e) { return e.type == QLatin1String("deletes-would-be-held"); }));
        QCOMPARE(itemsInList(), 95);
        QCOMPARE(LedgerRepository(*m_store).entries(id)->size(), 95);

        // The real run: the breaker asks; declined, nothing is deleted.
        QList<MassDeleteCheck> asked;
        const RunOutcome held = push(QStringLiteral("Scan"), {}, [&](const MassDeleteCheck &check) {
            asked << check;
            return false;
        });
        QCOMPARE(held.status, RunStatus::PartiallyFailed);
        QCOMPARE(held.counters.deleted, 0);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().listName, QStringLiteral("S All"));
        QCOMPARE(asked.first().deletions, 45);
        QCOMPARE(asked.first().items, 95);
        QCOMPARE(itemsInList(), 95);
        const auto events = RunRepository(*m_store).events(held.runId);
        QVERIFY(std::any_of(events->cbegin(), events->cend(), [](const RunEvent &e) { return e.type == QLatin1String("deletes-held-back") && e.message.contains(QStringLiteral("--allow-mass-delete")); }));

        // Confirmed on the next run: the 45 items go, the other 50 stay, the ledger follows.
        const RunOutcome confirmed = push(QStringLiteral("Scan"), {}, [](const MassDeleteCheck &) { return true; });
        QCOMPARE(confirmed.status, RunStatus::Succeeded);
        QCOMPARE(confirmed.counters.deleted, 45);
        QCOMPARE(itemsInList(), 50);
        QCOMPARE(LedgerRepository(*m_store).entries(id)->size(), 50);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM scan_projects")).toInt(), 50);
    }

    void markPolicyFlagsItemsOfVanishedRows()
    {
        // MARK: items of rows gone from the source stay, flagged SyncBridgeGone = Yes (a column the
        // run adds to the list); a row that comes back clears its flag. A dry run counts the marks.
        sql(QStringLiteral("CREATE TABLE mark_projects (LIKE projects INCLUDING ALL)"));
        sql(QStringLiteral("INSERT INTO mark_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 40"));
        QJsonObject definition = fullScanDefinitionJson();
        definition.insert(QStringLiteral("name"), QStringLiteral("Mark"));
        definition.insert(QStringLiteral("source"), QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("mark_projects")}});
        QJsonObject target = definition.value(QStringLiteral("targets")).toArray().first().toObject();
        target.insert(QStringLiteral("list"), QStringLiteral("M All"));
        definition.insert(QStringLiteral("targets"), QJsonArray{target});
        definition.insert(QStringLiteral("deletes"), QJsonObject{{QStringLiteral("policy"), QStringLiteral("MARK")}, {QStringLiteral("maxShare"), 0.2}});
        auto imported = importDefinitions(*m_store, QJsonDocument(QJsonObject{{QStringLiteral("definitions"), QJsonArray{definition}}}).toJson());
        QVERIFY(imported.ok() && imported->ok());
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Mark"))->id;
        const auto flagged = [&]() {
            QSet<QString> keys;
            for (const QJsonValue &item : listContents(QStringLiteral("M ")).value(QStringLiteral("All"))) {
                const QJsonObject fields = item.toObject().value(QStringLiteral("fields")).toObject();
                if (fields.value(QStringLiteral("SyncBridgeGone")).toBool())
                    keys.insert(fields.value(QStringLiteral("Title")).toString());
            }
            return keys;
        };
        QCOMPARE(push(QStringLiteral("Mark")).counters.created, 40);

        sql(QStringLiteral("DELETE FROM mark_projects WHERE id <= 20"));   // half the list: no breaker for flags
        const RunOutcome planned = push(QStringLiteral("Mark"), pushOptions(500, dryRun));
        QCOMPARE(planned.plan.value(QStringLiteral("M All")).value(QStringLiteral("mark")), 20);
        QVERIFY(flagged().isEmpty());

        const RunOutcome marked = push(QStringLiteral("Mark"));
        QVERIFY2(marked.status == RunStatus::Succeeded, qPrintable(marked.message));
        QCOMPARE(marked.counters.deleted, 0);
        QCOMPARE(listContents(QStringLiteral("M ")).value(QStringLiteral("All")).size(), 40);
        QCOMPARE(flagged().size(), 20);
        QVERIFY(flagged().contains(sql(QStringLiteral("SELECT project_code FROM projects WHERE id = 7"))));
        const auto events = RunRepository(*m_store).events(marked.runId);
        QVERIFY(std::any_of(events->cbegin(), events->cend(), [](const RunEvent &e) { return e.type == QLatin1String("rows-marked") && e.message.contains(QStringLiteral("20")); }));
        int markedEntries = 0;
        const auto entries = LedgerRepository(*m_store).entries(id);
        QVERIFY(entries.ok());
        for (const LedgerEntry &entry : *entries)
            markedEntries += entry.state == LedgerState::Marked ? 1 : 0;
        QCOMPARE(markedEntries, 20);

        // nothing more to flag on the next run; a returning row is unflagged
        QCOMPARE(push(QStringLiteral("Mark")).counters.updated, 0);
        sql(QStringLiteral("INSERT INTO mark_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id = 7"));
        const RunOutcome back = push(QStringLiteral("Mark"));
        QCOMPARE(back.counters.updated, 1);
        QCOMPARE(back.counters.created, 0);
        QCOMPARE(flagged().size(), 19);
        QVERIFY(!flagged().contains(sql(QStringLiteral("SELECT project_code FROM projects WHERE id = 7"))));
    }

    void backfillRepushesOnlyTheChosenFields()
    {
        // A field changed behind the cursor's back (no new timestamp): a normal run does not see it,
        // a backfill of that field writes it to every synced item and leaves the cursor alone.
        addDefinition(QStringLiteral("Backfill"), QStringLiteral("B "));
        QCOMPARE(push(QStringLiteral("Backfill")).counters.created, 5000);
        const qint64 id = DefinitionRepository(*m_store).byName(QStringLiteral("Backfill"))->id;
        const auto cursorBefore = LedgerRepository(*m_store).cursor(id, QStringLiteral("push"));
        sql(QStringLiteral("ALTER TABLE projects DISABLE TRIGGER USER; UPDATE projects SET manager_email = upper(manager_email), name = name || ' (unseen)';"
                           " ALTER TABLE projects ENABLE TRIGGER USER"));
        QCOMPARE(push(QStringLiteral("Backfill")).counters.updated, 0);

        PushOptions wrong;
        wrong.backfillFields = {QStringLiteral("no_such_field")};
        const RunOutcome refused = push(QStringLiteral("Backfill"), wrong);
        QCOMPARE(refused.status, RunStatus::Failed);
        QVERIFY2(refused.message.contains(QStringLiteral("'no_such_field' is not a field this definition pushes")) && refused.message.contains(QStringLiteral("manager_email")),
                 qPrintable(refused.message));

        PushOptions backfill;
        backfill.backfillFields = {QStringLiteral("manager_email")};
        const RunOutcome outcome = push(QStringLiteral("Backfill"), backfill);
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(outcome.message));
        QCOMPARE(outcome.counters.updated, 5000);
        QCOMPARE(outcome.counters.created + outcome.counters.moved + outcome.counters.deleted, 0);
        const auto cursorAfter = LedgerRepository(*m_store).cursor(id, QStringLiteral("push"));
        QCOMPARE((*cursorAfter)->position, (*cursorBefore)->position);
        QCOMPARE((*cursorAfter)->lastKey, (*cursorBefore)->lastKey);
        int upper = 0, unseenNames = 0;
        const QHash<QString, QJsonArray> contents = listContents(QStringLiteral("B "));
        for (const QJsonArray &items : contents) {
            for (const QJsonValue &item : items) {
                const QJsonObject fields = item.toObject().value(QStringLiteral("fields")).toObject();
                const QString email = fields.value(QStringLiteral("manager_email")).toString();
                upper += !email.isEmpty() && email == email.toUpper() ? 1 : 0;
                unseenNames += fields.value(QStringLiteral("name")).toString().endsWith(QStringLiteral("(unseen)")) ? 1 : 0;
            }
        }
        QCOMPARE(upper, sql(QStringLiteral("SELECT count(*) FROM projects WHERE manager_email IS NOT NULL AND manager_email <> ''")).toInt());
        QCOMPARE(unseenNames, 0);   // only the chosen field went
        verifyExactlyOnce(QStringLiteral("Backfill"), QStringLiteral("B "));
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

        PushOptions options;
        options.pageSize = 200;
        options.streamWindowRows = 200;   // every page asks the server, so the stop is noticed at once
        qint64 createdAtStop = -1;
        const RunOutcome outcome = push(QStringLiteral("Failover"), options, {}, [&](const RunProgress &progress) {
            if (createdAtStop < 0 && progress.phase == QLatin1String("pushing") && progress.counters.created >= 1000) {
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
            if (!expired && progress.phase == QLatin1String("pushing") && progress.counters.created >= 1000) {
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

    void listDeletedMidRunStopsWithAClearMessage()
    {
        const auto listId = [&](const QString &name) {
            for (const QJsonValue &site : m_emulator.admin("GET", QStringLiteral("/index")).json().value(QStringLiteral("sites")).toArray()) {
                for (const QJsonValue &list : site.toObject().value(QStringLiteral("lists")).toArray()) {
                    if (list.toObject().value(QStringLiteral("displayName")).toString() == name)
                        return list.toObject().value(QStringLiteral("id")).toString();
                }
            }
            return QString();
        };
        const qint64 definitionId = DefinitionRepository(*m_store).byName(QStringLiteral("Projects"))->id;
        const auto cursorBefore = LedgerRepository(*m_store).cursor(definitionId, QStringLiteral("push"));
        sql(QStringLiteral("UPDATE projects SET name = name || ' (v3)' WHERE budget_amount >= 4000000"));
        // delete "P Large" while the run is writing its first pages
        bool deleted = false;
        const RunOutcome outcome = push(QStringLiteral("Projects"), pushOptions(100), {}, [&](const RunProgress &progress) {
            if (!deleted && progress.phase == QLatin1String("pushing") && progress.counters.updated > 0) {
                deleted = true;
                QCOMPARE(m_emulator.graph("DELETE", QStringLiteral("/sites/%1/lists/%2").arg(m_emulator.pmoSiteId(), listId(QStringLiteral("P Large")))).status, 204);
            }
        });
        QVERIFY(deleted);
        QCOMPARE(outcome.status, RunStatus::Failed);
        QVERIFY2(outcome.message.contains(QStringLiteral("'P Large' was deleted or renamed")), qPrintable(outcome.message));
        // nothing after the last completed page is recorded as done: the cursor stopped before the failing page
        const auto cursorAfter = LedgerRepository(*m_store).cursor(definitionId, QStringLiteral("push"));
        QVERIFY(cursorAfter->has_value());
        // (every touched row has the UPDATE's timestamp, so the keyset position is that timestamp and an id)
        const int lastTouched = sql(QStringLiteral("SELECT max(id) FROM projects WHERE budget_amount >= 4000000")).toInt();
        QVERIFY(cursorBefore->has_value());
        QVERIFY2((*cursorAfter)->lastKey.value(0).toInt() < lastTouched,
                 qPrintable(QStringLiteral("cursor at id %1, last touched row %2").arg((*cursorAfter)->lastKey.value(0)).arg(lastTouched)));
        QVERIFY(outcome.counters.updated < 950);
        // and the next run says the same, instead of recreating the list
        const RunOutcome next = push(QStringLiteral("Projects"));
        QCOMPARE(next.status, RunStatus::Failed);
        QVERIFY(next.message.contains(QStringLiteral("Restore it")));
        QVERIFY(listId(QStringLiteral("P Large")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPushEngine)
#include "tst_pushengine.moc"

// syncbridge-cli against a real store, PostgreSQL and the emulator: lists provision, a run that leaves
// failed rows and held-back deletes, runs list/show, retry list/now, definitions delete and the test
// of a SharePoint connection — real processes, their output and exit codes.
#include "clirun.h"
#include "pushtestbase.h"

#include "store/leaserepository.h"
#include "store/runrepository.h"

#include <QHostInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestCliRuns : public PushTestBase
{
    Q_OBJECT

private:
    CliRun cli(const QStringList &arguments, const QProcessEnvironment &environment)
    {
        QProcess process;
        startCliCommand(process, arguments, environment);
        if (!process.waitForFinished(180000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
    }
    CliRun cli(const QStringList &arguments) { return cli(arguments, cliEnvironment()); }

    static QJsonDocument parsed(const CliRun &run)
    {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            qWarning("not JSON (%s): %s", qPrintable(error.errorString()), qPrintable(run.out));
        return document;
    }

    qint64 definitionId(const QString &name) { return DefinitionRepository(*m_store).byName(name)->id; }

    // name → column JSON of the emulator's list, hidden ones included.
    QHash<QString, QJsonObject> listColumns(const QString &listName)
    {
        QHash<QString, QJsonObject> columns;
        const QString listId = m_emulator.list(listName).value(QStringLiteral("id")).toString();
        const QJsonArray value = m_emulator
                                     .graph("GET",
                                         QStringLiteral("/sites/%1/lists/%2/columns?$select=name,displayName,hidden,text,number")
                                             .arg(m_emulator.pmoSiteId(), listId))
                                     .json()
                                     .value(QStringLiteral("value"))
                                     .toArray();
        for (const QJsonValue &column : value)
            columns.insert(column.toObject().value(QStringLiteral("name")).toString(), column.toObject());
        return columns;
    }

    // A FULL_SCAN definition of the demo push over `table` into one list.
    QJsonObject scanDefinition(const QString &name, const QString &table, const QString &list, const QString &deletePolicy)
    {
        QJsonObject definition = fullScanDefinitionJson();
        definition.insert(QStringLiteral("name"), name);
        definition.insert(
            QStringLiteral("source"), QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), table}});
        QJsonObject target = definition.value(QStringLiteral("targets")).toArray().first().toObject();
        target.insert(QStringLiteral("list"), list);
        definition.insert(QStringLiteral("targets"), QJsonArray{target});
        definition.insert(
            QStringLiteral("deletes"), QJsonObject{{QStringLiteral("policy"), deletePolicy}, {QStringLiteral("maxShare"), 0.2}});
        return definition;
    }

    QStringList queuedIdentities(const QString &definition)
    {
        QStringList identities;
        const Result<QList<RetryItem>> retries = LedgerRepository(*m_store).retries(definitionId(definition));
        if (!retries)
            return identities;
        for (const RetryItem &item : retries.value())
            identities << item.identityText;
        return identities;
    }

private slots:
    void initTestCase()
    {
        startWith({});
        // A bytea column provisioning leaves out, and a column whose name SharePoint's Title takes.
        sql(QStringLiteral("CREATE TABLE cli_projects (LIKE projects INCLUDING ALL)"));
        sql(QStringLiteral("INSERT INTO cli_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 40"));
        sql(QStringLiteral("ALTER TABLE cli_projects ADD COLUMN photo bytea, ADD COLUMN title text"));
        importDefinitionsJson(
            {scanDefinition(QStringLiteral("Cli"), QStringLiteral("cli_projects"), QStringLiteral("C All"), QStringLiteral("DELETE"))});
    }

    void provisionDryRunChangesNothing()
    {
        CliRun run = cli({QStringLiteral("lists"), QStringLiteral("provision"), QStringLiteral("Cli"), QStringLiteral("--dry-run")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("list 'C All' does not exist: it would be created")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("would create manager_email (text)")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("bytea has no SharePoint column type: column 'photo' is left out.")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("named 'title_2' instead of 'title'")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("Dry run: nothing was changed.")));
        QVERIFY2(!run.err.contains(QStringLiteral("warning:")), qPrintable(run.err)); // project_code → Title is no rename
        QCOMPARE(m_emulator.itemCount(QStringLiteral("C All")), -1);                  // no list

        // A mapping written for the source column's name, which provisioning cannot give it: said.
        // (Saved past the import's validation, which may refuse it.)
        SyncDefinition renamed = *DefinitionRepository(*m_store).byName(QStringLiteral("Cli"));
        renamed.id = 0;
        renamed.name = QStringLiteral("Renamed");
        for (SyncTarget &target : renamed.targets)
            target.id = 0;
        for (FieldMapping &mapping : renamed.mappings)
            mapping.id = 0;
        FieldMapping title;
        title.sourceColumn = QStringLiteral("title");
        title.targetColumn = QStringLiteral("title");
        title.direction = FieldDirection::PushOnly;
        renamed.mappings << title;
        QVERIFY(DefinitionRepository(*m_store).save(renamed).ok());
        run = cli({QStringLiteral("lists"), QStringLiteral("provision"), QStringLiteral("Renamed"), QStringLiteral("--dry-run")});
        QVERIFY(DefinitionRepository(*m_store).remove(renamed.id).ok());
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(
            run.err.contains(QStringLiteral(
                "warning: the mapping of 'title' writes to 'title', but provisioning names that column 'title_2': map it to 'title_2'.")),
            qPrintable(run.err));
        QCOMPARE(m_emulator.itemCount(QStringLiteral("C All")), -1); // no list
    }

    void provisionCreatesTheListWithItsColumns()
    {
        CliRun run = cli({QStringLiteral("lists"), QStringLiteral("provision"), QStringLiteral("Cli")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("list 'C All': created with")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("created manager_email (text)")));
        QVERIFY(run.out.contains(QStringLiteral("column 'photo' is left out")));
        QVERIFY(run.out.contains(QStringLiteral("named 'title_2' instead of 'title'")));

        const QHash<QString, QJsonObject> columns = listColumns(QStringLiteral("C All"));
        QVERIFY2(columns.contains(QStringLiteral("manager_email")), qPrintable(QStringList(columns.keys()).join(QLatin1Char(','))));
        QCOMPARE(columns.value(QStringLiteral("manager_email"))
                     .value(QStringLiteral("text"))
                     .toObject()
                     .value(QStringLiteral("maxLength"))
                     .toInt(),
            254);
        QVERIFY(columns.contains(QStringLiteral("title_2")));
        QVERIFY(columns.contains(QStringLiteral("budget_amount")));
        QVERIFY(columns.contains(QStringLiteral("SyncBridgeKey")));
        QVERIFY(!columns.contains(QStringLiteral("photo")));

        // Again: the list exists and has every column.
        run = cli({QStringLiteral("lists"), QStringLiteral("provision"), QStringLiteral("Cli")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("list 'C All': existed; 0 missing columns added")), qPrintable(run.out));
    }

    void runLeavesFailedRowsAndHeldBackDeletes()
    {
        CliRun run = cli({QStringLiteral("run"), QStringLiteral("Cli")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("deletes: 0 deleted, 0 held back by the circuit breaker")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("retry queue: no rows wait")));
        QCOMPARE(m_emulator.itemCount(QStringLiteral("C All")), 40);

        // The source's column grows past the list's 254 characters: three rows fail. A quarter of
        // the rows go: above the breaker's 20 %, so the deletions are held back.
        sql(QStringLiteral("ALTER TABLE cli_projects ALTER COLUMN manager_email TYPE varchar(300)"));
        sql(QStringLiteral("UPDATE cli_projects SET manager_email = repeat('x', 250) || '@example.com' WHERE id <= 3"));
        sql(QStringLiteral("DELETE FROM cli_projects WHERE id > 30"));
        run = cli({QStringLiteral("run"), QStringLiteral("Cli")});
        qInfo().noquote() << "run Cli\n" << run.out;
        QVERIFY2(run.exitCode == 1, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("3 failed")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("deletes: 0 deleted, 10 held back by the circuit breaker")), qPrintable(run.out));
        QVERIFY2(
            run.out.contains(QStringLiteral("retry queue: 3 rows wait (3 failed in this run, 0 from earlier runs)")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral(": PARTIALLY_FAILED")));
        QCOMPARE(queuedIdentities(QStringLiteral("Cli")).size(), 3);
        QCOMPARE(m_emulator.itemCount(QStringLiteral("C All")), 40);
    }

    void runsListFiltersAndJson()
    {
        CliRun run = cli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--definition"), QStringLiteral("Cli")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains(QStringLiteral("HELD BACK")));
        QVERIFY(run.out.contains(QStringLiteral("PARTIALLY_FAILED")));
        QVERIFY(run.out.contains(QStringLiteral("SUCCEEDED")));

        run = cli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--definition"), QStringLiteral("Cli"),
            QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray runs = parsed(run).array();
        QCOMPARE(runs.size(), 2);
        const QJsonObject newest = runs.at(0).toObject();
        QCOMPARE(newest.value(QStringLiteral("definition")).toString(), QStringLiteral("Cli"));
        QCOMPARE(newest.value(QStringLiteral("status")).toString(), QStringLiteral("PARTIALLY_FAILED"));
        QCOMPARE(newest.value(QStringLiteral("type")).toString(), QStringLiteral("PUSH"));
        QCOMPARE(newest.value(QStringLiteral("trigger")).toString(), QStringLiteral("MANUAL")); // started by hand
        QCOMPARE(newest.value(QStringLiteral("agentName")).toString(), QHostInfo::localHostName());
        const QJsonObject counts = newest.value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("read")).toInteger(), 30);
        QCOMPARE(counts.value(QStringLiteral("failed")).toInteger(), 3);
        QCOMPARE(counts.value(QStringLiteral("unchanged")).toInteger(), 27);
        QCOMPARE(counts.value(QStringLiteral("deleted")).toInteger(), 0);
        QCOMPARE(counts.value(QStringLiteral("heldBackDeletes")).toInteger(), 10);
        QCOMPARE(counts.value(QStringLiteral("waitingInRetryQueue")).toInteger(), 3);
        QCOMPARE(runs.at(1).toObject().value(QStringLiteral("counts")).toObject().value(QStringLiteral("created")).toInteger(), 40);
        QVERIFY(
            runs.at(0).toObject().value(QStringLiteral("id")).toInteger() > runs.at(1).toObject().value(QStringLiteral("id")).toInteger());

        run = cli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("succeeded"),
            QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(parsed(run).array().size(), 1);
        QCOMPARE(parsed(run).array().at(0).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("SUCCEEDED"));
        run = cli(
            {QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("--json")});
        QCOMPARE(parsed(run).array().size(), 1);

        // Unknown filters are usage errors naming what was given; nothing on stdout.
        run = cli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--status"), QStringLiteral("SIDEWAYS"),
            QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY(run.err.contains(QStringLiteral("'SIDEWAYS' is not one of")));
        QVERIFY(run.out.isEmpty());
        run = cli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--definition"), QStringLiteral("Nope"),
            QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 64);
        QVERIFY(run.err.contains(QStringLiteral("'Nope'")));
        QVERIFY(run.out.isEmpty());
        QCOMPARE(cli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--limit"), QStringLiteral("0")}).exitCode, 64);
    }

    void runsShowNamesFailedRowsAndHeldBackDeletes()
    {
        const QJsonArray runs = parsed(cli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--definition"),
                                           QStringLiteral("Cli"), QStringLiteral("--json")}))
                                    .array();
        const QString runId = QString::number(runs.at(0).toObject().value(QStringLiteral("id")).toInteger());
        CliRun run = cli({QStringLiteral("runs"), QStringLiteral("show"), runId});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        qInfo().noquote() << "runs show" << runId << "\n" << run.out;
        QVERIFY2(run.out.contains(QStringLiteral("deletes  0 deleted, 10 held back by the circuit breaker")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QStringLiteral("waiting  3 rows in the retry queue when the run ended, 3 now")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("deletes-held-back")));
        QVERIFY2(run.out.contains(QStringLiteral("list     'C All': 3 failed")), qPrintable(run.out)); // rows per list, stored with the run
        const QStringList failed = queuedIdentities(QStringLiteral("Cli"));
        QCOMPARE(failed.size(), 3);
        for (const QString &identity : failed) {
            QVERIFY2(run.out.contains(QStringLiteral("item-failed  row %1").arg(identity)), qPrintable(identity));
        }
        // Refused before sending (the planner knows the list's columns): the error is the row's.
        QVERIFY(run.out.contains(QStringLiteral("262 characters are longer than the SharePoint column 'manager_email' allows (254)")));

        run = cli({QStringLiteral("runs"), QStringLiteral("show"), runId, QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonObject shown = parsed(run).object();
        QCOMPARE(shown.value(QStringLiteral("counts")).toObject().value(QStringLiteral("heldBackDeletes")).toInteger(), 10);
        QCOMPARE(shown.value(QStringLiteral("lists"))
                     .toObject()
                     .value(QStringLiteral("C All"))
                     .toObject()
                     .value(QStringLiteral("failed"))
                     .toInteger(),
            3);
        int itemFailures = 0;
        for (const QJsonValue &value : shown.value(QStringLiteral("events")).toArray()) {
            const QJsonObject event = value.toObject();
            if (event.value(QStringLiteral("type")).toString() != QLatin1String("item-failed"))
                continue;
            ++itemFailures;
            QVERIFY(failed.contains(event.value(QStringLiteral("identity")).toString()));
            QVERIFY(event.value(QStringLiteral("error")).toString().contains(QStringLiteral("longer than the SharePoint column")));
        }
        QCOMPARE(itemFailures, 3);
        QCOMPARE(shown.value(QStringLiteral("retryQueue")).toArray().size(), 3);

        QCOMPARE(cli({QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("abc")}).exitCode, 64);
        run = cli({QStringLiteral("runs"), QStringLiteral("show"), QStringLiteral("999999")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.startsWith(QStringLiteral("error: ")));
    }

    void retryListShowsTheFailedRows()
    {
        CliRun run = cli({QStringLiteral("retry"), QStringLiteral("list"), QStringLiteral("Cli")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        for (const QString &identity : queuedIdentities(QStringLiteral("Cli")))
            QVERIFY2(run.out.contains(identity), qPrintable(identity));
        QVERIFY(run.out.contains(QStringLiteral("C All")));
        QVERIFY(run.out.contains(QStringLiteral("longer than the SharePoint column 'manager_email' allows (254)")));

        run = cli({QStringLiteral("retry"), QStringLiteral("list"), QStringLiteral("Cli"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray rows = parsed(run).array();
        QCOMPARE(rows.size(), 3);
        for (const QJsonValue &row : rows) {
            QCOMPARE(row.toObject().value(QStringLiteral("list")).toString(), QStringLiteral("C All"));
            QCOMPARE(row.toObject().value(QStringLiteral("attempts")).toInt(), 1);
            QVERIFY(row.toObject().value(QStringLiteral("lastError")).toString().contains(QStringLiteral("manager_email")));
        }
    }

    void retryNowMakesThemDueAndRuns()
    {
        const auto newestRunEvents = [&]() {
            const QJsonObject newest = parsed(cli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--limit"),
                                                  QStringLiteral("1"), QStringLiteral("--json")}))
                                           .array()
                                           .at(0)
                                           .toObject();
            return RunRepository(*m_store).events(newest.value(QStringLiteral("id")).toInteger()).value();
        };
        const auto retried = [](const QList<RunEvent> &events) {
            return std::any_of(events.cbegin(), events.cend(),
                [](const RunEvent &e) { return e.type == QLatin1String("retrying") && e.message.contains(QStringLiteral("3 rows")); });
        };
        // A first failure is due at once: the next run retries the rows, they fail again and back off.
        CliRun run = cli({QStringLiteral("run"), QStringLiteral("Cli")});
        QCOMPARE(run.exitCode, 1);
        QVERIFY(retried(newestRunEvents()));
        const QJsonArray waiting
            = parsed(cli({QStringLiteral("retry"), QStringLiteral("list"), QStringLiteral("Cli"), QStringLiteral("--json")})).array();
        QCOMPARE(waiting.size(), 3);
        for (const QJsonValue &row : waiting) {
            QCOMPARE(row.toObject().value(QStringLiteral("attempts")).toInt(), 2);
            QVERIFY(QDateTime::fromString(row.toObject().value(QStringLiteral("nextAttemptAt")).toString(), Qt::ISODate)
                > QDateTime::currentDateTimeUtc());
        }
        // Not due: a run does not retry them (the full scan reads them as any row).
        QCOMPARE(cli({QStringLiteral("run"), QStringLiteral("Cli")}).exitCode, 1);
        QVERIFY(!retried(newestRunEvents()));

        // retry now: due at once, and a run retries them first (still too long: they fail again).
        run = cli({QStringLiteral("retry"), QStringLiteral("now"), QStringLiteral("Cli")});
        QVERIFY2(run.exitCode == 1, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("3 rows of 'Cli' are due now")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("retry queue: 3 rows wait (3 failed in this run, 0 from earlier runs)")));
        QVERIFY(retried(newestRunEvents()));

        // Fixed at the source: retried and delivered; the deletions still wait for a confirmation.
        sql(QStringLiteral("UPDATE cli_projects SET manager_email = 'pm@example.com' WHERE id <= 3"));
        run = cli({QStringLiteral("retry"), QStringLiteral("now"), QStringLiteral("Cli")});
        QVERIFY2(run.exitCode == 1, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("retry queue: no rows wait")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("10 held back")));
        QVERIFY(queuedIdentities(QStringLiteral("Cli")).isEmpty());
        run = cli({QStringLiteral("retry"), QStringLiteral("now"), QStringLiteral("Cli")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains(QStringLiteral("nothing to retry")));

        run = cli({QStringLiteral("run"), QStringLiteral("Cli"), QStringLiteral("--allow-mass-delete")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("deletes: 10 deleted, 0 held back by the circuit breaker")), qPrintable(run.out));
        QCOMPARE(m_emulator.itemCount(QStringLiteral("C All")), 30);
    }

    void queuedRowsAreNotCountedAgainAsWritesToConfirm()
    {
        // Creates SharePoint answers 500 to: they may have happened, so they stay pending writes
        // until a lookup by SyncBridgeKey settles them — and they wait in the retry queue. The summary
        // counts each of them once, in the queue.
        sql(QStringLiteral("CREATE TABLE lost_projects (LIKE projects INCLUDING ALL)"));
        sql(QStringLiteral("INSERT INTO lost_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 5"));
        importDefinitionsJson(
            {scanDefinition(QStringLiteral("Lost"), QStringLiteral("lost_projects"), QStringLiteral("L All"), QStringLiteral("LEAVE"))});
        QCOMPARE(cli({QStringLiteral("lists"), QStringLiteral("provision"), QStringLiteral("Lost")}).exitCode, 0);
        QCOMPARE(m_emulator
                     .admin("PATCH", QStringLiteral("/config"),
                         {{QStringLiteral("faults"),
                             QJsonObject{{QStringLiteral("errorRate"), 1.0}, {QStringLiteral("errorStatuses"), QJsonArray{500}},
                                 {QStringLiteral("errorMethods"), QJsonArray{QStringLiteral("POST")}}}}})
                     .status,
            200);
        const CliRun run = cli({QStringLiteral("run"), QStringLiteral("Lost")});
        QCOMPARE(
            m_emulator
                .admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("errorRate"), 0.0}}}})
                .status,
            200);
        QVERIFY2(run.exitCode == 1, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("5 failed")), qPrintable(run.out));
        QVERIFY2(!run.out.contains(QStringLiteral("wait to be confirmed")), qPrintable(run.out));
        QVERIFY2(
            run.out.contains(QStringLiteral("retry queue: 5 rows wait (5 failed in this run, 0 from earlier runs)")), qPrintable(run.out));
        QCOMPARE(LedgerRepository(*m_store).count(definitionId(QStringLiteral("Lost")), LedgerState::Pending).value(), 5);

        const QJsonObject newest = parsed(cli({QStringLiteral("runs"), QStringLiteral("list"), QStringLiteral("--definition"),
                                              QStringLiteral("Lost"), QStringLiteral("--json")}))
                                       .array()
                                       .at(0)
                                       .toObject();
        const QJsonObject counts = newest.value(QStringLiteral("counts")).toObject();
        QCOMPARE(counts.value(QStringLiteral("waitingInRetryQueue")).toInteger(), 5);
        QCOMPARE(counts.value(QStringLiteral("writesPending")).toInteger(), 0);
        // runs show names SharePoint's answer for each row: HTTP status and Graph error code.
        const CliRun shown
            = cli({QStringLiteral("runs"), QStringLiteral("show"), QString::number(newest.value(QStringLiteral("id")).toInteger())});
        QCOMPARE(shown.exitCode, 0);
        qInfo().noquote() << "runs show (Lost)\n" << shown.out;
        QCOMPARE(shown.out.count(QStringLiteral("HTTP 500 generalException: SharePoint did not confirm the create")), 5);
        QVERIFY2(shown.out.contains(QStringLiteral("waiting  5 rows in the retry queue when the run ended, 5 now")), qPrintable(shown.out));
    }

    void definitionsDeleteIsRefusedWhileRunningElsewhere()
    {
        const qint64 id = definitionId(QStringLiteral("Lost"));
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(
            LeaseRepository(*m_store).acquire(id, QStringLiteral("other-run"), QStringLiteral("elsewhere:4242"), now, 10 * 60 * 1000).ok());
        CliRun run = cli({QStringLiteral("definitions"), QStringLiteral("delete"), QStringLiteral("Lost")});
        QCOMPARE(run.exitCode, 75);
        QVERIFY2(run.err.contains(QStringLiteral("running on elsewhere (pid 4242)")), qPrintable(run.err));
        QVERIFY(DefinitionRepository(*m_store).byName(QStringLiteral("Lost")).ok());

        QVERIFY(LeaseRepository(*m_store).release(id, QStringLiteral("other-run"), now).ok());
        run = cli({QStringLiteral("definitions"), QStringLiteral("delete"), QStringLiteral("Lost")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        QVERIFY(run.out.contains(QStringLiteral("Deleted the definition 'Lost'.")));
        QVERIFY2(run.out.contains(QStringLiteral("its retry queue (rows: 5) and its run history (runs: 1)")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("The SharePoint lists and their items stay in place.")));
        QVERIFY(!DefinitionRepository(*m_store).byName(QStringLiteral("Lost")).ok());
        QVERIFY(LedgerRepository(*m_store).entries(id)->isEmpty());
        QVERIFY(m_emulator.itemCount(QStringLiteral("L All")) >= 0); // the list stays

        run = cli({QStringLiteral("definitions"), QStringLiteral("list"), QStringLiteral("--json")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray definitions = parsed(run).array();
        QCOMPARE(definitions.size(), 1);
        QCOMPARE(definitions.at(0).toObject().value(QStringLiteral("name")).toString(), QStringLiteral("Cli"));
        QCOMPARE(
            definitions.at(0).toObject().value(QStringLiteral("lists")).toArray().at(0).toObject().value(QStringLiteral("list")).toString(),
            QStringLiteral("C All"));
        QCOMPARE(cli({QStringLiteral("definitions"), QStringLiteral("delete"), QStringLiteral("Lost")}).exitCode, 2);
    }

    void connectionsTestOfSharePoint()
    {
        // 80 of the minute's 100 RU spent: the answers to the test's requests carry the RateLimit headers.
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/stats/reset")).status, 204);
        QCOMPARE(m_emulator
                     .admin("PATCH", QStringLiteral("/config"),
                         {{QStringLiteral("throttling"), QJsonObject{{QStringLiteral("ruPerMinute"), 100}}}})
                     .status,
            200);
        const QString site = m_emulator.pmoSiteId();
        for (int i = 0; i < 80; ++i)
            QCOMPARE(m_emulator.graph("GET", QStringLiteral("/sites/%1").arg(site)).status, 200);
        const CliRun run = cli({QStringLiteral("connections"), QStringLiteral("test"), QStringLiteral("Emulator")});
        QCOMPARE(m_emulator
                     .admin("PATCH", QStringLiteral("/config"),
                         {{QStringLiteral("throttling"), QJsonObject{{QStringLiteral("ruPerMinute"), 1000000}}}})
                     .status,
            200);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err + run.out));
        // where the secret really is: the environment variable by name
        QVERIFY2(run.out.contains(
                     QStringLiteral("ok      secret: found (sharepoint/demo in environment variable SYNCBRIDGE_SECRET_SHAREPOINT_DEMO)")),
            qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("ok      token: requested from")));
        QVERIFY(run.out.contains(QStringLiteral("and accepted")));
        QVERIFY(run.out.contains(QStringLiteral("ok      site contoso.sharepoint.com:/sites/pmo: reachable (Project Office)")));
        QVERIFY(run.out.contains(QStringLiteral("ok      list 'C All': reachable")));
        QVERIFY2(run.out.contains(QStringLiteral("ratelimit-limit: 100")), qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral("ratelimit-remaining: ")));
        QVERIFY(run.err.isEmpty());
    }

    void missingSecretIsSaidAsSuch()
    {
        QProcessEnvironment environment = cliEnvironment();
        environment.remove(QStringLiteral("SYNCBRIDGE_SECRET_SHAREPOINT_DEMO"));
        const CliRun run = cli({QStringLiteral("connections"), QStringLiteral("test"), QStringLiteral("Emulator")}, environment);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("FAILED  secret: no secret is stored for 'Emulator' under sharepoint/demo")),
            qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("SYNCBRIDGE_SECRET_SHAREPOINT_DEMO is not set")));
        QVERIFY(run.err.contains(QStringLiteral("No token was requested.")));
        QVERIFY(!run.err.contains(QStringLiteral("rejected")));
        QVERIFY(!run.out.contains(QStringLiteral("token:")));
        QCOMPARE(cli({QStringLiteral("connections"), QStringLiteral("test"), QStringLiteral("Nobody")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliRuns)
#include "tst_cli_runs.moc"

// A dry run is the real run minus its writes (issue 13): every planned item is checked against its
// list's columns as SharePoint checks it, so the rows a dry run says would fail — and why — are
// exactly the rows the real run then fails, and `syncbridge-cli run --dry-run` says so (exit 1,
// the reasons, the circuit breaker's warning), writing nothing.
#include "pushtestbase.h"

#include "store/runrepository.h"

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {

// dryrun_items (100 rows) into the existing list "DR Items": `ref` (numeric, some NaN) into the
// number column `amount`, `label` into a text column of 20 characters, `stage` into a choice column
// of Plan/Build/Done. (A number mapped into Title is refused for the whole definition before any
// run — tst_definitioncheck — so the per-row failures here are values, not mappings.)
QJsonObject itemsDefinition()
{
    const auto mapping = [](const char *source, const char *target) {
        return QJsonObject{{QStringLiteral("source"), QLatin1String(source)}, {QStringLiteral("target"), QLatin1String(target)},
            {QStringLiteral("direction"), QStringLiteral("PUSH_ONLY")}};
    };
    return QJsonObject{{QStringLiteral("name"), QStringLiteral("DryRunItems")},
        {QStringLiteral("source"),
            QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("dryrun_items")}}},
        {QStringLiteral("cursor"),
            QJsonObject{
                {QStringLiteral("strategy"), QStringLiteral("UPDATED_AT")}, {QStringLiteral("column"), QStringLiteral("updated_at")}}},
        {QStringLiteral("targetStrategy"), QStringLiteral("SINGLE")},
        {QStringLiteral("targets"),
            QJsonArray{
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Items")}, {QStringLiteral("connection"), QStringLiteral("Emulator")},
                    {QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:/sites/pmo")},
                    {QStringLiteral("list"), QStringLiteral("DR Items")}}}},
        {QStringLiteral("mappings"), QJsonArray{mapping("ref", "amount"), mapping("label", "label"), mapping("stage", "stage")}}};
}

// dryrun_scan (20 rows), FULL_SCAN into "DR Scan", deleting behind the breaker (20 %).
QJsonObject scanDefinition()
{
    return QJsonObject{{QStringLiteral("name"), QStringLiteral("DryRunScan")},
        {QStringLiteral("source"),
            QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("dryrun_scan")}}},
        {QStringLiteral("cursor"), QJsonObject{{QStringLiteral("strategy"), QStringLiteral("FULL_SCAN")}}},
        {QStringLiteral("targetStrategy"), QStringLiteral("SINGLE")},
        {QStringLiteral("targets"),
            QJsonArray{
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Scan")}, {QStringLiteral("connection"), QStringLiteral("Emulator")},
                    {QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:/sites/pmo")},
                    {QStringLiteral("list"), QStringLiteral("DR Scan")}}}},
        {QStringLiteral("mappings"),
            QJsonArray{QJsonObject{{QStringLiteral("source"), QStringLiteral("label")}, {QStringLiteral("target"), QStringLiteral("Title")},
                {QStringLiteral("direction"), QStringLiteral("PUSH_ONLY")}}}},
        {QStringLiteral("deletes"), QJsonObject{{QStringLiteral("policy"), QStringLiteral("DELETE")}, {QStringLiteral("maxShare"), 0.2}}}};
}

const QString nanReason = QStringLiteral("Column 'ref': NaN cannot be stored in SharePoint");
// A text too long for its column is refused before any request, by the mapping (sync/fieldmapper),
// in both runs alike; SharePoint's own refusal ("is longer than the column allows") never comes.
const QString lengthReason = QStringLiteral("Column 'label': 30 characters are longer than the SharePoint column 'label' allows (20).");
const QString choiceReason = QStringLiteral("The value of field 'stage' is not one of its choices.");

} // namespace

class TestDryRun : public PushTestBase
{
    Q_OBJECT

    // The emulator's write requests so far: a dry run must not add one.
    qint64 writeRequests()
    {
        const QJsonObject kinds
            = m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("requestsByKind")).toObject();
        qint64 writes = 0;
        for (const char *kind : {"batch", "items.create", "items.update", "items.delete", "lists.write", "columns.write"})
            writes += kinds.value(QLatin1String(kind)).toInteger();
        return writes;
    }

    // Failing rows per reason as the run's item-failed events report them (one per row).
    QMap<QString, qint64> reasonsInEvents(qint64 runId)
    {
        QMap<QString, qint64> reasons;
        const auto events = RunRepository(*m_store).events(runId);
        for (const RunEvent &event : *events) {
            if (event.type == QLatin1String("item-failed"))
                ++reasons[event.payload.value(QStringLiteral("error")).toString()];
        }
        return reasons;
    }

private slots:
    void initTestCase()
    {
        startWith({});
        // Rows 1–40: NaN into a number column (rows 1–5 also have a label too long: the value is
        // converted before it is mapped, so NaN is their reason); 41–65: a label of 30 characters; 66–80: stage
        // 'Paused' (not a choice); 81–100: fine.
        sql(QStringLiteral("CREATE TABLE dryrun_items (id integer PRIMARY KEY, ref numeric, label text, stage text, "
                           "updated_at timestamptz NOT NULL DEFAULT now() - interval '1 hour')"));
        sql(QStringLiteral("INSERT INTO dryrun_items (id, ref, label, stage) SELECT g, CASE WHEN g <= 40 THEN 'NaN'::numeric END, "
                           "CASE WHEN g <= 5 OR g BETWEEN 41 AND 65 THEN repeat('L', 30) ELSE 'label ' || g END, "
                           "CASE WHEN g BETWEEN 66 AND 80 THEN 'Paused' ELSE 'Build' END FROM generate_series(1, 100) g"));
        sql(QStringLiteral("CREATE TABLE dryrun_scan (id integer PRIMARY KEY, label text)"));
        sql(QStringLiteral("INSERT INTO dryrun_scan SELECT g, 'scan ' || g FROM generate_series(1, 20) g"));
        const auto column = [](const char *name, const char *facet, const QJsonObject &settings) {
            return QJsonObject{{QStringLiteral("name"), QLatin1String(name)}, {QLatin1String(facet), settings}};
        };
        QJsonObject key = column("SyncBridgeKey", "text", {{QStringLiteral("maxLength"), 64}});
        key.insert(QStringLiteral("indexed"), true);
        key.insert(QStringLiteral("hidden"), true); // as provisioning makes it: the run must still see it
        QVERIFY(!m_emulator
                     .createList(QStringLiteral("DR Items"),
                         QJsonArray{column("amount", "number", {}), column("label", "text", {{QStringLiteral("maxLength"), 20}}),
                             column("stage", "choice",
                                 {{QStringLiteral("choices"),
                                      QJsonArray{QStringLiteral("Plan"), QStringLiteral("Build"), QStringLiteral("Done")}},
                                     {QStringLiteral("displayAs"), QStringLiteral("dropDownMenu")}}),
                             key})
                     .isEmpty());
        importDefinitionsJson({itemsDefinition(), scanDefinition()});
    }

    void cliDryRunExitsOneAndPrintsTheReasons()
    {
        const qint64 writes = writeRequests();
        QProcess cli;
        startCli(cli, QStringLiteral("DryRunItems"), {QStringLiteral("--dry-run")});
        QVERIFY(cli.waitForFinished(120000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(cli.exitCode() == 1, qPrintable(out + err));
        QVERIFY2(out.contains(QStringLiteral("Failing rows by reason:\n  40 rows: %1\n  25 rows: %2\n  15 rows: %3\n")
                                  .arg(nanReason, lengthReason, choiceReason)),
            qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("PARTIALLY_FAILED")), qPrintable(out));
        QCOMPARE(writeRequests(), writes);
        QCOMPARE(m_emulator.itemCount(QStringLiteral("DR Items")), 0);
    }

    void dryRunPredictsTheRunsFailuresReasonByReason()
    {
        const qint64 writes = writeRequests();
        const RunOutcome planned = push(QStringLiteral("DryRunItems"), pushOptions(30, dryRun, 0));
        QCOMPARE(writeRequests(), writes); // the dry run wrote nothing
        QCOMPARE(m_emulator.itemCount(QStringLiteral("DR Items")), 0);

        const RunOutcome ran = push(QStringLiteral("DryRunItems"), pushOptions(30));
        QCOMPARE(ran.counters.rowsRead, 100);
        QCOMPARE(planned.counters.failed, ran.counters.failed); // 80 rows: the dry run used to say 0
        QCOMPARE(ran.counters.failed, 80);
        QCOMPARE(ran.counters.created, 20);
        QCOMPARE(planned.plan.value(QStringLiteral("DR Items")).value(QStringLiteral("create")), ran.counters.created);
        QCOMPARE(m_emulator.itemCount(QStringLiteral("DR Items")), 20);

        // Same reasons, same counts: the dry run's prediction, the run's outcome and its events.
        const QMap<QString, qint64> expected{{nanReason, 40}, {lengthReason, 25}, {choiceReason, 15}};
        qInfo().noquote() << "dry run:" << planned.failures << "run:" << ran.failures;
        QCOMPARE(planned.failures, expected);
        QCOMPARE(ran.failures, expected);
        QCOMPARE(reasonsInEvents(ran.runId), expected);
        QCOMPARE(planned.status, RunStatus::PartiallyFailed);
        QCOMPARE(ran.status, RunStatus::PartiallyFailed);
        const auto events = RunRepository(*m_store).events(planned.runId);
        QVERIFY(std::any_of(events->cbegin(), events->cend(), [](const RunEvent &e) {
            return e.type == QLatin1String("rows-would-fail") && e.payload.value(QStringLiteral("error")).toString() == nanReason
                && e.payload.value(QStringLiteral("rows")).toInteger() == 40;
        }));

        // Fixed in the source, the rows go through; a dry run now predicts no failure.
        sql(QStringLiteral(
            "UPDATE dryrun_items SET ref = NULL, label = left(label, 20), stage = 'Done', updated_at = now() - interval '1 hour' "
            "WHERE id <= 80"));
        const RunOutcome clean = push(QStringLiteral("DryRunItems"), pushOptions(30, dryRun, 0));
        QCOMPARE(clean.counters.failed, 0);
        QVERIFY(clean.failures.isEmpty());
        QCOMPARE(clean.status, RunStatus::Succeeded);
    }

    void cliDryRunPrintsTheBreakersWarning()
    {
        QCOMPARE(push(QStringLiteral("DryRunScan")).status, RunStatus::Succeeded);
        QCOMPARE(m_emulator.itemCount(QStringLiteral("DR Scan")), 20);
        sql(QStringLiteral("DELETE FROM dryrun_scan WHERE id <= 6")); // 30 % of the list: above the 20 % limit
        const qint64 writes = writeRequests();
        QProcess cli;
        startCli(cli, QStringLiteral("DryRunScan"), {QStringLiteral("--dry-run")});
        QVERIFY(cli.waitForFinished(120000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(cli.exitCode() == 1, qPrintable(out + err)); // as the real run would end: deletions held back
        QVERIFY2(err.contains(QStringLiteral(
                     "warning: A real run would ask before deleting 6 of the 20 items of 'DR Scan' (above the limit of 20 %).")),
            qPrintable(err));
        QVERIFY2(out.contains(QStringLiteral("DR Scan: 6 delete")), qPrintable(out));
        QCOMPARE(writeRequests(), writes);
        QCOMPARE(m_emulator.itemCount(QStringLiteral("DR Scan")), 20);
    }

    void cliDryRunPrintsTheFieldsThatDiffer()
    {
        // DR Scan holds 20 items; the source lost 6 rows (above) and now changes one label.
        sql(QStringLiteral("UPDATE dryrun_scan SET label = 'changed 7' WHERE id = 7"));
        QProcess cli;
        startCli(cli, QStringLiteral("DryRunScan"), {QStringLiteral("--dry-run")});
        QVERIFY(cli.waitForFinished(120000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        // The row by its key, its list, and the field that differs: SharePoint's value → the mapped value.
        QVERIFY2(out.contains(QStringLiteral("  update    id 7  DR Scan: Title: \"scan 7\" → \"changed 7\"\n")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("  delete    id 1  DR Scan: the row is gone from the source\n")), qPrintable(out));
        QVERIFY2(!out.contains(QStringLiteral("id 8  DR Scan")), qPrintable(out)); // unchanged rows say nothing

        QProcess json;
        startCli(json, QStringLiteral("DryRunScan"), {QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QVERIFY(json.waitForFinished(120000));
        const QJsonObject outcome = QJsonDocument::fromJson(json.readAllStandardOutput()).object();
        QCOMPARE(outcome.value(QStringLiteral("dryRun")).toBool(), true);
        QCOMPARE(outcome.value(QStringLiteral("lists"))
                     .toObject()
                     .value(QStringLiteral("DR Scan"))
                     .toObject()
                     .value(QStringLiteral("update"))
                     .toInt(),
            1);
        QJsonObject updated;
        for (const QJsonValue &row : outcome.value(QStringLiteral("rows")).toArray()) {
            if (row.toObject().value(QStringLiteral("action")).toString() == QLatin1String("update"))
                updated = row.toObject();
        }
        QCOMPARE(updated.value(QStringLiteral("row")).toString(), QStringLiteral("id 7"));
        QCOMPARE(updated.value(QStringLiteral("list")).toString(), QStringLiteral("DR Scan"));
        QCOMPARE(updated.value(QStringLiteral("currentValuesRead")).toBool(), true);
        QCOMPARE(updated.value(QStringLiteral("changes")).toArray(),
            (QJsonArray{QJsonObject{{QStringLiteral("field"), QStringLiteral("Title")}, {QStringLiteral("old"), QStringLiteral("scan 7")},
                {QStringLiteral("new"), QStringLiteral("changed 7")}}}));
    }

    void cliDryRunShowsASampleOfEachActionOnTheTerminal()
    {
        // 30 new rows: the terminal lists 20 creates and counts the rest; --json has every row.
        sql(QStringLiteral("INSERT INTO dryrun_scan SELECT g, 'new ' || g FROM generate_series(101, 130) g"));
        QProcess cli;
        startCli(cli, QStringLiteral("DryRunScan"), {QStringLiteral("--dry-run")});
        QVERIFY(cli.waitForFinished(120000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QCOMPARE(out.count(QStringLiteral("\n  create    id 1")), 20);
        QVERIFY2(out.contains(QStringLiteral("  … and 10 more create rows (run --json lists every row)\n")), qPrintable(out));
        QVERIFY2(out.contains(QStringLiteral("  update    id 7  DR Scan")), qPrintable(out)); // other actions keep their rows

        QProcess json;
        startCli(json, QStringLiteral("DryRunScan"), {QStringLiteral("--dry-run"), QStringLiteral("--json")});
        QVERIFY(json.waitForFinished(120000));
        int creates = 0;
        for (const QJsonValue &row : QJsonDocument::fromJson(json.readAllStandardOutput()).object().value(QStringLiteral("rows")).toArray())
            creates += row.toObject().value(QStringLiteral("action")).toString() == QLatin1String("create") ? 1 : 0;
        QCOMPARE(creates, 30);
        sql(QStringLiteral("DELETE FROM dryrun_scan WHERE id > 100"));
    }
};

QTEST_GUILESS_MAIN(TestDryRun)
#include "tst_dryrun.moc"

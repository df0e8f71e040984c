// Drift checks (issue 18): after a push the table and its lists are in sync; then every class of
// drift is made by hand — items deleted, edited and duplicated in SharePoint, a row deleted behind the
// engine's back, a row re-routed, items SyncBridge did not create — and the check finds exactly
// those, with the right counts per list, records them in run history, and `drift check` says so.
#include "drifttestbase.h"

#include "store/runrepository.h"

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestDrift : public DriftTestBase
{
    Q_OBJECT

    QString fieldOf(const QJsonValue &item, const char *field) const
    {
        return item.toObject().value(QStringLiteral("fields")).toObject().value(QLatin1String(field)).toString();
    }
    QString idOfItem(const QJsonValue &item) const { return item.toObject().value(QStringLiteral("id")).toString(); }

    // rclone-check lines of the CLI's output, by their symbol.
    QMap<QChar, int> linesBySymbol(const QString &out) const
    {
        QMap<QChar, int> counts;
        for (const QString &line : out.split(QLatin1Char('\n'))) {
            if (line.size() > 2 && line.at(1) == QLatin1Char(' ') && QStringLiteral("=+-*>!?").contains(line.at(0)))
                ++counts[line.at(0)];
        }
        return counts;
    }

private slots:
    void initTestCase() { startDrift(); }

    void aPushedDefinitionIsInSync()
    {
        const DriftReport report = check();
        QVERIFY(report.runId > 0);
        QVERIFY2(report.inSync(), qPrintable(report.entries.isEmpty() ? QString() : driftLine(report.entries.constFirst())));
        QCOMPARE(report.totals.value(DriftClass::InSync), projectRows);
        QCOMPARE(report.sourceRows, projectRows);
        qint64 items = 0;
        for (const DriftListCounts &list : report.lists) {
            QCOMPARE(list.items, list.sourceRows);
            QCOMPARE(list.ledgerEntries, list.sourceRows);
            items += list.items;
        }
        QCOMPARE(items, qint64(projectRows));
        QVERIFY(report.ruSpent > 0);

        QProcess cli;
        startCliCommand(cli, {QStringLiteral("drift"), QStringLiteral("check"), definitionName}, cliEnvironment());
        QVERIFY(cli.waitForFinished(120000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(cli.exitCode() == 0, qPrintable(out + QString::fromUtf8(cli.readAllStandardError())));
        QVERIFY2(out.contains(QStringLiteral("In sync: 300 row")), qPrintable(out));
    }

    void everyClassOfDriftIsFoundWithItsCounts()
    {
        const QJsonArray active = items(QStringLiteral("D Active"));
        const QJsonArray other = items(QStringLiteral("D Other"));
        QVERIFY(active.size() >= 5 && !other.isEmpty());
        // '+' twice: items deleted in SharePoint.
        QCOMPARE(deleteItem(QStringLiteral("D Active"), idOfItem(active.at(0))), 204);
        QCOMPARE(deleteItem(QStringLiteral("D Active"), idOfItem(active.at(1))), 204);
        // '*': a person renamed the project in SharePoint (a PUSH_ONLY field).
        QCOMPARE(
            editItem(QStringLiteral("D Active"), idOfItem(active.at(2)), {{QStringLiteral("name"), QStringLiteral("Renamed by hand")}}),
            200);
        // '!': a second item with the same SyncBridgeKey.
        QJsonObject copy = active.at(3).toObject().value(QStringLiteral("fields")).toObject();
        QCOMPARE(addItem(QStringLiteral("D Active"),
                     {{QStringLiteral("Title"), copy.value(QStringLiteral("Title"))},
                         {QStringLiteral("name"), copy.value(QStringLiteral("name"))},
                         {QStringLiteral("SyncBridgeKey"), copy.value(QStringLiteral("SyncBridgeKey"))}}),
            201);
        // '-' twice: a row deleted behind the engine's back, and an item whose key names no row.
        sql(QStringLiteral("DELETE FROM drift_projects WHERE project_code = '%1'").arg(fieldOf(active.at(4), "Title")));
        QCOMPARE(
            addItem(QStringLiteral("D Other"),
                {{QStringLiteral("Title"), QStringLiteral("stray")}, {QStringLiteral("SyncBridgeKey"), QString(64, QLatin1Char('0'))}}),
            201);
        // '>': a row the rules now route to "D Large" while its item is in "D Other".
        const QString rerouted = fieldOf(other.at(0), "Title");
        sql(QStringLiteral("UPDATE drift_projects SET budget_amount = 5000000 WHERE project_code = '%1'").arg(rerouted));
        // '?': an item made by hand, without SyncBridgeKey.
        QCOMPARE(addItem(QStringLiteral("D Large"), {{QStringLiteral("Title"), QStringLiteral("hand-made")}}), 201);

        const DriftReport report = check();
        QMap<DriftClass, qint64> expected{{DriftClass::InSync, projectRows - 1 - 2 - 1 - 1}, {DriftClass::Missing, 2},
            {DriftClass::Orphan, 2}, {DriftClass::Differs, 1}, {DriftClass::WrongList, 1}, {DriftClass::Duplicate, 1},
            {DriftClass::Unkeyed, 1}};
        for (const DriftClass driftClass : allDriftClasses)
            QVERIFY2(report.totals.value(driftClass) == expected.value(driftClass),
                qPrintable(QStringLiteral("%1: %2 found, %3 expected")
                               .arg(driftSymbol(driftClass))
                               .arg(report.totals.value(driftClass))
                               .arg(expected.value(driftClass))));
        QCOMPARE(report.entries.size(), 8);
        QCOMPARE(report.lists.value(QStringLiteral("D Active")).classes.value(DriftClass::Missing), 2);
        QCOMPARE(report.lists.value(QStringLiteral("D Active")).classes.value(DriftClass::Duplicate), 1);
        QCOMPARE(report.lists.value(QStringLiteral("D Other")).classes.value(DriftClass::WrongList), 1);
        QCOMPARE(report.lists.value(QStringLiteral("D Large")).classes.value(DriftClass::Unkeyed), 1);
        for (const DriftEntry &entry : report.entries) {
            switch (entry.driftClass) {
            case DriftClass::Differs:
                QCOMPARE(entry.changes.size(), 1);
                QCOMPARE(entry.changes.constFirst().field, QStringLiteral("name"));
                QCOMPARE(entry.changes.constFirst().before.toString(), QStringLiteral("Renamed by hand"));
                QCOMPARE(entry.changes.constFirst().after.toString(), fieldOf(active.at(2), "name"));
                break;
            case DriftClass::WrongList:
                QCOMPARE(entry.list, QStringLiteral("D Other"));
                QCOMPARE(entry.expectedList, QStringLiteral("D Large"));
                QCOMPARE(entry.title, rerouted);
                break;
            case DriftClass::Unkeyed:
                QCOMPARE(entry.title, QStringLiteral("hand-made"));
                break;
            case DriftClass::Duplicate: // the ledger's item is kept, the copy (a newer id) is the duplicate
                QVERIFY(entry.itemId != idOfItem(active.at(3)));
                break;
            default:
                break;
            }
        }
        // Per-list counts are kept with the check in run history.
        const auto counts = RunRepository(*m_store).listCounts(report.runId);
        QVERIFY(counts.ok());
        QCOMPARE(counts->value(QStringLiteral("D Active")).value(QStringLiteral("missing")), 2);
        QCOMPARE(counts->value(QStringLiteral("D Large")).value(QStringLiteral("unkeyed")), 1);
        QVERIFY(counts->value(QStringLiteral("D Active")).contains(QStringLiteral("source")));
        const auto run = RunRepository(*m_store).run(report.runId);
        QCOMPARE(run->type, RunType::Drift);

        QProcess cli;
        startCliCommand(cli, {QStringLiteral("drift"), QStringLiteral("check"), definitionName}, cliEnvironment());
        QVERIFY(cli.waitForFinished(120000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(cli.exitCode() == 1, qPrintable(out + QString::fromUtf8(cli.readAllStandardError())));
        const QMap<QChar, int> lines = linesBySymbol(out);
        QCOMPARE(lines.value(QLatin1Char('+')), 2);
        QCOMPARE(lines.value(QLatin1Char('-')), 2);
        QCOMPARE(lines.value(QLatin1Char('*')), 1);
        QCOMPARE(lines.value(QLatin1Char('>')), 1);
        QCOMPARE(lines.value(QLatin1Char('!')), 1);
        QCOMPARE(lines.value(QLatin1Char('?')), 1);
        QVERIFY2(out.contains(QStringLiteral("name 'Renamed by hand' → ")), qPrintable(out));

        QProcess json;
        startCliCommand(
            json, {QStringLiteral("drift"), QStringLiteral("check"), definitionName, QStringLiteral("--json")}, cliEnvironment());
        QVERIFY(json.waitForFinished(120000));
        QCOMPARE(json.exitCode(), 1);
        const QJsonObject document = QJsonDocument::fromJson(json.readAllStandardOutput()).object();
        QCOMPARE(document.value(QStringLiteral("inSync")).toBool(true), false);
        QCOMPARE(document.value(QStringLiteral("totals")).toObject().value(QStringLiteral("orphan")).toInt(), 2);
        QCOMPARE(document.value(QStringLiteral("differences")).toArray().size(), 8);
    }

    // Continues from the drift above: the preview lists every repair and writes nothing.
    void aRepairDryRunListsTheRepairs()
    {
        const qint64 writes = writeRequests();
        const RunOutcome preview = repair(true);
        QVERIFY2(preview.status == RunStatus::Succeeded, qPrintable(preview.message));
        QVERIFY(preview.dryRun);
        QMap<QString, int> actions;
        for (const PreviewRow &row : preview.preview)
            ++actions[row.action];
        QCOMPARE(actions.value(QStringLiteral("create")), 2);
        QCOMPARE(actions.value(QStringLiteral("update")), 1);
        QCOMPARE(actions.value(QStringLiteral("move")), 1);
        QCOMPARE(actions.value(QStringLiteral("delete")), 3); // two orphans, one duplicate; never the '?' item
        QCOMPARE(preview.plan.value(QStringLiteral("D Active")).value(QStringLiteral("create")), 2);
        QCOMPARE(preview.plan.value(QStringLiteral("D Large")).value(QStringLiteral("move")), 1);
        for (const PreviewRow &row : preview.preview) {
            if (row.action == QLatin1String("update")) {
                QCOMPARE(row.changes.size(), 1);
                QCOMPARE(row.changes.constFirst().before.toString(), QStringLiteral("Renamed by hand"));
            }
        }
        QCOMPARE(writeRequests(), writes);
        QCOMPARE(RunRepository(*m_store).run(preview.runId)->type, RunType::DryRun);

        QProcess cli;
        startCliCommand(
            cli, {QStringLiteral("drift"), QStringLiteral("repair"), definitionName, QStringLiteral("--dry-run")}, cliEnvironment());
        QVERIFY(cli.waitForFinished(120000));
        const QString out = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(cli.exitCode() == 0, qPrintable(out + QString::fromUtf8(cli.readAllStandardError())));
        QVERIFY2(out.contains(QStringLiteral("Renamed by hand")) && out.contains(QStringLiteral("delete")), qPrintable(out));
        QCOMPARE(writeRequests(), writes);
    }

    void aRepairConvergesToInSync()
    {
        const RunOutcome repaired = repair(false);
        QVERIFY2(repaired.status == RunStatus::Succeeded, qPrintable(repaired.message));
        QCOMPARE(repaired.counters.created, 2);
        QCOMPARE(repaired.counters.updated, 1);
        QCOMPARE(repaired.counters.moved, 1);
        QCOMPARE(repaired.counters.deleted, 3);
        QCOMPARE(RunRepository(*m_store).run(repaired.runId)->type, RunType::Repair);

        DriftReport report = check();
        QCOMPARE(report.totals.value(DriftClass::InSync), projectRows - 1);
        QCOMPARE(report.differences(), 1); // the '?' item: SyncBridge never touches what it did not create
        QCOMPARE(report.totals.value(DriftClass::Unkeyed), 1);
        // The ledger agrees with the lists: a push finds nothing to write.
        const RunOutcome pushed = push(definitionName, pushOptions(500, {false, true}));
        QVERIFY2(pushed.status == RunStatus::Succeeded, qPrintable(pushed.message));
        QCOMPARE(pushed.counters.created + pushed.counters.updated + pushed.counters.moved, 0);

        for (const QJsonValue &item : items(QStringLiteral("D Large"))) {
            if (fieldOf(item, "Title") == QLatin1String("hand-made"))
                QCOMPARE(deleteItem(QStringLiteral("D Large"), idOfItem(item)), 204);
        }
        report = check();
        QVERIFY(report.inSync());
        QCOMPARE(report.totals.value(DriftClass::InSync), projectRows - 1);
    }

    void theBreakerHoldsBackMassDeletesOfOrphans()
    {
        const qint64 large = items(QStringLiteral("D Large")).size();
        const int orphans = int(large / 2);
        for (int i = 0; i < orphans; ++i)
            QCOMPARE(addItem(QStringLiteral("D Large"),
                         {{QStringLiteral("Title"), QStringLiteral("orphan %1").arg(i)},
                             {QStringLiteral("SyncBridgeKey"), QStringLiteral("%1").arg(i, 64, 10, QLatin1Char('f'))}}),
                201);
        QCOMPARE(check().totals.value(DriftClass::Orphan), orphans);

        QList<MassDeleteCheck> asked;
        RunOutcome held = repair(false, [&](const MassDeleteCheck &question) {
            asked << question;
            return false;
        });
        QCOMPARE(held.status, RunStatus::PartiallyFailed);
        QCOMPARE(held.heldBackDeletes, orphans);
        QCOMPARE(held.counters.deleted, 0);
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.constFirst().listName, QStringLiteral("D Large"));
        QCOMPARE(items(QStringLiteral("D Large")).size(), large + orphans);

        QProcess cli;
        startCliCommand(cli, {QStringLiteral("drift"), QStringLiteral("repair"), definitionName}, cliEnvironment());
        QVERIFY(cli.waitForFinished(120000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(cli.exitCode() == 1, qPrintable(err));
        QVERIFY2(err.contains(QStringLiteral("Held back %1 deletion").arg(orphans)), qPrintable(err));

        startCliCommand(cli, {QStringLiteral("drift"), QStringLiteral("repair"), definitionName, QStringLiteral("--allow-mass-delete")},
            cliEnvironment());
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY2(cli.exitCode() == 0, qPrintable(QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError())));
        QCOMPARE(items(QStringLiteral("D Large")).size(), large);
        QVERIFY(check().inSync());
    }

    // `drift repair --only`: the differences named by the repairKey `drift check --json` gives them,
    // and nothing else; a key that is no repairKey is refused naming it, one the check does not find
    // is a warning.
    void aRepairOfNamedDifferencesTouchesNothingElse()
    {
        const QJsonArray active = items(QStringLiteral("D Active"));
        QVERIFY(active.size() >= 2);
        for (const int at : {0, 1})
            QCOMPARE(editItem(QStringLiteral("D Active"), idOfItem(active.at(at)),
                         {{QStringLiteral("name"), QStringLiteral("Edited %1").arg(at)}}),
                200);
        QProcess cli;
        startCliCommand(
            cli, {QStringLiteral("drift"), QStringLiteral("check"), definitionName, QStringLiteral("--json")}, cliEnvironment());
        QVERIFY(cli.waitForFinished(120000));
        QCOMPARE(cli.exitCode(), 1);
        QString chosen, other;
        for (const QJsonValue &difference :
            QJsonDocument::fromJson(cli.readAllStandardOutput()).object().value(QStringLiteral("differences")).toArray()) {
            const QJsonObject entry = difference.toObject();
            QCOMPARE(entry.value(QStringLiteral("class")).toString(), QStringLiteral("*"));
            (entry.value(QStringLiteral("item")).toString() == idOfItem(active.at(0)) ? chosen : other)
                = entry.value(QStringLiteral("repairKey")).toString();
        }
        QVERIFY2(chosen.startsWith(QStringLiteral("differs/")) && !other.isEmpty(), qPrintable(chosen + QLatin1Char(' ') + other));

        startCliCommand(cli,
            {QStringLiteral("drift"), QStringLiteral("repair"), definitionName, QStringLiteral("--only"), QStringLiteral("item 12")},
            cliEnvironment());
        QVERIFY(cli.waitForFinished(120000));
        QVERIFY(cli.exitCode() != 0);
        const QString refused = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(refused.contains(QStringLiteral("'item 12'")), qPrintable(refused));

        const QString gone = QStringLiteral("missing/%1/%2/").arg(chosen.section(QLatin1Char('/'), 1, 1), QString(64, QLatin1Char('a')));
        startCliCommand(cli,
            {QStringLiteral("drift"), QStringLiteral("repair"), definitionName, QStringLiteral("--only"), chosen + QLatin1Char(',') + gone},
            cliEnvironment());
        QVERIFY(cli.waitForFinished(120000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QVERIFY2(cli.exitCode() == 0, qPrintable(QString::fromUtf8(cli.readAllStandardOutput()) + err));
        QVERIFY2(err.contains(QStringLiteral("1 difference named was not found")) && err.contains(gone), qPrintable(err));

        const DriftReport report = check();
        QCOMPARE(report.differences(), 1);
        QCOMPARE(report.entries.size(), 1);
        QCOMPARE(report.entries.constFirst().itemId, idOfItem(active.at(1)));
        QCOMPARE(driftEntryKey(report.entries.constFirst()), other);
        const RunOutcome rest = repair(false);
        QVERIFY2(rest.status == RunStatus::Succeeded, qPrintable(rest.message));
        QVERIFY(check().inSync());
    }

    // Graph leaves lookup and person fields beyond the 12th out of collection reads: absent there is
    // not empty, so those items are read again one by one — and a real edit of the 14th is found.
    void lookupsBeyondTheTwelfthAreReadAgainNotTakenForEmpty()
    {
        QJsonArray columns;
        QStringList tableColumns;
        QJsonArray mappings;
        for (int n = 1; n <= 14; ++n) {
            columns.append(
                QJsonObject{{QStringLiteral("name"), QStringLiteral("P%1").arg(n)}, {QStringLiteral("personOrGroup"), QJsonObject{}}});
            tableColumns << QStringLiteral("p%1 integer NOT NULL DEFAULT 10").arg(n);
            mappings.append(QJsonObject{{QStringLiteral("source"), QStringLiteral("p%1").arg(n)},
                {QStringLiteral("target"), QStringLiteral("P%1").arg(n)}, {QStringLiteral("direction"), QStringLiteral("PUSH_ONLY")}});
        }
        QJsonObject key{{QStringLiteral("name"), QStringLiteral("SyncBridgeKey")},
            {QStringLiteral("text"), QJsonObject{{QStringLiteral("maxLength"), 64}}}, {QStringLiteral("indexed"), true},
            {QStringLiteral("hidden"), true}};
        columns.append(key);
        QVERIFY(!m_emulator.createList(QStringLiteral("L People"), columns).isEmpty());
        sql(QStringLiteral(
            "CREATE TABLE drift_people (id integer PRIMARY KEY, %1, updated_at timestamptz NOT NULL DEFAULT now() - interval '1 hour')")
                .arg(tableColumns.join(QStringLiteral(", "))));
        sql(QStringLiteral("INSERT INTO drift_people (id) SELECT generate_series(1, 5)"));
        importDefinitionsJson({QJsonObject{{QStringLiteral("name"), QStringLiteral("People")},
            {QStringLiteral("source"),
                QJsonObject{
                    {QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("drift_people")}}},
            {QStringLiteral("cursor"),
                QJsonObject{
                    {QStringLiteral("strategy"), QStringLiteral("UPDATED_AT")}, {QStringLiteral("column"), QStringLiteral("updated_at")}}},
            {QStringLiteral("targetStrategy"), QStringLiteral("SINGLE")},
            {QStringLiteral("targets"),
                QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("People")},
                    {QStringLiteral("connection"), QStringLiteral("Emulator")},
                    {QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:/sites/pmo")},
                    {QStringLiteral("list"), QStringLiteral("L People")}}}},
            {QStringLiteral("mappings"), mappings}}});
        const RunOutcome pushed = push(QStringLiteral("People"));
        QVERIFY2(pushed.status == RunStatus::Succeeded, qPrintable(pushed.message));
        QCOMPARE(pushed.counters.created, 5);

        DriftReport report = check(nullptr, QStringLiteral("People"));
        QVERIFY2(report.inSync(), qPrintable(report.entries.isEmpty() ? QString() : driftLine(report.entries.constFirst())));
        QCOMPARE(report.totals.value(DriftClass::InSync), 5);
        QCOMPARE(report.itemsReadSingly, 5);

        const QJsonArray people = items(QStringLiteral("L People"));
        QCOMPARE(
            editItem(QStringLiteral("L People"), idOfItem(people.at(0)), {{QStringLiteral("P14LookupId"), QStringLiteral("11")}}), 200);
        report = check(nullptr, QStringLiteral("People"));
        QCOMPARE(report.totals.value(DriftClass::Differs), 1);
        QCOMPARE(report.entries.size(), 1);
        QCOMPARE(report.entries.constFirst().changes.size(), 1);
        QCOMPARE(report.entries.constFirst().changes.constFirst().field, QStringLiteral("P14LookupId"));
    }

    // A row whose value a push cannot convert (budget NaN) is counted as not compared: its item is
    // not an orphan, and a repair leaves it alone (it used to delete it).
    void anItemOfARowThatCannotBePlannedIsNoOrphan()
    {
        QVERIFY2(check().inSync(), "the lists must be in sync before the row is spoilt");
        const QString id = sql(QStringLiteral("SELECT min(id) FROM drift_projects WHERE status = 'Active' AND budget_amount < 4000000"));
        const QString budget = sql(QStringLiteral("SELECT budget_amount FROM drift_projects WHERE id = %1").arg(id));
        sql(QStringLiteral("UPDATE drift_projects SET budget_amount = 'NaN' WHERE id = %1").arg(id));
        const qint64 before = items(QStringLiteral("D Active")).size();

        const DriftReport report = check();
        QCOMPARE(report.unplannedRows, 1);
        QCOMPARE(report.totals.value(DriftClass::Orphan), 0);
        QVERIFY2(report.inSync(), qPrintable(report.entries.isEmpty() ? QString() : driftLine(report.entries.constFirst())));
        const RunOutcome repaired = repair(false, [](const MassDeleteCheck &) { return true; });
        QVERIFY2(repaired.status == RunStatus::Succeeded, qPrintable(repaired.message));
        QCOMPARE(repaired.counters.deleted, 0);
        QCOMPARE(items(QStringLiteral("D Active")).size(), before);
        sql(QStringLiteral("UPDATE drift_projects SET budget_amount = %1 WHERE id = %2").arg(budget, id));
    }
};

QTEST_GUILESS_MAIN(TestDrift)
#include "tst_drift.moc"

// A pull's dry run against a real PostgreSQL and the emulator: it reads SharePoint's changes as the
// run would and tries each write in the database, rolled back — so it plans per list and action, and
// names the items that would fail per reason exactly as the real run then does — and it leaves the
// table, the ledger, the delta link and the retry queue as they were.
#include "pulltestbase.h"

#include "store/definitionrepository.h"
#include "store/runrepository.h"

using namespace SyncBridge;
using namespace SyncBridge::Test;

class PullDryRunTest : public PullTestBase
{
    Q_OBJECT

    QString m_list;

    // Everything a pull may change, as text: the table, the ledger, the kept delta link, the queue.
    QString state()
    {
        const qint64 id = definitionId(QStringLiteral("Team"));
        QStringList parts{sql(QStringLiteral("SELECT string_agg(id || ':' || name || ':' || coalesce(email, 'NULL'), ',' ORDER BY id) "
                                             "FROM team"))};
        const auto ledger = LedgerRepository(*m_store).entries(id); // bound first: a temporary Result's value would dangle
        for (const LedgerEntry &entry : ledger.value())
            parts << entry.identityText + QLatin1Char('=') + entry.itemId + QLatin1Char('/') + entry.contentHash;
        const auto cursor = LedgerRepository(*m_store).cursor(id, QStringLiteral("pull"), 0, m_list);
        parts << (cursor.value() ? cursor.value()->position : QStringLiteral("no link"));
        const auto queue = LedgerRepository(*m_store).retries(id);
        parts << QString::number(queue.value().size());
        return parts.join(QLatin1Char('\n'));
    }

private slots:
    void initTestCase()
    {
        startWith({});
        sql(QStringLiteral("CREATE TABLE team (id serial PRIMARY KEY, name text NOT NULL, email text UNIQUE,"
                           " updated_at timestamptz NOT NULL DEFAULT now())"));
        m_list = m_emulator.createList(QStringLiteral("Team"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("PersonName")}, {QStringLiteral("text"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Email")}, {QStringLiteral("text"), QJsonObject{}}}});
        QVERIFY(!m_list.isEmpty());
        importDefinitionsJson(
            {syncDefinitionJson(QStringLiteral("Team"), QStringLiteral("PULL"), QStringLiteral("team"), QStringLiteral("Team"),
                QJsonArray{pullMapping(QStringLiteral("name"), QStringLiteral("PersonName"), QStringLiteral("BIDIRECTIONAL")),
                    pullMapping(QStringLiteral("email"), QStringLiteral("Email"), QStringLiteral("BIDIRECTIONAL"))})});
    }

    void aDryRunPlansWhatTheRunDoesAndWritesNothing()
    {
        QStringList items;
        for (int i = 1; i <= 6; ++i)
            items << addItem(m_list,
                {{QStringLiteral("PersonName"), QStringLiteral("Person %1").arg(i)},
                    {QStringLiteral("Email"), QStringLiteral("p%1@example.com").arg(i)}});
        QCOMPARE(pull(QStringLiteral("Team")).counters.created, 6);

        // One new item, one without a name (NOT NULL), one with another's email (UNIQUE), one edit, one delete.
        const QString newcomer = addItem(m_list,
            {{QStringLiteral("PersonName"), QStringLiteral("Newcomer")}, {QStringLiteral("Email"), QStringLiteral("new@example.com")}});
        addItem(m_list, {{QStringLiteral("Email"), QStringLiteral("nameless@example.com")}});
        addItem(
            m_list, {{QStringLiteral("PersonName"), QStringLiteral("Twin")}, {QStringLiteral("Email"), QStringLiteral("p1@example.com")}});
        QCOMPARE(editItem(m_list, items.at(1), {{QStringLiteral("PersonName"), QStringLiteral("Person 2, renamed")}}), 200);
        QCOMPARE(deleteItem(m_list, items.at(5)), 204);
        const QString before = state();

        RunOptions preview = pushOptions(500);
        preview.dryRun = true;
        preview.previewRows = 100;
        int asked = 0;
        const RunOutcome dry = pull(
            QStringLiteral("Team"), [&](const MassDeleteCheck &) { return ++asked, true; }, preview);
        QVERIFY2(dry.status == RunStatus::PartiallyFailed, qPrintable(described(dry)));
        QVERIFY(dry.dryRun);
        QCOMPARE(asked, 0); // a dry run asks nobody
        QCOMPARE(state(), before);
        const QMap<QString, qint64> plan = dry.plan.value(QStringLiteral("Team"));
        QCOMPARE(plan.value(QStringLiteral("pull create")), 1);
        QCOMPARE(plan.value(QStringLiteral("pull update")), 1);
        QCOMPARE(plan.value(QStringLiteral("pull delete")), 1);
        QCOMPARE(plan.value(QStringLiteral("failed")), 2);
        QCOMPARE(dry.counters.created, 1);
        QCOMPARE(dry.counters.failed, 2);
        const auto run = RunRepository(*m_store).run(dry.runId);
        QVERIFY(run.ok());
        QCOMPARE(run->type, RunType::DryRun);
        // The new row as it would be written, and the failing items with the database's own words.
        const auto created = std::find_if(
            dry.preview.cbegin(), dry.preview.cend(), [](const PreviewRow &row) { return row.action == QStringLiteral("pull create"); });
        QVERIFY(created != dry.preview.cend());
        QCOMPARE(created->itemId, newcomer);
        QCOMPARE(created->fields.value(QStringLiteral("name")).toString(), QStringLiteral("Newcomer"));
        const QString reasons = QStringList(dry.failures.keys()).join(QLatin1Char('\n'));
        QVERIFY2(reasons.contains(QStringLiteral("null value in column \"name\"")), qPrintable(reasons));
        QVERIFY2(reasons.contains(QStringLiteral("duplicate key value violates unique constraint")), qPrintable(reasons));
        // The same from the command line: the planned rows and the reasons, exit 1 (items would fail).
        QProcess cli;
        startCliCommand(cli, {QStringLiteral("run"), QStringLiteral("Team"), QStringLiteral("--dry-run")}, cliEnvironment());
        QVERIFY(cli.waitForFinished(60000));
        const QString printed = QString::fromUtf8(cli.readAllStandardOutput());
        QVERIFY2(cli.exitCode() == 1, qPrintable(printed + QString::fromUtf8(cli.readAllStandardError())));
        qInfo().noquote() << printed;
        QVERIFY2(printed.contains(QStringLiteral("Planned rows (the values each would write):")), qPrintable(printed));
        QVERIFY2(
            printed.contains(
                QStringLiteral("  pull create  item %1 (a new row)  Team: email = \"new@example.com\"; name = \"Newcomer\"").arg(newcomer)),
            qPrintable(printed));
        QVERIFY2(printed.contains(QStringLiteral("the item was deleted in SharePoint")), qPrintable(printed));
        // An update says what it changes in the row (the email it writes again is the same: not shown).
        QVERIFY2(printed.contains(QStringLiteral("  pull update  id 2  Team: name: \"Person 2\" → \"Person 2, renamed\"\n")),
            qPrintable(printed));
        QCOMPARE(state(), before);

        // The real run does what the dry run said, failing the same items for the same reasons.
        const RunOutcome real = pull(QStringLiteral("Team"));
        QCOMPARE(real.status, RunStatus::PartiallyFailed);
        QCOMPARE(real.counters.created, dry.counters.created);
        QCOMPARE(real.counters.updated, dry.counters.updated);
        QCOMPARE(real.counters.deleted, dry.counters.deleted);
        QCOMPARE(real.failures, dry.failures);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM team")), QStringLiteral("6"));
    }

    void aDryRunOfADeleteTheBreakerHoldsWarnsAndDeletesNothing()
    {
        const QStringList rows = sql(QStringLiteral("SELECT string_agg(email, ',' ORDER BY id) FROM team")).split(QLatin1Char(','));
        const auto all = itemsByField(m_list, QStringLiteral("Email"));
        for (const QString &email : rows.mid(1, 3)) // not p1@: the failing twin item has that email too
            QCOMPARE(deleteItem(m_list, all.value(email).value(QStringLiteral("id")).toString()), 204);
        const QString before = state();
        RunOptions preview = pushOptions(500);
        preview.dryRun = true;
        const RunOutcome dry = pull(QStringLiteral("Team"), {}, preview);
        QVERIFY2(dry.status == RunStatus::PartiallyFailed, qPrintable(described(dry)));
        QCOMPARE(dry.plan.value(QStringLiteral("Team")).value(QStringLiteral("pull delete")), 3);
        QCOMPARE(dry.warnings.size(), 1);
        QVERIFY2(dry.warnings.constFirst().contains(QStringLiteral("would ask before deleting 3")), qPrintable(dry.warnings.constFirst()));
        QCOMPARE(state(), before);
    }

    void aPreviewOfAnUnsavedEditPlansTheEditUnlessSavingItResetsTheSyncPosition()
    {
        SyncDefinition edited = DefinitionRepository(*m_store).byName(QStringLiteral("Team")).value();
        QCOMPARE(editItem(m_list,
                     itemsByField(m_list, QStringLiteral("Email"))
                         .value(QStringLiteral("p5@example.com"))
                         .value(QStringLiteral("id"))
                         .toString(),
                     {{QStringLiteral("PersonName"), QStringLiteral("Person 5, renamed")}}),
            200);
        const QString before = state();
        RunOptions preview = pushOptions(500);
        preview.dryRun = true;
        preview.previewRows = 100;

        // The email no longer pulled: the edit is planned as the editor holds it, and not recorded.
        edited.mappings.removeIf([](const FieldMapping &mapping) { return mapping.sourceColumn == QLatin1String("email"); });
        preview.definition = edited;
        RunOutcome outcome = pull(QStringLiteral("Team"), {}, preview);
        QCOMPARE(outcome.runId, 0);
        QVERIFY(outcome.plan.value(QStringLiteral("Team")).value(QStringLiteral("pull update")) >= 1);
        for (const PreviewRow &row : std::as_const(outcome.preview))
            QVERIFY2(!row.fields.contains(QStringLiteral("email")), qPrintable(row.identity));

        // Other key columns: saving resets the position, so a plan from the kept link would show too little.
        edited.keyColumns = {QStringLiteral("email")};
        preview.definition = edited;
        outcome = pull(QStringLiteral("Team"), {}, preview);
        QCOMPARE(outcome.status, RunStatus::Failed);
        QVERIFY2(outcome.message.contains(QStringLiteral("saving it resets the sync position")), qPrintable(outcome.message));
        QCOMPARE(state(), before);
    }
};

QTEST_GUILESS_MAIN(PullDryRunTest)
#include "tst_pulldryrun.moc"

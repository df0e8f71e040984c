// Rows gone from the source under FULL_SCAN: deleted behind the circuit breaker (declined, then
// confirmed), flagged under MARK (and unflagged when a row returns), and planned by dry runs.
#include "pushoptions.h"
#include "pushtestbase.h"
#include "store/runrepository.h"

#include <QSet>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestPushDeletes : public PushTestBase
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        startWith({fullScanDefinitionJson()});
        sql(QStringLiteral("CREATE TABLE scan_projects (LIKE projects INCLUDING ALL)"));
        sql(QStringLiteral("INSERT INTO scan_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 100"));
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
        const RunOutcome planned = push(QStringLiteral("Scan"), pushOptions(500, dryRun, 1000));
        QCOMPARE(planned.status, RunStatus::PartiallyFailed); // as the run would end: deletions held back
        QCOMPARE(planned.warnings.size(), 1);
        QVERIFY2(planned.warnings.first().contains(QStringLiteral("would ask before deleting 45 of the 95 item(s) of 'S All'")),
            qPrintable(planned.warnings.first()));
        QCOMPARE(planned.plan.value(QStringLiteral("S All")).value(QStringLiteral("delete")), 45);
        QCOMPARE(planned.plan.value(QStringLiteral("S All")).value(QStringLiteral("skip")), 50);
        QCOMPARE(std::count_if(planned.preview.cbegin(), planned.preview.cend(),
                     [](const PreviewRow &row) { return row.action == QLatin1String("delete"); }),
            45);
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
        importDefinitionsJson({definition});
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
};

QTEST_GUILESS_MAIN(TestPushDeletes)
#include "tst_pushdeletes.moc"

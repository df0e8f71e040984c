// Two-way runs against a real PostgreSQL and the emulator: new rows and new items cross in one run,
// edits to different fields of one row both survive, concurrent edits of one field follow each
// policy (MANUAL waits for a decision the next run applies to both sides), deletes go behind the
// breaker, a first run matches rows and items by their key, a run destroyed half-way converges, and
// 20 seeded rounds of random edits on both sides converge with nothing written by the run after.
#include "englishplurals.h"
#include "twowaytestbase.h"

#include "store/conflictrepository.h"

#include <QRandomGenerator>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TwoWayTest : public TwoWayTestBase
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(installEnglishPlurals(this));
        startWith({});
    }

    void aNewRowAndANewItemCrossInOneRun()
    {
        const QString list = setUp(QStringLiteral("tw_cross"), QStringLiteral("SOURCE_WINS"),
            QStringLiteral("(1, 'Ann', 'ann@example.com', 10, true), (2, 'Bob', NULL, NULL, false)"));
        Outcome first = twoWay(QStringLiteral("tw_cross"));
        QVERIFY2(first.run.status == RunStatus::Succeeded, qPrintable(described(first.run)));
        QCOMPARE(first.counts.itemsCreated, 2);
        QCOMPARE(first.counts.databaseWrites(), 0);
        verifyConverged(QStringLiteral("tw_cross"), list);

        QVERIFY(!personCreate(
            list, {{QStringLiteral("RowKey"), 7}, {QStringLiteral("PersonName"), QStringLiteral("Chloé 🚀")}, {QStringLiteral("Score"), 3}})
                     .isEmpty());
        sql(QStringLiteral("INSERT INTO tw_cross (id, name, active) VALUES (3, 'Dan', true)"));
        const Outcome both = twoWay(QStringLiteral("tw_cross"));
        QVERIFY2(both.run.status == RunStatus::Succeeded, qPrintable(described(both.run)));
        QCOMPARE(both.counts.rowsCreated, 1);
        QCOMPARE(both.counts.itemsCreated, 1);
        QCOMPARE(sql(QStringLiteral("SELECT name || '|' || score FROM tw_cross WHERE id = 7")), QStringLiteral("Chloé 🚀|3"));
        verifyConverged(QStringLiteral("tw_cross"), list);
    }

    void editsToDifferentFieldsOfOneRowBothSurvive()
    {
        const QString list
            = setUp(QStringLiteral("tw_fields"), QStringLiteral("MANUAL"), QStringLiteral("(1, 'Ann', 'ann@example.com', 10, true)"));
        QCOMPARE(twoWay(QStringLiteral("tw_fields")).counts.itemsCreated, 1);
        sql(QStringLiteral("UPDATE tw_fields SET score = 11 WHERE id = 1"));
        QCOMPARE(personEdit(list, itemOfKey(list, 1), {{QStringLiteral("Email"), QStringLiteral("ann@contoso.com")}}), 200);
        const Outcome merged = twoWay(QStringLiteral("tw_fields"));
        QVERIFY2(merged.run.status == RunStatus::Succeeded, qPrintable(described(merged.run)));
        QCOMPARE(merged.counts.conflicts, 0);
        QCOMPARE(merged.counts.rowsUpdated, 1);
        QCOMPARE(merged.counts.itemsUpdated, 1);
        QCOMPARE(databaseSide(QStringLiteral("tw_fields")).value(QStringLiteral("1")), QStringLiteral("Ann|ann@contoso.com|11|true"));
        verifyConverged(QStringLiteral("tw_fields"), list);
    }

    void concurrentEditsFollowThePolicy_data()
    {
        QTest::addColumn<QString>("policy");
        QTest::addColumn<QString>("databaseStamp"); // the row's updated_at, against the item's Modified (now)
        QTest::addColumn<QString>("expected");
        QTest::newRow("source wins") << QStringLiteral("SOURCE_WINS") << QStringLiteral("now()") << QStringLiteral("from the database");
        QTest::newRow("target wins") << QStringLiteral("TARGET_WINS") << QStringLiteral("now()") << QStringLiteral("from SharePoint");
        QTest::newRow("latest wins: the row is later")
            << QStringLiteral("LATEST_WINS") << QStringLiteral("now() + interval '1 hour'") << QStringLiteral("from the database");
        QTest::newRow("latest wins: the item is later")
            << QStringLiteral("LATEST_WINS") << QStringLiteral("now() - interval '1 hour'") << QStringLiteral("from SharePoint");
    }

    void concurrentEditsFollowThePolicy()
    {
        QFETCH(QString, policy);
        QFETCH(QString, databaseStamp);
        QFETCH(QString, expected);
        static int table = 0;
        const QString name = QStringLiteral("tw_policy_%1").arg(++table);
        const QString list
            = setUp(name, policy, QStringLiteral("(1, 'Ann', 'ann@example.com', 10, true), (2, 'Bob', 'bob@example.com', 20, false)"));
        QCOMPARE(twoWay(name).counts.itemsCreated, 2);
        QCOMPARE(personEdit(list, itemOfKey(list, 1), {{QStringLiteral("PersonName"), QStringLiteral("from SharePoint")}}), 200);
        sql(QStringLiteral("UPDATE \"%1\" SET name = 'from the database', updated_at = %2 WHERE id = 1").arg(name, databaseStamp));
        const Outcome decided = twoWay(name);
        QVERIFY2(decided.run.status == RunStatus::Succeeded, qPrintable(described(decided.run)));
        QCOMPARE(decided.counts.conflicts, 1);
        QCOMPARE(sql(QStringLiteral("SELECT name FROM \"%1\" WHERE id = 1").arg(name)), expected);
        QCOMPARE(sharePointSide(list).value(QStringLiteral("1")).section(QLatin1Char('|'), 0, 0), expected);
        QCOMPARE(decided.counts.databaseWrites() + decided.counts.sharePointWrites(), 1); // only the losing side is written
        verifyConverged(name, list);
    }

    void aManualConflictWaitsAndItsDecisionReachesBothSides()
    {
        const QString list = setUp(QStringLiteral("tw_manual"), QStringLiteral("MANUAL"),
            QStringLiteral("(1, 'Ann', 'ann@example.com', 10, true), (2, 'Bob', 'bob@example.com', 20, false)"));
        QCOMPARE(twoWay(QStringLiteral("tw_manual")).counts.itemsCreated, 2);
        QCOMPARE(
            personEdit(list, itemOfKey(list, 1), {{QStringLiteral("Score"), 12}, {QStringLiteral("PersonName"), QStringLiteral("Anne")}}),
            200);
        sql(QStringLiteral("UPDATE tw_manual SET score = 13, active = false WHERE id = 1"));
        const Outcome queued = twoWay(QStringLiteral("tw_manual"));
        QVERIFY2(queued.run.status == RunStatus::Succeeded, qPrintable(described(queued.run)));
        QCOMPARE(queued.counts.conflictsQueued, 1);
        // The rest of the row synced: the name went to the database, active to SharePoint; the score is untouched.
        QCOMPARE(databaseSide(QStringLiteral("tw_manual")).value(QStringLiteral("1")), QStringLiteral("Anne|ann@example.com|13|false"));
        QCOMPARE(sharePointSide(list).value(QStringLiteral("1")), QStringLiteral("Anne|ann@example.com|12|false"));
        ConflictRepository conflicts(*m_store);
        const auto pending = conflicts.pending(definitionId(QStringLiteral("tw_manual")));
        QVERIFY(pending.ok());
        QCOMPARE(pending->size(), 1);
        const SyncConflict conflict = pending->constFirst();
        QCOMPARE(conflict.field, QStringLiteral("Score"));
        QCOMPARE(conflict.baseValue.toInteger(), 10);
        QCOMPARE(conflict.databaseValue.toInteger(), 13);
        QCOMPARE(conflict.sharePointValue.toInteger(), 12);
        // A delta feed names the editor by lookup id only (#10): the run reads the person from the site's people.
        QCOMPARE(conflict.sharePointEditor, QStringLiteral("Adele Vance <AdeleV@contoso.onmicrosoft.com>"));
        QCOMPARE(conflict.identityText, QStringLiteral("id=1"));

        // Still undecided: the next run leaves both values where they are and writes nothing.
        const Outcome waiting = twoWay(QStringLiteral("tw_manual"));
        QCOMPARE(waiting.counts.databaseWrites() + waiting.counts.sharePointWrites(), 0);
        QCOMPARE(waiting.graphWrites, 0);

        QVERIFY(
            conflicts
                .resolve(conflict.id, ConflictResolution::Edited, QJsonValue(15), QStringLiteral("tester"), QDateTime::currentDateTimeUtc())
                .ok());
        const Outcome applied = twoWay(QStringLiteral("tw_manual"));
        QVERIFY2(applied.run.status == RunStatus::Succeeded, qPrintable(described(applied.run)));
        QCOMPARE(applied.counts.conflictsApplied, 1);
        QCOMPARE(sql(QStringLiteral("SELECT score FROM tw_manual WHERE id = 1")), QStringLiteral("15"));
        QCOMPARE(sharePointSide(list).value(QStringLiteral("1")).section(QLatin1Char('|'), 2, 2), QStringLiteral("15"));
        QCOMPARE(conflicts.pending(definitionId(QStringLiteral("tw_manual")))->size(), 0);
        const auto history = conflicts.history(definitionId(QStringLiteral("tw_manual")), 10);
        QCOMPARE(history->size(), 1);
        QCOMPARE(history->constFirst().appliedRunId, applied.run.runId);
        verifyConverged(QStringLiteral("tw_manual"), list);
    }

    void aSharePointDeleteGoesBehindTheBreaker()
    {
        const QString list = setUp(QStringLiteral("tw_deletes"), QStringLiteral("SOURCE_WINS"),
            QStringLiteral("(1, 'a', NULL, 1, true), (2, 'b', NULL, 2, true), (3, 'c', NULL, 3, true), (4, 'd', NULL, 4, true),"
                           " (5, 'e', NULL, 5, true)"));
        QCOMPARE(twoWay(QStringLiteral("tw_deletes")).counts.itemsCreated, 5);
        QCOMPARE(personDelete(list, itemOfKey(list, 1)), 204);
        QCOMPARE(personDelete(list, itemOfKey(list, 2)), 204);
        const Outcome held = twoWay(QStringLiteral("tw_deletes"), false);
        QCOMPARE(held.run.status, RunStatus::PartiallyFailed);
        QCOMPARE(held.run.heldBackDeletes, 2);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM tw_deletes")), QStringLiteral("5"));
        const Outcome approved = twoWay(QStringLiteral("tw_deletes"), true);
        QVERIFY2(approved.run.status == RunStatus::Succeeded, qPrintable(described(approved.run)));
        QCOMPARE(approved.counts.rowsDeleted, 2);
        QCOMPARE(sql(QStringLiteral("SELECT string_agg(id::text, ',' ORDER BY id) FROM tw_deletes")), QStringLiteral("3,4,5"));
        // And a row deleted in the database deletes its item.
        sql(QStringLiteral("DELETE FROM tw_deletes WHERE id = 5"));
        QCOMPARE(twoWay(QStringLiteral("tw_deletes")).counts.itemsDeleted, 1);
        verifyConverged(QStringLiteral("tw_deletes"), list);
    }

    void deletePolicyMarkKeepsBothSidesMarkedUntilAMarkIsCleared()
    {
        const QString name = QStringLiteral("tw_mark");
        const QString list = setUp(name, QStringLiteral("SOURCE_WINS"),
            QStringLiteral("(1, 'a', NULL, 1, true), (2, 'b', NULL, 2, true), (3, 'c', NULL, 3, true), (4, 'd', NULL, 4, true),"
                           " (5, 'e', NULL, 5, true)"),
            QStringLiteral("MARK"));
        // The table has nowhere to mark a row: refused, saying what to add, before anything is written.
        const Outcome refused = twoWay(name);
        QCOMPARE(refused.run.status, RunStatus::Failed);
        QVERIFY2(refused.run.message.contains(QStringLiteral("ADD COLUMN syncbridge_gone")), qPrintable(refused.run.message));
        QCOMPARE(items(list).size(), 0);
        sql(QStringLiteral("ALTER TABLE tw_mark ADD COLUMN syncbridge_gone timestamptz"));
        QCOMPARE(twoWay(name).counts.itemsCreated, 5);

        // An item deleted in SharePoint marks its row; a row deleted in the database flags its item.
        QCOMPARE(personDelete(list, itemOfKey(list, 1)), 204);
        sql(QStringLiteral("DELETE FROM tw_mark WHERE id = 2"));
        const Outcome marked = twoWay(name);
        QVERIFY2(marked.run.status == RunStatus::Succeeded, qPrintable(described(marked.run)));
        QCOMPARE(marked.counts.rowsMarked, 1);
        QCOMPARE(marked.counts.itemsMarked, 1);
        QCOMPARE(marked.counts.rowsDeleted + marked.counts.itemsDeleted + marked.counts.itemsCreated + marked.counts.rowsCreated, 0);
        QCOMPARE(
            sql(QStringLiteral("SELECT string_agg(id::text, ',') FROM tw_mark WHERE syncbridge_gone IS NOT NULL")), QStringLiteral("1"));
        const QString flagged = itemOfKey(list, 2);
        QVERIFY(!flagged.isEmpty());
        const QJsonArray all = items(list);
        const auto flaggedItem = std::find_if(
            all.cbegin(), all.cend(), [&](const QJsonValue &item) { return item[QStringLiteral("id")].toString() == flagged; });
        QVERIFY(flaggedItem != all.cend());
        QCOMPARE((*flaggedItem)[QStringLiteral("fields")][QStringLiteral("SyncBridgeGone")].toBool(), true);

        // A marked row edited in the database is not pushed as a new item; nothing is written.
        sql(QStringLiteral("UPDATE tw_mark SET name = 'a again', updated_at = now() WHERE id = 1"));
        const Outcome quiet = twoWay(name);
        QVERIFY2(quiet.run.status == RunStatus::Succeeded, qPrintable(described(quiet.run)));
        QCOMPARE(quiet.counts.databaseWrites() + quiet.counts.sharePointWrites(), 0);
        QCOMPARE(quiet.graphWrites, 0);
        QVERIFY(itemOfKey(list, 1).isEmpty());

        // A mark cleared brings its row back on the other side: a new item, a row again.
        sql(QStringLiteral("UPDATE tw_mark SET syncbridge_gone = NULL, updated_at = now() WHERE id = 1"));
        QCOMPARE(personEdit(list, flagged, {{QStringLiteral("SyncBridgeGone"), false}}), 200);
        const Outcome back = twoWay(name);
        QVERIFY2(back.run.status == RunStatus::Succeeded, qPrintable(described(back.run)));
        QCOMPARE(back.counts.itemsCreated, 1);
        QCOMPARE(back.counts.rowsCreated, 1);
        QCOMPARE(databaseSide(name).value(QStringLiteral("1")), QStringLiteral("a again|∅|1|true"));
        QCOMPARE(databaseSide(name).value(QStringLiteral("2")), QStringLiteral("b|∅|2|true"));
        QCOMPARE(itemsPerKey(list).size(), 5);
        verifyConverged(name, list);
    }

    // MARK: an item created again in SharePoint with a marked row's key brings the row back, its mark
    // cleared, paired with that item as a first run pairs them (TARGET_WINS: the item's values).
    void anItemCreatedAgainForAMarkedRowClearsTheMark()
    {
        const QString name = QStringLiteral("tw_remark");
        const QString list = setUp(name, QStringLiteral("TARGET_WINS"), QStringLiteral("(1, 'a', NULL, 1, true), (2, 'b', NULL, 2, true)"),
            QStringLiteral("MARK"));
        sql(QStringLiteral("ALTER TABLE tw_remark ADD COLUMN syncbridge_gone boolean"));
        QCOMPARE(twoWay(name).counts.itemsCreated, 2);
        QCOMPARE(personDelete(list, itemOfKey(list, 1)), 204);
        QCOMPARE(twoWay(name).counts.rowsMarked, 1);
        QVERIFY(!personCreate(list,
            {{QStringLiteral("RowKey"), 1}, {QStringLiteral("PersonName"), QStringLiteral("a again")}, {QStringLiteral("Score"), 1},
                {QStringLiteral("Active"), true}})
                     .isEmpty());
        const Outcome back = twoWay(name);
        QVERIFY2(back.run.status == RunStatus::Succeeded, qPrintable(described(back.run)));
        QCOMPARE(back.counts.rowsUpdated, 1);
        QCOMPARE(back.counts.rowsCreated + back.counts.itemsCreated + back.counts.itemsDeleted + back.counts.itemsMarked, 0);
        QCOMPARE(sql(QStringLiteral("SELECT coalesce(syncbridge_gone::text, 'NULL') || '|' || name FROM tw_remark WHERE id = 1")),
            QStringLiteral("NULL|a again"));
        QCOMPARE(itemsPerKey(list).size(), 2);
        verifyConverged(name, list);
    }

    void aFirstRunMatchesRowsAndItemsByTheirKey()
    {
        const QString list = setUp(QStringLiteral("tw_match"), QStringLiteral("TARGET_WINS"),
            QStringLiteral("(2, 'Bob', 'bob@example.com', 20, false), (3, 'Cy', NULL, 30, true), (4, 'Dee', NULL, NULL, NULL)"));
        for (const auto &[key, name, score] : {std::tuple{1, "Ann", 10}, std::tuple{2, "Bob", 20}, std::tuple{3, "Cyrus", 30}})
            QVERIFY(!personCreate(list,
                {{QStringLiteral("RowKey"), key}, {QStringLiteral("PersonName"), QLatin1String(name)}, {QStringLiteral("Score"), score}})
                         .isEmpty());
        const Outcome first = twoWay(QStringLiteral("tw_match"));
        QVERIFY2(first.run.status == RunStatus::Succeeded, qPrintable(described(first.run)));
        QCOMPARE(first.counts.matched, 2);
        QCOMPARE(first.counts.itemsCreated, 1); // row 4
        QCOMPARE(first.counts.rowsCreated, 1);  // item 1
        QCOMPARE(items(list).size(), 4);
        // Row 2's email and active, row 3's name differ from the items: decided as conflicts without a base (SharePoint wins).
        QCOMPARE(databaseSide(QStringLiteral("tw_match")).value(QStringLiteral("3")), QStringLiteral("Cyrus|∅|30|∅"));
        verifyConverged(QStringLiteral("tw_match"), list);
    }

    void aRunDestroyedAfterItsDatabaseWritesConverges()
    {
        const QString list = setUp(QStringLiteral("tw_crash"), QStringLiteral("SOURCE_WINS"), QStringLiteral("(1, 'a', NULL, 1, true)"));
        QCOMPARE(twoWay(QStringLiteral("tw_crash")).counts.itemsCreated, 1);
        for (int key = 100; key < 130; ++key)
            QVERIFY(
                !personCreate(list, {{QStringLiteral("RowKey"), key}, {QStringLiteral("PersonName"), QStringLiteral("item %1").arg(key)}})
                     .isEmpty());
        sql(QStringLiteral("INSERT INTO tw_crash (id, name) SELECT g, 'row ' || g FROM generate_series(200, 229) g"));
        {
            auto *run = new TwoWayRun(
                m_store, m_secrets, [this](const SharePointConnection &) { return m_governor; }, definitionId(QStringLiteral("tw_crash")),
                pushOptions(500));
            bool destroyed = false;
            QObject::connect(run, &TwoWayRun::progress, run, [&](const RunProgress &progress) {
                // The database has its 30 new rows; SharePoint's 30 creates have not been sent.
                if (progress.phase == RunPhase::Pushing && progress.counters.rowsRead > 0 && !destroyed && run->counts().rowsCreated > 0) {
                    destroyed = true;
                    run->deleteLater();
                }
            });
            run->start();
            QTRY_VERIFY(destroyed);
            QTest::qWait(50);
        }
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM tw_crash")), QStringLiteral("61"));
        const Outcome next = twoWay(QStringLiteral("tw_crash"));
        QVERIFY2(next.run.status == RunStatus::Succeeded, qPrintable(described(next.run)));
        QCOMPARE(next.counts.rowsCreated, 0); // the rows the destroyed run wrote are found, not inserted again
        QCOMPARE(items(list).size(), 61);
        verifyConverged(QStringLiteral("tw_crash"), list);
    }

    void theCliListsAndResolvesConflicts()
    {
        const QString list = setUp(QStringLiteral("tw_cli"), QStringLiteral("MANUAL"),
            QStringLiteral("(1, 'Ann', 'ann@example.com', 10, true), (2, 'Bob', 'bob@example.com', 20, false)"));
        QCOMPARE(twoWay(QStringLiteral("tw_cli")).counts.itemsCreated, 2);
        QCOMPARE(personEdit(list, itemOfKey(list, 1), {{QStringLiteral("Score"), 12}}), 200);
        QCOMPARE(personEdit(
                     list, itemOfKey(list, 2), {{QStringLiteral("Active"), true}, {QStringLiteral("PersonName"), QStringLiteral("Bobby")}}),
            200);
        sql(QStringLiteral("UPDATE tw_cli SET score = 13 WHERE id = 1; UPDATE tw_cli SET active = NULL, name = 'Robert' WHERE id = 2"));
        QCOMPARE(twoWay(QStringLiteral("tw_cli")).counts.conflictsQueued, 3);

        const CliRun listed
            = cli({QStringLiteral("conflicts"), QStringLiteral("list"), QStringLiteral("tw_cli"), QStringLiteral("--json")});
        QVERIFY2(listed.exitCode == 0, qPrintable(listed.err));
        const QJsonArray rows = QJsonDocument::fromJson(listed.out.toUtf8()).array();
        QCOMPARE(rows.size(), 3);
        QHash<QString, QJsonObject> byField;
        for (const QJsonValue &row : rows)
            byField.insert(row.toObject().value(QStringLiteral("row")).toString() + QLatin1Char('/')
                    + row.toObject().value(QStringLiteral("field")).toString(),
                row.toObject());
        QCOMPARE(byField.value(QStringLiteral("id=1/Score")).value(QStringLiteral("base")).toInteger(), 10);
        QCOMPARE(byField.value(QStringLiteral("id=1/Score")).value(QStringLiteral("database")).toInteger(), 13);
        QCOMPARE(byField.value(QStringLiteral("id=1/Score")).value(QStringLiteral("sharepoint")).toInteger(), 12);
        QCOMPARE(byField.value(QStringLiteral("id=2/Active")).value(QStringLiteral("database")), QJsonValue(QJsonValue::Null));
        const CliRun table = cli({QStringLiteral("conflicts"), QStringLiteral("list"), QStringLiteral("tw_cli")});
        QVERIFY2(table.out.contains(QStringLiteral("Robert")) && table.out.contains(QStringLiteral("Bobby")), qPrintable(table.out));
        // SharePoint's editor as a person, not as a lookup id ("#10").
        QCOMPARE(byField.value(QStringLiteral("id=1/Score")).value(QStringLiteral("sharepointEditor")).toString(),
            QStringLiteral("Adele Vance <AdeleV@contoso.onmicrosoft.com>"));
        QVERIFY2(table.out.contains(QStringLiteral("Adele Vance <AdeleV@contoso.onmicrosoft.com>"))
                && !table.out.contains(QStringLiteral("#10")),
            qPrintable(table.out));

        // Wrong input is refused, naming it; nothing is decided.
        const CliRun notANumber = cli({QStringLiteral("conflicts"), QStringLiteral("resolve"),
            QString::number(byField.value(QStringLiteral("id=1/Score")).value(QStringLiteral("id")).toInteger()), QStringLiteral("--value"),
            QStringLiteral("twelve")});
        QCOMPARE(notANumber.exitCode, 65);
        QVERIFY2(notANumber.err.contains(QStringLiteral("twelve")), qPrintable(notANumber.err));
        const CliRun wrongSide = cli({QStringLiteral("conflicts"), QStringLiteral("resolve"), QStringLiteral("--all"),
            QStringLiteral("tw_cli"), QStringLiteral("--use"), QStringLiteral("both")});
        QCOMPARE(wrongSide.exitCode, 64);
        QVERIFY2(wrongSide.err.contains(QStringLiteral("both")), qPrintable(wrongSide.err));

        QCOMPARE(cli({QStringLiteral("conflicts"), QStringLiteral("resolve"),
                         QString::number(byField.value(QStringLiteral("id=1/Score")).value(QStringLiteral("id")).toInteger()),
                         QStringLiteral("--value"), QStringLiteral("14")})
                     .exitCode,
            0);
        QCOMPARE(cli({QStringLiteral("conflicts"), QStringLiteral("resolve"), QStringLiteral("--all"), QStringLiteral("tw_cli"),
                         QStringLiteral("--use"), QStringLiteral("sharepoint")})
                     .exitCode,
            0);
        const Outcome applied = twoWay(QStringLiteral("tw_cli"));
        QCOMPARE(applied.counts.conflictsApplied, 3);
        QCOMPARE(databaseSide(QStringLiteral("tw_cli")).value(QStringLiteral("1")), QStringLiteral("Ann|ann@example.com|14|true"));
        QCOMPARE(databaseSide(QStringLiteral("tw_cli")).value(QStringLiteral("2")), QStringLiteral("Bobby|bob@example.com|20|true"));
        verifyConverged(QStringLiteral("tw_cli"), list);
        const CliRun none = cli({QStringLiteral("conflicts"), QStringLiteral("list"), QStringLiteral("tw_cli"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(none.out.toUtf8()).array().size(), 0);
    }

    void aDryRunShowsTheMatchingAndThePlanForBothSides()
    {
        const QString list = setUp(QStringLiteral("tw_dry"), QStringLiteral("SOURCE_WINS"),
            QStringLiteral("(2, 'Bob', NULL, 20, false), (3, 'Cy', NULL, 30, true)"));
        for (const auto &[key, name] : {std::pair{1, "Ann"}, std::pair{2, "Robert"}})
            QVERIFY(!personCreate(list,
                {{QStringLiteral("RowKey"), key}, {QStringLiteral("PersonName"), QLatin1String(name)}, {QStringLiteral("Score"), key * 10},
                    {QStringLiteral("Active"), false}})
                         .isEmpty());
        const Outcome planned = twoWay(QStringLiteral("tw_dry"), false, pushOptions(500, dryRun, 50));
        QVERIFY2(planned.run.status == RunStatus::Succeeded, qPrintable(described(planned.run)));
        QVERIFY(planned.run.dryRun);
        const QMap<QString, qint64> actions = planned.run.plan.value(QStringLiteral("tw_dry"));
        QCOMPARE(actions.value(QStringLiteral("match")), 1);       // row 2 and its item
        QCOMPARE(actions.value(QStringLiteral("push update")), 1); // its name differs: the database wins
        QCOMPARE(actions.value(QStringLiteral("conflict")), 1);
        QCOMPARE(actions.value(QStringLiteral("push create")), 1); // row 3
        QCOMPARE(actions.value(QStringLiteral("pull create")), 1); // item 1
        QCOMPARE(planned.graphWrites, 0);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM tw_dry")), QStringLiteral("2"));
        QCOMPARE(items(list).size(), 2);
        QCOMPARE(planned.run.preview.size(), 4);
        const Outcome real = twoWay(QStringLiteral("tw_dry"));
        QCOMPARE(real.counts.matched, 1);
        QCOMPARE(real.counts.itemsCreated, 1);
        QCOMPARE(real.counts.rowsCreated, 1);
        QCOMPARE(real.counts.itemsUpdated, 1);
        verifyConverged(QStringLiteral("tw_dry"), list);
    }

    void everyTypeRoundTripsThroughATwoWayDefinition()
    {
        // Rows of every mapped type go into a list provisioned by the first run; a second definition on
        // an empty table takes them back; both tables compare column by column, and no run after writes.
        sql(QStringLiteral(
            "CREATE TYPE tw_mood AS ENUM ('calm', 'Très bien', 'on hold');"
            "CREATE TABLE tw_types (row_no int PRIMARY KEY, label text, short_text varchar(40), small_n int2, big_n int8,"
            " amount numeric(14,2), ratio float8, price money, flag bool, day date, at_local timestamp, at_utc timestamptz,"
            " mood tw_mood, tags text[], updated_at timestamptz NOT NULL DEFAULT now());"
            "CREATE TABLE tw_types_back (LIKE tw_types INCLUDING ALL);"
            "INSERT INTO tw_types (row_no, label, short_text, small_n, big_n, amount, ratio, price, flag, day, at_local, at_utc, mood, "
            "tags) "
            "VALUES"
            " (1, 'Grüße 🚀 日本語 \"quoted\" \\ back', 'naïve café', 7, 9007199254740991, 1234567.89, 0.1, 12.34, true, '2024-02-29',"
            "  '2024-03-31 02:30:00', '2024-06-01 12:34:56+02', 'Très bien', '{\"a,b\",Ω,\"quote\\\"d\"}'),"
            " (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
            " (3, 'line1\nline2\ttab', 'ß', -32768, -9007199254740991, -0.01, -1.5e-7, 0, false, '1900-01-01', '8900-12-31 23:59:59',"
            "  '1970-01-01 00:00:00+00', 'on hold', '{one}')"));
        QJsonArray mappings;
        for (const char *column : {"row_no", "label", "short_text", "small_n", "big_n", "amount", "ratio", "price", "flag", "day",
                 "at_local", "at_utc", "mood", "tags"})
            mappings.append(pullMapping(QLatin1String(column), QLatin1String(column), QStringLiteral("BIDIRECTIONAL"),
                QLatin1String(column) == QLatin1String("row_no")));
        importDefinitionsJson({syncDefinitionJson(QStringLiteral("tw_types"), QStringLiteral("TWO_WAY"), QStringLiteral("tw_types"),
                                   QStringLiteral("TW Types"), mappings),
            syncDefinitionJson(QStringLiteral("tw_types_back"), QStringLiteral("TWO_WAY"), QStringLiteral("tw_types_back"),
                QStringLiteral("TW Types"), mappings)});
        const Outcome out = twoWay(QStringLiteral("tw_types"));
        QVERIFY2(out.run.status == RunStatus::Succeeded, qPrintable(described(out.run)));
        QCOMPARE(out.counts.itemsCreated, 3);
        const Outcome back = twoWay(QStringLiteral("tw_types_back"));
        QVERIFY2(back.run.status == RunStatus::Succeeded, qPrintable(described(back.run)));
        QCOMPARE(back.counts.rowsCreated, 3);
        QCOMPARE(back.counts.sharePointWrites(), 0);
        QStringList differing;
        for (const char *column :
            {"label", "short_text", "small_n", "big_n", "amount", "ratio", "price", "flag", "day", "at_local", "at_utc", "mood", "tags"}) {
            const QString count = sql(QStringLiteral("SELECT count(*) FROM tw_types a JOIN tw_types_back b USING (row_no)"
                                                     " WHERE a.\"%1\" IS DISTINCT FROM b.\"%1\"")
                                          .arg(QLatin1String(column)));
            if (count != QStringLiteral("0"))
                differing << QLatin1String(column);
        }
        QVERIFY2(differing.isEmpty(), qPrintable(differing.join(QStringLiteral(", "))));
        for (const QString &definition : {QStringLiteral("tw_types"), QStringLiteral("tw_types_back")}) {
            const Outcome again = twoWay(definition);
            QCOMPARE(again.counts.databaseWrites() + again.counts.sharePointWrites(), 0);
            QCOMPARE(again.graphWrites, 0);
        }
    }

    void randomEditsOnBothSidesConvergeRoundAfterRound_data()
    {
        QTest::addColumn<QString>("policy");
        for (const char *policy : {"SOURCE_WINS", "TARGET_WINS", "LATEST_WINS", "MANUAL"})
            QTest::newRow(policy) << QString::fromLatin1(policy);
    }

    void randomEditsOnBothSidesConvergeRoundAfterRound()
    {
        QFETCH(QString, policy);
        const QString name = QStringLiteral("tw_random_%1").arg(policy.toLower());
        const QString list = setUp(name, policy);
        sql(QStringLiteral(
            "INSERT INTO \"%1\" (id, name, email, score, active) SELECT g, 'row ' || g, 'r' || g || '@example.com', g, g %% 2 = 0"
            " FROM generate_series(1, 30) g")
                .arg(name)
                .replace(QStringLiteral("%%"), QStringLiteral("%")));
        QCOMPARE(twoWay(name).counts.itemsCreated, 30);
        QRandomGenerator random(16); // seeded: every run of the test makes the same edits
        int nextRow = 1000, nextItem = 5000;
        qint64 edits = 0, conflicts = 0, decisions = 0;
        const QStringList fields{QStringLiteral("PersonName"), QStringLiteral("Email"), QStringLiteral("Score"), QStringLiteral("Active")};
        const auto randomValue = [&](const QString &field) -> QJsonValue {
            if (field == QStringLiteral("Score"))
                return int(random.bounded(100));
            if (field == QStringLiteral("Active"))
                return random.bounded(2) == 1;
            return QStringLiteral("%1 %2").arg(field.left(1)).arg(random.bounded(1000));
        };
        const auto column
            = [](const QString &field) { return field == QStringLiteral("PersonName") ? QStringLiteral("name") : field.toLower(); };
        for (int round = 0; round < 20; ++round) {
            const QStringList keys = databaseSide(name).keys();
            QList<int> editedRows; // SharePoint's edits meet them half the time: conflicts
            for (int i = 0, n = 1 + int(random.bounded(5)); i < n; ++i, ++edits) {
                const QString key = keys.at(int(random.bounded(keys.size())));
                editedRows << key.toInt();
                switch (random.bounded(5)) {
                case 0:
                    sql(QStringLiteral("INSERT INTO \"%1\" (id, name, score) VALUES (%2, 'new %2', %3)")
                            .arg(name)
                            .arg(nextRow++)
                            .arg(random.bounded(50)));
                    break;
                case 1:
                    sql(QStringLiteral("DELETE FROM \"%1\" WHERE id = %2").arg(name, key));
                    break;
                default: {
                    const QString field = fields.at(int(random.bounded(fields.size())));
                    const QJsonValue value = randomValue(field);
                    const QString literal = value.isString() ? QStringLiteral("'%1'").arg(value.toString())
                        : value.isBool()                     ? (value.toBool() ? QStringLiteral("true") : QStringLiteral("false"))
                                                             : QString::number(value.toInteger());
                    sql(QStringLiteral("UPDATE \"%1\" SET %2 = %3, updated_at = now() WHERE id = %4")
                            .arg(name, column(field), literal, key));
                }
                }
            }
            const QStringList itemKeys = sharePointSide(list).keys();
            for (int i = 0, n = 1 + int(random.bounded(5)); i < n; ++i, ++edits) {
                const int key = random.bounded(2) && !editedRows.isEmpty() ? editedRows.at(int(random.bounded(editedRows.size())))
                                                                           : itemKeys.at(int(random.bounded(itemKeys.size()))).toInt();
                const QString item = itemOfKey(list, key);
                switch (random.bounded(5)) {
                case 0:
                    QVERIFY(!personCreate(list,
                        {{QStringLiteral("RowKey"), nextItem}, {QStringLiteral("PersonName"), QStringLiteral("item %1").arg(nextItem)}},
                        alex)
                                 .isEmpty());
                    ++nextItem;
                    break;
                case 1:
                    if (!item.isEmpty())
                        QCOMPARE(personDelete(list, item), 204);
                    break;
                default: {
                    QJsonObject change;
                    for (int f = 0, m = 1 + int(random.bounded(2)); f < m; ++f) {
                        const QString field = fields.at(int(random.bounded(fields.size())));
                        change.insert(field, randomValue(field));
                    }
                    if (!item.isEmpty())
                        QCOMPARE(personEdit(list, item, change, random.bounded(2) ? adele : alex), 200);
                }
                }
            }
            Outcome run = twoWay(name);
            QVERIFY2(run.run.status == RunStatus::Succeeded, qPrintable(QStringLiteral("round %1: %2").arg(round).arg(described(run.run))));
            conflicts += run.counts.conflicts;
            if (policy == QStringLiteral("MANUAL")) {
                // A person decides every waiting conflict, alternately for each side; the next run applies them.
                ConflictRepository queue(*m_store);
                const auto open = queue.pending(definitionId(name));
                QVERIFY(open.ok());
                for (const SyncConflict &conflict : *open) {
                    const auto side = (decisions++ % 2) ? ConflictResolution::SharePoint : ConflictResolution::Database;
                    QVERIFY(queue.resolve(conflict.id, side, {}, QStringLiteral("tester"), QDateTime::currentDateTimeUtc()).ok());
                }
                if (!open->isEmpty()) {
                    run = twoWay(name);
                    QVERIFY2(run.run.status == RunStatus::Succeeded, qPrintable(described(run.run)));
                    QCOMPARE(run.counts.conflictsApplied, open->size());
                }
            }
            verifyConverged(name, list);
            if (QTest::currentTestFailed()) {
                qWarning() << "round" << round << "did not converge";
                return;
            }
        }
        qInfo().noquote() << QStringLiteral(
            "%1: 20 rounds, %2 edits, %3 conflicts, %4 decisions applied, every following run wrote 0 rows and 0 items")
                                 .arg(policy)
                                 .arg(edits)
                                 .arg(conflicts)
                                 .arg(decisions);
        QVERIFY(edits >= 40);
    }
};

QTEST_GUILESS_MAIN(TwoWayTest)
#include "tst_twoway.moc"

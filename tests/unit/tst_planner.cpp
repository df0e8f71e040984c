// planRow(), pure logic: what one source row becomes against its ledger entry — in particular that a
// write still pending (a create or a move not confirmed) is never written again in the same run, and
// that a NULL key is refused on the row instead of sharing an identity with the empty text.
#include "graph/discovery.h"
#include "sync/push/planner.h"

#include <QJsonObject>
#include <QTest>

using namespace SyncBridge;

namespace {

TableInfo projectsTable()
{
    TableInfo table;
    table.schema = QStringLiteral("public");
    table.name = QStringLiteral("projects");
    ColumnInfo id;
    id.name = QStringLiteral("id");
    id.dataType = QStringLiteral("bigint");
    id.typeName = QStringLiteral("int8");
    id.nullable = false;
    ColumnInfo name;
    name.name = QStringLiteral("name");
    name.dataType = QStringLiteral("text");
    name.typeName = QStringLiteral("text");
    table.columns = {id, name};
    ConstraintInfo key;
    key.kind = ConstraintInfo::Kind::PrimaryKey;
    key.columns = {QStringLiteral("id")};
    table.constraints = {key};
    return table;
}

PlanContext context()
{
    SyncDefinition definition;
    definition.targetStrategy = TargetStrategy::Single;
    SyncTarget target;
    target.name = QStringLiteral("Main");
    target.listName = QStringLiteral("Projects");
    definition.targets = {target};
    FieldMapping title;
    title.sourceColumn = QStringLiteral("name");
    title.targetColumn = QStringLiteral("Title");
    title.direction = FieldDirection::PushOnly;
    definition.mappings = {title};
    ResolvedTarget resolved;
    resolved.target = target;
    resolved.listId = QStringLiteral("list-new");
    resolved.columns.insert(QStringLiteral("Title"),
        Discovery::columnFromJson(QJsonObject{{QStringLiteral("name"), QStringLiteral("Title")}, {QStringLiteral("text"), QJsonObject{}}}));
    return *PlanContext::make(definition, projectsTable(), {resolved});
}

SourceRow row(const QString &id, const QString &name)
{
    SourceRow source;
    source.values.insert(QStringLiteral("id"), id);
    source.values.insert(QStringLiteral("name"), name);
    source.keyValues = {id};
    return source;
}

} // namespace

class TestPlanner : public QObject
{
    Q_OBJECT

private slots:
    void actionAgainstTheLedger_data()
    {
        QTest::addColumn<int>("state"); // -1: no ledger entry
        QTest::addColumn<QString>("itemId");
        QTest::addColumn<QString>("listId");
        QTest::addColumn<bool>("sameContent");
        QTest::addColumn<int>("action");
        using Action = PlannedRow::Action;
        QTest::newRow("new row: create") << -1 << QString() << QString() << false << int(Action::Create);
        QTest::newRow("synced, unchanged: skip")
            << int(LedgerState::Synced) << QStringLiteral("7") << QStringLiteral("list-new") << true << int(Action::Skip);
        QTest::newRow("synced, changed: update")
            << int(LedgerState::Synced) << QStringLiteral("7") << QStringLiteral("list-new") << false << int(Action::Update);
        QTest::newRow("routed elsewhere: move")
            << int(LedgerState::Synced) << QStringLiteral("7") << QStringLiteral("list-old") << false << int(Action::Move);
        QTest::newRow("deleted in SharePoint: create")
            << int(LedgerState::Deleted) << QStringLiteral("7") << QStringLiteral("list-new") << false << int(Action::Create);
        // not confirmed: a second create would be a twin; a pending move's entry names the new list
        // with the old item, so an update would patch the old item as if it were in the new list
        QTest::newRow("pending create: wait") << int(LedgerState::Pending) << QString() << QStringLiteral("list-new") << false
                                              << int(Action::Failed);
        QTest::newRow("pending move: wait") << int(LedgerState::Pending) << QStringLiteral("7") << QStringLiteral("list-new") << true
                                            << int(Action::Failed);
    }

    void actionAgainstTheLedger()
    {
        QFETCH(int, state);
        QFETCH(QString, itemId);
        QFETCH(QString, listId);
        QFETCH(bool, sameContent);
        QFETCH(int, action);
        const PlanContext plans = context();
        const SourceRow source = row(QStringLiteral("42"), QStringLiteral("Bridge"));
        QHash<QString, LedgerEntry> ledger;
        if (state >= 0) {
            const PlannedRow fresh = planRow(plans, source, {});
            LedgerEntry entry;
            entry.identityHash = fresh.identity.hash;
            entry.identityText = fresh.identity.text;
            entry.state = LedgerState(state);
            entry.itemId = itemId;
            entry.listGraphId = listId;
            entry.contentHash = sameContent ? fresh.contentHash : QStringLiteral("other");
            ledger.insert(entry.identityHash, entry);
        }
        const PlannedRow plan = planRow(plans, source, ledger);
        QCOMPARE(int(plan.action), action);
        if (plan.action == PlannedRow::Action::Failed)
            QVERIFY2(plan.error.contains(QStringLiteral("SyncBridgeKey")), qPrintable(plan.error));
    }

    void aNullKeyIsRefusedOnTheRowAndAnEmptyOneIsAValue()
    {
        const PlanContext plans = context();
        SourceRow nullKey = row(QString(), QStringLiteral("No key"));
        nullKey.values.insert(QStringLiteral("id"), std::nullopt);
        const PlannedRow refused = planRow(plans, nullKey, {});
        QCOMPARE(int(refused.action), int(PlannedRow::Action::Failed));
        QVERIFY(refused.unidentified);
        QVERIFY2(refused.error.contains(QStringLiteral("'id' is NULL")), qPrintable(refused.error));

        const PlannedRow empty = planRow(plans, row(QString(), QStringLiteral("Empty key")), {});
        QCOMPARE(int(empty.action), int(PlannedRow::Action::Create));
        QVERIFY(!empty.unidentified);
    }

    void rowsOfOneReadSharingAKeyAllFail()
    {
        // A key that does not tell rows apart (rows inserted since the run checked it): none of them
        // may overwrite the others' item.
        const PlanContext plans = context();
        SourceRow nullKey = row(QString(), QStringLiteral("No key"));
        nullKey.values.insert(QStringLiteral("id"), std::nullopt);
        QList<PlannedRow> read{planRow(plans, row(QStringLiteral("7"), QStringLiteral("First")), {}),
            planRow(plans, row(QStringLiteral("8"), QStringLiteral("Alone")), {}), planRow(plans, row(QStringLiteral("7"), QStringLiteral("Second")), {}),
            planRow(plans, nullKey, {}), planRow(plans, nullKey, {})};
        failRowsSharingAKey(read, plans.keyColumns);
        for (int shared : {0, 2}) {
            QCOMPARE(int(read.at(shared).action), int(PlannedRow::Action::Failed));
            QCOMPARE(read.at(shared).error, QStringLiteral("The key (id) is not unique: 2 rows share id=7, so no item can tell them apart."));
            QVERIFY(read.at(shared).fields.isEmpty());
        }
        QCOMPARE(int(read.at(1).action), int(PlannedRow::Action::Create));
        QVERIFY2(read.at(3).error.contains(QStringLiteral("'id' is NULL")), qPrintable(read.at(3).error)); // NULL keys keep their own reason
    }
};

QTEST_GUILESS_MAIN(TestPlanner)
#include "tst_planner.moc"

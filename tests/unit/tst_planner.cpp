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
    void aRuleThatDoesNotParseOrReadsAnUnknownColumnIsNamed()
    {
        // Issue 13: a rule's parse error did not say which rule. The run fails with its number, its
        // list and its condition as written.
        SyncDefinition definition;
        definition.targetStrategy = TargetStrategy::Conditional;
        SyncTarget main, archive;
        main.name = QStringLiteral("Main");
        archive.name = QStringLiteral("Archive");
        definition.targets = {main, archive};
        definition.sharding.rules = {{QJsonValue(QStringLiteral("id < 100")), QStringLiteral("Main")},
            {QJsonValue(QStringLiteral("name = 'old'")), QStringLiteral("Archive")}};
        ResolvedTarget first, second;
        first.target = main;
        second.target = archive;
        auto made = PlanContext::make(definition, projectsTable(), {first, second});
        QVERIFY(!made.ok());
        QCOMPARE(made.error().code(), ErrorCode::InvalidInput);
        QCOMPARE(made.error().message(),
            QStringLiteral("Sharding rule 2 (to 'Archive', condition \"name = 'old'\"): Condition at 6: expected an operator "
                           "(==, !=, <, <=, >, >=, in, contains, starts with, is null)"));

        definition.sharding.rules[1].condition = QStringLiteral("owner == 'ana'");
        made = PlanContext::make(definition, projectsTable(), {first, second});
        QVERIFY(!made.ok());
        QCOMPARE(made.error().message(),
            QStringLiteral("Sharding rule 2 (to 'Archive', condition \"owner == 'ana'\"): 'owner' is not a column of public.projects."));

        definition.sharding.rules[1].condition
            = QJsonObject{{QStringLiteral("column"), QStringLiteral("name")}, {QStringLiteral("op"), QStringLiteral("~")}};
        made = PlanContext::make(definition, projectsTable(), {first, second});
        QVERIFY(!made.ok());
        QCOMPARE(made.error().message(),
            QStringLiteral("Sharding rule 2 (to 'Archive', condition \"{\"column\":\"name\",\"op\":\"~\"}\"): '~' is not an operator."));
    }

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

    // LOOKUP and PERSON mappings take the resolver's ids: written as "…LookupId" strings, a NULL as a
    // cleared column; a reference without an id, or an item of another list than the column looks
    // up, fails the row with the reason.
    void lookupAndPersonMappingsWriteTheResolvedIds()
    {
        SyncDefinition definition;
        definition.targetStrategy = TargetStrategy::Single;
        SyncTarget target;
        target.name = QStringLiteral("Main");
        definition.targets = {target};
        FieldMapping owner, parent;
        owner.sourceColumn = QStringLiteral("name");
        owner.targetColumn = QStringLiteral("Owner");
        owner.direction = FieldDirection::PushOnly;
        owner.kind = FieldKind::Person;
        parent.sourceColumn = QStringLiteral("id");
        parent.targetColumn = QStringLiteral("Parent");
        parent.direction = FieldDirection::PushOnly;
        parent.kind = FieldKind::Lookup;
        parent.referencedDefinition = QStringLiteral("Parents");
        definition.mappings = {owner, parent};
        ResolvedTarget resolved;
        resolved.target = target;
        resolved.listId = QStringLiteral("list-new");
        resolved.columns.insert(QStringLiteral("Owner"),
            Discovery::columnFromJson(
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Owner")}, {QStringLiteral("personOrGroup"), QJsonObject{}}}));
        resolved.columns.insert(QStringLiteral("Parent"),
            Discovery::columnFromJson(QJsonObject{{QStringLiteral("name"), QStringLiteral("Parent")},
                {QStringLiteral("lookup"), QJsonObject{{QStringLiteral("listId"), QStringLiteral("list-parent")}}}}));
        const PlanContext plans = *PlanContext::make(definition, projectsTable(), {resolved});
        ResolvedReferences references;
        references[QStringLiteral("Owner")].insert(QStringLiteral("ana@example.com"), {QStringLiteral("10"), {}, {}});
        references[QStringLiteral("Owner")].insert(QStringLiteral("ghost@example.com"), {{}, {}, QStringLiteral("no such user")});
        references[QStringLiteral("Parent")].insert(QStringLiteral("7"), {QStringLiteral("42"), QStringLiteral("list-parent"), {}});
        references[QStringLiteral("Parent")].insert(QStringLiteral("8"), {QStringLiteral("43"), QStringLiteral("list-other"), {}});

        const PlannedRow written = planRow(plans, row(QStringLiteral("7"), QStringLiteral("ana@example.com")), {}, references);
        QCOMPARE(int(written.action), int(PlannedRow::Action::Create));
        QCOMPARE(written.fields.value(QStringLiteral("OwnerLookupId")), QJsonValue(QStringLiteral("10")));
        QCOMPARE(written.fields.value(QStringLiteral("ParentLookupId")), QJsonValue(QStringLiteral("42")));

        SourceRow nobody = row(QStringLiteral("7"), QString());
        nobody.values.insert(QStringLiteral("name"), std::nullopt);
        const PlannedRow cleared = planRow(plans, nobody, {}, references);
        QCOMPARE(int(cleared.action), int(PlannedRow::Action::Create));
        QVERIFY(cleared.fields.contains(QStringLiteral("OwnerLookupId")));
        QVERIFY(cleared.fields.value(QStringLiteral("OwnerLookupId")).isNull());

        const PlannedRow unknown = planRow(plans, row(QStringLiteral("7"), QStringLiteral("ghost@example.com")), {}, references);
        QCOMPARE(int(unknown.action), int(PlannedRow::Action::Failed));
        QCOMPARE(unknown.error, QStringLiteral("no such user"));

        const PlannedRow elsewhere = planRow(plans, row(QStringLiteral("8"), QStringLiteral("ana@example.com")), {}, references);
        QCOMPARE(int(elsewhere.action), int(PlannedRow::Action::Failed));
        QVERIFY2(elsewhere.error.contains(QStringLiteral("another list")), qPrintable(elsewhere.error));
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

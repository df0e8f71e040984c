// Schema drift as pure logic: each kind of finding from a known (catalog) and a live reading of the
// table and the lists, with its severity and what to do.
#include "drift/schemadrift.h"

#include <QTest>

using namespace SyncBridge;

namespace {

ColumnInfo column(const QString &name, const QString &typeName, const QString &dataType)
{
    ColumnInfo info;
    info.name = name;
    info.typeName = typeName;
    info.dataType = dataType;
    return info;
}

SharePointColumn target(const QString &name, const QString &type, const QString &displayName = {}, bool readOnly = false)
{
    SharePointColumn info;
    info.name = name;
    info.displayName = displayName.isEmpty() ? name : displayName;
    info.type = type;
    info.readOnly = readOnly;
    return info;
}

FieldMapping mapping(const QString &source, const QString &targetName, FieldDirection direction = FieldDirection::PushOnly)
{
    FieldMapping m;
    m.sourceColumn = source;
    m.targetColumn = targetName;
    m.direction = direction;
    return m;
}

TableInfo customers()
{
    TableInfo table;
    table.schema = QStringLiteral("public");
    table.name = QStringLiteral("customers");
    table.columns = {column(QStringLiteral("id"), QStringLiteral("int8"), QStringLiteral("bigint")),
        column(QStringLiteral("email"), QStringLiteral("text"), QStringLiteral("text")),
        column(QStringLiteral("amount"), QStringLiteral("numeric"), QStringLiteral("numeric(12,2)")),
        column(QStringLiteral("status"), QStringLiteral("text"), QStringLiteral("text"))};
    return table;
}

QList<SharePointColumn> customerList()
{
    return {target(QStringLiteral("Title"), QStringLiteral("text")), target(QStringLiteral("Email"), QStringLiteral("text")),
        target(QStringLiteral("Amount"), QStringLiteral("number")), target(QStringLiteral("Status"), QStringLiteral("text"))};
}

SyncDefinition definition()
{
    SyncDefinition d;
    d.name = QStringLiteral("Customers");
    d.keyColumns = {QStringLiteral("id")};
    SyncTarget t;
    t.listName = QStringLiteral("Customers");
    d.targets = {t};
    d.mappings = {mapping(QStringLiteral("email"), QStringLiteral("Email")), mapping(QStringLiteral("amount"), QStringLiteral("Amount")),
        mapping(QStringLiteral("status"), QStringLiteral("Status"))};
    return d;
}

SchemaFacts unchanged()
{
    SchemaFacts facts;
    facts.table = customers();
    facts.knownTable = customers();
    facts.listColumns = {customerList()};
    facts.knownListColumns = {customerList()};
    return facts;
}

void removeColumn(TableInfo &table, const QString &name)
{
    table.columns.erase(std::remove_if(table.columns.begin(), table.columns.end(), [&](const ColumnInfo &c) { return c.name == name; }),
        table.columns.end());
}

} // namespace

class TestSchemaDrift : public QObject
{
    Q_OBJECT

private slots:
    void nothingChangedFindsNothing()
    {
        const auto findings = compareSchema(definition(), unchanged());
        QVERIFY2(findings.isEmpty(), qPrintable(findings.value(0).message));
        QVERIFY(!hasBlocking(findings));
    }

    void droppedSourceColumnBlocks()
    {
        SchemaFacts facts = unchanged();
        removeColumn(facts.table, QStringLiteral("status"));
        const auto findings = compareSchema(definition(), facts);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().kind, SchemaFinding::Kind::SourceDropped);
        QCOMPARE(findings.first().severity, SchemaFinding::Severity::Blocking);
        QCOMPARE(findings.first().columns, QStringList{QStringLiteral("status")});
        QVERIFY(findings.first().list.isEmpty());
        QCOMPARE(findings.first().whatToDo, QStringLiteral("Remove the mapping of status in the mapping editor, or restore the column."));
        QVERIFY(hasBlocking(findings));
    }

    void droppedPlusNewColumnOfTheSameTypeIsARename()
    {
        SchemaFacts facts = unchanged();
        removeColumn(facts.table, QStringLiteral("email"));
        facts.table.columns << column(QStringLiteral("email_address"), QStringLiteral("text"), QStringLiteral("text"));
        const auto findings = compareSchema(definition(), facts);
        QCOMPARE(findings.size(), 1); // the new column is the rename's, not reported again as unmapped
        QCOMPARE(findings.first().kind, SchemaFinding::Kind::SourceRenamed);
        QCOMPARE(findings.first().severity, SchemaFinding::Severity::Blocking);
        QCOMPARE(findings.first().columns, (QStringList{QStringLiteral("email"), QStringLiteral("email_address")}));
        QVERIFY(findings.first().message.contains(QStringLiteral("probably renamed from email to email_address")));
        QCOMPARE(
            findings.first().whatToDo, QStringLiteral("Map email_address instead of email in the mapping editor, or restore the column."));
    }

    void aNewColumnOfAnotherTypeIsNoRename()
    {
        SchemaFacts facts = unchanged();
        removeColumn(facts.table, QStringLiteral("email"));
        facts.table.columns << column(QStringLiteral("signup"), QStringLiteral("date"), QStringLiteral("date"));
        const auto findings = compareSchema(definition(), facts);
        QCOMPARE(findings.size(), 2);
        QCOMPARE(findings.at(0).kind, SchemaFinding::Kind::SourceDropped);
        QCOMPARE(findings.at(1).kind, SchemaFinding::Kind::SourceUnmapped);
        QCOMPARE(findings.at(1).severity, SchemaFinding::Severity::Info);
        QCOMPARE(findings.at(1).columns, QStringList{QStringLiteral("signup")});
    }

    void typeChangeTheConversionRefusesBlocks()
    {
        SchemaFacts facts = unchanged();
        facts.table.columns[2] = column(QStringLiteral("amount"), QStringLiteral("text"), QStringLiteral("text"));
        const auto findings = compareSchema(definition(), facts);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().kind, SchemaFinding::Kind::SourceTypeChanged);
        QCOMPARE(findings.first().severity, SchemaFinding::Severity::Blocking);
        QVERIFY(findings.first().message.startsWith(QStringLiteral("The type of amount changed from numeric(12,2) to text.")));
    }

    void typeChangeThatStillConvertsWarns()
    {
        SchemaFacts facts = unchanged();
        facts.table.columns[2] = column(QStringLiteral("amount"), QStringLiteral("int8"), QStringLiteral("bigint"));
        const auto findings = compareSchema(definition(), facts);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().kind, SchemaFinding::Kind::SourceTypeChanged);
        QCOMPARE(findings.first().severity, SchemaFinding::Severity::Warning);
        QVERIFY(!hasBlocking(findings));
    }

    void deletedSharePointColumnBlocks()
    {
        SchemaFacts facts = unchanged();
        facts.listColumns[0]->removeAt(3); // Status
        const auto findings = compareSchema(definition(), facts);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().kind, SchemaFinding::Kind::TargetDeleted);
        QCOMPARE(findings.first().severity, SchemaFinding::Severity::Blocking);
        QCOMPARE(findings.first().list, QStringLiteral("Customers"));
        QCOMPARE(findings.first().columns, QStringList{QStringLiteral("Status")});
    }

    void renamedSharePointColumnWarns()
    {
        SchemaFacts facts = unchanged();
        (*facts.listColumns[0])[1].displayName = QStringLiteral("E-mail");
        const auto findings = compareSchema(definition(), facts);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().kind, SchemaFinding::Kind::TargetRenamed);
        QCOMPARE(findings.first().severity, SchemaFinding::Severity::Warning);
        QCOMPARE(findings.first().columns, (QStringList{QStringLiteral("Email"), QStringLiteral("E-mail")}));
    }

    void readOnlySharePointColumnBlocksPushesOnly()
    {
        SchemaFacts facts = unchanged();
        (*facts.listColumns[0])[3].readOnly = true;
        auto findings = compareSchema(definition(), facts);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().kind, SchemaFinding::Kind::TargetReadOnly);
        QCOMPARE(findings.first().severity, SchemaFinding::Severity::Blocking);
        QCOMPARE(findings.first().whatToDo,
            QStringLiteral("Make the column writable again in SharePoint, or make the mapping of status pull-only."));

        SyncDefinition pullOnly = definition();
        pullOnly.mappings[2].direction = FieldDirection::PullOnly;
        QVERIFY(compareSchema(pullOnly, facts).isEmpty());
    }

    void sharePointTypeChangeTheValuesNoLongerFitBlocks()
    {
        SchemaFacts facts = unchanged();
        (*facts.listColumns[0])[1].type = QStringLiteral("number"); // Email: text into a number
        const auto findings = compareSchema(definition(), facts);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().kind, SchemaFinding::Kind::TargetTypeChanged);
        QCOMPARE(findings.first().severity, SchemaFinding::Severity::Blocking);
    }

    void withoutACatalogReadingOnlyWhatIsGoneIsTold()
    {
        SchemaFacts facts = unchanged();
        facts.knownTable.reset();
        facts.knownListColumns.clear();
        removeColumn(facts.table, QStringLiteral("email"));
        facts.table.columns << column(QStringLiteral("email_address"), QStringLiteral("text"), QStringLiteral("text"));
        (*facts.listColumns[0])[3].displayName = QStringLiteral("State");
        const auto findings = compareSchema(definition(), facts);
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().kind, SchemaFinding::Kind::SourceDropped);
    }

    void aMissingListIsLeftToTheDataCheck()
    {
        SchemaFacts facts = unchanged();
        facts.listColumns = {std::nullopt};
        QVERIFY(compareSchema(definition(), facts).isEmpty());
    }

    void names()
    {
        QCOMPARE(kindName(SchemaFinding::Kind::TargetReadOnly), QStringLiteral("target-read-only"));
        QCOMPARE(severityName(SchemaFinding::Severity::Blocking), QStringLiteral("blocking"));
    }
};

QTEST_GUILESS_MAIN(TestSchemaDrift)
#include "tst_schemadrift.moc"

// The mapping editor's advice as pure logic: suggestions by name, and every warning and error a set
// of mappings can earn before any run does.
#include "sync/mappingadvisor.h"

#include <QTest>

using namespace SyncBridge;

namespace {

ColumnInfo column(const QString &name, const QString &typeName, const QString &dataType, int maxLength = -1)
{
    ColumnInfo info;
    info.name = name;
    info.typeName = typeName;
    info.dataType = dataType;
    info.maxLength = maxLength;
    return info;
}

SharePointColumn target(const QString &name, const QString &type, int maxLength = -1, bool required = false, const QString &displayName = {})
{
    SharePointColumn info;
    info.name = name;
    info.displayName = displayName.isEmpty() ? name : displayName;
    info.type = type;
    info.maxLength = maxLength;
    info.required = required;
    return info;
}

FieldMapping mapping(const QString &source, const QString &targetName, FieldDirection direction = FieldDirection::PushOnly, const QString &transform = {})
{
    FieldMapping m;
    m.sourceColumn = source;
    m.targetColumn = targetName;
    m.direction = direction;
    m.transform = transform;
    return m;
}

TableInfo projects()
{
    TableInfo table;
    table.schema = QStringLiteral("public");
    table.name = QStringLiteral("projects");
    table.columns = {column(QStringLiteral("id"), QStringLiteral("int8"), QStringLiteral("bigint")),
                     column(QStringLiteral("project_code"), QStringLiteral("varchar"), QStringLiteral("character varying(20)"), 20),
                     column(QStringLiteral("name"), QStringLiteral("text"), QStringLiteral("text")),
                     column(QStringLiteral("budget_amount"), QStringLiteral("numeric"), QStringLiteral("numeric(14,2)")),
                     column(QStringLiteral("manager_email"), QStringLiteral("varchar"), QStringLiteral("character varying(254)"), 254),
                     column(QStringLiteral("start_date"), QStringLiteral("date"), QStringLiteral("date")),
                     column(QStringLiteral("adress"), QStringLiteral("text"), QStringLiteral("text"))};
    return table;
}

QStringList messages(const QList<MappingAdvice> &advice)
{
    QStringList texts;
    for (const MappingAdvice &a : advice)
        texts << a.message;
    return texts;
}

} // namespace

class TestMappingAdvisor : public QObject
{
    Q_OBJECT

private slots:
    void namesAreComparedWithoutCaseSpacesOrSeparators()
    {
        QCOMPARE(normalizedColumnName(QStringLiteral("Budget Amount")), QStringLiteral("budgetamount"));
        QCOMPARE(normalizedColumnName(QStringLiteral("budget_amount")), QStringLiteral("budgetamount"));
        QCOMPARE(normalizedColumnName(QStringLiteral("Start-Date")), QStringLiteral("startdate"));
    }

    void suggestionsMatchByNameAndLeaveManagedColumnsAlone()
    {
        SharePointColumn created = target(QStringLiteral("Created"), QStringLiteral("dateTime"));
        created.readOnly = true;
        const QList<SharePointColumn> targets{target(QStringLiteral("BudgetAmount"), QStringLiteral("number")),
                                              target(QStringLiteral("Start_x0020_Date"), QStringLiteral("dateTime"), -1, false, QStringLiteral("Start Date")),
                                              target(QStringLiteral("Address"), QStringLiteral("text"), 255),
                                              target(QStringLiteral("Game"), QStringLiteral("text"), 255),   // not "name": too far
                                              target(QStringLiteral("ManagerEmail"), QStringLiteral("text"), 255),
                                              target(QStringLiteral("SyncBridgeKey"), QStringLiteral("text"), 255),
                                              created};
        const QList<FieldMapping> existing{mapping(QStringLiteral("manager_email"), QStringLiteral("ManagerEmail"))};
        const QList<FieldMapping> suggested = suggestMappings(projects(), targets, existing);
        QHash<QString, QString> pairs;
        for (const FieldMapping &m : suggested)
            pairs.insert(m.targetColumn, m.sourceColumn);
        QCOMPARE(pairs.value(QStringLiteral("BudgetAmount")), QStringLiteral("budget_amount"));
        QCOMPARE(pairs.value(QStringLiteral("Start_x0020_Date")), QStringLiteral("start_date"));   // by its display name
        QCOMPARE(pairs.value(QStringLiteral("Address")), QStringLiteral("adress"));                 // one edit away
        QVERIFY(!pairs.contains(QStringLiteral("Game")));
        QVERIFY(!pairs.contains(QStringLiteral("ManagerEmail")));   // mapped already
        QVERIFY(!pairs.contains(QStringLiteral("SyncBridgeKey")));
        QVERIFY(!pairs.contains(QStringLiteral("Created")));
        QCOMPARE(suggested.size(), 3);
    }

    void anUnknownTransformIsAdvisedWholeOnItsMapping()
    {
        const QList<SharePointColumn> targets{target(QStringLiteral("Title"), QStringLiteral("text"), 255, true)};
        const QList<MappingAdvice> advice = checkMappings(projects(), targets,
            {mapping(QStringLiteral("project_code"), QStringLiteral("Title"), FieldDirection::PushOnly, QStringLiteral("TO_TEXT"))});
        QCOMPARE(advice.size(), 1);
        QCOMPARE(advice.first().severity, MappingAdvice::Severity::Error);
        QCOMPARE(advice.first().sourceColumn, QStringLiteral("project_code"));
        QCOMPARE(advice.first().targetColumn, QStringLiteral("Title"));
        QVERIFY2(advice.first().message.contains(QStringLiteral("unknown transform 'TO_TEXT'; the known transforms are UPPER")),
            qPrintable(advice.first().message));
    }

    // A lookup or person mapping writes ids: into a column of another kind they would read as
    // numbers, so such a mapping is an error; into its own kind it earns nothing.
    void lookupAndPersonMappingsNeedColumnsOfTheirKind()
    {
        const QList<SharePointColumn> targets{target(QStringLiteral("Title"), QStringLiteral("text"), 255, true),
            target(QStringLiteral("Project"), QStringLiteral("lookup")), target(QStringLiteral("Manager"), QStringLiteral("personOrGroup")),
            target(QStringLiteral("ManagerText"), QStringLiteral("text"), 255)};
        FieldMapping lookup = mapping(QStringLiteral("id"), QStringLiteral("Project"));
        lookup.kind = FieldKind::Lookup;
        lookup.referencedDefinition = QStringLiteral("Projects");
        FieldMapping person = mapping(QStringLiteral("manager_email"), QStringLiteral("Manager"));
        person.kind = FieldKind::Person;
        const FieldMapping title = mapping(QStringLiteral("project_code"), QStringLiteral("Title"));
        QVERIFY2(checkMappings(projects(), targets, {title, lookup, person}).isEmpty(),
            qPrintable(messages(checkMappings(projects(), targets, {title, lookup, person})).join(QLatin1Char('\n'))));

        person.targetColumn = QStringLiteral("ManagerText");
        lookup.targetColumn = QStringLiteral("Manager");
        const QStringList advice = messages(checkMappings(projects(), targets, {title, lookup, person}));
        QCOMPARE(advice,
            (QStringList{QStringLiteral("id is a lookup mapping, but Manager is not a lookup column: map it to one, or make it a value."),
                QStringLiteral(
                    "manager_email is a person mapping, but ManagerText is not a person column: map it to one, or make it a value.")}));
    }

    // Choices are added only to a choice column: the option on another column names it.
    void addingChoicesNeedsAChoiceColumn()
    {
        SharePointColumn status = target(QStringLiteral("Status"), QStringLiteral("choice"));
        status.choices = {QStringLiteral("Planned")};
        const QList<SharePointColumn> targets{target(QStringLiteral("Title"), QStringLiteral("text"), 255, true), status};
        FieldMapping title = mapping(QStringLiteral("project_code"), QStringLiteral("Title"));
        FieldMapping name = mapping(QStringLiteral("name"), QStringLiteral("Status"));
        name.addsChoices = true;
        QVERIFY2(checkMappings(projects(), targets, {title, name}).isEmpty(),
            qPrintable(messages(checkMappings(projects(), targets, {title, name})).join(QLatin1Char('\n'))));
        title.addsChoices = true;
        QCOMPARE(messages(checkMappings(projects(), targets, {title, name})),
            (QStringList{QStringLiteral(
                "Title is not a choice column, so it has no choices to add to: turn off adding new choices in its mapping.")}));
    }

    void aMappedBinaryColumnIsRefusedWithTheReason()
    {
        // Provisioning leaves a bytea column out, and every value would fail its row: a mapping that
        // pushes one is an error saying why; pulling into it is left alone.
        TableInfo table = projects();
        table.columns << column(QStringLiteral("photo"), QStringLiteral("bytea"), QStringLiteral("bytea"));
        const QList<SharePointColumn> targets{target(QStringLiteral("Title"), QStringLiteral("text"), 255, true),
            target(QStringLiteral("photo"), QStringLiteral("text"), 255)};
        QList<MappingAdvice> advice = checkMappings(table, targets,
            {mapping(QStringLiteral("project_code"), QStringLiteral("Title")), mapping(QStringLiteral("photo"), QStringLiteral("photo"))});
        QCOMPARE(advice.size(), 1);
        QCOMPARE(advice.first().severity, MappingAdvice::Severity::Error);
        QCOMPARE(advice.first().sourceColumn, QStringLiteral("photo"));
        QCOMPARE(advice.first().message,
            QStringLiteral("bytea has no SharePoint column type: column 'photo' cannot be pushed. Remove the mapping."));
        advice = checkMappings(table, targets, {mapping(QStringLiteral("project_code"), QStringLiteral("Title"))});
        QVERIFY(advice.isEmpty());
    }

    void adviceNamesEveryProblem()
    {
        SharePointColumn modified = target(QStringLiteral("Modified"), QStringLiteral("dateTime"));
        modified.readOnly = true;
        const QList<SharePointColumn> targets{target(QStringLiteral("Title"), QStringLiteral("text"), 255, true),
                                              target(QStringLiteral("Budget"), QStringLiteral("number")),
                                              target(QStringLiteral("Code"), QStringLiteral("text"), 10),
                                              target(QStringLiteral("Notes"), QStringLiteral("text"), 255),
                                              target(QStringLiteral("Owner"), QStringLiteral("text"), 255, true),
                                              modified};
        const QList<FieldMapping> mappings{
            mapping(QStringLiteral("name"), QStringLiteral("Budget")),                                            // text → number
            mapping(QStringLiteral("project_code"), QStringLiteral("Code")),                                      // 20 into 10
            mapping(QStringLiteral("name"), QStringLiteral("Notes")),                                             // unbounded into 255
            mapping(QStringLiteral("start_date"), QStringLiteral("Modified")),                                    // managed by SharePoint
            mapping(QStringLiteral("start_date"), QStringLiteral("Modified"), FieldDirection::PullOnly),          // pull only: fine
            mapping(QStringLiteral("project_code"), QStringLiteral("Title"), FieldDirection::PushOnly, QStringLiteral("UPPER(")),   // bad transform
            mapping(QStringLiteral("id"), QStringLiteral("Title")),                                               // second writer of Title
            mapping(QStringLiteral("nope"), QStringLiteral("Title")),
            mapping(QStringLiteral("budget_amount"), QStringLiteral("Missing"))};
        const QList<MappingAdvice> advice = checkMappings(projects(), targets, mappings);
        const QString all = messages(advice).join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QStringLiteral("name (text) is not a number column; the number column Budget takes only numbers")), qPrintable(all));
        QVERIFY(all.contains(QStringLiteral("project_code holds up to 20 characters; Code only 10")));
        QVERIFY(all.contains(QStringLiteral("name is unbounded text; Notes holds 255 characters")));
        QVERIFY(all.contains(QStringLiteral("Modified is managed by SharePoint")));
        QCOMPARE(messages(advice).filter(QStringLiteral("managed by SharePoint")).size(), 1);   // the pull-only one is fine
        QVERIFY(all.contains(QStringLiteral("UPPER")));                                          // the transform's own error
        QVERIFY(all.contains(QStringLiteral("2 mappings write into Title")));
        QVERIFY(all.contains(QStringLiteral("nope is not a column of public.projects")));
        QVERIFY(all.contains(QStringLiteral("The list has no column Missing")));
        QVERIFY(all.contains(QStringLiteral("Owner is required in SharePoint and nothing fills it")));
        QVERIFY(!all.contains(QStringLiteral("Title is required")));
        for (const MappingAdvice &a : advice) {
            if (a.message.contains(QStringLiteral("the number column")))
                QCOMPARE(a.severity, MappingAdvice::Severity::Error); // SharePoint refuses every such value
            if (a.message.contains(QStringLiteral("characters")))
                QCOMPARE(a.severity, MappingAdvice::Severity::Warning); // only the longer values fail
            if (a.message.contains(QStringLiteral("is required")))
                QCOMPARE(a.severity, MappingAdvice::Severity::Error);
        }
    }

    void aTransformSilencesTheTypeWarningAndGoodMappingsEarnNothing()
    {
        const QList<SharePointColumn> targets{target(QStringLiteral("Title"), QStringLiteral("text"), 255, true),
                                              target(QStringLiteral("Budget"), QStringLiteral("number")),
                                              target(QStringLiteral("Start"), QStringLiteral("dateTime"))};
        const QList<FieldMapping> mappings{mapping(QStringLiteral("project_code"), QStringLiteral("Title"), FieldDirection::PushOnly, QStringLiteral("TRIM|UPPER")),
                                           mapping(QStringLiteral("budget_amount"), QStringLiteral("Budget")),
                                           mapping(QStringLiteral("start_date"), QStringLiteral("Start"))};
        QVERIFY2(checkMappings(projects(), targets, mappings).isEmpty(), qPrintable(messages(checkMappings(projects(), targets, mappings)).join(QLatin1Char('\n'))));
    }

    void valuesSharePointRefusesAreErrorsThatSayWhatToWrite()
    {
        TableInfo table = projects();
        ColumnInfo active = column(QStringLiteral("active"), QStringLiteral("bool"), QStringLiteral("boolean"));
        ColumnInfo tags = column(QStringLiteral("tags"), QStringLiteral("_text"), QStringLiteral("text[]"));
        tags.isArray = true;
        table.columns << active << tags;
        const QList<SharePointColumn> targets{target(QStringLiteral("Title"), QStringLiteral("text"), 255),
                                              target(QStringLiteral("Code"), QStringLiteral("text"), 255),
                                              target(QStringLiteral("Flag"), QStringLiteral("text"), 255),
                                              target(QStringLiteral("Tags"), QStringLiteral("text"), 255)};
        const QList<FieldMapping> mappings{mapping(QStringLiteral("budget_amount"), QStringLiteral("Title")),
                                           mapping(QStringLiteral("id"), QStringLiteral("Code"), FieldDirection::PushOnly, QStringLiteral("FORMAT('0')")),
                                           mapping(QStringLiteral("active"), QStringLiteral("Flag")),
                                           mapping(QStringLiteral("tags"), QStringLiteral("Tags"))};
        const QList<MappingAdvice> advice = checkMappings(table, targets, mappings);
        const QString all = messages(advice).join(QLatin1Char('\n'));
        QCOMPARE(advice.size(), 3);
        for (const MappingAdvice &a : advice)
            QCOMPARE(a.severity, MappingAdvice::Severity::Error);
        QCOMPARE(advice.at(0).mapping, 0);
        QVERIFY2(advice.at(0).message.startsWith(QStringLiteral("budget_amount (numeric(14,2)) holds numbers; the text column Title takes only text")), qPrintable(all));
        QVERIFY(advice.at(0).message.contains(QStringLiteral("FORMAT('0')")));
        QCOMPARE(advice.at(1).mapping, 2); // FORMAT writes id as text: no advice for mapping 1
        QVERIFY(advice.at(1).message.contains(QStringLiteral("map it to a Yes/No column")));
        QCOMPARE(advice.at(2).mapping, 3);
        QVERIFY(advice.at(2).message.contains(QStringLiteral("holds lists of values")));
    }

    void misspelledAndRenamedColumnsAreNamedWithWhatWasMeant()
    {
        const QList<SharePointColumn> targets{target(QStringLiteral("Title"), QStringLiteral("text"), 255),
                                              target(QStringLiteral("project_code"), QStringLiteral("text"), 20),
                                              target(QStringLiteral("name_2"), QStringLiteral("text"), 255)};
        const QList<FieldMapping> mappings{mapping(QStringLiteral("projcet_code"), QStringLiteral("Title")),
                                           mapping(QStringLiteral("project_code"), QStringLiteral("projetc_code")),
                                           mapping(QStringLiteral("name"), QStringLiteral("name"))};
        const QList<MappingAdvice> advice = checkMappings(projects(), targets, mappings, {{QStringLiteral("name"), QStringLiteral("name_2")}});
        QCOMPARE(advice.size(), 3);
        QCOMPARE(advice.at(0).message, QStringLiteral("projcet_code is not a column of public.projects. Did you mean project_code?"));
        QVERIFY(advice.at(1).message.endsWith(QStringLiteral("Did you mean project_code?")));
        QVERIFY2(advice.at(2).message.startsWith(
                     QStringLiteral("The list has no column name: provisioning creates the column for name as name_2")),
            qPrintable(advice.at(2).message));
        QCOMPARE(closestName(QStringLiteral("compnay_name"), {QStringLiteral("company_name"), QStringLiteral("contact_name")}), QStringLiteral("company_name"));
        QCOMPARE(closestName(QStringLiteral("name"), {QStringLiteral("game")}), QString()); // too far for four letters
    }
};

QTEST_GUILESS_MAIN(TestMappingAdvisor)
#include "tst_mappingadvisor.moc"

#include "model/definitionjson.h"
#include "schedule/cronexpression.h"

#include "testpaths.h"

#include <QFile>
#include <QTest>

using namespace SyncBridge;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data");
    return file.readAll();
}

QString dataPath(const char *name)
{
    return Test::testDataPath(QLatin1String(name));
}

QByteArray withDefinition(const QByteArray &definitionJson)
{
    return "{\"definitions\": [{" + definitionJson + "}]}";
}

const QByteArray minimal =
    R"("name": "D", "source": {"database": "db", "table": "t"}, "cursor": {"column": "updated_at"},
       "targets": [{"connection": "c", "site": "s", "list": "L"}], "mappings": [{"source": "a", "target": "Title"}])";

} // namespace

class TestDefinitionJson : public QObject
{
    Q_OBJECT

private slots:
    void validDocumentRoundTrips()
    {
        const DefinitionsDocument parsed = parseDefinitionsDocument(readFile(dataPath("valid-definitions.json")));
        QVERIFY2(parsed.valid(), qPrintable(parsed.issues.isEmpty() ? QString() : parsed.issues.first().path + parsed.issues.first().message));
        QCOMPARE(parsed.definitions.size(), 1);
        const SyncDefinition &d = parsed.definitions.first();
        QCOMPARE(d.targetStrategy, TargetStrategy::Conditional);
        QCOMPARE(d.targets.size(), 3);
        QCOMPARE(d.sharding.rules.size(), 2);
        QCOMPARE(d.sharding.rules.at(1).condition.toString(), QStringLiteral("status == 'Active'"));
        QCOMPARE(d.sharding.defaultTargetName, QStringLiteral("Archive"));
        QCOMPARE(d.mappings.size(), 5);
        QVERIFY(d.mappings.at(0).key);
        QVERIFY(!d.mappings.at(4).pushes());
        QCOMPARE(d.scheduleTimeZone, QStringLiteral("Europe/Berlin"));
        QCOMPARE(d.driftCheckCron, QStringLiteral("0 6 * * 1"));

        // export → parse gives the same export again
        const QByteArray exported = definitionsToDocument(parsed.definitions);
        const DefinitionsDocument again = parseDefinitionsDocument(exported);
        QVERIFY(again.valid());
        QCOMPARE(definitionsToDocument(again.definitions), exported);
    }

    void fiveErrorsAreAllReported()
    {
        const DefinitionsDocument parsed = parseDefinitionsDocument(readFile(dataPath("five-errors.json")));
        QStringList paths;
        for (const ValidationIssue &issue : parsed.issues)
            paths << issue.path;
        QCOMPARE(paths, (QStringList{
                            QStringLiteral("$.definitions[0].mode"),
                            QStringLiteral("$.definitions[0].cursor.column"),
                            QStringLiteral("$.definitions[0].schedule.timeZone"),
                            QStringLiteral("$.definitions[0].mappings[1].target"),
                            QStringLiteral("$.definitions[1].name"),
                        }));
        QVERIFY(parsed.issues.at(0).message.contains(QStringLiteral("SIDEWAYS")));
        QVERIFY(parsed.issues.at(0).message.contains(QStringLiteral("TWO_WAY")));
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("expectedPath");
        QTest::newRow("not json") << QByteArray("{\"definitions\": [") << QStringLiteral("$");
        QTest::newRow("not an object") << QByteArray("[]") << QStringLiteral("$");
        QTest::newRow("definitions missing") << QByteArray("{}") << QStringLiteral("$.definitions");
        QTest::newRow("wrong format") << QByteArray("{\"format\": \"other/9\", \"definitions\": []}") << QStringLiteral("$.format");
        QTest::newRow("name not text") << withDefinition(QByteArray(minimal).replace("\"name\": \"D\"", "\"name\": 7")) << QStringLiteral("$.definitions[0].name");
        QTest::newRow("no targets") << withDefinition(QByteArray(minimal).replace("\"targets\"", "\"x\"")) << QStringLiteral("$.definitions[0].targets");
        QTest::newRow("no mappings") << withDefinition(QByteArray(minimal).replace("\"mappings\"", "\"x\"")) << QStringLiteral("$.definitions[0].mappings");
        QTest::newRow("bad direction") << withDefinition(QByteArray(minimal).replace("\"target\": \"Title\"", "\"target\": \"Title\", \"direction\": \"UP\""))
                                       << QStringLiteral("$.definitions[0].mappings[0].direction");
        QTest::newRow("system field pushed") << withDefinition(QByteArray(minimal).replace("\"target\": \"Title\"", "\"target\": \"Title\", \"system\": true, \"direction\": \"PUSH_ONLY\""))
                                             << QStringLiteral("$.definitions[0].mappings[0].direction");
        QTest::newRow("share out of range") << withDefinition(minimal + ", \"deletes\": {\"maxShare\": 2}") << QStringLiteral("$.definitions[0].deletes.maxShare");
        QTest::newRow("rule to unknown target") << withDefinition(minimal + ", \"sharding\": {\"rules\": [{\"condition\": \"a == 1\", \"target\": \"Nope\"}]}")
                                                << QStringLiteral("$.definitions[0].sharding.rules[0].target");
        QTest::newRow("empty condition") << withDefinition(minimal + ", \"sharding\": {\"rules\": [{\"condition\": \" \", \"target\": \"L\"}]}")
                                         << QStringLiteral("$.definitions[0].sharding.rules[0].condition");
        QTest::newRow("composite key without columns") << withDefinition(minimal + ", \"key\": {\"strategy\": \"COMPOSITE_COLUMNS\"}")
                                                       << QStringLiteral("$.definitions[0].key.columns");
        QTest::newRow("single with two targets") << withDefinition(QByteArray(minimal).replace("\"list\": \"L\"}]", "\"list\": \"L\"}, {\"connection\": \"c\", \"site\": \"s\", \"list\": \"M\"}]"))
                                                 << QStringLiteral("$.definitions[0].targets");
        QTest::newRow("cron that does not parse")
            << withDefinition(minimal + ", \"schedule\": {\"cron\": \"0 2 * * fro\"}") << QStringLiteral("$.definitions[0].schedule.cron");
        QTest::newRow("cron with four fields") << withDefinition(minimal + ", \"schedule\": {\"cron\": \"0 2 * *\", \"timeZone\": \"UTC\"}")
                                               << QStringLiteral("$.definitions[0].schedule.cron");
        QTest::newRow("drift check cron that does not parse")
            << withDefinition(minimal + ", \"schedule\": {\"driftCheck\": \"0 6 * * mo\"}")
            << QStringLiteral("$.definitions[0].schedule.driftCheck");
        QTest::newRow("cron not text") << withDefinition(minimal + ", \"schedule\": {\"cron\": 5}")
                                       << QStringLiteral("$.definitions[0].schedule.cron");
        QTest::newRow("unknown missed-run policy")
            << withDefinition(minimal + ", \"schedule\": {\"cron\": \"@daily\", \"missed\": \"BURST\"}")
            << QStringLiteral("$.definitions[0].schedule.missed");
        QTest::newRow("lookup without its definition")
            << withDefinition(QByteArray(minimal).replace("\"target\": \"Title\"", "\"target\": \"Title\", \"kind\": \"LOOKUP\""))
            << QStringLiteral("$.definitions[0].mappings[0].references");
        QTest::newRow("a person referencing a definition") << withDefinition(
            QByteArray(minimal).replace("\"target\": \"Title\"", "\"target\": \"Title\", \"kind\": \"PERSON\", \"references\": \"D\""))
                                                           << QStringLiteral("$.definitions[0].mappings[0].references");
        QTest::newRow("a person with a description column") << withDefinition(QByteArray(minimal).replace(
            "\"target\": \"Title\"", "\"target\": \"Title\", \"kind\": \"PERSON\", \"descriptionFrom\": \"label\""))
                                                            << QStringLiteral("$.definitions[0].mappings[0].descriptionFrom");
        QTest::newRow("a lookup adding choices") << withDefinition(QByteArray(minimal).replace(
            "\"target\": \"Title\"", "\"target\": \"Title\", \"kind\": \"LOOKUP\", \"references\": \"D\", \"addChoices\": true"))
                                                 << QStringLiteral("$.definitions[0].mappings[0].addChoices");
        QTest::newRow("unknown kind") << withDefinition(
            QByteArray(minimal).replace("\"target\": \"Title\"", "\"target\": \"Title\", \"kind\": \"GROUP\""))
                                      << QStringLiteral("$.definitions[0].mappings[0].kind");
        QTest::newRow("conditional without rules") << withDefinition(minimal + ", \"targetStrategy\": \"CONDITIONAL\"") << QStringLiteral("$.definitions[0].sharding.rules");
    }

    void badInput()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, expectedPath);
        const DefinitionsDocument parsed = parseDefinitionsDocument(document);
        QVERIFY(!parsed.valid());
        QStringList paths;
        for (const ValidationIssue &issue : parsed.issues) {
            paths << issue.path;
            QVERIFY(!issue.message.isEmpty());
        }
        QVERIFY2(paths.contains(expectedPath), qPrintable(paths.join(QStringLiteral(", "))));
    }

    // A lookup keeps the definition it references, a person its kind, a hyperlink its description
    // column; plain values say none of them.
    void lookupAndPersonMappingsRoundTrip()
    {
        const DefinitionsDocument parsed = parseDefinitionsDocument(withDefinition(QByteArray(minimal).replace("\"mappings\": [",
            "\"mappings\": [{\"source\": \"customer_id\", \"target\": \"Customer\", \"kind\": \"LOOKUP\", \"references\": "
            "\"Customers\"}, {\"source\": \"email\", \"target\": \"Owner\", \"kind\": \"PERSON\"}, "
            "{\"source\": \"url\", \"target\": \"Link\", \"descriptionFrom\": \"label\"}, "
            "{\"source\": \"body\", \"target\": \"Body\", \"richText\": true, \"addChoices\": true}, ")));
        QVERIFY2(
            parsed.valid(), qPrintable(parsed.issues.isEmpty() ? QString() : parsed.issues.first().path + parsed.issues.first().message));
        const QList<FieldMapping> &mappings = parsed.definitions.first().mappings;
        QCOMPARE(mappings.at(0).kind, FieldKind::Lookup);
        QCOMPARE(mappings.at(0).referencedDefinition, QStringLiteral("Customers"));
        QCOMPARE(mappings.at(1).kind, FieldKind::Person);
        QCOMPARE(mappings.at(2).kind, FieldKind::Value);
        QCOMPARE(mappings.at(2).descriptionColumn, QStringLiteral("label"));
        QVERIFY(mappings.at(3).richText && !mappings.at(2).richText);
        QVERIFY(mappings.at(3).addsChoices && !mappings.at(2).addsChoices);
        QVERIFY(mappings.at(4).descriptionColumn.isEmpty());
        const QByteArray exported = definitionsToDocument(parsed.definitions);
        QCOMPARE(exported.count("\"descriptionFrom\": \"label\""), 1);
        QCOMPARE(exported.count("\"richText\": true"), 1);
        QCOMPARE(exported.count("\"addChoices\": true"), 1);
        QVERIFY(exported.contains("\"references\": \"Customers\""));
        QVERIFY(exported.contains("\"kind\": \"PERSON\""));
        QCOMPARE(exported.count("\"kind\""), 2);
        QCOMPARE(definitionsToDocument(parseDefinitionsDocument(exported).definitions), exported);
    }

    void minimalDocumentIsValid()
    {
        const DefinitionsDocument parsed = parseDefinitionsDocument(withDefinition(minimal));
        QVERIFY(parsed.valid());
        QCOMPARE(parsed.definitions.first().targets.first().name, QStringLiteral("L"));  // defaults to the list name
    }

    void scheduleIsCheckedWithTheCronParsersWords()
    {
        const DefinitionsDocument parsed = parseDefinitionsDocument(
            withDefinition(minimal + ", \"schedule\": {\"cron\": \"0 2 * * mon,fro\", \"timeZone\": \"Mars/Olympus_Mons\"}"));
        QCOMPARE(parsed.issues.size(), 2);
        QCOMPARE(parsed.issues.at(0).path, QStringLiteral("$.definitions[0].schedule.timeZone"));
        QCOMPARE(parsed.issues.at(1).path, QStringLiteral("$.definitions[0].schedule.cron"));
        QCOMPARE(parsed.issues.at(1).message, QStringLiteral("day-of-week, at 13: 'fro' is not a day name (sun … sat)"));
        QCOMPARE(parsed.issues.at(1).message, cronSyntaxError(QStringLiteral("0 2 * * mon,fro"))->message());
    }

    void missedRunPolicyRoundTrips()
    {
        const DefinitionsDocument defaulted
            = parseDefinitionsDocument(withDefinition(minimal + ", \"schedule\": {\"cron\": \"30 2 * * 1-5\"}"));
        QVERIFY(defaulted.valid());
        QCOMPARE(defaulted.definitions.first().missedRuns, MissedRunPolicy::CatchUpOnce);
        const QJsonObject exportedDefault = definitionToJson(defaulted.definitions.first());
        QCOMPARE(exportedDefault.value(QStringLiteral("schedule")).toObject().value(QStringLiteral("missed")).toString(),
            QStringLiteral("CATCH_UP_ONCE"));

        const DefinitionsDocument skip = parseDefinitionsDocument(withDefinition(
            minimal + ", \"schedule\": {\"cron\": \"@hourly\", \"timeZone\": \"Australia/Lord_Howe\", \"missed\": \"SKIP\"}"));
        QVERIFY(skip.valid());
        QCOMPARE(skip.definitions.first().missedRuns, MissedRunPolicy::Skip);
        const DefinitionsDocument again = parseDefinitionsDocument(definitionsToDocument(skip.definitions));
        QVERIFY(again.valid());
        QCOMPARE(again.definitions.first().missedRuns, MissedRunPolicy::Skip);
        QCOMPARE(again.definitions.first().scheduleCron, QStringLiteral("@hourly"));
        QVERIFY(!again.definitions.first().schedulePaused);

        const DefinitionsDocument paused
            = parseDefinitionsDocument(withDefinition(minimal + ", \"schedule\": {\"cron\": \"@daily\", \"paused\": true}"));
        QVERIFY(paused.valid());
        QVERIFY(paused.definitions.first().schedulePaused);
        QVERIFY(parseDefinitionsDocument(definitionsToDocument(paused.definitions)).definitions.first().schedulePaused);

        // A definition without a schedule exports no policy it does not use.
        const DefinitionsDocument manual = parseDefinitionsDocument(withDefinition(minimal));
        QVERIFY(definitionToJson(manual.definitions.first()).value(QStringLiteral("schedule")).toObject().isEmpty());
    }

    void enumNamesRoundTrip()
    {
        for (const QString &name : allNames<FieldDirection>())
            QCOMPARE(enumName(*fromString<FieldDirection>(name)), name);
        QVERIFY(!fromString<SyncMode>(QStringLiteral("push")).has_value());  // names are case-sensitive
    }
};

QTEST_GUILESS_MAIN(TestDefinitionJson)
#include "tst_definitionjson.moc"

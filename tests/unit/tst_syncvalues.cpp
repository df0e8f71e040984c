// Identity, content hash, PostgreSQL → SharePoint values and field mapping (pure logic).
#include "sync/fieldmapper.h"
#include "sync/identity.h"
#include "sync/valueconverter.h"

#include <QJsonArray>
#include <QTest>

using namespace SyncBridge;

namespace {

ColumnInfo column(const char *typeName, bool isArray = false)
{
    ColumnInfo c;
    c.name = QStringLiteral("c");
    c.typeName = QLatin1String(typeName);
    c.isArray = isArray;
    return c;
}

FieldMapping mapping(const char *source, const char *target, const char *transform = "", FieldDirection direction = FieldDirection::PushOnly)
{
    FieldMapping m;
    m.sourceColumn = QLatin1String(source);
    m.targetColumn = QLatin1String(target);
    m.transform = QLatin1String(transform);
    m.direction = direction;
    return m;
}

} // namespace

class TestSyncValues : public QObject
{
    Q_OBJECT

private slots:
    void identityIsStableAndUnambiguous()
    {
        const RowIdentity one = rowIdentity({QStringLiteral("id")}, {QStringLiteral("42")});
        QCOMPARE(one.text, QStringLiteral("id=42"));
        QCOMPARE(one.hash.size(), 64);
        QCOMPARE(rowIdentity({QStringLiteral("id")}, {QStringLiteral("42")}).hash, one.hash);
        QVERIFY(rowIdentity({QStringLiteral("id")}, {QStringLiteral("43")}).hash != one.hash);
        // another definition's salt: the same row, another key — and the same readable text
        const RowIdentity salted = rowIdentity({QStringLiteral("id")}, {QStringLiteral("42")}, QStringLiteral("5f2c0a9e1b7d4e36"));
        QVERIFY(salted.hash != one.hash);
        QCOMPARE(salted.text, one.text);
        const RowIdentity composite = rowIdentity({QStringLiteral("project_id"), QStringLiteral("employee_email")},
                                                  {QStringLiteral("7"), QStringLiteral("ana@example.com")});
        QCOMPARE(composite.text, QStringLiteral("project_id=7|employee_email=ana@example.com"));
        QCOMPARE(keyValuesFromIdentity(composite.text), (QStringList{QStringLiteral("7"), QStringLiteral("ana@example.com")}));
        const RowIdentity tricky = rowIdentity({QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("x|b=y\\"), QStringLiteral("")});
        QCOMPARE(keyValuesFromIdentity(tricky.text), (QStringList{QStringLiteral("x|b=y\\"), QString()}));
        QCOMPARE(keyColumnsFromIdentity(tricky.text), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(keyColumnsFromIdentity(rowIdentity({QStringLiteral("odd=name|")}, {QStringLiteral("1")}).text),
            QStringList{QStringLiteral("odd=name|")});
        // separators inside values cannot make two different keys look alike
        QVERIFY(rowIdentity({QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("x|b=y"), QStringLiteral("z")}).hash
                != rowIdentity({QStringLiteral("a"), QStringLiteral("b")}, {QStringLiteral("x"), QStringLiteral("y|b=z")}).hash);
    }

    void contentHashIsCanonical()
    {
        const QJsonObject a{{QStringLiteral("Title"), QStringLiteral("Ünïcødé 🚀")}, {QStringLiteral("Budget"), 1.0}, {QStringLiteral("Tags"), QJsonArray{QStringLiteral("x")}}};
        const QJsonObject b{{QStringLiteral("Tags"), QJsonArray{QStringLiteral("x")}}, {QStringLiteral("Budget"), 1}, {QStringLiteral("Title"), QStringLiteral("Ünïcødé 🚀")}};
        QCOMPARE(contentHash(a), contentHash(b));
        QCOMPARE(canonicalForm(a), QByteArray("{\"Budget\":1,\"Tags\":[\"x\"],\"Title\":\"Ünïcødé 🚀\"}"));
        QCOMPARE(canonicalForm(QJsonObject{{QStringLiteral("n"), 0.1 + 0.2}}), QByteArray("{\"n\":0.30000000000000004}"));
        QVERIFY(contentHash(a) != contentHash(QJsonObject{{QStringLiteral("Budget"), 2}}));
    }

    void values_data()
    {
        QTest::addColumn<ColumnInfo>("info");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("int") << column("int4") << QStringLiteral("42") << QJsonValue(42);
        QTest::newRow("numeric") << column("numeric") << QStringLiteral("4998354.35") << QJsonValue(4998354.35);
        QTest::newRow("money as numeric") << column("money") << QStringLiteral("12.50") << QJsonValue(12.5);
        QTest::newRow("bool") << column("bool") << QStringLiteral("t") << QJsonValue(true);
        QTest::newRow("date") << column("date") << QStringLiteral("2024-02-29") << QJsonValue(QStringLiteral("2024-02-29T00:00:00Z"));
        QTest::newRow("timestamptz") << column("timestamptz") << QStringLiteral("2026-01-01 08:00:00.123+00") << QJsonValue(QStringLiteral("2026-01-01T08:00:00Z"));
        QTest::newRow("timestamptz offset") << column("timestamptz") << QStringLiteral("2026-01-01 10:30:00+02") << QJsonValue(QStringLiteral("2026-01-01T08:30:00Z"));
        QTest::newRow("timestamp") << column("timestamp") << QStringLiteral("2026-01-01 08:00:00") << QJsonValue(QStringLiteral("2026-01-01T08:00:00Z"));
        QTest::newRow("text") << column("text") << QStringLiteral("Café 🚀") << QJsonValue(QStringLiteral("Café 🚀"));
        QTest::newRow("jsonb as text") << column("jsonb") << QStringLiteral("{\"a\": 1}") << QJsonValue(QStringLiteral("{\"a\": 1}"));
        QTest::newRow("text[]") << column("_text", true) << QStringLiteral("{infra,\"cloud & ops\",NULL,\"NULL\"}")
                                << QJsonValue(QJsonArray{QStringLiteral("infra"), QStringLiteral("cloud & ops"), QStringLiteral("NULL")});
        QTest::newRow("empty array") << column("_text", true) << QStringLiteral("{}") << QJsonValue(QJsonArray{});
    }

    void values()
    {
        QFETCH(ColumnInfo, info);
        QFETCH(QString, text);
        QFETCH(QJsonValue, expected);
        const auto value = toSharePointValue(info, text);
        QVERIFY2(value.ok(), value.ok() ? "" : qPrintable(value.error().message()));
        QCOMPARE(*value, expected);
    }

    void nullClears()
    {
        QVERIFY(toSharePointValue(column("text"), std::nullopt)->isNull());
    }

    void unrepresentableValuesAreItemErrors_data()
    {
        QTest::addColumn<ColumnInfo>("info");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("NaN") << column("float8") << QStringLiteral("NaN") << QStringLiteral("cannot be stored");
        QTest::newRow("Infinity") << column("float8") << QStringLiteral("Infinity") << QStringLiteral("cannot be stored");
        QTest::newRow("-Infinity") << column("numeric") << QStringLiteral("-Infinity") << QStringLiteral("cannot be stored");
        QTest::newRow("bigint") << column("int8") << QStringLiteral("9007199254740993") << QStringLiteral("too large");
        QTest::newRow("precision") << column("numeric") << QStringLiteral("1234567890.1234567") << QStringLiteral("significant digits");
        QTest::newRow("year 1") << column("date") << QStringLiteral("0001-01-01") << QStringLiteral("outside the dates");
        QTest::newRow("year 9999") << column("timestamptz") << QStringLiteral("9999-12-31 23:59:59+00") << QStringLiteral("outside the dates");
        QTest::newRow("infinity date") << column("timestamptz") << QStringLiteral("infinity") << QStringLiteral("not a date");
        QTest::newRow("bytea") << column("bytea") << QStringLiteral("\\x00ff") << QStringLiteral("binary");
    }

    void unrepresentableValuesAreItemErrors()
    {
        QFETCH(ColumnInfo, info);
        QFETCH(QString, text);
        QFETCH(QString, message);
        const auto value = toSharePointValue(info, text);
        QVERIFY(!value.ok());
        QCOMPARE(value.error().code(), ErrorCode::InvalidInput);
        QVERIFY2(value.error().message().contains(message), qPrintable(value.error().message()));
        QVERIFY(value.error().message().startsWith(QStringLiteral("Column 'c'")));
    }

    void transforms_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QJsonValue>("input");
        QTest::addColumn<QJsonValue>("expected");
        QTest::newRow("upper") << QStringLiteral("UPPER") << QJsonValue(QStringLiteral("straße")) << QJsonValue(QStringLiteral("STRASSE"));
        QTest::newRow("trim|lower") << QStringLiteral("TRIM | LOWER") << QJsonValue(QStringLiteral("  ABC ")) << QJsonValue(QStringLiteral("abc"));
        QTest::newRow("default null") << QStringLiteral("DEFAULT('n/a')") << QJsonValue(QJsonValue::Null) << QJsonValue(QStringLiteral("n/a"));
        QTest::newRow("default keeps value") << QStringLiteral("DEFAULT('n/a')") << QJsonValue(QStringLiteral("x")) << QJsonValue(QStringLiteral("x"));
        QTest::newRow("default number") << QStringLiteral("DEFAULT(0)") << QJsonValue(QJsonValue::Null) << QJsonValue(0);
        QTest::newRow("replace") << QStringLiteral("REPLACE('-','/')") << QJsonValue(QStringLiteral("a-b-c")) << QJsonValue(QStringLiteral("a/b/c"));
        QTest::newRow("quote in text") << QStringLiteral("REPLACE('''','’')") << QJsonValue(QStringLiteral("it's")) << QJsonValue(QStringLiteral("it’s"));
        QTest::newRow("regex") << QStringLiteral("REGEX('^PRJ-0*','P')") << QJsonValue(QStringLiteral("PRJ-00042")) << QJsonValue(QStringLiteral("P42"));
        QTest::newRow("format date") << QStringLiteral("FORMAT('dd.MM.yyyy')") << QJsonValue(QStringLiteral("2024-02-29T00:00:00Z")) << QJsonValue(QStringLiteral("29.02.2024"));
        QTest::newRow("format number") << QStringLiteral("FORMAT('0.00')") << QJsonValue(3.14159) << QJsonValue(QStringLiteral("3.14"));
        QTest::newRow("text ops skip numbers") << QStringLiteral("UPPER") << QJsonValue(5) << QJsonValue(5);
    }

    void transforms()
    {
        QFETCH(QString, rule);
        QFETCH(QJsonValue, input);
        QFETCH(QJsonValue, expected);
        const auto steps = parseTransform(rule);
        QVERIFY2(steps.ok(), steps.ok() ? "" : qPrintable(steps.error().message()));
        QCOMPARE(applyTransform(*steps, input), expected);
    }

    void badTransformsSayWhere_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << QStringLiteral("TRIM|SHOUT") << QStringLiteral("at 6: unknown transform 'SHOUT'");
        QTest::newRow("missing paren") << QStringLiteral("DEFAULT('x'") << QStringLiteral("at 12: expected ')'");
        QTest::newRow("missing comma") << QStringLiteral("REPLACE('a' 'b')") << QStringLiteral("expected ','");
        QTest::newRow("unterminated") << QStringLiteral("DEFAULT('x)") << QStringLiteral("unterminated text");
        QTest::newRow("bad regex") << QStringLiteral("REGEX('(','x')") << QStringLiteral("regular expression is not valid");
        QTest::newRow("separator") << QStringLiteral("TRIM UPPER") << QStringLiteral("expected '|'");
    }

    void badTransformsSayWhere()
    {
        QFETCH(QString, rule);
        QFETCH(QString, message);
        const auto steps = parseTransform(rule);
        QVERIFY(!steps.ok());
        QVERIFY2(steps.error().message().contains(message), qPrintable(steps.error().message()));
    }

    void anUnknownTransformIsNamedWholeWithTheKnownOnes()
    {
        // Issue 13: "TO_TEXT" was reported as "unknown transform 'TO'".
        for (const QString &rule : {QStringLiteral("TO_TEXT"), QStringLiteral("TRIM | TO_TEXT"), QStringLiteral("to_text('x')")}) {
            const auto steps = parseTransform(rule);
            QVERIFY(!steps.ok());
            const QString message = steps.error().message();
            QVERIFY2(message.contains(QStringLiteral("unknown transform '%1'")
                                          .arg(rule.section(QLatin1Char('|'), -1).trimmed().section(QLatin1Char('('), 0, 0))),
                qPrintable(message));
            QVERIFY2(message.contains(QStringLiteral("the known transforms are UPPER, LOWER, TRIM, DEFAULT('text'), REPLACE('from','to'), "
                                                     "REGEX('pattern','replacement'), FORMAT('pattern')")),
                qPrintable(message));
        }
        QVERIFY(parseTransform(QStringLiteral("TO_TEXT")).error().message().contains(QStringLiteral("at 1:")));
        // A run names the mapping the transform belongs to.
        const auto mapped
            = mapRow({{QStringLiteral("order_date"), QStringLiteral("2026-01-01")}}, {mapping("order_date", "OrderDate", "TO_TEXT")}, {});
        QVERIFY(!mapped.ok());
        QVERIFY2(mapped.error().message().startsWith(
                     QStringLiteral("Mapping order_date → OrderDate: Transform 'TO_TEXT' at 1: unknown transform 'TO_TEXT'")),
            qPrintable(mapped.error().message()));
    }

    void mapsOnlyWhatPushes()
    {
        FieldMapping system = mapping("updated_at", "Modified", "", FieldDirection::PullOnly);
        system.systemField = true;
        const QList<FieldMapping> mappings{mapping("project_code", "Title"), mapping("name", "ProjectName", "TRIM"),
                                           mapping("notes", "Notes", "", FieldDirection::PullOnly), system,
                                           mapping("budget", "Budget", "", FieldDirection::Bidirectional)};
        SharePointColumn title;
        title.name = QStringLiteral("Title");
        title.maxLength = 10;
        const QHash<QString, SharePointColumn> columns{{QStringLiteral("Title"), title}};
        QHash<QString, QJsonValue> row{{QStringLiteral("project_code"), QStringLiteral("PRJ-1")}, {QStringLiteral("name"), QStringLiteral(" Alpha ")},
                                       {QStringLiteral("notes"), QStringLiteral("x")}, {QStringLiteral("updated_at"), QStringLiteral("2026-01-01T00:00:00Z")},
                                       {QStringLiteral("budget"), 12.5}};
        const auto fields = mapRow(row, mappings, columns);
        QVERIFY(fields.ok());
        QCOMPARE(*fields, (QJsonObject{{QStringLiteral("Title"), QStringLiteral("PRJ-1")}, {QStringLiteral("ProjectName"), QStringLiteral("Alpha")},
                                       {QStringLiteral("Budget"), 12.5}}));
        row.insert(QStringLiteral("project_code"), QStringLiteral("PRJ-1234567"));
        const auto tooLong = mapRow(row, mappings, columns);
        QVERIFY(!tooLong.ok());
        QVERIFY(tooLong.error().message().contains(QStringLiteral("longer than the SharePoint column 'Title' allows (10)")));
    }
};

QTEST_GUILESS_MAIN(TestSyncValues)
#include "tst_syncvalues.moc"

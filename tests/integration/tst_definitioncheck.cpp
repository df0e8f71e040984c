// A definition that would do the wrong thing says so before it runs: the import (CLI, with the
// source asked) refuses it with the path and the reason, and a run of one that got past an import
// without these checks fails before it provisions, reads or writes anything.
#include "pushtestbase.h"

#include "store/catalogrepository.h"

#include <QTemporaryFile>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {

struct Mapping {
    const char *source;
    const char *target;
    const char *transform = nullptr;
};

QJsonObject definitionOf(const QString &name, const QString &table, const QList<Mapping> &mappings, const QStringList &key = {})
{
    QJsonArray mapped;
    for (const Mapping &m : mappings) {
        QJsonObject mapping{{QStringLiteral("source"), QLatin1String(m.source)}, {QStringLiteral("target"), QLatin1String(m.target)},
            {QStringLiteral("direction"), QStringLiteral("PUSH_ONLY")}};
        if (m.transform)
            mapping.insert(QStringLiteral("transform"), QLatin1String(m.transform));
        mapped.append(mapping);
    }
    QJsonObject definition{{QStringLiteral("name"), name},
        {QStringLiteral("source"), QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), table}}},
        {QStringLiteral("cursor"), QJsonObject{{QStringLiteral("strategy"), QStringLiteral("UPDATED_AT")}, {QStringLiteral("column"), QStringLiteral("updated_at")}}},
        {QStringLiteral("targets"), QJsonArray{QJsonObject{{QStringLiteral("connection"), QStringLiteral("Emulator")},
                                        {QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:/sites/pmo")}, {QStringLiteral("list"), QStringLiteral("DC ") + name}}}},
        {QStringLiteral("mappings"), mapped}};
    if (!key.isEmpty())
        definition.insert(QStringLiteral("key"),
            QJsonObject{{QStringLiteral("strategy"), QStringLiteral("COMPOSITE_COLUMNS")}, {QStringLiteral("columns"), QJsonArray::fromStringList(key)}});
    return definition;
}

QJsonObject routedByRule(const QString &name, const QString &rule)
{
    QJsonObject definition = definitionOf(name, QStringLiteral("products"), {{"product_name", "Title"}});
    definition.insert(QStringLiteral("targetStrategy"), QStringLiteral("CONDITIONAL"));
    const auto target = [&](const QString &id) {
        return QJsonObject{{QStringLiteral("name"), id}, {QStringLiteral("connection"), QStringLiteral("Emulator")},
            {QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:/sites/pmo")}, {QStringLiteral("list"), QStringLiteral("DC %1 %2").arg(name, id)}};
    };
    definition.insert(QStringLiteral("targets"), QJsonArray{target(QStringLiteral("Discontinued")), target(QStringLiteral("Current"))});
    definition.insert(QStringLiteral("sharding"),
        QJsonObject{{QStringLiteral("rules"), QJsonArray{QJsonObject{{QStringLiteral("condition"), rule}, {QStringLiteral("target"), QStringLiteral("Discontinued")}}}},
            {QStringLiteral("default"), QStringLiteral("Current")}});
    return definition;
}

// The silent wrong results of issue 13, one definition each.
QJsonArray wrongDefinitions()
{
    return {definitionOf(QStringLiteral("Misspelled source"), QStringLiteral("customers"), {{"customer_id", "Title"}, {"compnay_name", "company_name"}}),
        definitionOf(QStringLiteral("Misspelled target"), QStringLiteral("customers"), {{"customer_id", "Title"}, {"company_name", "company_nmae"}}),
        definitionOf(QStringLiteral("Title taken"), QStringLiteral("products"), {{"product_name", "Title"}, {"title", "title"}}),
        definitionOf(QStringLiteral("Keyed on country"), QStringLiteral("customers"), {{"company_name", "Title"}}, {QStringLiteral("country")}),
        definitionOf(QStringLiteral("No primary key"), QStringLiteral("shippers"), {{"name", "Title"}}, {QStringLiteral("country")}),
        routedByRule(QStringLiteral("Rule of the wrong kind"), QStringLiteral("discontinued == 'yes'")),
        definitionOf(QStringLiteral("Number into Title"), QStringLiteral("products"), {{"unit_price", "Title"}})};
}

} // namespace

class TestDefinitionCheck : public PushTestBase
{
    Q_OBJECT

    qint64 m_germans = 0;
    qint64 m_sharedCountries = 0;

private slots:
    void initTestCase()
    {
        startWith({});
        sql(QStringLiteral(
            "CREATE TABLE customers (customer_id text PRIMARY KEY, company_name text NOT NULL, country text NOT NULL,"
            "  updated_at timestamptz NOT NULL DEFAULT now());"
            "INSERT INTO customers (customer_id, company_name, country) SELECT 'C' || i, 'Company ' || i,"
            "  (ARRAY['Germany','France','Brazil','USA','UK','Spain','Mexico','Italy','Canada','Sweden','Austria','Belgium','Denmark',"
            "   'Finland','Ireland','Norway','Poland','Portugal','Switzerland','Venezuela','Argentina','Germany'])[1 + i % 22]"
            "  FROM generate_series(1, 90) i;"
            "CREATE TABLE products (product_id int PRIMARY KEY, product_name text NOT NULL, title text, discontinued int NOT NULL,"
            "  unit_price numeric(10,2) NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());"
            "INSERT INTO products (product_id, product_name, title, discontinued, unit_price)"
            "  SELECT i, 'Product ' || i, 'T' || i, i % 7 / 6, i * 1.25 FROM generate_series(1, 77) i;"
            "CREATE TABLE shippers (name text NOT NULL, country text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());"
            "INSERT INTO shippers (name, country) SELECT 'Shipper ' || i, 'Country ' || (i % 5) FROM generate_series(1, 51) i;"));
        m_germans = sql(QStringLiteral("SELECT count(*) FROM customers WHERE country = 'Germany'")).toLongLong();
        m_sharedCountries = sql(QStringLiteral("SELECT count(*) FROM (SELECT country FROM customers GROUP BY country HAVING count(*) > 1) s")).toLongLong();
        QVERIFY(m_germans > 4);
    }

    void theCliRefusesEachWrongDefinitionWithItsPathAndReason()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("definitions"), wrongDefinitions()}}).toJson());
        file.close();
        QProcess cli;
        startCliCommand(cli, {QStringLiteral("definitions"), QStringLiteral("import"), file.fileName()}, cliEnvironment());
        QVERIFY(cli.waitForFinished(120000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        qInfo("%s", qPrintable(err));
        QCOMPARE(cli.exitCode(), 65);
        const QStringList expected{
            QStringLiteral(
                "$.definitions[0].mappings[1].source: compnay_name is not a column of public.customers. Did you mean company_name?"),
            QStringLiteral("$.definitions[1].mappings[1].target: The list has no column company_nmae: provisioning creates the column for "
                           "company_name as company_name"),
            QStringLiteral(
                "$.definitions[2].mappings[1].target: The list has no column title: provisioning creates the column for title as title_2"),
            QStringLiteral("$.definitions[3].key.columns: The key (country) is not unique: %1 rows share country=Germany").arg(m_germans),
            QStringLiteral("$.definitions[4].key.columns: The key (country) is not unique: 11 rows share country=Country "),
            QStringLiteral(
                "$.definitions[5].sharding.rules[0].condition: Sharding rule 1 (to 'Discontinued', condition \"discontinued == 'yes'\"): "
                "'discontinued' holds numbers"),
            QStringLiteral(
                "$.definitions[6].mappings[0].target: unit_price (numeric(10,2)) holds numbers; the text column Title takes only text"),
        };
        for (const QString &line : expected)
            QVERIFY2(err.contains(line), qPrintable(QStringLiteral("missing: %1").arg(line)));
        QVERIFY(err.contains(QStringLiteral("%1 more key values are shared").arg(m_sharedCountries - 3)));
        QVERIFY(DefinitionRepository(*m_store).all()->isEmpty()); // all or nothing
        // The catalog was read from the source to check them: it knows the tables now.
        auto tables = CatalogRepository(*m_store).tables(m_demo.database().id);
        QVERIFY(std::any_of(tables->cbegin(), tables->cend(), [](const TableInfo &t) { return t.name == QLatin1String("shippers"); }));
    }

    void aRunOfAWrongDefinitionFailsBeforeItWritesAnything()
    {
        // Imported where nothing could be checked (no catalog of the table, the source not asked):
        // each run checks against the table and the lists as they are, and refuses.
        QVERIFY(CatalogRepository(*m_store).saveIntrospection(m_demo.database().id, {}, QDateTime::currentDateTimeUtc()).ok());
        auto imported = importDefinitions(*m_store, QJsonDocument(QJsonObject{{QStringLiteral("definitions"), wrongDefinitions()}}).toJson());
        QVERIFY(imported.ok());
        QVERIFY2(imported->ok(), imported->issues.isEmpty() ? "" : qPrintable(imported->issues.first().message));
        const QStringList reasons{QStringLiteral("$.mappings[1].source: compnay_name is not a column"),
            QStringLiteral("$.mappings[1].target: The list has no column company_nmae: provisioning creates the column for company_name as "
                           "company_name"),
            QStringLiteral("$.mappings[1].target: The list has no column title: provisioning creates the column for title as title_2"),
            QStringLiteral("The key (country) is not unique: %1 rows share country=Germany").arg(m_germans),
            QStringLiteral("The key (country) is not unique: 11 rows share country=Country "),
            QStringLiteral("$.sharding.rules[0].condition: Sharding rule 1 (to 'Discontinued', condition \"discontinued == 'yes'\")"),
            QStringLiteral("$.mappings[0].target: unit_price (numeric(10,2)) holds numbers")};
        const QJsonArray definitions = wrongDefinitions();
        for (int i = 0; i < definitions.size(); ++i) {
            const QString name = definitions.at(i)[QStringLiteral("name")].toString();
            const RunOutcome outcome = push(name);
            QCOMPARE(outcome.status, RunStatus::Failed);
            QVERIFY(outcome.error.has_value());
            QCOMPARE(outcome.error->code(), ErrorCode::InvalidInput);
            QVERIFY2(outcome.message.contains(reasons.at(i)), qPrintable(outcome.message));
            QCOMPARE(outcome.counters.created, 0);
        }
        QVERIFY2(listContents(QStringLiteral("DC ")).isEmpty(), "a list was provisioned for a wrong definition");
    }

    void aTwoWayDefinitionOverSeveralListsIsRefusedWithTheReason()
    {
        // Rules routing rows to two lists: a two-way definition is refused at the import, and a run of
        // one imported unchecked fails before it reads or writes anything, with the same reason.
        QJsonObject definition = routedByRule(QStringLiteral("Two ways over two lists"), QStringLiteral("discontinued == 1"));
        definition.insert(QStringLiteral("mode"), QStringLiteral("TWO_WAY"));
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(QJsonDocument(QJsonObject{{QStringLiteral("definitions"), QJsonArray{definition}}}).toJson());
        file.close();
        QProcess cli;
        startCliCommand(cli, {QStringLiteral("definitions"), QStringLiteral("import"), file.fileName()}, cliEnvironment());
        QVERIFY(cli.waitForFinished(120000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 65);
        const QString reason = QStringLiteral("A two-way definition syncs its table with exactly one list");
        QVERIFY2(err.contains(QStringLiteral("$.definitions[0].targets: ") + reason), qPrintable(err));
        QVERIFY(!DefinitionRepository(*m_store).byName(QStringLiteral("Two ways over two lists")).ok());

        QVERIFY(CatalogRepository(*m_store).saveIntrospection(m_demo.database().id, {}, QDateTime::currentDateTimeUtc()).ok());
        auto imported
            = importDefinitions(*m_store, QJsonDocument(QJsonObject{{QStringLiteral("definitions"), QJsonArray{definition}}}).toJson());
        QVERIFY(imported.ok() && imported->ok());
        QProcess run;
        startCli(run, QStringLiteral("Two ways over two lists"), {});
        QVERIFY(run.waitForFinished(120000));
        const QString said = QString::fromUtf8(run.readAllStandardOutput() + run.readAllStandardError());
        QVERIFY2(run.exitCode() != 0 && said.contains(reason), qPrintable(said));
        QVERIFY2(listContents(QStringLiteral("DC Two ways")).isEmpty(), "a list was provisioned for a refused definition");
    }

    void theAdviceFollowedRunsAndDeliversWhatWasMeant()
    {
        // A number written as text with FORMAT, a rule with a number: what the messages asked for.
        importDefinitionsJson({definitionOf(QStringLiteral("Prices"), QStringLiteral("products"), {{"unit_price", "Title", "FORMAT('0.00')"}, {"title", "title_2"}}),
            routedByRule(QStringLiteral("Routed"), QStringLiteral("discontinued == 1"))});
        const RunOutcome prices = push(QStringLiteral("Prices"));
        QVERIFY2(prices.status == RunStatus::Succeeded, qPrintable(prices.message));
        QCOMPARE(prices.counters.created, 77);
        const QJsonArray items = listContents(QStringLiteral("DC ")).value(QStringLiteral("Prices"));
        QCOMPARE(items.size(), 77);
        QVERIFY(std::any_of(items.cbegin(), items.cend(), [](const QJsonValue &item) {
            return item[QStringLiteral("fields")][QStringLiteral("Title")] == QStringLiteral("12.50") && item[QStringLiteral("fields")][QStringLiteral("title_2")] == QStringLiteral("T10");
        }));
        const RunOutcome routed = push(QStringLiteral("Routed"));
        QVERIFY2(routed.status == RunStatus::Succeeded, qPrintable(routed.message));
        QCOMPARE(m_emulator.itemCount(QStringLiteral("DC Routed Discontinued")), sql(QStringLiteral("SELECT count(*) FROM products WHERE discontinued = 1")).toInt());
        QVERIFY(m_emulator.itemCount(QStringLiteral("DC Routed Discontinued")) > 0);
    }
};

QTEST_GUILESS_MAIN(TestDefinitionCheck)
#include "tst_definitioncheck.moc"

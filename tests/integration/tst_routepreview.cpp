// The sharding designer's preview counts (SQL compiled from the rules, counted by PostgreSQL) against
// what the engine's own dry run routes, row by row, over the demo table.
#include "pushtestbase.h"
#include "pushoptions.h"

#include "source/introspector.h"
#include "source/pgsession.h"
#include "sync/routepreview.h"

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestRoutePreview : public PushTestBase
{
    Q_OBJECT

    std::unique_ptr<PgSession> m_session;
    TableInfo m_projects;

    SyncDefinition routesDefinition() { return DefinitionRepository(*m_store).byName(QStringLiteral("Routes")).value(); }

    void setRules(const QList<QPair<QString, QString>> &rules, const QString &defaultTarget)
    {
        SyncDefinition definition = routesDefinition();
        definition.sharding.rules.clear();
        for (const auto &rule : rules)
            definition.sharding.rules.append({QJsonValue(rule.first), rule.second});
        definition.sharding.defaultTargetName = defaultTarget;
        QVERIFY(DefinitionRepository(*m_store).save(definition).ok());
    }

    // The preview's rows per list must be the engine's planned creates per list, and its unmatched
    // rows the engine's unrouted ones (or the default list's extra share).
    void compareWithDryRun()
    {
        const SyncDefinition definition = routesDefinition();
        const auto preview = countRoutes(*m_session, definition, m_projects);
        QVERIFY2(preview.ok(), qPrintable(preview ? QString() : preview.error().message()));
        QCOMPARE(preview->totalRows, 5000);
        const RunOutcome planned = push(QStringLiteral("Routes"), pushOptions(1000, Test::dryRun));
        QCOMPARE(planned.status, RunStatus::Succeeded);
        qint64 routed = 0;
        for (const SyncTarget &target : definition.targets) {
            const qint64 creates = planned.plan.value(target.listName).value(QStringLiteral("create"));
            QCOMPARE(preview->rowsPerTarget.value(target.name), creates);
            routed += creates;
        }
        const qint64 unrouted = planned.plan.value(QStringLiteral("(no list)")).value(QStringLiteral("unrouted"));
        QCOMPARE(routed + unrouted, 5000);
        if (definition.sharding.defaultTargetName.isEmpty())
            QCOMPARE(preview->unmatchedRows, unrouted);
        QStringList rules, counts;
        for (const ShardingRule &rule : definition.sharding.rules)
            rules << rule.condition.toString();
        for (auto it = preview->rowsPerTarget.cbegin(); it != preview->rowsPerTarget.cend(); ++it)
            counts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        counts.sort();
        qInfo("rules %s → %s, unmatched %lld", qPrintable(rules.join(QStringLiteral(" | "))), qPrintable(counts.join(QLatin1Char(' '))), preview->unmatchedRows);
    }

private slots:
    void initTestCase()
    {
        startWith({definitionJson(QStringLiteral("Routes"), QStringLiteral("R "))});
        auto session = PgSession::open(m_demo.database(), [this](const DatabaseInstance &) -> Result<QString> { return m_postgres.password(); });
        QVERIFY(session.ok());
        m_session = std::move(*session);
        const auto tables = introspectTables(m_session->connection());
        QVERIFY(tables.ok());
        for (const TableInfo &table : *tables) {
            if (table.name == QLatin1String("projects"))
                m_projects = table;
        }
        QCOMPARE(m_projects.name, QStringLiteral("projects"));
    }

    void demoRulesCountAsTheEngineRoutes()
    {
        compareWithDryRun();
        const auto preview = countRoutes(*m_session, routesDefinition(), m_projects);
        QCOMPARE(preview->rowsPerRule.size(), 2);
        QCOMPARE(preview->rowsPerRule.at(0), sql(QStringLiteral("SELECT count(*) FROM projects WHERE budget_amount >= 4000000")).toLongLong());
    }

    void nullsNegationsAndEveryOperatorCountAsTheEngineRoutes()
    {
        // NOT over NULLs, IN, contains on arrays and text, starts with on unicode, dates, != null.
        setRules({{QStringLiteral("not (status in ('Active', 'On Hold') or tags contains 'infra')"), QStringLiteral("Large")},
                  {QStringLiteral("manager_email is null or start_date < '2021-06-30'"), QStringLiteral("Active")},
                  {QStringLiteral("name starts with 'Café' or name contains '🚀' or budget_amount != null and budget_amount < 1000000"), QStringLiteral("Other")}},
                 {});
        compareWithDryRun();
        setRules({{QStringLiteral("not budget_amount >= 2500000"), QStringLiteral("Large")}, {QStringLiteral("tags contains 'hr'"), QStringLiteral("Active")}},
                 QStringLiteral("Other"));
        compareWithDryRun();
    }

    void valuesOfTheWrongKindAreRefusedWithAdvice()
    {
        const QHash<QString, ColumnInfo> columns = [&] {
            QHash<QString, ColumnInfo> byName;
            for (const ColumnInfo &column : m_projects.columns)
                byName.insert(column.name, column);
            return byName;
        }();
        const auto refusal = [&](const QString &text) {
            auto compiled = compileCondition(parseCondition(text).value(), columns);
            return compiled ? QString() : compiled.error().message();
        };
        QVERIFY(refusal(QStringLiteral("budget_amount >= '1000'")).contains(QStringLiteral("holds numbers")));
        QVERIFY(refusal(QStringLiteral("status == 5")).contains(QStringLiteral("put the value in quotes")));
        QVERIFY(refusal(QStringLiteral("tags == 'infra'")).contains(QStringLiteral("use 'contains'")));
        QVERIFY(refusal(QStringLiteral("owner == 'ana'")).contains(QStringLiteral("'owner' is not a column")));
        QVERIFY(refusal(QStringLiteral("status == 'Active'")).isEmpty());

        setRules({{QStringLiteral("status == 'Active'"), QStringLiteral("Active")}, {QStringLiteral("start_date > 3"), QStringLiteral("Large")}}, {});
        const auto preview = countRoutes(*m_session, routesDefinition(), m_projects);
        QVERIFY(!preview.ok());
        QVERIFY2(preview.error().message().startsWith(
                     QStringLiteral("Sharding rule 2 (to 'Large', condition \"start_date > 3\"): 'start_date' holds dates")),
            qPrintable(preview.error().message()));
    }

    void valuesAreBoundNotSpliced()
    {
        setRules({{QStringLiteral("name == 'x''); DROP TABLE projects; --'"), QStringLiteral("Large")}}, QStringLiteral("Other"));
        const auto statement = routeCountSql(routesDefinition(), m_projects);
        QVERIFY(statement.ok());
        QVERIFY(!statement->sql.contains(QStringLiteral("DROP")));
        QCOMPARE(statement->parameters, QStringList{QStringLiteral("x'); DROP TABLE projects; --")});
        const auto preview = countRoutes(*m_session, routesDefinition(), m_projects);
        QVERIFY(preview.ok());
        QCOMPARE(preview->rowsPerTarget.value(QStringLiteral("Other")), 5000);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM projects")), QStringLiteral("5000"));
    }
};

QTEST_GUILESS_MAIN(TestRoutePreview)
#include "tst_routepreview.moc"

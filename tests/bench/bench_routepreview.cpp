// The sharding designer's live counts on a large table: the rules compiled to SQL and counted by
// PostgreSQL (what the designer does), side by side with the obvious alternative — reading every
// row and routing it in the client as the engine does. Both over the same 1,000,000 rows, with the
// designer's three rules and a default list; the counts must agree. Medians, printed.
#include "postgresfixture.h"
#include "testpaths.h"

#include "source/changereader.h"
#include "source/introspector.h"
#include "source/pgsession.h"
#include "sync/condition.h"
#include "sync/routepreview.h"
#include "sync/valueconverter.h"

#include <QElapsedTimer>
#include <QTest>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {
constexpr int tableRows = 1000000;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

SyncDefinition threeRules()
{
    SyncDefinition definition;
    definition.targetStrategy = TargetStrategy::Conditional;
    for (const char *name : {"Large", "Active", "Other"}) {
        SyncTarget target;
        target.name = QLatin1String(name);
        definition.targets << target;
    }
    definition.sharding.rules = {{QJsonValue(QStringLiteral("budget_amount >= 4000000")), QStringLiteral("Large")},
                                 {QJsonValue(QStringLiteral("status == 'Active' or status == 'On Hold'")), QStringLiteral("Active")},
                                 {QJsonValue(QStringLiteral("manager_email is not null and start_date >= '2024-01-01'")), QStringLiteral("Other")}};
    definition.sharding.defaultTargetName = QStringLiteral("Other");
    return definition;
}

// What counting without SQL costs: every row read (keyset pages), converted and routed in the client.
QHash<QString, qint64> countInTheClient(pqxx::connection &connection, const SyncDefinition &definition, const TableInfo &table)
{
    std::vector<Condition> rules;
    for (const ShardingRule &rule : definition.sharding.rules)
        rules.push_back(conditionFromJson(rule.condition).value());
    ChangeQuery query;
    query.schema = table.schema;
    query.table = table.name;
    for (const ColumnInfo &column : table.columns) {
        if (QStringList{QStringLiteral("id"), QStringLiteral("budget_amount"), QStringLiteral("status"), QStringLiteral("manager_email"), QStringLiteral("start_date")}.contains(column.name))
            query.columns << column;
    }
    query.keyColumns = {QStringLiteral("id")};
    query.pageSize = 10000;
    QHash<QString, qint64> counts;
    for (;;) {
        const auto page = readChanges(connection, query);
        if (!page || page->rows.isEmpty())
            break;
        for (const SourceRow &row : page->rows) {
            QHash<QString, QJsonValue> values;
            for (const ColumnInfo &column : std::as_const(query.columns))
                values.insert(column.name, toSharePointValue(column, row.values.value(column.name)).value());
            QString target = definition.sharding.defaultTargetName;
            for (size_t i = 0; i < rules.size(); ++i) {
                if (evaluate(rules[i], values)) {
                    target = definition.sharding.rules.at(int(i)).targetName;
                    break;
                }
            }
            ++counts[target];
        }
        query.afterKey = page->rows.constLast().keyValues;
        if (!page->more)
            break;
    }
    return counts;
}
} // namespace

class BenchRoutePreview : public QObject
{
    Q_OBJECT

private slots:
    void countingAMillionRowsPerList()
    {
        PostgresFixture postgres;
        QVERIFY(postgres.start().ok());
        QVERIFY(postgres.createDatabase(QStringLiteral("bench")).ok());
        QVERIFY(postgres.runSqlFile(QStringLiteral("bench"), demoSqlPath()).ok());
        QElapsedTimer fill;
        fill.start();
        const auto filled = postgres.query(QStringLiteral("bench"),
                               QStringLiteral("INSERT INTO projects (project_code, name, status, budget_amount, start_date, manager_email, tags)"
                                              " SELECT 'B-' || i, 'Project ' || i, (ARRAY['Planned','Active','On Hold','Completed','Cancelled'])[1 + i % 5]::project_status,"
                                              " CASE WHEN i % 17 = 0 THEN NULL ELSE (i::bigint * 7919) % 5000000 END,"
                                              " CASE WHEN i % 11 = 0 THEN NULL ELSE date '2020-01-01' + (i * 37) % 2500 END,"
                                              " CASE WHEN i % 7 = 0 THEN NULL ELSE 'p' || i || '@example.com' END, ARRAY['x']"
                                              " FROM generate_series(5001, %1) AS i; ANALYZE projects")
                                   .arg(tableRows));
        QVERIFY2(filled.ok(), qPrintable(filled ? QString() : filled.error().message()));
        qInfo("table of %d rows made in %.1f s", tableRows, fill.elapsed() / 1000.0);

        Database database = postgres.databaseConnection(QStringLiteral("bench"));
        database.instances[0].secretRef = QStringLiteral("postgres/bench");
        auto session = PgSession::open(database, [&](const DatabaseInstance &) -> Result<QString> { return postgres.password(); });
        QVERIFY2(session.ok(), qPrintable(session ? QString() : session.error().toString()));
        pqxx::connection &connection = (*session)->connection();
        const auto tables = introspectTables(connection);
        QVERIFY(tables.ok());
        const auto projects = std::find_if(tables->cbegin(), tables->cend(), [](const TableInfo &t) { return t.name == QLatin1String("projects"); });
        QVERIFY(projects != tables->cend());
        const SyncDefinition definition = threeRules();

        QList<double> sqlMs, clientMs;
        RoutePreview preview;
        for (int round = 0; round < 5; ++round) {
            QElapsedTimer timer;
            timer.start();
            auto counted = countRoutes(**session, definition, *projects);
            sqlMs << timer.nsecsElapsed() / 1e6;
            QVERIFY(counted.ok());
            preview = *counted;
        }
        QHash<QString, qint64> inClient;
        for (int round = 0; round < 3; ++round) {
            QElapsedTimer timer;
            timer.start();
            inClient = countInTheClient(connection, definition, *projects);
            clientMs << timer.nsecsElapsed() / 1e6;
        }
        QCOMPARE(preview.totalRows, qint64(tableRows));
        for (const SyncTarget &target : definition.targets)
            QCOMPARE(preview.rowsPerTarget.value(target.name), inClient.value(target.name));   // the same routing, two ways
        qInfo("rows per list: Large %lld, Active %lld, Other %lld (%lld matching no rule)", preview.rowsPerTarget.value(QStringLiteral("Large")),
              preview.rowsPerTarget.value(QStringLiteral("Active")), preview.rowsPerTarget.value(QStringLiteral("Other")), preview.unmatchedRows);
        qInfo("route preview over %d rows, 3 rules: SQL count median %.0f ms (rounds %s); reading and routing in the client median %.0f ms; %.1fx",
              tableRows, median(sqlMs), qPrintable([&] { QStringList r; for (double v : sqlMs) r << QString::number(v, 'f', 0); return r.join(QStringLiteral(", ")); }()),
              median(clientMs), median(clientMs) / median(sqlMs));
    }
};

QTEST_GUILESS_MAIN(BenchRoutePreview)
#include "bench_routepreview.moc"

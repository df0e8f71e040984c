// A drift check's figures (issue 18), printed, not asserted beyond "in sync": 100,000 rows routed
// across three lists, pushed once, then checked three times against the emulator with no latency and
// no throttling — seconds, rows per second and RU per check, medians of the three. The seeding push
// runs in this process too, so the peak RSS printed is an upper bound of the check's.
// SYNCBRIDGE_BENCH_DRIFT_ROWS sets the row count.
#include "../integration/drifttestbase.h"

#include <QElapsedTimer>

#include <sys/resource.h>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {

const int rowCount = qEnvironmentVariableIntValue("SYNCBRIDGE_BENCH_DRIFT_ROWS") > 0
    ? qEnvironmentVariableIntValue("SYNCBRIDGE_BENCH_DRIFT_ROWS")
    : 100000;
constexpr int rounds = 3;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

} // namespace

class BenchDrift : public DriftTestBase
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        startWith({});
        m_emulator.admin(
            "PATCH", QStringLiteral("/config"), {{QStringLiteral("throttling"), QJsonObject{{QStringLiteral("enabled"), false}}}});
        sql(QStringLiteral(
            "CREATE TABLE bench_drift (id integer PRIMARY KEY, name text NOT NULL, status text NOT NULL, amount numeric(12,2), "
            "updated_at timestamptz NOT NULL DEFAULT now() - interval '1 hour')"));
        sql(QStringLiteral("INSERT INTO bench_drift (id, name, status, amount) SELECT g, 'Row ' || g, "
                           "(ARRAY['Active', 'Planned', 'Done'])[g % 3 + 1], g * 1.5 FROM generate_series(1, %1) g")
                .arg(rowCount));
        const auto target = [](const char *name) {
            return QJsonObject{{QStringLiteral("name"), QLatin1String(name)}, {QStringLiteral("connection"), QStringLiteral("Emulator")},
                {QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:/sites/pmo")},
                {QStringLiteral("list"), QStringLiteral("B %1").arg(QLatin1String(name))}};
        };
        QJsonArray mappings;
        for (const char *column : {"status", "amount"})
            mappings.append(QJsonObject{{QStringLiteral("source"), QLatin1String(column)},
                {QStringLiteral("target"), QLatin1String(column)}, {QStringLiteral("direction"), QStringLiteral("PUSH_ONLY")}});
        mappings.append(QJsonObject{{QStringLiteral("source"), QStringLiteral("name")}, {QStringLiteral("target"), QStringLiteral("Title")},
            {QStringLiteral("direction"), QStringLiteral("PUSH_ONLY")}});
        importDefinitionsJson({QJsonObject{{QStringLiteral("name"), definitionName},
            {QStringLiteral("source"),
                QJsonObject{
                    {QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("bench_drift")}}},
            {QStringLiteral("cursor"),
                QJsonObject{
                    {QStringLiteral("strategy"), QStringLiteral("UPDATED_AT")}, {QStringLiteral("column"), QStringLiteral("updated_at")}}},
            {QStringLiteral("targetStrategy"), QStringLiteral("CONDITIONAL")},
            {QStringLiteral("targets"), QJsonArray{target("Active"), target("Planned"), target("Done")}},
            {QStringLiteral("sharding"),
                QJsonObject{{QStringLiteral("rules"),
                                QJsonArray{QJsonObject{{QStringLiteral("condition"), QStringLiteral("status == 'Active'")},
                                               {QStringLiteral("target"), QStringLiteral("Active")}},
                                    QJsonObject{{QStringLiteral("condition"), QStringLiteral("status == 'Planned'")},
                                        {QStringLiteral("target"), QStringLiteral("Planned")}}}},
                    {QStringLiteral("default"), QStringLiteral("Done")}}},
            {QStringLiteral("mappings"), mappings}}});
        QElapsedTimer pushTime;
        pushTime.start();
        const RunOutcome pushed = push(definitionName, pushOptions(1000));
        QVERIFY2(pushed.status == RunStatus::Succeeded, qPrintable(pushed.message));
        QCOMPARE(pushed.counters.created, rowCount);
        qInfo().noquote()
            << QStringLiteral("seeded %1 rows into 3 lists in %2 s").arg(rowCount).arg(pushTime.elapsed() / 1000.0, 0, 'f', 1);
    }

    void checkOfAllRows()
    {
        QList<double> seconds, rowsPerSecond, ru;
        for (int round = 0; round < rounds; ++round) {
            QElapsedTimer timer;
            timer.start();
            const DriftReport report = check();
            const double elapsed = timer.elapsed() / 1000.0;
            QVERIFY(report.inSync());
            QCOMPARE(report.totals.value(DriftClass::InSync), rowCount);
            seconds << elapsed;
            rowsPerSecond << rowCount / elapsed;
            ru << double(report.ruSpent);
            qInfo().noquote() << QStringLiteral("round %1: %2 s, %3 rows/s, %4 RU")
                                     .arg(round + 1)
                                     .arg(elapsed, 0, 'f', 2)
                                     .arg(rowCount / elapsed, 0, 'f', 0)
                                     .arg(report.ruSpent);
        }
        rusage usage{};
        getrusage(RUSAGE_SELF, &usage);
        qInfo().noquote() << QStringLiteral(
            "drift check of %1 rows against %1 items in 3 lists, median of %2: %3 s, %4 rows/s, %5 RU; peak RSS of the process %6 MB")
                                 .arg(rowCount)
                                 .arg(rounds)
                                 .arg(median(seconds), 0, 'f', 2)
                                 .arg(median(rowsPerSecond), 0, 'f', 0)
                                 .arg(median(ru), 0, 'f', 0)
                                 .arg(usage.ru_maxrss / 1024);
    }
};

QTEST_GUILESS_MAIN(BenchDrift)
#include "bench_drift.moc"

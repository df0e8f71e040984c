// A drift check's figures (issue 18), printed, not asserted beyond "in sync": 100,000 rows routed
// across three lists, pushed once, then checked three times against the emulator with no latency and
// no throttling — seconds, rows per second and RU per check, medians of the three — once reading the
// table before the lists (as checks did first), once reading both at once. The seeding push
// runs in this process too: before each check the freed heap goes back to the system and the
// kernel's peak-RSS mark is reset, so the peak printed is the check's own.
// SYNCBRIDGE_BENCH_DRIFT_ROWS sets the row count (the figure is for 1,000,000).
#include "../integration/drifttestbase.h"

#include <QElapsedTimer>
#include <QFile>

#include <malloc.h>
#include <sys/resource.h>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {

const int rowCount = qEnvironmentVariableIntValue("SYNCBRIDGE_BENCH_DRIFT_ROWS") > 0
    ? qEnvironmentVariableIntValue("SYNCBRIDGE_BENCH_DRIFT_ROWS")
    : 100000;
constexpr int rounds = 3;

// Linux: writing 5 to clear_refs resets VmHWM to the current RSS.
void resetPeakMemory()
{
    malloc_trim(0);
    QFile refs(QStringLiteral("/proc/self/clear_refs"));
    if (refs.open(QIODevice::WriteOnly))
        refs.write("5");
}

double statusMegabytes(const QByteArray &field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(field + ':'))
            return line.mid(field.size() + 1).trimmed().split(' ').constFirst().toDouble() / 1024.0;
    }
    return 0;
}

// This process's CPU seconds so far (user and system): a figure the machine's other load does not inflate.
double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec + (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The machine's 1, 5 and 15 minute load: the bench shares it (builds, other benches).
QString loadAverage()
{
    QFile load(QStringLiteral("/proc/loadavg"));
    if (!load.open(QIODevice::ReadOnly))
        return QStringLiteral("unknown");
    return QString::fromLatin1(load.readAll().split(' ').mid(0, 3).join(' '));
}

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
        // Seeding a million rows spends 2,000,000 RU: more than a tenant's day (1,200,000), which
        // the governor would rightly wait a day for.
        GovernorSettings unlimited;
        unlimited.ruPerWindow = 1000000;
        unlimited.ruPerDay = 100000000;
        m_governor = std::make_shared<Governor>(unlimited);
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

    // The table read before the lists (as checks did first), then both at once: one session, one seeding.
    void checkOfAllRows_data()
    {
        QTest::addColumn<bool>("tableFirst");
        QTest::newRow("table, then lists") << true;
        QTest::newRow("table and lists at once") << false;
    }

    void checkOfAllRows()
    {
        QFETCH(const bool, tableFirst);
        const QString order = QString::fromLatin1(QTest::currentDataTag());
        QList<double> seconds, rowsPerSecond, ru, peak, cpu;
        for (int round = 0; round < rounds; ++round) {
            resetPeakMemory();
            const double before = statusMegabytes("VmRSS");
            const double cpuBefore = cpuSeconds();
            QElapsedTimer timer;
            timer.start();
            DriftCheck drift(
                m_store, m_secrets, [this](const SharePointConnection &) { return m_governor; }, idOf(definitionName));
            drift.setTableReadFirst(tableFirst);
            QMap<QString, qint64> stepStarted;
            QObject::connect(&drift, &DriftCheck::progress, &drift, [&](const QString &step) {
                if (!stepStarted.contains(step))
                    stepStarted.insert(step, timer.elapsed());
            });
            await<bool>([&](auto done) {
                QObject::connect(&drift, &DriftCheck::finished, &drift, [done]() { done(true); });
                drift.start();
            });
            QVERIFY2(!drift.error(), qPrintable(drift.error() ? drift.error()->toString() : QString()));
            const DriftReport report = drift.report();
            const double elapsed = timer.elapsed() / 1000.0;
            cpu << cpuSeconds() - cpuBefore;
            QStringList steps;
            for (auto step = stepStarted.constBegin(); step != stepStarted.constEnd(); ++step)
                steps << QStringLiteral("%1 from %2 s").arg(step.key()).arg(step.value() / 1000.0, 0, 'f', 1);
            qInfo().noquote() << QStringLiteral("%1, round %2 steps: %3").arg(order).arg(round + 1).arg(steps.join(QStringLiteral("; ")));
            QVERIFY(report.inSync());
            QCOMPARE(report.totals.value(DriftClass::InSync), rowCount);
            seconds << elapsed;
            rowsPerSecond << rowCount / elapsed;
            ru << double(report.ruSpent);
            peak << statusMegabytes("VmHWM");
            qInfo().noquote() << QStringLiteral("%1, round %2: %3 s (CPU of the check's process %8 s), %4 rows/s, %5 RU, peak RSS %6 MB "
                                                "(%7 MB before the check); load average %9")
                                     .arg(order)
                                     .arg(round + 1)
                                     .arg(elapsed, 0, 'f', 2)
                                     .arg(rowCount / elapsed, 0, 'f', 0)
                                     .arg(report.ruSpent)
                                     .arg(peak.constLast(), 0, 'f', 0)
                                     .arg(before, 0, 'f', 0)
                                     .arg(cpu.constLast(), 0, 'f', 2)
                                     .arg(loadAverage());
        }
        qInfo().noquote() << QStringLiteral("drift check of %1 rows against %1 items in 3 lists (%2), median of %3: %4 s (CPU %8 s), "
                                            "%5 rows/s, %6 RU; peak RSS during the check %7 MB")
                                 .arg(rowCount)
                                 .arg(order)
                                 .arg(rounds)
                                 .arg(median(seconds), 0, 'f', 2)
                                 .arg(median(rowsPerSecond), 0, 'f', 0)
                                 .arg(median(ru), 0, 'f', 0)
                                 .arg(median(peak), 0, 'f', 0)
                                 .arg(median(cpu), 0, 'f', 2);
    }
};

QTEST_GUILESS_MAIN(BenchDrift)
#include "bench_drift.moc"

// Issue 15's figure: the next occurrence of 1,000 schedules takes under 10 ms. 1,000 cron
// expressions of every form (presets, steps, lists, names, both day fields) in eight zones with and
// without DST, parsed once; then the next occurrence of each after one instant, and after an
// instant just before a DST change. Medians of nine rounds, printed.
#include "schedule/cronschedule.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

using namespace SyncBridge;

namespace {

constexpr int scheduleCount = 1000;
constexpr int rounds = 9;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

QString randomExpression(QRandomGenerator &random)
{
    static const QStringList presets{QStringLiteral("@hourly"), QStringLiteral("@daily"), QStringLiteral("@weekly"),
        QStringLiteral("@monthly"), QStringLiteral("@yearly"), QStringLiteral("*/15 * * * *"), QStringLiteral("30 2 * * mon-fri"),
        QStringLiteral("0 9-17 * * 1-5"), QStringLiteral("0 0 1 * mon"), QStringLiteral("5/10 1-23/2 */3 jan-jun 0-7")};
    if (random.bounded(2) == 0)
        return presets.at(random.bounded(int(presets.size())));
    return QStringLiteral("%1 %2 %3 * %4")
        .arg(random.bounded(60))
        .arg(random.bounded(2) ? QString::number(random.bounded(24)) : QStringLiteral("*/%1").arg(random.bounded(1, 12)))
        .arg(random.bounded(3) ? QStringLiteral("*") : QString::number(random.bounded(1, 29)))
        .arg(random.bounded(2) ? QStringLiteral("*") : QStringLiteral("%1-%2").arg(random.bounded(0, 3)).arg(random.bounded(3, 7)));
}

} // namespace

class BenchSchedules : public QObject
{
    Q_OBJECT

private slots:
    void nextOccurrenceOfOneThousandSchedules()
    {
        const char *const zones[] = {"America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Tokyo", "UTC", "America/Sao_Paulo",
            "Asia/Kolkata", "Pacific/Auckland"};
        QRandomGenerator random(15);
        QList<CronSchedule> schedules;
        QElapsedTimer parsing;
        parsing.start();
        for (int i = 0; i < scheduleCount; ++i) {
            auto schedule = CronSchedule::parse(randomExpression(random), QLatin1String(zones[i % std::size(zones)]));
            QVERIFY(schedule.ok());
            schedules << *schedule;
        }
        const double parseMs = parsing.nsecsElapsed() / 1e6;

        const auto measure = [&](const QDateTime &after) {
            QList<double> times;
            int found = 0;
            for (int round = 0; round < rounds; ++round) {
                QElapsedTimer timer;
                timer.start();
                found = 0;
                for (const CronSchedule &schedule : std::as_const(schedules))
                    found += schedule.next(after).has_value() ? 1 : 0;
                times << timer.nsecsElapsed() / 1e6;
            }
            return std::pair{median(times), found};
        };
        const auto [ordinaryMs, ordinaryFound] = measure(QDateTime(QDate(2026, 12, 2), QTime(5, 14), Qt::UTC));
        // 2026-11-01 05:30Z: New York's first pass of its repeated hour.
        const auto [dstMs, dstFound] = measure(QDateTime(QDate(2026, 11, 1), QTime(5, 30), Qt::UTC));
        qInfo("parsing %d schedules: %.2f ms", scheduleCount, parseMs);
        qInfo("next occurrence of %d schedules: %.2f ms (median of %d rounds; %d found)", scheduleCount, ordinaryMs, rounds, ordinaryFound);
        qInfo("next occurrence of %d schedules around a DST change: %.2f ms (median of %d rounds; %d found)", scheduleCount, dstMs, rounds,
            dstFound);
        QCOMPARE(ordinaryFound, scheduleCount);
        QCOMPARE(dstFound, scheduleCount);
    }
};

QTEST_GUILESS_MAIN(BenchSchedules)
#include "bench_schedules.moc"

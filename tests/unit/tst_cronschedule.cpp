// Next occurrences of a cron expression in a time zone, and the DST rule (docs/schedules.md) in the
// style of croniter's DST tests: for both changes of 2026 in New York, Berlin, Lord Howe (a
// 30-minute change) and zones without DST, a table of the instants expected after a given one.
#include "schedule/cronschedule.h"

#include <QTest>

using namespace SyncBridge;

namespace {

QDateTime utc(const char *text)
{
    QDateTime at = QDateTime::fromString(QLatin1String(text), Qt::ISODate);
    at.setTimeSpec(Qt::UTC);
    return at;
}

CronSchedule schedule(const QString &cron, const QString &zone)
{
    auto parsed = CronSchedule::parse(cron, zone);
    if (!parsed)
        qFatal("%s: %s", qPrintable(cron), qPrintable(parsed.error().message()));
    return *parsed;
}

QString isoList(const QList<QDateTime> &instants, const QTimeZone &zone = QTimeZone())
{
    QStringList texts;
    for (const QDateTime &instant : instants)
        texts << (zone.isValid() ? instant.toTimeZone(zone).toString(QStringLiteral("MM-dd HH:mm t")) : instant.toString(Qt::ISODate));
    return texts.join(QStringLiteral(", "));
}

} // namespace

class TestCronSchedule : public QObject
{
    Q_OBJECT

private slots:
    void nextOccurrences_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QDateTime>("after");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("every minute") << QStringLiteral("* * * * *") << QStringLiteral("UTC") << utc("2026-12-02T05:14:38")
                                      << QStringList{"2026-12-02T05:15:00Z", "2026-12-02T05:16:00Z"};
        QTest::newRow("strictly after an occurrence")
            << QStringLiteral("30 2 * * *") << QStringLiteral("UTC") << utc("2026-12-02T02:30:00") << QStringList{"2026-12-03T02:30:00Z"};
        QTest::newRow("year end") << QStringLiteral("0 0 1 1 *") << QStringLiteral("Europe/Berlin") << utc("2026-12-02T00:00:00")
                                  << QStringList{"2026-12-31T23:00:00Z", "2027-12-31T23:00:00Z"};
        QTest::newRow("weekdays") << QStringLiteral("30 2 * * mon-fri") << QStringLiteral("UTC") << utc("2026-12-04T03:00:00") // a Friday
                                  << QStringList{"2026-12-07T02:30:00Z", "2026-12-08T02:30:00Z"};
        QTest::newRow("day of month or day of week")
            << QStringLiteral("0 12 1 * sun") << QStringLiteral("UTC") << utc("2026-12-02T00:00:00")
            << QStringList{"2026-12-06T12:00:00Z", "2026-12-13T12:00:00Z", "2026-12-20T12:00:00Z", "2026-12-27T12:00:00Z",
                   "2027-01-01T12:00:00Z", "2027-01-03T12:00:00Z"};
        QTest::newRow("29 February") << QStringLiteral("0 0 29 2 *") << QStringLiteral("UTC") << utc("2026-12-02T00:00:00")
                                     << QStringList{"2028-02-29T00:00:00Z", "2032-02-29T00:00:00Z"};
        QTest::newRow("31st skips short months") << QStringLiteral("0 0 31 * *") << QStringLiteral("UTC") << utc("2027-01-31T00:00:00")
                                                 << QStringList{"2027-03-31T00:00:00Z", "2027-05-31T00:00:00Z"};
        QTest::newRow("every 15 minutes in Tokyo")
            << QStringLiteral("*/15 9 * * *") << QStringLiteral("Asia/Tokyo") << utc("2026-12-02T00:50:00")
            << QStringList{"2026-12-03T00:00:00Z", "2026-12-03T00:15:00Z"};
    }

    void nextOccurrences()
    {
        QFETCH(QString, cron);
        QFETCH(QString, zone);
        QFETCH(QDateTime, after);
        QFETCH(QStringList, expected);
        const QList<QDateTime> runs = schedule(cron, zone).next(after, int(expected.size()));
        QCOMPARE(isoList(runs), expected.join(QStringLiteral(", ")));
        for (const QDateTime &run : runs)
            QCOMPARE(run.timeSpec(), Qt::UTC);
    }

    void subSecondAfterStillFindsTheSameMinute()
    {
        const CronSchedule everyMinute = schedule(QStringLiteral("* * * * *"), QStringLiteral("UTC"));
        QCOMPARE(everyMinute.next(utc("2026-12-02T05:14:59").addMSecs(999)), utc("2026-12-02T05:15:00"));
        QCOMPARE(everyMinute.next(utc("2026-12-02T05:15:00")), utc("2026-12-02T05:16:00"));
    }

    void anImpossibleDateNeverRuns()
    {
        const CronSchedule never = schedule(QStringLiteral("0 0 30 2 *"), QStringLiteral("Europe/Berlin"));
        QVERIFY(!never.next(utc("2026-12-02T00:00:00")).has_value());
        QVERIFY(never.next(utc("2026-12-02T00:00:00"), 3).isEmpty());
        QVERIFY(!schedule(QStringLiteral("* * * * *"), QStringLiteral("UTC")).next(QDateTime()).has_value());
    }

    void aBadTimeZoneIsAnError()
    {
        const auto parsed = CronSchedule::parse(QStringLiteral("0 0 * * *"), QStringLiteral("Mars/Olympus_Mons"));
        QVERIFY(!parsed.ok());
        QCOMPARE(parsed.error().message(), QStringLiteral("'Mars/Olympus_Mons' is not a known IANA time zone"));
        QVERIFY(!CronSchedule::parse(QStringLiteral("0 0 * *"), QStringLiteral("UTC")).ok());
        const auto local = CronSchedule::parse(QStringLiteral("0 0 * * *"), QString());
        QVERIFY(local.ok());
        QCOMPARE(local->zone(), QTimeZone::systemTimeZone());
    }

    // zone, which change, schedule, after (UTC), the runs expected (UTC). Local times in comments.
    void daylightSavingTime_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("cron");
        QTest::addColumn<QDateTime>("after");
        QTest::addColumn<QStringList>("expected");

        // New York springs forward on 2026-03-08 at 02:00 EST to 03:00 EDT (07:00Z).
        const QString ny = QStringLiteral("America/New_York");
        QTest::newRow("New York spring: 02:30 runs at 03:00 EDT") << ny << QStringLiteral("30 2 * * *") << utc("2026-03-07T12:00:00")
                                                                  << QStringList{"2026-03-08T07:00:00Z", "2026-03-09T06:30:00Z"};
        QTest::newRow("New York spring: 02:00 runs at 03:00 EDT") << ny << QStringLiteral("0 2 * * *") << utc("2026-03-07T12:00:00")
                                                                  << QStringList{"2026-03-08T07:00:00Z", "2026-03-09T06:00:00Z"};
        QTest::newRow("New York spring: 02:00 and 03:00 run once")
            << ny << QStringLiteral("0 2,3 * * *") << utc("2026-03-07T12:00:00")
            << QStringList{"2026-03-08T07:00:00Z", "2026-03-09T06:00:00Z", "2026-03-09T07:00:00Z"};
        QTest::newRow("New York spring: 01:30 EST unaffected") << ny << QStringLiteral("30 1 * * *") << utc("2026-03-07T12:00:00")
                                                               << QStringList{"2026-03-08T06:30:00Z", "2026-03-09T05:30:00Z"};
        QTest::newRow("New York spring: hourly follows the clock")
            << ny << QStringLiteral("0 * * * *") << utc("2026-03-08T05:30:00")
            << QStringList{"2026-03-08T06:00:00Z", "2026-03-08T07:00:00Z", "2026-03-08T08:00:00Z"};
        QTest::newRow("New York spring: */30 follows the clock")
            << ny << QStringLiteral("*/30 * * * *") << utc("2026-03-08T06:10:00")
            << QStringList{"2026-03-08T06:30:00Z", "2026-03-08T07:00:00Z", "2026-03-08T07:30:00Z"};
        // New York falls back on 2026-11-01 at 02:00 EDT to 01:00 EST (06:00Z): 01:00–01:59 twice.
        QTest::newRow("New York autumn: 01:30 runs once, EDT") << ny << QStringLiteral("30 1 * * *") << utc("2026-10-31T12:00:00")
                                                               << QStringList{"2026-11-01T05:30:00Z", "2026-11-02T06:30:00Z"};
        QTest::newRow("New York autumn: not again in the second 01:30")
            << ny << QStringLiteral("30 1 * * *") << utc("2026-11-01T05:45:00") << QStringList{"2026-11-02T06:30:00Z"};
        QTest::newRow("New York autumn: 02:00 EST") << ny << QStringLiteral("0 2 * * *") << utc("2026-10-31T12:00:00")
                                                    << QStringList{"2026-11-01T07:00:00Z", "2026-11-02T07:00:00Z"};
        QTest::newRow("New York autumn: hourly follows the clock")
            << ny << QStringLiteral("0 * * * *") << utc("2026-11-01T04:30:00")
            << QStringList{"2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z"};
        QTest::newRow("New York autumn: */30 at 1 runs in both passes")
            << ny << QStringLiteral("*/30 1 * * *") << utc("2026-11-01T04:00:00")
            << QStringList{
                   "2026-11-01T05:00:00Z", "2026-11-01T05:30:00Z", "2026-11-01T06:00:00Z", "2026-11-01T06:30:00Z", "2026-11-02T06:00:00Z"};
        QTest::newRow("New York autumn: from the first pass to the second")
            << ny << QStringLiteral("10 * * * *") << utc("2026-11-01T05:30:00")
            << QStringList{"2026-11-01T06:10:00Z", "2026-11-01T07:10:00Z"};

        // Berlin springs forward on 2026-03-29 at 02:00 CET to 03:00 CEST (01:00Z).
        const QString berlin = QStringLiteral("Europe/Berlin");
        QTest::newRow("Berlin spring: 02:30 runs at 03:00 CEST") << berlin << QStringLiteral("30 2 * * *") << utc("2026-03-28T12:00:00")
                                                                 << QStringList{"2026-03-29T01:00:00Z", "2026-03-30T00:30:00Z"};
        QTest::newRow("Berlin spring: 03:15 CEST") << berlin << QStringLiteral("15 3 * * *") << utc("2026-03-28T12:00:00")
                                                   << QStringList{"2026-03-29T01:15:00Z", "2026-03-30T01:15:00Z"};
        QTest::newRow("Berlin spring: hourly follows the clock")
            << berlin << QStringLiteral("0 * * * *") << utc("2026-03-28T23:30:00")
            << QStringList{"2026-03-29T00:00:00Z", "2026-03-29T01:00:00Z", "2026-03-29T02:00:00Z"};
        // Berlin falls back on 2026-10-25 at 03:00 CEST to 02:00 CET (01:00Z): 02:00–02:59 twice.
        QTest::newRow("Berlin autumn: 02:30 runs once, CEST") << berlin << QStringLiteral("30 2 * * *") << utc("2026-10-24T12:00:00")
                                                              << QStringList{"2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z"};
        QTest::newRow("Berlin autumn: hourly follows the clock")
            << berlin << QStringLiteral("0 * * * *") << utc("2026-10-24T23:30:00")
            << QStringList{"2026-10-25T00:00:00Z", "2026-10-25T01:00:00Z", "2026-10-25T02:00:00Z"};
        QTest::newRow("Berlin autumn: */20 at 2 runs in both passes")
            << berlin << QStringLiteral("*/20 2 * * *") << utc("2026-10-24T23:30:00")
            << QStringList{"2026-10-25T00:00:00Z", "2026-10-25T00:20:00Z", "2026-10-25T00:40:00Z", "2026-10-25T01:00:00Z",
                   "2026-10-25T01:20:00Z", "2026-10-25T01:40:00Z", "2026-10-26T01:00:00Z"};

        // Lord Howe (+10:30, summer +11) springs forward half an hour on 2026-10-04 at 02:00 to 02:30
        // (2026-10-03 15:30Z).
        const QString lordHowe = QStringLiteral("Australia/Lord_Howe");
        QTest::newRow("Lord Howe spring: 02:15 runs at 02:30") << lordHowe << QStringLiteral("15 2 * * *") << utc("2026-10-03T00:00:00")
                                                               << QStringList{"2026-10-03T15:30:00Z", "2026-10-04T15:15:00Z"};
        QTest::newRow("Lord Howe spring: 02:45 exists") << lordHowe << QStringLiteral("45 2 * * *") << utc("2026-10-03T00:00:00")
                                                        << QStringList{"2026-10-03T15:45:00Z", "2026-10-04T15:45:00Z"};
        QTest::newRow("Lord Howe spring: 02:00 and 02:15 run once")
            << lordHowe << QStringLiteral("0,15 2 * * *") << utc("2026-10-03T00:00:00")
            << QStringList{"2026-10-03T15:30:00Z", "2026-10-04T15:00:00Z", "2026-10-04T15:15:00Z"};
        QTest::newRow("Lord Howe spring: */15 follows the clock")
            << lordHowe << QStringLiteral("*/15 * * * *") << utc("2026-10-03T15:00:00")
            << QStringList{"2026-10-03T15:15:00Z", "2026-10-03T15:30:00Z", "2026-10-03T15:45:00Z"};
        QTest::newRow("Lord Howe spring: hourly skips 02:00") << lordHowe << QStringLiteral("0 * * * *") << utc("2026-10-03T14:00:00")
                                                              << QStringList{"2026-10-03T14:30:00Z", "2026-10-03T16:00:00Z"};
        // Lord Howe falls back on 2026-04-05 at 02:00 (+11) to 01:30 (+10:30) (2026-04-04 15:00Z).
        QTest::newRow("Lord Howe autumn: 01:45 runs once, +11") << lordHowe << QStringLiteral("45 1 * * *") << utc("2026-04-04T00:00:00")
                                                                << QStringList{"2026-04-04T14:45:00Z", "2026-04-05T15:15:00Z"};
        QTest::newRow("Lord Howe autumn: 01:15 before the repeat") << lordHowe << QStringLiteral("15 1 * * *") << utc("2026-04-04T00:00:00")
                                                                   << QStringList{"2026-04-04T14:15:00Z", "2026-04-05T14:45:00Z"};
        QTest::newRow("Lord Howe autumn: 02:00 after the repeat") << lordHowe << QStringLiteral("0 2 * * *") << utc("2026-04-04T00:00:00")
                                                                  << QStringList{"2026-04-04T15:30:00Z", "2026-04-05T15:30:00Z"};
        QTest::newRow("Lord Howe autumn: */15 follows the clock")
            << lordHowe << QStringLiteral("*/15 * * * *") << utc("2026-04-04T14:20:00")
            << QStringList{
                   "2026-04-04T14:30:00Z", "2026-04-04T14:45:00Z", "2026-04-04T15:00:00Z", "2026-04-04T15:15:00Z", "2026-04-04T15:30:00Z"};

        // Zones without DST: the same days change nothing.
        const QString tokyo = QStringLiteral("Asia/Tokyo");
        QTest::newRow("Tokyo on New York's spring day") << tokyo << QStringLiteral("30 2 * * *") << utc("2026-03-07T12:00:00")
                                                        << QStringList{"2026-03-07T17:30:00Z", "2026-03-08T17:30:00Z"};
        QTest::newRow("Tokyo on New York's autumn day")
            << tokyo << QStringLiteral("0 * * * *") << utc("2026-11-01T04:30:00")
            << QStringList{"2026-11-01T05:00:00Z", "2026-11-01T06:00:00Z", "2026-11-01T07:00:00Z"};
        QTest::newRow("UTC on Berlin's spring day") << QStringLiteral("UTC") << QStringLiteral("30 2 * * *") << utc("2026-03-29T00:00:00")
                                                    << QStringList{"2026-03-29T02:30:00Z", "2026-03-30T02:30:00Z"};
        QTest::newRow("UTC on Berlin's autumn day") << QStringLiteral("UTC") << QStringLiteral("30 2 * * *") << utc("2026-10-25T00:00:00")
                                                    << QStringList{"2026-10-25T02:30:00Z", "2026-10-26T02:30:00Z"};
    }

    void daylightSavingTime()
    {
        QFETCH(QString, zone);
        QFETCH(QString, cron);
        QFETCH(QDateTime, after);
        QFETCH(QStringList, expected);
        const CronSchedule s = schedule(cron, zone);
        const QList<QDateTime> runs = s.next(after, int(expected.size()));
        // The table for docs/schedules.md and the report: expected and computed, in UTC and local.
        qInfo().noquote() << QStringLiteral("| %1 | %2 | `%3` | %4 | %5 | %6 (%7) |")
                                 .arg(QLatin1String(QTest::currentDataTag()), zone, cron, after.toString(Qt::ISODate),
                                     expected.join(QStringLiteral(", ")), isoList(runs), isoList(runs, s.zone()));
        QCOMPARE(isoList(runs), expected.join(QStringLiteral(", ")));
    }
};

QTEST_GUILESS_MAIN(TestCronSchedule)
#include "tst_cronschedule.moc"

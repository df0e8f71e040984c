// Missed runs: what an agent runs when it looks at a schedule — on time, one catch-up after being
// away (CATCH_UP_ONCE) or nothing (SKIP) — never a burst, and the occurrence to wait for next.
#include "schedule/missedruns.h"

#include <QTest>

using namespace SyncBridge;

namespace {

QDateTime utc(const char *text)
{
    QDateTime at = QDateTime::fromString(QLatin1String(text), Qt::ISODate);
    at.setTimeSpec(Qt::UTC);
    return at;
}

CronSchedule schedule(const char *cron, const char *zone = "UTC")
{
    auto parsed = CronSchedule::parse(QLatin1String(cron), QLatin1String(zone));
    if (!parsed)
        qFatal("%s", qPrintable(parsed.error().message()));
    return *parsed;
}

QString text(const std::optional<QDateTime> &at)
{
    return at ? at->toString(Qt::ISODate) : QStringLiteral("none");
}

} // namespace

class TestMissedRuns : public QObject
{
    Q_OBJECT

private slots:
    void decisions_data()
    {
        QTest::addColumn<QString>("cron");
        QTest::addColumn<QDateTime>("lastRun");
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<int>("policy");
        QTest::addColumn<QString>("runNow");
        QTest::addColumn<bool>("catchUp");
        QTest::addColumn<bool>("missed");
        QTest::addColumn<QString>("next");
        const int catchUp = int(MissedRunPolicy::CatchUpOnce);
        const int skip = int(MissedRunPolicy::Skip);

        QTest::newRow("nothing due yet") << QStringLiteral("30 2 * * *") << utc("2026-12-02T02:30:00") << utc("2026-12-02T12:00:00")
                                         << catchUp << QStringLiteral("none") << false << false << QStringLiteral("2026-12-03T02:30:00Z");
        QTest::newRow("due now") << QStringLiteral("30 2 * * *") << utc("2026-12-01T02:30:00") << utc("2026-12-02T02:30:00") << skip
                                 << QStringLiteral("2026-12-02T02:30:00Z") << false << false << QStringLiteral("2026-12-03T02:30:00Z");
        QTest::newRow("due a few seconds ago is on time, even under SKIP")
            << QStringLiteral("30 2 * * *") << utc("2026-12-01T02:30:00") << utc("2026-12-02T02:30:45") << skip
            << QStringLiteral("2026-12-02T02:30:00Z") << false << false << QStringLiteral("2026-12-03T02:30:00Z");
        QTest::newRow("one missed, caught up") << QStringLiteral("30 2 * * *") << utc("2026-12-01T02:30:00") << utc("2026-12-02T09:00:00")
                                               << catchUp << QStringLiteral("2026-12-02T02:30:00Z") << true << false
                                               << QStringLiteral("2026-12-03T02:30:00Z");
        QTest::newRow("one missed, skipped") << QStringLiteral("30 2 * * *") << utc("2026-12-01T02:30:00") << utc("2026-12-02T09:00:00")
                                             << skip << QStringLiteral("none") << false << true << QStringLiteral("2026-12-03T02:30:00Z");
        QTest::newRow("a week asleep: one catch-up, the latest")
            << QStringLiteral("30 2 * * *") << utc("2026-11-24T02:30:00") << utc("2026-12-02T09:00:00") << catchUp
            << QStringLiteral("2026-12-02T02:30:00Z") << true << true << QStringLiteral("2026-12-03T02:30:00Z");
        QTest::newRow("a month of every minute asleep: one run")
            << QStringLiteral("* * * * *") << utc("2026-11-01T00:00:00") << utc("2026-12-02T09:00:30") << catchUp
            << QStringLiteral("2026-12-02T09:00:00Z") << false << true << QStringLiteral("2026-12-02T09:01:00Z");
        QTest::newRow("a year asleep, yearly schedule")
            << QStringLiteral("@yearly") << utc("2024-06-01T00:00:00") << utc("2026-12-02T09:00:00") << catchUp
            << QStringLiteral("2026-01-01T00:00:00Z") << true << true << QStringLiteral("2027-01-01T00:00:00Z");
        QTest::newRow("new schedule made after the day's time")
            << QStringLiteral("0 6 * * *") << utc("2026-12-02T08:00:00") << utc("2026-12-02T09:00:00") << catchUp << QStringLiteral("none")
            << false << false << QStringLiteral("2026-12-03T06:00:00Z");
        QTest::newRow("clock set back: nothing runs twice")
            << QStringLiteral("0 * * * *") << utc("2026-12-02T09:00:00") << utc("2026-12-02T08:30:00") << catchUp << QStringLiteral("none")
            << false << false << QStringLiteral("2026-12-02T10:00:00Z");
        QTest::newRow("in a time zone") << QStringLiteral("0 6 * * *") << utc("2026-12-01T05:00:00") << utc("2026-12-02T07:00:00")
                                        << catchUp << QStringLiteral("2026-12-02T05:00:00Z") << true << false
                                        << QStringLiteral("2026-12-03T05:00:00Z");
        QTest::newRow("never again") << QStringLiteral("0 0 30 2 *") << utc("2026-12-01T00:00:00") << utc("2026-12-02T00:00:00") << catchUp
                                     << QStringLiteral("none") << false << false << QStringLiteral("none");
    }

    void decisions()
    {
        QFETCH(QString, cron);
        QFETCH(QDateTime, lastRun);
        QFETCH(QDateTime, now);
        QFETCH(int, policy);
        QFETCH(QString, runNow);
        QFETCH(bool, catchUp);
        QFETCH(bool, missed);
        QFETCH(QString, next);
        const char *zone = QByteArray(QTest::currentDataTag()) == "in a time zone" ? "Europe/Berlin" : "UTC";
        const ScheduleDecision decision = decideRun(schedule(qPrintable(cron), zone), lastRun, now, MissedRunPolicy(policy));
        QCOMPARE(text(decision.runNow), runNow);
        QCOMPARE(decision.catchUp, catchUp);
        QCOMPARE(decision.missed, missed);
        QCOMPARE(text(decision.next), next);
    }

    // An agent that runs what it is told and remembers it runs each occurrence once, and after a
    // long sleep only one — never a burst.
    void anAgentLoopNeverBursts()
    {
        const CronSchedule everyTenMinutes = schedule("*/10 * * * *");
        QDateTime last = utc("2026-12-02T00:00:00");
        QList<QDateTime> ran;
        // Awake for an hour, looking every minute; asleep until 06:05; awake until 07:00.
        QList<QDateTime> looks;
        for (int minute = 1; minute <= 60; ++minute)
            looks << last.addSecs(minute * 60);
        for (int minute = 365; minute <= 420; ++minute)
            looks << last.addSecs(minute * 60);
        int catchUps = 0;
        for (const QDateTime &now : looks) {
            const ScheduleDecision decision = decideRun(everyTenMinutes, last, now, MissedRunPolicy::CatchUpOnce);
            if (decision.runNow) {
                QVERIFY(*decision.runNow > last);
                ran << *decision.runNow;
                last = *decision.runNow;
                catchUps += decision.catchUp ? 1 : 0;
            }
            QVERIFY(decision.next && *decision.next > now);
        }
        // 00:10 … 01:00 on time; 06:00 once, as the catch-up for the 30 occurrences slept through;
        // 06:10 … 07:00 on time.
        QCOMPARE(ran.size(), 6 + 1 + 6);
        QCOMPARE(ran.at(5), utc("2026-12-02T01:00:00"));
        QCOMPARE(ran.at(6), utc("2026-12-02T06:00:00"));
        QCOMPARE(ran.at(7), utc("2026-12-02T06:10:00"));
        QCOMPARE(catchUps, 1);
    }
};

QTEST_GUILESS_MAIN(TestMissedRuns)
#include "tst_missedruns.moc"

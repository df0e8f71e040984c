// The governor's arithmetic with a manual clock: steady rate under the ceiling from the first
// request on, waits, throttle storms (pause until the latest wait, one probe, ramp up), learning the
// service's budget, backing off when nothing explains a throttle, adaptive concurrency, the budget
// view.
#include "graph/governor.h"

#include "manualclock.h"

#include <QTest>

using namespace SyncBridge;

namespace {

GovernorSettings settings(qint64 ruPerWindow, qint64 ruPerDay, int initialConcurrency, int maxConcurrency, qint64 windowMs = 60000)
{
    GovernorSettings s;
    s.ruPerWindow = ruPerWindow;
    s.windowMs = windowMs;
    s.ruPerDay = ruPerDay;
    s.initialConcurrency = initialConcurrency;
    s.maxConcurrency = maxConcurrency;
    s.maxJitterMs = 0; // exact pauses; jitterStaysWithinItsBounds covers the jitter
    return s;
}

ThrottleHeaders retryAfter(const QByteArray &seconds)
{
    return {seconds, {}, {}, {}};
}

// Sends whatever the governor admits for `ms` (steps of 10 ms), each answered `status` at once.
qint64 drive(Governor &governor, Test::ManualClock &clock, qint64 ms, qint64 cost = 40)
{
    qint64 spent = 0;
    for (qint64 t = 0; t < ms; t += 10) {
        while (governor.tryAcquire(cost) == 0) {
            governor.release(200);
            spent += cost;
        }
        clock.advance(10);
    }
    return spent;
}

} // namespace

class TestGovernor : public QObject
{
    Q_OBJECT

private slots:
    void neverExceedsTheWindowBudget()
    {
        // Whatever a fixed server-side window sees must stay within the limit: burst + refill ≤ limit.
        Test::ManualClock clock;
        Governor governor(settings(1250, 1200000, 16, 16), clock);
        QCOMPARE(governor.burst(), 40);
        qint64 spent = 0;
        QList<QPair<qint64, qint64>> spends;   // (time, cost)
        for (qint64 t = 0; t < 5 * 60000; t += 10) {
            while (governor.tryAcquire(2) == 0) {
                spends.append({clock.nowUtc().toMSecsSinceEpoch(), 2});
                governor.release(200);
                spent += 2;
            }
            clock.advance(10);
        }
        // sliding 60 s windows
        qint64 worst = 0;
        int left = 0;
        qint64 inWindow = 0;
        for (int right = 0; right < spends.size(); ++right) {
            inWindow += spends[right].second;
            while (spends[right].first - spends[left].first >= 60000)
                inWindow -= spends[left++].second;
            worst = qMax(worst, inWindow);
        }
        QVERIFY2(worst <= 1250, qPrintable(QString::number(worst)));
        const double perMinute = double(spent) / 5.0;
        QVERIFY2(perMinute >= 0.95 * 1250, qPrintable(QString::number(perMinute)));   // ≥ 95 % of the ceiling
    }

    void neverBurstsAtTheStart()
    {
        // 20,000 RU a minute is 333 RU/s: the first three seconds of a run may see one batch plus
        // three seconds of that rate, never the 3 % of the minute (600 RU) that overran a short window.
        Test::ManualClock clock;
        Governor governor(settings(20000, 100000000, 16, 16), clock);
        const qint64 spent = drive(governor, clock, 3000);
        QVERIFY2(spent <= 40 + 3 * (20000 - 40) / 60 + 40, qPrintable(QString::number(spent)));
        QVERIFY2(spent >= 3 * (20000 - 40) / 60 - 40, qPrintable(QString::number(spent)));
    }

    void waitsArePredicted()
    {
        Test::ManualClock clock;
        Governor governor(settings(360, 1200000, 4, 4), clock); // burst 40, refill 320 RU/min
        QCOMPARE(governor.tryAcquire(40), 0);
        governor.release(200);
        const qint64 wait = governor.tryAcquire(40);
        QCOMPARE(wait, 7500); // 40 RU at 320 RU/min
        clock.advance(wait);
        QCOMPARE(governor.tryAcquire(40), 0);
    }

    void pausesEveryRequestUntilTheLatestWaitThenProbesOnce()
    {
        Test::ManualClock clock;
        Governor governor(settings(1000000, 100000000, 8, 16), clock);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(governor.tryAcquire(2), 0);    // three requests in flight
        governor.release(429, {"7", {}, {}, "31"}); // the greater of Retry-After and RateLimit-Reset
        QCOMPARE(governor.view().pausedForMs, 31000);
        QCOMPARE(governor.holdMs(), 31000); // an admitted request waits too (GraphClient asks before sending)
        clock.advance(1000);
        governor.release(429, retryAfter("45")); // the next answer of the storm pushes the wait out
        QCOMPARE(governor.holdMs(), 45000);
        governor.release(200); // answered during the pause: sent before it, proves nothing
        QCOMPARE(governor.tryAcquire(2), 45000);
        clock.advance(44999);
        QVERIFY(governor.tryAcquire(2) > 0); // never before the wait
        clock.advance(1);
        QCOMPARE(governor.tryAcquire(2), 0); // the probe
        QCOMPARE(governor.tryAcquire(2), 5); // nothing else until it is answered
        governor.release(200);
        QCOMPARE(governor.view().concurrency, 2); // the probe's success is the first step up
        QCOMPARE(governor.tryAcquire(2), 0);
        QCOMPARE(governor.view().storms, 1); // the three answers were one storm
    }

    void rampsConcurrencyBackUp()
    {
        Test::ManualClock clock;
        Governor governor(settings(1000000, 100000000, 8, 16), clock);
        QCOMPARE(governor.tryAcquire(2), 0);
        governor.release(503, retryAfter("1"));
        clock.advance(1000);
        QCOMPARE(governor.tryAcquire(2), 0);
        governor.release(200); // the probe succeeded
        QList<int> concurrency;
        for (int i = 0; i < 6; ++i) {
            QCOMPARE(governor.tryAcquire(2), 0);
            governor.release(200);
            concurrency << governor.view().concurrency;
        }
        // One more slot per success up to half of the 8 before the storm, then one per run of successes.
        QCOMPARE(concurrency, (QList<int>{3, 4, 4, 4, 4, 4}));
    }

    void jitterStaysWithinItsBounds()
    {
        Test::ManualClock clock;
        GovernorSettings jittered = settings(1250, 1200000, 4, 4);
        jittered.maxJitterMs = 1000;
        bool varied = false;
        qint64 first = -1;
        for (int i = 0; i < 20; ++i) {
            Governor governor(jittered, clock);
            QCOMPARE(governor.tryAcquire(2), 0);
            governor.release(429, retryAfter("10"));
            const qint64 paused = governor.view().pausedForMs;
            QVERIFY2(paused >= 10000 && paused <= 11000, qPrintable(QString::number(paused)));
            varied = varied || (first >= 0 && paused != first);
            first = paused;
        }
        QVERIFY(varied);
    }

    void rateLimitLimitBecomesTheBudget()
    {
        // Configured sixteen times too high: the service's RateLimit-Limit explains the throttle,
        // so the governor admits against it and keeps its full rate share.
        Test::ManualClock clock;
        Governor governor(settings(20000, 100000000, 4, 16, 3000), clock);
        QCOMPARE(governor.tryAcquire(40), 0);
        governor.release(429, {"2", "1250", "0", "2"});
        BudgetView view = governor.view();
        QCOMPARE(view.ruPerWindow, 1250);
        QCOMPARE(view.rateShare, 1.0);
        clock.advance(2000);
        QCOMPARE(governor.tryAcquire(40), 0);
        governor.release(200);
        const qint64 spent = drive(governor, clock, 30000);
        QVERIFY2(spent <= 10 * 1250 + 40, qPrintable(QString::number(spent))); // ten windows' worth at most
        QVERIFY2(spent >= 10 * 1250 * 9 / 10, qPrintable(QString::number(spent)));
    }

    void aBudgetOfABatchOrLessStillRefills()
    {
        // A tenant's RateLimit-Limit of 40 RU a minute (or a budget configured that low) once held
        // the whole budget in the bucket and refilled nothing: every request after the first waited
        // for ever. Now all but an eighth of it refills over the minute.
        for (const qint64 limit : {40, 10}) {
            Test::ManualClock clock;
            Governor governor(settings(limit, 100000000, 4, 4, 60000), clock);
            QVERIFY(governor.burst() <= qMax<qint64>(1, limit / 8));
            const qint64 spent = drive(governor, clock, 3 * 60000, 2);
            QVERIFY2(spent >= 2 * limit, qPrintable(QStringLiteral("limit %1: %2 RU in three minutes").arg(limit).arg(spent)));
            QVERIFY2(spent <= 3 * limit + 2, qPrintable(QStringLiteral("limit %1: %2 RU in three minutes").arg(limit).arg(spent)));
        }
    }

    void remainingHoldsUntilTheServiceResets()
    {
        Test::ManualClock clock;
        Governor governor(settings(1250, 1200000, 4, 4), clock);
        QCOMPARE(governor.tryAcquire(2), 0);
        governor.release(200, {{}, "1250", "10", "5"}); // 10 RU left for 5 s, says the service
        clock.advance(60000);                           // (the bucket is full again; the reset is past)
        QCOMPARE(governor.tryAcquire(2), 0);
        governor.release(200, {{}, "1250", "10", "5"});
        QCOMPARE(governor.tryAcquire(8), 0);
        governor.release(200);
        clock.advance(1000);
        QCOMPARE(governor.tryAcquire(4), 4000); // only 2 left until the reset
        clock.advance(4000);
        QCOMPARE(governor.tryAcquire(4), 0);
    }

    void unexplainedThrottleBacksOffThenRampsUp()
    {
        Test::ManualClock clock;
        Governor governor(settings(1250, 100000000, 4, 4), clock);
        const double steady = governor.view().ruPerSecond;
        QCOMPARE(governor.tryAcquire(2), 0);
        QCOMPARE(governor.tryAcquire(2), 0);
        governor.release(429, retryAfter("5")); // no RateLimit-*: another app, the tenant's limit…
        governor.release(429, retryAfter("5")); // the same storm: one back-off
        QCOMPARE(governor.view().rateShare, 0.7);
        QVERIFY(qAbs(governor.view().ruPerSecond - 0.7 * steady) < 0.001);
        clock.advance(5000);
        QCOMPARE(governor.tryAcquire(2), 0);
        governor.release(200);
        drive(governor, clock, 60000, 2); // a window: fast back to 90 % of where it was throttled
        const double afterOneWindow = governor.view().rateShare;
        QVERIFY2(afterOneWindow >= 0.9 && afterOneWindow < 1.0, qPrintable(QString::number(afterOneWindow)));
        drive(governor, clock, 5 * 60000, 2); // then slowly, never past the configured rate
        QCOMPARE(governor.view().rateShare, 1.0);
        QVERIFY(qAbs(governor.view().ruPerSecond - steady) < 0.001);
    }

    void throttledRuAreNotSpent()
    {
        Test::ManualClock clock;
        Governor governor(settings(1250, 1200000, 4, 4), clock);
        QCOMPARE(governor.tryAcquire(40), 0);
        governor.release(429, retryAfter("1"), 6); // a $batch whose three write items were throttled
        QCOMPARE(governor.view().spentToday, 34);
        QCOMPARE(governor.tryAcquire(2), 1000 + 0); // paused by the throttled items
    }

    void givenBackRequestsAreNotSpent()
    {
        Test::ManualClock clock;
        Governor governor(settings(1250, 1200000, 1, 1), clock);
        QCOMPARE(governor.tryAcquire(40), 0);
        governor.giveBack(40);
        QCOMPARE(governor.view().spentToday, 0);
        QCOMPARE(governor.tryAcquire(40), 0); // slot and RU came back
    }

    void concurrencyAdapts()
    {
        Test::ManualClock clock;
        Governor governor(settings(1000000, 100000000, 2, 4), clock);
        QCOMPARE(governor.tryAcquire(1), 0);
        QCOMPARE(governor.tryAcquire(1), 0);
        QCOMPARE(governor.tryAcquire(1), 5);      // both slots in flight
        governor.release(200);
        governor.release(200);
        for (int i = 0; i < 8; ++i) {            // a run of successes grows the window by one
            QCOMPARE(governor.tryAcquire(1), 0);
            governor.release(200);
        }
        QCOMPARE(governor.view().concurrency, 3);
        QCOMPARE(governor.tryAcquire(1), 0);
        governor.releaseWithoutAnswer();
        QCOMPARE(governor.view().concurrency, 2);
        QCOMPARE(governor.tryAcquire(1), 0);
        governor.release(503, retryAfter("1"));
        QCOMPARE(governor.view().concurrency, 1);
    }

    void dailyBudgetAndView()
    {
        Test::ManualClock clock; // 08:00 UTC
        Governor governor(settings(1250, 100, 4, 4), clock);
        qint64 spent = 0;
        for (int i = 0; i < 200; ++i) {
            if (governor.tryAcquire(2) == 0) {
                governor.release(200);
                spent += 2;
            }
            clock.advance(1000);
        }
        QCOMPARE(spent, 100);
        const BudgetView view = governor.view();
        QCOMPARE(view.spentToday, 100);
        QVERIFY(qAbs(view.ruPerSecond - (1250 - 40) / 60.0) < 0.01);
        QCOMPARE(view.estimateMsForWrites(0), 0);
        QVERIFY(qAbs(view.estimateMsForWrites(605) - 60000) <= 1);   // 1,210 RU at 1,210 RU/min
        // The day is SharePoint's: the UTC day, renewed at midnight, 16 h less 200 s after 08:00.
        QCOMPARE(view.dailyRenewsInMs, 16 * 3600 * 1000 - 200 * 1000);
        clock.advance(view.dailyRenewsInMs);
        QCOMPARE(governor.tryAcquire(2), 0);
        QCOMPARE(governor.view().dailyRenewsInMs, 0);
    }
};

QTEST_GUILESS_MAIN(TestGovernor)
#include "tst_governor.moc"

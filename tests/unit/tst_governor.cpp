// The governor's arithmetic with a manual clock: steady rate under the ceiling, waits, Retry-After,
// RateLimit-Remaining, adaptive concurrency, and the budget view.
#include "graph/governor.h"

#include "manualclock.h"

#include <QTest>

using namespace SyncBridge;

class TestGovernor : public QObject
{
    Q_OBJECT

private slots:
    void neverExceedsTheWindowBudget()
    {
        // Whatever a fixed server-side window sees must stay within the limit: burst + refill ≤ limit.
        Test::ManualClock clock;
        Governor governor({1250, 60000, 1200000, 16, 16}, clock);
        QCOMPARE(governor.burst(), 40);
        qint64 spent = 0;
        QList<QPair<qint64, qint64>> spends;   // (time, cost)
        for (qint64 t = 0; t < 5 * 60000; t += 10) {
            while (governor.tryAcquire(2) == 0) {
                spends.append({clock.nowUtc().toMSecsSinceEpoch(), 2});
                governor.release(200, {}, {}, {});
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

    void waitsArePredicted()
    {
        Test::ManualClock clock;
        Governor governor({120, 60000, 1200000, 4, 4}, clock);   // burst 40, refill 80 RU/min
        QCOMPARE(governor.tryAcquire(40), 0);
        governor.release(200, {}, {}, {});
        const qint64 wait = governor.tryAcquire(40);
        QCOMPARE(wait, 30000);   // 40 RU at 80 RU/min
        clock.advance(wait);
        QCOMPARE(governor.tryAcquire(40), 0);
    }

    void honoursRetryAfterAndRateLimitHeaders()
    {
        Test::ManualClock clock;
        Governor governor({1250, 60000, 1200000, 8, 16}, clock);
        QCOMPARE(governor.tryAcquire(2), 0);
        governor.release(429, "7", {}, "31");   // the greater of Retry-After and RateLimit-Reset
        QCOMPARE(governor.view().pausedForMs, 31000);
        QCOMPARE(governor.view().concurrency, 4);   // halved
        QCOMPARE(governor.tryAcquire(2), 31000);
        clock.advance(31000);
        QCOMPARE(governor.tryAcquire(2), 0);
        governor.release(200, {}, "0", "5");      // the service says nothing is left
        QVERIFY(governor.tryAcquire(2) > 0);
    }

    void concurrencyAdapts()
    {
        Test::ManualClock clock;
        Governor governor({1000000, 60000, 100000000, 2, 4}, clock);
        QCOMPARE(governor.tryAcquire(1), 0);
        QCOMPARE(governor.tryAcquire(1), 0);
        QCOMPARE(governor.tryAcquire(1), 5);      // both slots in flight
        governor.release(200, {}, {}, {});
        governor.release(200, {}, {}, {});
        for (int i = 0; i < 8; ++i) {            // a run of successes grows the window by one
            QCOMPARE(governor.tryAcquire(1), 0);
            governor.release(200, {}, {}, {});
        }
        QCOMPARE(governor.view().concurrency, 3);
        QCOMPARE(governor.tryAcquire(1), 0);
        governor.releaseWithoutAnswer();
        QCOMPARE(governor.view().concurrency, 2);
        QCOMPARE(governor.tryAcquire(1), 0);
        governor.release(503, "1", {}, {});
        QCOMPARE(governor.view().concurrency, 1);
    }

    void dailyBudgetAndView()
    {
        Test::ManualClock clock;
        Governor governor({1250, 60000, 100, 4, 4}, clock);
        qint64 spent = 0;
        for (int i = 0; i < 200; ++i) {
            if (governor.tryAcquire(2) == 0) {
                governor.release(200, {}, {}, {});
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
        // 200 s into the day the budget was refused: the wait is reported until the day renews.
        QCOMPARE(view.dailyRenewsInMs, 24 * 3600 * 1000 - 200 * 1000);
        clock.advance(24 * 3600 * 1000);
        QCOMPARE(governor.tryAcquire(2), 0);
        QCOMPARE(governor.view().dailyRenewsInMs, 0);
    }
};

QTEST_GUILESS_MAIN(TestGovernor)
#include "tst_governor.moc"

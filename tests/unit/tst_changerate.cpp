// A continuous CDC run's changes/s (pure logic): what was delivered over the last seconds, not the
// average since the run began; the first batch is not a burst of millions per second.
#include "sync/cdc/changerate.h"

#include <QTest>

using namespace SyncBridge;

class TestChangeRate : public QObject
{
    Q_OBJECT

private slots:
    void nothingDeliveredIsZero() { QCOMPARE(ChangeRate().perSecond(5000), 0.0); }

    void theFirstBatchCountsOverASecondAtLeast()
    {
        ChangeRate rate;
        rate.add(1000, 100);
        QCOMPARE(rate.perSecond(1000), 100.0);
        QCOMPARE(rate.perSecond(1500), 100.0);
    }

    void aWindowNotYetFullDividesByItsOwnLength()
    {
        ChangeRate rate(10000);
        rate.add(0, 100);
        rate.add(4000, 100);
        QCOMPARE(rate.perSecond(4000), 50.0);
    }

    void whatLeftTheWindowNoLongerCounts()
    {
        ChangeRate rate(10000);
        for (qint64 at = 0; at <= 30000; at += 1000)
            rate.add(at, at < 20000 ? 500 : 10);
        QCOMPARE(rate.perSecond(30000), 10.0); // 10 s of 10 each second (21 s … 30 s; 20 s has left)
        QCOMPARE(rate.perSecond(45000), 0.0);  // idle since: 0, not the run's average
    }
};

QTEST_GUILESS_MAIN(TestChangeRate)
#include "tst_changerate.moc"

// Throttle storms against the real emulator (issue 12): a run must recover from any storm — its own
// budget set too high, 429s inside $batch answers, the whole workload refused after one 429 — by
// pausing the tenant until the wait it was told, probing once and ramping up, never sending before
// that wait. Each scenario livelocked or came back early before the governor learnt to do so.
#include "emulatorprocess.h"

#include "graph/batchwriter.h"
#include "graph/governor.h"
#include "graph/graphclient.h"

#include <QJsonArray>
#include <QTest>
#include <QTimer>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {

struct StormFigures {
    int created = 0;
    int failed = 0;
    bool finished = false;
    qint64 throttled = 0;     // item operations the emulator refused with 429/503
    qint64 itemRequests = 0;  // item operations it received
    qint64 earlyRequests = 0; // HTTP requests that came back before the wait they were told
};

} // namespace

class TestThrottleStorms : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_emulator.start()); }

    void init()
    {
        QVERIFY(m_emulator.reset());
        m_listCount = 0;
    }

    void misconfiguredBudgetUnderScaledTime()
    {
        // A 3-second minute of 300 RU; the client believes in sixteen times that. Before the fix
        // the items of every later $batch were refused, each early retry pushed the reset out, and
        // nothing arrived after the first window.
        configure({{QStringLiteral("timeScale"), 20}, {QStringLiteral("throttling"), QJsonObject{{QStringLiteral("ruPerMinute"), 300}}}});
        GovernorSettings tooHigh;
        tooHigh.ruPerWindow = 300 * 16;
        tooHigh.windowMs = 3000;
        const StormFigures run = pushCreates(300, tooHigh);
        QVERIFY2(run.finished, "the run did not finish: livelock");
        QCOMPARE(run.created, 300);
        QCOMPARE(run.failed, 0);
        // One storm when the budget is learnt, none after it: a few batches' worth, not a livelock.
        QVERIFY2(run.throttled * 5 <= run.itemRequests, qPrintable(describe(run)));
        QVERIFY2(run.earlyRequests <= 8, qPrintable(describe(run)));
    }

    void budgetTooHighWithoutRateLimitHeaders()
    {
        // Another app's share of the tenant: 429s with Retry-After alone, nothing says the limit.
        // The governor has to back off by itself and still deliver everything.
        configure({{QStringLiteral("timeScale"), 20},
            {QStringLiteral("throttling"),
                QJsonObject{{QStringLiteral("ruPerMinute"), 300}, {QStringLiteral("rateLimitHeaders"), false}}}});
        GovernorSettings twice;
        twice.ruPerWindow = 600;
        twice.windowMs = 3000;
        const StormFigures run = pushCreates(300, twice);
        QVERIFY2(run.finished, "the run did not finish: livelock");
        QCOMPARE(run.created, 300);
        QCOMPARE(run.failed, 0);
        QVERIFY2(run.throttled * 4 <= run.itemRequests, qPrintable(describe(run)));
        QVERIFY2(run.earlyRequests <= 8, qPrintable(describe(run)));
    }

    void workloadWideThrottleAfterAnItem429()
    {
        // One item in ten answered 429 inside a 200 $batch, after which the whole workload refuses
        // everything for a second (Dev Proxy). With one request at a time, any request the
        // emulator sees during that second was sent before the wait it was told.
        configure({{QStringLiteral("throttling"), QJsonObject{{QStringLiteral("enabled"), false}}},
            {QStringLiteral("faults"),
                QJsonObject{{QStringLiteral("errorRate"), 0.1}, {QStringLiteral("errorStatuses"), QJsonArray{429}},
                    {QStringLiteral("retryAfterSeconds"), 1}, {QStringLiteral("workloadThrottleAfter429"), true}}}});
        GovernorSettings oneAtATime;
        oneAtATime.ruPerWindow = 1000000;
        oneAtATime.initialConcurrency = oneAtATime.maxConcurrency = 1;
        const StormFigures run = pushCreates(100, oneAtATime);
        QVERIFY2(run.finished, "the run did not finish");
        QCOMPARE(run.created, 100);
        QCOMPARE(run.failed, 0);
        QVERIFY2(run.throttled > 0 || run.itemRequests > 100, "the storm never happened");
        QCOMPARE(run.earlyRequests, 0);
    }

    void itemThrottlePausesEveryRequestOfTheTenant()
    {
        // Throttled by the budget inside a $batch (envelope 200): the other batches in flight are
        // the only ones allowed to arrive early; nothing is sent after the first refusal came back.
        configure({{QStringLiteral("timeScale"), 20}, {QStringLiteral("throttling"), QJsonObject{{QStringLiteral("ruPerMinute"), 200}}}});
        GovernorSettings oneAtATime;
        oneAtATime.ruPerWindow = 200 * 8;
        oneAtATime.windowMs = 3000;
        oneAtATime.initialConcurrency = oneAtATime.maxConcurrency = 1;
        const StormFigures run = pushCreates(200, oneAtATime);
        QVERIFY2(run.finished, "the run did not finish: livelock");
        QCOMPARE(run.created, 200);
        QVERIFY2(run.throttled > 0, "the budget never ran out");
        QCOMPARE(run.earlyRequests, 0);
    }

private:
    void configure(const QJsonObject &config) { QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"), config).status, 200); }

    static QString describe(const StormFigures &run)
    {
        return QStringLiteral("created %1, throttled %2 of %3 item requests, %4 early requests")
            .arg(run.created)
            .arg(run.throttled)
            .arg(run.itemRequests)
            .arg(run.earlyRequests);
    }

    // Creates `count` items through a BatchWriter and the given governor; gives up watching after a
    // generous deadline (a livelocked run never ends) and then counts what the list holds.
    StormFigures pushCreates(int count, const GovernorSettings &settings)
    {
        const QString list = m_emulator.createList(QStringLiteral("Storm %1").arg(++m_listCount), QJsonArray{});
        m_emulator.admin("POST", QStringLiteral("/stats/reset"));
        const std::unique_ptr<GraphClient> client = m_emulator.graphClient(settings);
        BatchWriter writer(*client, m_emulator.pmoSiteId());
        writer.maxItemAttempts = 60;
        QList<ItemOperation> operations;
        for (int i = 0; i < count; ++i) {
            ItemOperation op;
            op.listId = list;
            op.fields = QJsonObject{{QStringLiteral("Title"), QStringLiteral("Storm item %1").arg(i)}};
            operations << op;
        }
        StormFigures figures;
        QEventLoop loop;
        writer.write(operations, [&](const QList<ItemResult> &results) {
            for (const ItemResult &result : results)
                (result.ok() ? figures.created : figures.failed) += 1;
            figures.finished = true;
            loop.quit();
        });
        QTimer::singleShot(90000, &loop, &QEventLoop::quit); // a safety net, not a measurement
        loop.exec();
        const QJsonObject stats = m_emulator.admin("GET", QStringLiteral("/stats")).json();
        if (!figures.finished)
            figures.created = m_emulator.itemCount(QStringLiteral("Storm %1").arg(m_listCount));
        figures.throttled = qint64(stats.value(QStringLiteral("throttled")).toDouble());
        figures.earlyRequests = qint64(stats.value(QStringLiteral("earlyRequests")).toDouble());
        figures.itemRequests
            = qint64(stats.value(QStringLiteral("requestsByKind")).toObject().value(QStringLiteral("items.create")).toDouble());
        qInfo().noquote() << describe(figures);
        return figures;
    }

    EmulatorProcess m_emulator;
    int m_listCount = 0;
};

QTEST_GUILESS_MAIN(TestThrottleStorms)
#include "tst_throttlestorms.moc"

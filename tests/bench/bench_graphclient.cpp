// The Graph client's figures (issue 4), against the emulator, printed, not asserted beyond "no item
// failed":
//  1. 5,000 creates under the emulator's RU throttling (time-scaled): achieved write rate as a share
//     of the RU ceiling and throttled responses per request — governor versus a naive client that
//     only honours Retry-After item by item.
//  2. 5,000 creates with 50 ms latency per request and no throttling: items per second.
//  3. RU spent per created item.
//  4. Throttle storms (issue 12), 4,000 creates each: the CLI's livelock scenario (a 3-second
//     minute of 1,250 RU, the client's budget 20,000 RU per real minute), the same budget per
//     emulated minute (sixteen times too high), and at real time a budget twice too high with and
//     without RateLimit-* headers (another app's share of the tenant) — items, time, share of the
//     real ceiling, throttled item requests and requests sent before their wait.
#include "emulatorprocess.h"

#include "graph/batchwriter.h"
#include "graph/governor.h"
#include "graph/graphclient.h"

#include <QElapsedTimer>
#include <QTimer>
#include <QJsonArray>
#include <QTest>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {

constexpr int items = 5000;
constexpr double timeScale = 20;            // a 60 s window lasts 3 s
constexpr int ruPerMinute = 1250;

struct RunFigures {
    double seconds = 0;
    int created = 0;
    int failed = 0;
    qint64 ruSpent = 0;
    qint64 throttled = 0;
    qint64 early = 0;
    qint64 itemRequests = 0;
    qint64 httpRequests = 0;
};

// Pushes the creates; with a deadline, stops waiting then and counts what the list holds.
RunFigures pushCreates(EmulatorProcess &emulator, const QString &listName, GovernorSettings governor, int deadlineMs = 0, int count = items)
{
    emulator.admin("POST", QStringLiteral("/stats/reset"));
    const QString list = emulator.createList(listName, QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Budget")}, {QStringLiteral("number"), QJsonObject{}}}});
    emulator.admin("POST", QStringLiteral("/stats/reset"));
    const std::unique_ptr<GraphClient> client = emulator.graphClient(governor);
    BatchWriter writer(*client, emulator.pmoSiteId());
    writer.maxItemAttempts = 50;
    QList<ItemOperation> operations;
    for (int i = 0; i < count; ++i) {
        ItemOperation op;
        op.listId = list;
        op.fields = QJsonObject{{QStringLiteral("Title"), QStringLiteral("Project %1").arg(i)}, {QStringLiteral("Budget"), i}};
        operations << op;
    }
    RunFigures figures;
    QElapsedTimer timer;
    timer.start();
    QEventLoop loop;
    bool finished = false;
    writer.write(operations, [&](QList<ItemResult> results) {
        for (const ItemResult &result : results)
            (result.ok() ? figures.created : figures.failed) += 1;
        finished = true;
        loop.quit();
    });
    if (deadlineMs > 0)
        QTimer::singleShot(deadlineMs, &loop, &QEventLoop::quit);
    loop.exec();
    figures.seconds = timer.elapsed() / 1000.0;
    const QJsonObject stats = emulator.admin("GET", QStringLiteral("/stats")).json();
    if (!finished) {   // the client gave up nothing, we stopped watching: count what arrived
        figures.created = stats.value(QStringLiteral("itemsPerList")).toObject().value(list).toObject().value(QStringLiteral("items")).toInt();
        figures.failed = 0;
    }
    figures.ruSpent = qint64(stats.value(QStringLiteral("ruSpent")).toDouble());
    figures.throttled = qint64(stats.value(QStringLiteral("throttled")).toDouble());
    figures.early = qint64(stats.value(QStringLiteral("earlyRequests")).toDouble());
    const QJsonObject kinds = stats.value(QStringLiteral("requestsByKind")).toObject();
    figures.itemRequests = kinds.value(QStringLiteral("items.create")).toInt();
    figures.httpRequests = kinds.value(QStringLiteral("batch")).toInt();
    return figures;
}

} // namespace

class BenchGraphClient : public QObject
{
    Q_OBJECT

private slots:
    void governorVersusNaiveUnderThrottling()
    {
        EmulatorProcess emulator;
        QVERIFY(emulator.start());
        emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("timeScale"), timeScale},
                                                            {QStringLiteral("throttling"), QJsonObject{{QStringLiteral("ruPerMinute"), ruPerMinute}}},
                                                            {QStringLiteral("faults"), QJsonObject{{QStringLiteral("retryAfterSeconds"), 1}}}});
        const double ceilingRuPerSecond = ruPerMinute / (60.0 / timeScale);
        GovernorSettings governed;
        governed.ruPerWindow = ruPerMinute;
        governed.windowMs = qint64(60000 / timeScale);
        GovernorSettings naive;
        naive.ruPerWindow = 100000000;   // no pacing: send, and wait only when told to
        naive.initialConcurrency = naive.maxConcurrency = 6;
        naive.learnLimit = false; // RateLimit-Limit counts a scaled minute, this client's is real
        for (const auto &[name, settings] : {std::pair{"governor", governed}, std::pair{"naive   ", naive}}) {
            QVERIFY(emulator.reset());
            emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("timeScale"), timeScale},
                                                                {QStringLiteral("throttling"), QJsonObject{{QStringLiteral("ruPerMinute"), ruPerMinute}}}});
            // The naive client can spiral (everyone wakes at Retry-After, overruns, is penalised): stop watching after 90 s.
            const RunFigures run = pushCreates(emulator, QStringLiteral("Throttled %1").arg(QLatin1String(name).trimmed()), settings,
                                               settings.ruPerWindow == ruPerMinute ? 0 : 90000);
            QCOMPARE(run.failed, 0);
            if (settings.ruPerWindow == ruPerMinute)
                QCOMPARE(run.created, items);
            const double rate = run.created * 2 / run.seconds;
            qInfo("%s: %d of %d creates in %.1f s = %.0f RU/s = %.1f %% of the %.0f RU/s ceiling; throttled %lld of %lld item requests (%.2f %%); "
                  "%lld HTTP batches; %.2f RU per created item",
                  name, run.created, items, run.seconds, rate, 100.0 * rate / ceilingRuPerSecond, ceilingRuPerSecond, run.throttled, run.itemRequests,
                  100.0 * double(run.throttled) / double(qMax<qint64>(1, run.itemRequests)), run.httpRequests, double(run.ruSpent) / run.created);
        }
    }

    void throttleStorms_data()
    {
        QTest::addColumn<double>("scale");
        QTest::addColumn<int>("serverRuPerMinute");
        QTest::addColumn<bool>("rateLimitHeaders");
        QTest::addColumn<qint64>("clientRuPerWindow");
        QTest::addColumn<qint64>("clientWindowMs");
        QTest::addColumn<int>("count");
        // The CLI of the issue: its minute is a real one, so 20,000 RU/min is 80 % of the emulator's 25,000.
        QTest::newRow("livelock scenario (cli budget 20000/real min)") << 20.0 << 1250 << true << qint64(20000) << qint64(60000) << 4000;
        QTest::newRow("budget 16x too high (20000/emulated min)") << 20.0 << 1250 << true << qint64(20000) << qint64(3000) << 4000;
        QTest::newRow("real time, budget 2x, RateLimit headers") << 1.0 << 1250 << true << qint64(2500) << qint64(60000) << 1500;
        QTest::newRow("real time, budget 2x, no RateLimit headers") << 1.0 << 1250 << false << qint64(2500) << qint64(60000) << 1500;
    }

    void throttleStorms()
    {
        QFETCH(double, scale);
        QFETCH(int, serverRuPerMinute);
        QFETCH(bool, rateLimitHeaders);
        QFETCH(qint64, clientRuPerWindow);
        QFETCH(qint64, clientWindowMs);
        QFETCH(int, count);
        EmulatorProcess emulator;
        QVERIFY(emulator.start());
        emulator.admin("PATCH", QStringLiteral("/config"),
            {{QStringLiteral("timeScale"), scale},
                {QStringLiteral("throttling"),
                    QJsonObject{
                        {QStringLiteral("ruPerMinute"), serverRuPerMinute}, {QStringLiteral("rateLimitHeaders"), rateLimitHeaders}}}});
        GovernorSettings settings;
        settings.ruPerWindow = clientRuPerWindow;
        settings.windowMs = clientWindowMs;
        const RunFigures run = pushCreates(emulator, QStringLiteral("Storm"), settings, 15 * 60000, count);
        QCOMPARE(run.failed, 0);
        QCOMPARE(run.created, count);
        const double ceilingRuPerSecond = serverRuPerMinute / (60.0 / scale);
        const double rate = run.created * 2 / run.seconds;
        qInfo("%s: %d items in %.1f s = %.0f RU/s = %.1f %% of the %.0f RU/s ceiling; throttled %lld of %lld item requests (%.2f %%); "
              "%lld requests sent before their wait",
            QTest::currentDataTag(), run.created, run.seconds, rate, 100.0 * rate / ceilingRuPerSecond, ceilingRuPerSecond, run.throttled,
            run.itemRequests, 100.0 * double(run.throttled) / double(qMax<qint64>(1, run.itemRequests)), run.early);
    }

    void throughputWithLatency()
    {
        EmulatorProcess emulator;
        QVERIFY(emulator.start());
        emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("fixedMs"), 50}}},
                                                            {QStringLiteral("throttling"), QJsonObject{{QStringLiteral("enabled"), false}}}});
        GovernorSettings unlimited;
        unlimited.ruPerWindow = 100000000;
        const RunFigures run = pushCreates(emulator, QStringLiteral("Latency"), unlimited);
        QCOMPARE(run.failed, 0);
        qInfo("50 ms latency, no throttling: %d creates in %.2f s = %.0f items/s; %.3f HTTP requests per created item; %.2f RU per item",
              run.created, run.seconds, run.created / run.seconds, double(run.httpRequests) / run.created, double(run.ruSpent) / run.created);
    }
};

QTEST_GUILESS_MAIN(BenchGraphClient)
#include "bench_graphclient.moc"

// Graph emulator contract §10 and §12: the resource-unit budget with its headers, blocked mode,
// and the Dev Proxy-style faults (random errors, workload throttling, drops, latency, slow bodies,
// eTag conflicts, 424 batch envelopes). Real process, real HTTP.
#include "emulatorprocess.h"

#include <QJsonArray>
#include <QTest>

using namespace SyncBridge::Test;

class TestEmulatorFaults : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    QString m_items;

    void configure(const QJsonObject &config)
    {
        const HttpExchange reply = m_emulator.admin("PATCH", QStringLiteral("/config"), config);
        QVERIFY2(reply.status == 200, reply.body.constData());
    }

    QJsonObject stats() { return m_emulator.admin("GET", QStringLiteral("/stats")).json(); }

    QJsonObject batchOfCreates(int count, const QString &prefix)
    {
        QJsonArray requests;
        for (int i = 0; i < count; ++i)
            requests.append(QJsonObject{{QStringLiteral("id"), QString::number(i)}, {QStringLiteral("method"), QStringLiteral("POST")},
                                        {QStringLiteral("url"), m_items},
                                        {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Content-Type"), QStringLiteral("application/json")}}},
                                        {QStringLiteral("body"), QJsonObject{{QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), prefix + QString::number(i)}}}}}});
        return QJsonObject{{QStringLiteral("requests"), requests}};
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_emulator.start({}, &error), qPrintable(error));
    }

    void init()
    {
        QVERIFY(m_emulator.reset());
        const QString list = m_emulator.createList(QStringLiteral("Faults"), {});
        m_items = QStringLiteral("/sites/%1/lists/%2/items").arg(m_emulator.pmoSiteId(), list);
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/stats/reset")).status, 204);
    }

    // §10.2: the budget, RateLimit headers from 80 %, 429 with Retry-After, early-retry penalty
    void resourceUnitBudget()
    {
        configure({{QStringLiteral("timeScale"), 20}, {QStringLiteral("throttling"), QJsonObject{{QStringLiteral("ruPerMinute"), 20}}}});
        // eight creates (2 RU each) use 16 of 20 RU: the eighth answer announces the budget
        HttpExchange reply;
        for (int i = 0; i < 8; ++i) {
            reply = m_emulator.graph("POST", m_items, {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("t")}}}});
            QCOMPARE(reply.status, 201);
            QCOMPARE(reply.header("ratelimit-limit").isEmpty(), i < 7);
        }
        QCOMPARE(reply.header("ratelimit-limit"), QByteArray("20"));
        QCOMPARE(reply.header("ratelimit-remaining"), QByteArray("4"));
        QVERIFY(reply.header("ratelimit-reset").toInt() >= 1 && reply.header("ratelimit-reset").toInt() <= 3);   // a 60 s window lasts 3 s
        QCOMPARE(m_emulator.graph("GET", m_items + QStringLiteral("/1")).status, 200);     // 1 RU: a single-item read
        QCOMPARE(m_emulator.graph("GET", m_items).status, 200);                            // 2 RU: 19 of 20 used
        const HttpExchange throttled = m_emulator.graph("POST", m_items, {{QStringLiteral("fields"), QJsonObject{}}});
        QCOMPARE(throttled.status, 429);
        QCOMPARE(throttled.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(), QStringLiteral("activityLimitReached"));
        const int retryAfter = throttled.header("retry-after").toInt();
        QVERIFY(retryAfter >= 1 && retryAfter <= 3);
        QCOMPARE(throttled.header("ratelimit-remaining"), QByteArray("0"));
        // a second request too early is refused again (and pushes the reset out)
        QCOMPARE(m_emulator.graph("GET", m_items + QStringLiteral("/1")).status, 429);
        const QJsonObject counted = stats();
        QCOMPARE(counted.value(QStringLiteral("ruSpent")).toInt(), 19);
        QCOMPARE(counted.value(QStringLiteral("throttled")).toInt(), 2);
        // honouring Retry-After (plus the penalty) gets through
        QTest::qWait((retryAfter + 1) * 1000);
        QCOMPARE(m_emulator.graph("GET", m_items + QStringLiteral("/1")).status, 200);
    }

    void batchItemsAreCountedIndividually()
    {
        configure({{QStringLiteral("timeScale"), 1}, {QStringLiteral("throttling"), QJsonObject{{QStringLiteral("ruPerMinute"), 30}}},
                   {QStringLiteral("faults"), QJsonObject{{QStringLiteral("shuffleBatchResponses"), false}}}});
        const HttpExchange reply = m_emulator.graph("POST", QStringLiteral("/$batch"), batchOfCreates(20, QStringLiteral("b")));
        QCOMPARE(reply.status, 200);   // the envelope stays 200 by default (§9)
        int created = 0, throttled = 0;
        for (const QJsonValue &value : reply.json().value(QStringLiteral("responses")).toArray()) {
            const QJsonObject response = value.toObject();
            if (response.value(QStringLiteral("status")).toInt() == 201)
                ++created;
            if (response.value(QStringLiteral("status")).toInt() == 429) {
                ++throttled;
                QVERIFY(response.value(QStringLiteral("headers")).toObject().value(QStringLiteral("Retry-After")).toString().toInt() >= 1);
            }
        }
        QCOMPARE(created, 15);    // 15 × 2 RU = 30
        QCOMPARE(throttled, 5);
        QCOMPARE(stats().value(QStringLiteral("ruSpent")).toInt(), 30);

        configure({{QStringLiteral("faults"), QJsonObject{{QStringLiteral("batchEnvelope"), QStringLiteral("424")}}}});
        const HttpExchange failedDependency = m_emulator.graph("POST", QStringLiteral("/$batch"), batchOfCreates(2, QStringLiteral("c")));
        QCOMPARE(failedDependency.status, 424);   // the 2022 throttling page's envelope; items are still in the body
        QCOMPARE(failedDependency.json().value(QStringLiteral("responses")).toArray().size(), 2);
    }

    void blockedAnd503Modes()
    {
        configure({{QStringLiteral("throttling"), QJsonObject{{QStringLiteral("blocked"), true}}}});
        const HttpExchange blocked = m_emulator.graph("GET", m_items);
        QCOMPARE(blocked.status, 503);
        QVERIFY(!blocked.header("retry-after").isEmpty());
        configure({{QStringLiteral("timeScale"), 60}, {QStringLiteral("throttling"), QJsonObject{{QStringLiteral("blocked"), false}, {QStringLiteral("ruPerMinute"), 2},
                                                                                                 {QStringLiteral("throttleStatus"), 503},
                                                                                                 {QStringLiteral("fractionalRetryAfter"), true}}}});
        QCOMPARE(m_emulator.graph("GET", m_items).status, 200);
        const HttpExchange shed = m_emulator.graph("GET", m_items);
        QCOMPARE(shed.status, 503);
        QVERIFY2(shed.header("retry-after").contains('.'), shed.header("retry-after").constData());   // "0.873"
        QVERIFY(shed.header("retry-after").toDouble() > 0 && shed.header("retry-after").toDouble() <= 1.0);
    }

    // §12.1 random errors: configurable rate and set, reproducible with the seed
    void randomErrorsAreSeededAndFromTheConfiguredSet()
    {
        const QJsonObject faults{{QStringLiteral("errorRate"), 0.5}, {QStringLiteral("errorStatuses"), QJsonArray{500, 503, 507}},
                                 {QStringLiteral("retryAfterSeconds"), 1}};
        const auto run = [&]() {
            configure({{QStringLiteral("seed"), 42}, {QStringLiteral("faults"), faults}});
            QList<int> statuses;
            for (int i = 0; i < 40; ++i)
                statuses << m_emulator.graph("GET", m_items).status;
            return statuses;
        };
        const QList<int> first = run();
        const QList<int> second = run();
        QCOMPARE(first, second);
        QVERIFY(first.count(200) > 8 && first.count(200) < 32);
        QCOMPARE(first.count(507), 0);   // GET never gets 507 (Dev Proxy's per-method pools)
        for (int status : first)
            QVERIFY(status == 200 || status == 500 || status == 503);
        QVERIFY(stats().value(QStringLiteral("injectedFailures")).toInt() == first.count(500) + first.count(503) + second.count(500) + second.count(503));
    }

    void errorsCanBeLimitedToSomeMethods()
    {
        // Deterministic refusals of one kind of operation (every delete), top-level and in a batch:
        // what a test of "the old item of a move could not be deleted" needs.
        configure({{QStringLiteral("faults"),
            QJsonObject{{QStringLiteral("errorRate"), 1.0}, {QStringLiteral("errorStatuses"), QJsonArray{409}},
                {QStringLiteral("errorMethods"), QJsonArray{QStringLiteral("DELETE")}}}}});
        QCOMPARE(
            m_emulator.graph("POST", m_items, {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("kept")}}}})
                .status,
            201);
        QCOMPARE(m_emulator.graph("GET", m_items).status, 200);
        QCOMPARE(m_emulator.graph("DELETE", m_items + QStringLiteral("/1")).status, 409);
        const QJsonObject batch{{QStringLiteral("requests"),
            QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("1")}, {QStringLiteral("method"), QStringLiteral("DELETE")},
                           {QStringLiteral("url"), m_items + QStringLiteral("/1")}},
                QJsonObject{{QStringLiteral("id"), QStringLiteral("2")}, {QStringLiteral("method"), QStringLiteral("GET")},
                    {QStringLiteral("url"), m_items + QStringLiteral("/1")}}}}};
        QHash<QString, int> statusOf;
        for (const QJsonValue &response :
            m_emulator.graph("POST", QStringLiteral("/$batch"), batch).json().value(QStringLiteral("responses")).toArray())
            statusOf.insert(
                response.toObject().value(QStringLiteral("id")).toString(), response.toObject().value(QStringLiteral("status")).toInt());
        QCOMPARE(statusOf.value(QStringLiteral("1")), 409);
        QCOMPARE(statusOf.value(QStringLiteral("2")), 200);
        QCOMPARE(stats().value(QStringLiteral("injectedFailures")).toInt(), 2);
        configure(
            {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("errorMethods"), QJsonArray{}}, {QStringLiteral("errorRate"), 0.0}}}});
        QCOMPARE(m_emulator.graph("DELETE", m_items + QStringLiteral("/1")).status, 204);

        const HttpExchange wrong = m_emulator.admin("PATCH", QStringLiteral("/config"),
            {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("errorMethods"), QJsonArray{QStringLiteral("delete")}}}}});
        QCOMPARE(wrong.status, 400);
        QVERIFY(wrong.body.contains("faults.errorMethods: 'delete' is not GET, POST, PATCH, PUT or DELETE"));
    }

    void workloadThrottleAfterA429()
    {
        configure({{QStringLiteral("faults"), QJsonObject{{QStringLiteral("errorRate"), 1.0}, {QStringLiteral("errorStatuses"), QJsonArray{429}},
                                                          {QStringLiteral("retryAfterSeconds"), 1}, {QStringLiteral("workloadThrottleAfter429"), true}}}});
        const HttpExchange first = m_emulator.graph("GET", m_items);
        QCOMPARE(first.status, 429);
        QCOMPARE(first.header("retry-after"), QByteArray("1"));
        configure({{QStringLiteral("faults"), QJsonObject{{QStringLiteral("errorRate"), 0.0}}}});
        const auto earlyRequests
            = [this]() { return m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("earlyRequests")).toInt(); };
        const int earlyBefore = earlyRequests();
        const HttpExchange early = m_emulator.graph("GET", m_items);
        QCOMPARE(early.status, 429);                            // the whole "sites" workload waits …
        QCOMPARE(earlyRequests(), earlyBefore + 1);             // … and a request during the wait came early:
        QCOMPARE(early.header("retry-after"), QByteArray("2")); // it pushed the wait out by earlyRetryPenaltyMs
        QTest::qWait(2100);
        QCOMPARE(m_emulator.graph("GET", m_items).status, 200);
    }

    // Connection drops: the operation ran, the answer is lost
    void droppedConnections()
    {
        configure({{QStringLiteral("faults"), QJsonObject{{QStringLiteral("dropRate"), 1.0}}}});
        const HttpExchange dropped = m_emulator.graph("POST", m_items, {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("ghost")}}}});
        QCOMPARE(dropped.status, 0);
        QVERIFY(dropped.networkError == QNetworkReply::RemoteHostClosedError || dropped.networkError == QNetworkReply::UnknownNetworkError);
        configure({{QStringLiteral("faults"), QJsonObject{{QStringLiteral("dropRate"), 0.0}}}});
        const QJsonArray items = m_emulator.graph("GET", m_items + QStringLiteral("?expand=fields")).json().value(QStringLiteral("value")).toArray();
        // Every dropped request still created its item, though the client never heard so. QNetworkAccessManager
        // even resends a POST once when a reused connection closes, so one call can create two items:
        // the reason creates carry SyncBridgeKey and are resolved before any retry.
        const int droppedCount = stats().value(QStringLiteral("dropped")).toInt();
        QVERIFY(droppedCount >= 1);
        QCOMPARE(items.size(), droppedCount);
    }

    void latencyAndSlowBodies()
    {
        configure({{QStringLiteral("latency"), QJsonObject{{QStringLiteral("fixedMs"), 300}}}});
        QVERIFY(m_emulator.graph("GET", m_items).elapsedMs >= 290);
        configure({{QStringLiteral("latency"), QJsonObject{{QStringLiteral("fixedMs"), 0}, {QStringLiteral("randomMinMs"), 100}, {QStringLiteral("randomMaxMs"), 200}}}});
        const qint64 random = m_emulator.graph("GET", m_items).elapsedMs;
        QVERIFY2(random >= 95 && random < 1000, qPrintable(QString::number(random)));
        QVERIFY(m_emulator.admin("GET", QStringLiteral("/stats")).elapsedMs < 100);   // the admin API is never delayed

        configure({{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMaxMs"), 0}, {QStringLiteral("randomMinMs"), 0}}},
                   {QStringLiteral("faults"), QJsonObject{{QStringLiteral("slowBodyRate"), 1.0}, {QStringLiteral("slowBodyBytesPerSecond"), 1000}}}});
        const HttpExchange slow = m_emulator.graph("GET", QStringLiteral("/sites/root"));
        QCOMPARE(slow.status, 200);
        QVERIFY(slow.body.size() > 300);
        QVERIFY2(slow.elapsedMs >= 200, qPrintable(QString::number(slow.elapsedMs)));   // ~400 bytes at 1000 B/s
        QVERIFY(slow.json().contains(QStringLiteral("id")));                              // and complete
    }

    void etagConflictFault()
    {
        const QString etag = m_emulator.graph("POST", m_items, {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("e")}}}})
                                 .json().value(QStringLiteral("eTag")).toString();
        configure({{QStringLiteral("faults"), QJsonObject{{QStringLiteral("etagConflictRate"), 1.0}}}});
        const HttpExchange conflict = m_emulator.graph("PATCH", m_items + QStringLiteral("/1/fields"), {{QStringLiteral("Title"), QStringLiteral("f")}},
                                                       {{"If-Match", etag.toUtf8()}});
        QCOMPARE(conflict.status, 412);
        QCOMPARE(m_emulator.graph("PATCH", m_items + QStringLiteral("/1/fields"), {{QStringLiteral("Title"), QStringLiteral("f")}}).status, 200);   // no If-Match
    }

    void configIsValidated()
    {
        const HttpExchange typo = m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("eror_rate"), 1}}}});
        QCOMPARE(typo.status, 400);
        QVERIFY(typo.body.contains("unknown setting faults.eror_rate"));
        QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("timeScale"), 0}}).status, 400);
        QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("dropRate"), 2}}}}).status, 400);
        QCOMPARE(m_emulator.admin("GET", QStringLiteral("/config")).json().value(QStringLiteral("timeScale")).toDouble(), 1.0);   // unchanged
    }
};

QTEST_GUILESS_MAIN(TestEmulatorFaults)
#include "tst_emulator_faults.moc"

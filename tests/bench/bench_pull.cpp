// Pull throughput: N SharePoint items applied into PostgreSQL by one pull (full enumeration through
// delta pages, one transaction per page), then a no-change pull's cost. Prints items/s and RU.
// SYNCBRIDGE_BENCH_PULL_ITEMS sets N (default 50,000).
#include "../integration/pulltestbase.h"

#include <QElapsedTimer>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class BenchPull : public PullTestBase
{
    Q_OBJECT

    std::pair<qint64, qint64> requestsAndRu()
    {
        const QJsonObject stats = m_emulator.admin("GET", QStringLiteral("/stats")).json();
        qint64 requests = 0;
        const QJsonObject agents = stats.value(QStringLiteral("userAgents")).toObject();
        for (auto it = agents.constBegin(); it != agents.constEnd(); ++it)
            requests += it.value().toInteger();
        return {requests, qint64(stats.value(QStringLiteral("ruSpent")).toDouble())};
    }

private slots:
    void initTestCase() { startWith({}); }

    void applyingSharePointChanges()
    {
        const int items = qEnvironmentVariableIsSet("SYNCBRIDGE_BENCH_PULL_ITEMS")
            ? qEnvironmentVariableIntValue("SYNCBRIDGE_BENCH_PULL_ITEMS")
            : 50000;
        sql(QStringLiteral(
            "CREATE TABLE bench_pull (id serial PRIMARY KEY, name text NOT NULL, email text UNIQUE, amount numeric(12,2), active bool,"
            " due date, sp_id int, updated_at timestamptz NOT NULL DEFAULT now())"));
        const QString list = m_emulator.createList(QStringLiteral("Bench"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("PersonName")}, {QStringLiteral("text"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Email")}, {QStringLiteral("text"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Amount")}, {QStringLiteral("number"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Active")}, {QStringLiteral("boolean"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Due")},
                    {QStringLiteral("dateTime"), QJsonObject{{QStringLiteral("format"), QStringLiteral("dateOnly")}}}}});
        QCOMPARE(m_emulator
                     .admin("POST", QStringLiteral("/lists/%1/generate").arg(list),
                         QJsonObject{{QStringLiteral("count"), items},
                             {QStringLiteral("fields"),
                                 QJsonObject{{QStringLiteral("PersonName"), QStringLiteral("Person {n}")},
                                     {QStringLiteral("Email"), QStringLiteral("p{n}@example.com")}, {QStringLiteral("Amount"), 12.5},
                                     {QStringLiteral("Active"), true}, {QStringLiteral("Due"), QStringLiteral("2026-12-24T00:00:00Z")}}}})
                     .status,
            200);
        QJsonObject id = pullMapping(QStringLiteral("sp_id"), QStringLiteral("ID"), QStringLiteral("PULL_ONLY"));
        id.insert(QStringLiteral("system"), true);
        importDefinitionsJson(
            {syncDefinitionJson(QStringLiteral("Bench"), QStringLiteral("PULL"), QStringLiteral("bench_pull"), QStringLiteral("Bench"),
                QJsonArray{pullMapping(QStringLiteral("name"), QStringLiteral("PersonName"), QStringLiteral("PULL_ONLY")),
                    pullMapping(QStringLiteral("email"), QStringLiteral("Email"), QStringLiteral("PULL_ONLY")),
                    pullMapping(QStringLiteral("amount"), QStringLiteral("Amount"), QStringLiteral("PULL_ONLY")),
                    pullMapping(QStringLiteral("active"), QStringLiteral("Active"), QStringLiteral("PULL_ONLY")),
                    pullMapping(QStringLiteral("due"), QStringLiteral("Due"), QStringLiteral("PULL_ONLY")), id})});

        m_emulator.admin("POST", QStringLiteral("/stats/reset"));
        QElapsedTimer timer;
        timer.start();
        const RunOutcome first = pull(QStringLiteral("Bench"));
        const double seconds = timer.elapsed() / 1000.0;
        QVERIFY2(first.status == RunStatus::Succeeded, qPrintable(described(first)));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM bench_pull")).toInt(), items);
        const auto [requests, ru] = requestsAndRu();
        qInfo("pull of %d new SharePoint items into PostgreSQL (5 columns + ID, pages of 200): %.1f s, %.0f items/s, %lld HTTP requests, "
              "%lld RU (%.3f RU/item)",
            items, seconds, items / seconds, requests, ru, double(ru) / items);

        m_emulator.admin("POST", QStringLiteral("/stats/reset"));
        timer.restart();
        const RunOutcome again = pull(QStringLiteral("Bench"));
        const auto [noChangeRequests, noChangeRu] = requestsAndRu();
        QCOMPARE(again.counters.created + again.counters.updated, 0);
        qInfo("no-change pull over %d items: %.2f s, %lld HTTP requests, %lld RU", items, timer.elapsed() / 1000.0, noChangeRequests,
            noChangeRu);
    }

    void cleanupTestCase() { m_store.reset(); }
};

QTEST_GUILESS_MAIN(BenchPull)
#include "bench_pull.moc"

// A no-change two-way run's cost: N rows (default 10,000) synced by a first two-way run, then three
// runs with nothing changed on either side. Prints the medians of their time, HTTP requests and RU,
// and checks they wrote nothing. SYNCBRIDGE_BENCH_TWOWAY_ROWS sets N.
#include "../integration/pulltestbase.h"

#include "sync/twoway/twowayrun.h"

#include <QElapsedTimer>

#include <algorithm>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class BenchTwoWay : public PullTestBase
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

    std::pair<RunOutcome, TwoWayCounts> run()
    {
        TwoWayRun job(
            m_store, m_secrets, [this](const SharePointConnection &) { return m_governor; }, definitionId(QStringLiteral("Bench")),
            pushOptions(1000));
        const RunOutcome outcome = await<RunOutcome>([&](auto done) {
            QObject::connect(&job, &TwoWayRun::finished, &job, [done](const RunOutcome &result) { done(result); });
            job.start();
        });
        return {outcome, job.counts()};
    }

    static double median(QList<double> values)
    {
        std::sort(values.begin(), values.end());
        return values.at(values.size() / 2);
    }

private slots:
    void initTestCase() { startWith({}); }

    void aNoChangeTwoWayRun()
    {
        const int rows = qEnvironmentVariableIsSet("SYNCBRIDGE_BENCH_TWOWAY_ROWS")
            ? qEnvironmentVariableIntValue("SYNCBRIDGE_BENCH_TWOWAY_ROWS")
            : 10000;
        sql(QStringLiteral(
            "CREATE TABLE bench_twoway (id int PRIMARY KEY, name text, email text, amount numeric(12,2), active bool,"
            " updated_at timestamptz NOT NULL DEFAULT now());"
            "INSERT INTO bench_twoway (id, name, email, amount, active) SELECT g, 'Person ' || g, 'p' || g || '@example.com',"
            " g / 100.0, g % 2 = 0 FROM generate_series(1, %1) g")
                .arg(rows));
        m_emulator.createList(QStringLiteral("Bench two-way"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("RowKey")}, {QStringLiteral("number"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("PersonName")}, {QStringLiteral("text"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Email")}, {QStringLiteral("text"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Amount")}, {QStringLiteral("number"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Active")}, {QStringLiteral("boolean"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("SyncBridgeKey")}, {QStringLiteral("text"), QJsonObject{}}}});
        QJsonObject definition = syncDefinitionJson(QStringLiteral("Bench"), QStringLiteral("TWO_WAY"), QStringLiteral("bench_twoway"),
            QStringLiteral("Bench two-way"),
            QJsonArray{pullMapping(QStringLiteral("id"), QStringLiteral("RowKey"), QStringLiteral("BIDIRECTIONAL"), true),
                pullMapping(QStringLiteral("name"), QStringLiteral("PersonName"), QStringLiteral("BIDIRECTIONAL")),
                pullMapping(QStringLiteral("email"), QStringLiteral("Email"), QStringLiteral("BIDIRECTIONAL")),
                pullMapping(QStringLiteral("amount"), QStringLiteral("Amount"), QStringLiteral("BIDIRECTIONAL")),
                pullMapping(QStringLiteral("active"), QStringLiteral("Active"), QStringLiteral("BIDIRECTIONAL"))});
        definition.insert(QStringLiteral("conflictPolicy"), QStringLiteral("MANUAL"));
        importDefinitionsJson({definition});

        QElapsedTimer clock;
        clock.start();
        const auto first = run();
        QVERIFY2(first.first.status == RunStatus::Succeeded, qPrintable(first.first.message));
        QCOMPARE(first.second.itemsCreated, rows);
        qInfo().noquote() << QStringLiteral("first two-way run, %1 rows into a new list: %2 s").arg(rows).arg(clock.elapsed() / 1000.0);

        QList<double> seconds, requests, ru;
        for (int i = 0; i < 3; ++i) {
            const auto before = requestsAndRu();
            clock.restart();
            const auto again = run();
            seconds << clock.elapsed() / 1000.0;
            const auto after = requestsAndRu();
            requests << double(after.first - before.first);
            ru << double(after.second - before.second);
            QVERIFY2(again.first.status == RunStatus::Succeeded, qPrintable(again.first.message));
            QCOMPARE(again.second.databaseWrites(), 0);
            QCOMPARE(again.second.sharePointWrites(), 0);
        }
        qInfo().noquote() << QStringLiteral("no-change two-way run over %1 rows (median of 3): %2 s, %3 HTTP requests, %4 RU")
                                 .arg(rows)
                                 .arg(median(seconds))
                                 .arg(median(requests))
                                 .arg(median(ru));
    }
};

QTEST_GUILESS_MAIN(BenchTwoWay)
#include "bench_twoway.moc"

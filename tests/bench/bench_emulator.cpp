// How fast the Graph emulator takes item creates — it must never be the bottleneck of the engine's
// benchmarks (target ≥ 5,000 creates/s through $batch) — and how much memory 1,000,000 stored items
// take (target ≤ 1.5 GB). Prints medians of three rounds; asserts only that every item was created.
#include "emulatorprocess.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QTest>

#include <algorithm>

using namespace SyncBridge::Test;

namespace {

// Sends `total` requests made by makeBody, `concurrency` at a time, and returns the seconds taken.
double drive(QNetworkAccessManager &network, const QNetworkRequest &request, int total, int concurrency,
             const std::function<QByteArray(int)> &makeBody, int *failures)
{
    QElapsedTimer timer;
    timer.start();
    int sent = 0, done = 0;
    QEventLoop loop;
    std::function<void()> sendNext = [&]() {
        if (sent >= total)
            return;
        QNetworkReply *reply = network.post(request, makeBody(sent++));
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply]() {
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status != 200 && status != 201)
                ++*failures;
            else if (status == 200 && reply->readAll().contains("\"status\":4"))
                ++*failures;
            reply->deleteLater();
            if (++done == total)
                loop.quit();
            else
                sendNext();
        });
    };
    for (int i = 0; i < concurrency; ++i)
        sendNext();
    loop.exec();
    return timer.elapsed() / 1000.0;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

qint64 peakRssKb(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QJsonObject itemFields(int n)
{
    return QJsonObject{{QStringLiteral("Title"), QStringLiteral("Project %1").arg(n)}, {QStringLiteral("Budget"), n * 10.5},
                       {QStringLiteral("Status"), QStringLiteral("Active")}, {QStringLiteral("Code"), QStringLiteral("PRJ-%1").arg(n, 6, 10, QLatin1Char('0'))}};
}

} // namespace

class BenchEmulator : public QObject
{
    Q_OBJECT

private slots:
    void createsPerSecond()
    {
        EmulatorProcess emulator;
        QVERIFY(emulator.start());
        emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("throttling"), QJsonObject{{QStringLiteral("enabled"), false}}}});
        const QJsonArray columns{QJsonObject{{QStringLiteral("name"), QStringLiteral("Budget")}, {QStringLiteral("number"), QJsonObject{}}},
                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("Status")}, {QStringLiteral("text"), QJsonObject{}}},
                                 QJsonObject{{QStringLiteral("name"), QStringLiteral("Code")}, {QStringLiteral("text"), QJsonObject{}}}};
        QNetworkAccessManager network;
        QList<double> batchRates, singleRates;
        for (int round = 0; round < 3; ++round) {
            const QString list = emulator.createList(QStringLiteral("Bench %1").arg(round), columns);
            const QString items = QStringLiteral("/sites/%1/lists/%2/items").arg(emulator.pmoSiteId(), list);
            QNetworkRequest batch(QUrl(emulator.graphUrl() + QStringLiteral("/$batch")));
            batch.setRawHeader("Authorization", "Bearer " + emulator.token().toLatin1());
            batch.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            const int batches = 1000;   // 20,000 items
            int failures = 0;
            const double batchSeconds = drive(network, batch, batches, 4, [&](int b) {
                QJsonArray requests;
                for (int i = 0; i < 20; ++i)
                    requests.append(QJsonObject{{QStringLiteral("id"), QString::number(i)}, {QStringLiteral("method"), QStringLiteral("POST")},
                                                {QStringLiteral("url"), items},
                                                {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Content-Type"), QStringLiteral("application/json")}}},
                                                {QStringLiteral("body"), QJsonObject{{QStringLiteral("fields"), itemFields(b * 20 + i)}}}});
                return QJsonDocument(QJsonObject{{QStringLiteral("requests"), requests}}).toJson(QJsonDocument::Compact);
            }, &failures);
            QCOMPARE(failures, 0);
            batchRates << batches * 20 / batchSeconds;

            QNetworkRequest single(QUrl(emulator.graphUrl() + items));
            single.setRawHeader("Authorization", "Bearer " + emulator.token().toLatin1());
            single.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
            const int singles = 4000;
            const double singleSeconds = drive(network, single, singles, 4, [&](int n) {
                return QJsonDocument(QJsonObject{{QStringLiteral("fields"), itemFields(n)}}).toJson(QJsonDocument::Compact);
            }, &failures);
            QCOMPARE(failures, 0);
            singleRates << singles / singleSeconds;
            const QJsonObject stats = emulator.admin("GET", QStringLiteral("/stats")).json();
            QCOMPARE(stats.value(QStringLiteral("itemsPerList")).toObject().value(list).toObject().value(QStringLiteral("items")).toInt(), batches * 20 + singles);
        }
        qInfo("emulator creates via $batch (20 per batch, 4 concurrent clients): median %.0f items/s (rounds: %.0f, %.0f, %.0f)",
              median(batchRates), batchRates.at(0), batchRates.at(1), batchRates.at(2));
        qInfo("emulator creates via single POSTs (4 concurrent clients):        median %.0f items/s (rounds: %.0f, %.0f, %.0f)",
              median(singleRates), singleRates.at(0), singleRates.at(1), singleRates.at(2));
    }

    void memoryWithAMillionItems()
    {
        EmulatorProcess emulator;
        QVERIFY(emulator.start());
        const QString list = emulator.createList(QStringLiteral("Million"), {});
        QElapsedTimer timer;
        timer.start();
        for (int chunk = 0; chunk < 10; ++chunk) {
            const HttpExchange generated = emulator.admin("POST", QStringLiteral("/lists/%1/generate").arg(list),
                                                          {{QStringLiteral("count"), 100000},
                                                           {QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("Project {n}")},
                                                                                                  {QStringLiteral("Code"), QStringLiteral("PRJ-{n}")},
                                                                                                  {QStringLiteral("Status"), QStringLiteral("Active")},
                                                                                                  {QStringLiteral("Budget"), 1234.5},
                                                                                                  {QStringLiteral("SyncBridgeKey"), QStringLiteral("5f2b7c0e9a1d4e3f8b6a7c5d4e3f2a1b0c9d8e7f6a5b4c3d2e1f0a9b8c7d6e5f-{n}")}}}});
            QCOMPARE(generated.status, 200);
        }
        QCOMPARE(emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("itemsPerList")).toObject().value(list).toObject()
                     .value(QStringLiteral("items")).toInt(), 1000000);
        // the last page is found quickly even with a million items (keyset over the ID map)
        const HttpExchange page = emulator.graph("GET", QStringLiteral("/sites/%1/lists/%2/items?$top=100&$skiptoken=%3")
                                                            .arg(emulator.pmoSiteId(), list, QString::fromLatin1(QByteArray("Paged=TRUE&p_ID=999950").toBase64())));
        QCOMPARE(page.json().value(QStringLiteral("value")).toArray().size(), 50);
        qInfo("emulator with 1,000,000 items (6 fields each): peak RSS %.0f MB, generated in %.1f s, last page in %lld ms",
              peakRssKb(emulator.processId()) / 1024.0, timer.elapsed() / 1000.0, page.elapsedMs);
    }
};

QTEST_GUILESS_MAIN(BenchEmulator)
#include "bench_emulator.moc"

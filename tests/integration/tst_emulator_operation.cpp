// Running the Graph emulator: command line, seeds and configuration files, persistence across
// restarts (written atomically), clean shutdown, the admin API's stats and dumps.
#include "emulatorprocess.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncBridge::Test;

namespace {

void writeJson(const QString &path, const QJsonObject &json)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QJsonDocument(json).toJson());
}

QJsonObject seedWithOneList()
{
    return QJsonObject{
        {QStringLiteral("tenants"), QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("fabrikam")},
                                                           {QStringLiteral("apps"), QJsonArray{QJsonObject{{QStringLiteral("clientId"), QStringLiteral("fab-app")},
                                                                                                           {QStringLiteral("secret"), QStringLiteral("fab-secret")}}}}}}},
        {QStringLiteral("sites"), QJsonArray{QJsonObject{
            {QStringLiteral("hostname"), QStringLiteral("fabrikam.sharepoint.com")}, {QStringLiteral("path"), QStringLiteral("/sites/ops")},
            {QStringLiteral("displayName"), QStringLiteral("Operations")},
            {QStringLiteral("lists"), QJsonArray{QJsonObject{
                {QStringLiteral("displayName"), QStringLiteral("Assets")},
                {QStringLiteral("columns"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Serial")}, {QStringLiteral("text"), QJsonObject{}}}}},
                {QStringLiteral("items"), QJsonArray{QJsonObject{{QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("Pump")},
                                                                                                       {QStringLiteral("Serial"), QStringLiteral("P-1")}}}},
                                                     QJsonObject{{QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("Valve")}}}}}}}}}}}},
    };
}

int runEmulator(const QStringList &arguments, QByteArray *errorOutput)
{
    QProcess process;
    process.start(QStringLiteral(SYNCBRIDGE_EMULATOR_PATH), arguments);
    process.waitForFinished(10000);
    *errorOutput = process.readAllStandardError();
    return process.exitCode();
}

} // namespace

class TestEmulatorOperation : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private slots:
    void refusesNonLoopbackAndBadFiles()
    {
        QByteArray error;
        QCOMPARE(runEmulator({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--bind"), QStringLiteral("0.0.0.0")}, &error), 64);
        QVERIFY(error.contains("for this machine only"));
        const QString badConfig = m_dir.filePath(QStringLiteral("bad-config.json"));
        writeJson(badConfig, {{QStringLiteral("faults"), QJsonObject{{QStringLiteral("errorRate"), QStringLiteral("lots")}}}});
        QCOMPARE(runEmulator({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--config"), badConfig}, &error), 2);
        QVERIFY(error.contains("faults.errorRate must be a number"));
        QCOMPARE(runEmulator({QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed"), m_dir.filePath(QStringLiteral("missing.json"))}, &error), 2);
    }

    void seedAndConfigFiles()
    {
        const QString seed = m_dir.filePath(QStringLiteral("seed.json"));
        const QString config = m_dir.filePath(QStringLiteral("config.json"));
        writeJson(seed, seedWithOneList());
        writeJson(config, {{QStringLiteral("tokenLifetimeSeconds"), 120}, {QStringLiteral("throttling"), QJsonObject{{QStringLiteral("ruPerMinute"), 2500}}}});
        EmulatorProcess emulator;
        QString error;
        QVERIFY2(emulator.start({QStringLiteral("--seed"), seed, QStringLiteral("--config"), config}, &error), qPrintable(error));
        const HttpExchange token = emulator.tokenRequest("client_id=fab-app&client_secret=fab-secret&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"
                                                         "&grant_type=client_credentials",
                                                         QStringLiteral("fabrikam"));
        QCOMPARE(token.status, 200);
        QCOMPARE(token.json().value(QStringLiteral("expires_in")).toInt(), 120);
        const QByteArray bearer = "Bearer " + token.json().value(QStringLiteral("access_token")).toString().toLatin1();
        const HttpExchange items = emulator.graph("GET", QStringLiteral("/sites/fabrikam.sharepoint.com:/sites/ops:/lists/Assets/items?expand=fields"), {},
                                                  {{"Authorization", bearer}});
        QCOMPARE(items.status, 200);
        const QJsonArray value = items.json().value(QStringLiteral("value")).toArray();
        QCOMPARE(value.size(), 2);
        QCOMPARE(value.first().toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("Serial")).toString(), QStringLiteral("P-1"));
        QCOMPARE(emulator.admin("GET", QStringLiteral("/config")).json().value(QStringLiteral("throttling")).toObject().value(QStringLiteral("ruPerMinute")).toInt(), 2500);
        // reset returns to the startup state: defaults + seed + configuration
        emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("tokenLifetimeSeconds"), 5}});
        QCOMPARE(emulator.admin("POST", QStringLiteral("/reset")).status, 200);
        QCOMPARE(emulator.admin("GET", QStringLiteral("/config")).json().value(QStringLiteral("tokenLifetimeSeconds")).toInt(), 120);
    }

    void persistsAcrossRestartsAndStopsCleanly()
    {
        const QString data = m_dir.filePath(QStringLiteral("state.json"));
        QString listId;
        QString etag;
        {
            EmulatorProcess emulator;
            QVERIFY(emulator.start({QStringLiteral("--data"), data}));
            listId = emulator.createList(QStringLiteral("Persisted"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Budget")},
                                                                                             {QStringLiteral("number"), QJsonObject{}}}});
            const QString items = QStringLiteral("/sites/%1/lists/%2/items").arg(emulator.pmoSiteId(), listId);
            for (int i = 1; i <= 3; ++i)
                QCOMPARE(emulator.graph("POST", items, {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("p%1").arg(i)},
                                                                                               {QStringLiteral("Budget"), i}}}}).status, 201);
            QCOMPARE(emulator.graph("DELETE", items + QStringLiteral("/2")).status, 204);
            etag = emulator.graph("PATCH", items + QStringLiteral("/3/fields"), {{QStringLiteral("Budget"), 30}}).json().value(QStringLiteral("@odata.etag")).toString();
            QCOMPARE(emulator.stop(), 0);   // SIGTERM: a clean exit that saves
        }
        QFile file(data);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(file.readAll()).isObject());
        QVERIFY(!QFile::exists(data + QStringLiteral(".tmp")));

        EmulatorProcess restarted;
        QVERIFY(restarted.start({QStringLiteral("--data"), data}));
        const QString items = QStringLiteral("/sites/%1/lists/%2/items").arg(restarted.pmoSiteId(), listId);
        const QJsonArray value = restarted.graph("GET", items + QStringLiteral("?expand=fields")).json().value(QStringLiteral("value")).toArray();
        QCOMPARE(value.size(), 2);
        const QJsonObject three = value.at(1).toObject();
        QCOMPARE(three.value(QStringLiteral("eTag")).toString(), etag);
        QCOMPARE(three.value(QStringLiteral("fields")).toObject().value(QStringLiteral("Budget")).toInt(), 30);
        // the next ID continues after the highest ever used, even across the restart
        QCOMPARE(restarted.graph("POST", items, {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("p4")}}}})
                     .json().value(QStringLiteral("id")).toString(), QStringLiteral("4"));
    }

    void statsAndDumps()
    {
        EmulatorProcess emulator;
        QVERIFY(emulator.start());
        const QString listId = emulator.createList(QStringLiteral("Counted"), {});
        const QString items = QStringLiteral("/sites/%1/lists/%2/items").arg(emulator.pmoSiteId(), listId);
        emulator.graph("POST", items, {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("one")}}}});
        emulator.graph("GET", items + QStringLiteral("/1"));
        emulator.graph("GET", items + QStringLiteral("/99"));
        const QJsonObject stats = emulator.admin("GET", QStringLiteral("/stats")).json();
        const QJsonObject kinds = stats.value(QStringLiteral("requestsByKind")).toObject();
        QCOMPARE(kinds.value(QStringLiteral("items.create")).toInt(), 1);
        QCOMPARE(kinds.value(QStringLiteral("items.read")).toInt(), 2);
        QCOMPARE(stats.value(QStringLiteral("responsesByStatus")).toObject().value(QStringLiteral("404")).toInt(), 1);
        QCOMPARE(stats.value(QStringLiteral("itemsPerList")).toObject().value(listId).toObject().value(QStringLiteral("items")).toInt(), 1);
        QVERIFY(stats.value(QStringLiteral("ruSpent")).toInt() >= 3);
        const QJsonObject dump = emulator.admin("GET", QStringLiteral("/lists/%1/items").arg(listId)).json();
        QCOMPARE(dump.value(QStringLiteral("count")).toInt(), 1);
        QCOMPARE(dump.value(QStringLiteral("items")).toArray().first().toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("Title")).toString(),
                 QStringLiteral("one"));
        QCOMPARE(emulator.admin("GET", QStringLiteral("/nope")).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestEmulatorOperation)
#include "tst_emulator_operation.moc"

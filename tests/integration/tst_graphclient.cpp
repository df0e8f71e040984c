// The Graph client against the real emulator process: tokens and refresh, transport security,
// discovery, provisioning the demo table (introspected from a real PostgreSQL), batched writes,
// delta, and every fault mode the emulator has.
#include "await.h"
#include "emulatorprocess.h"
#include "postgresfixture.h"
#include "testpaths.h"

#include "graph/batchwriter.h"
#include "graph/deltareader.h"
#include "graph/discovery.h"
#include "graph/governor.h"
#include "graph/graphclient.h"
#include "graph/itemserializer.h"
#include "graph/provisioning.h"
#include "source/probe.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace SyncBridge;
using namespace SyncBridge::Test;


class TestGraphClient : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    std::unique_ptr<GraphClient> m_client;
    QString m_site;

    std::unique_ptr<GraphClient> makeClient(const QString &secret = QStringLiteral("demo-secret"), GovernorSettings settings = {},
                                            const QString &graphBase = {})
    {
        return m_emulator.graphClient(settings, secret, graphBase);
    }

    GraphResponse call(GraphClient &client, const GraphRequest &request)
    {
        return await<GraphResponse>([&](auto done) { client.send(request, done); });
    }

    QList<ItemResult> write(const QList<ItemOperation> &operations, GraphClient *client = nullptr)
    {
        BatchWriter writer(client ? *client : *m_client, m_site);
        return await<QList<ItemResult>>([&](auto done) { writer.write(operations, done); });
    }

    QString newList(const QString &name)
    {
        return m_emulator.createList(name, QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Budget")}, {QStringLiteral("number"), QJsonObject{}}},
                                                      QJsonObject{{QStringLiteral("name"), QStringLiteral("SyncBridgeKey")}, {QStringLiteral("text"), QJsonObject{}},
                                                                  {QStringLiteral("hidden"), true}, {QStringLiteral("indexed"), true}}});
    }

    static QList<ItemOperation> creates(const QString &listId, int count, const QString &prefix)
    {
        QList<ItemOperation> operations;
        for (int i = 0; i < count; ++i) {
            ItemOperation op;
            op.listId = listId;
            op.tag = prefix + QString::number(i);
            op.fields = QJsonObject{{QStringLiteral("Title"), op.tag}, {QStringLiteral("Budget"), i}, {QStringLiteral("SyncBridgeKey"), op.tag}};
            operations << op;
        }
        return operations;
    }

    int itemCount(const QString &listId)
    {
        return m_emulator.admin("GET", QStringLiteral("/lists/%1/items").arg(listId)).json().value(QStringLiteral("count")).toInt();
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
        m_client = makeClient();
        m_site = m_emulator.pmoSiteId();
    }

    // 1 TokenProvider
    void rejectedSecretIsExplained()
    {
        auto client = makeClient(QStringLiteral("wrong"));
        GraphRequest request;
        request.url = QStringLiteral("/sites/root");
        const GraphResponse response = call(*client, request);
        QCOMPARE(response.status, 401);
        QVERIFY2(response.errorMessage.contains(QStringLiteral("client secret was rejected by the tenant")), qPrintable(response.errorMessage));
        QVERIFY(!response.errorMessage.contains(QStringLiteral("wrong")));
    }

    void tokenIsCachedAndRefreshedOnceAfterExpiry()
    {
        GraphRequest request;
        request.url = QStringLiteral("/sites/root");
        for (int i = 0; i < 3; ++i)
            QCOMPARE(call(*m_client, request).status, 200);
        const QJsonObject stats = m_emulator.admin("GET", QStringLiteral("/stats")).json();
        QCOMPARE(stats.value(QStringLiteral("requestsByKind")).toObject().value(QStringLiteral("token")).toInt(), 2);
        QCOMPARE(stats.value(QStringLiteral("userAgents")).toObject().value(QStringLiteral("ISV|Arcore|SyncBridge/" SYNCBRIDGE_VERSION)).toInt(), 3);
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/tokens/expire")).status, 204);   // expiry mid-run
        QCOMPARE(call(*m_client, request).status, 200);                                      // one refresh, transparently
        QCOMPARE(m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("requestsByKind")).toObject().value(QStringLiteral("token")).toInt(), 3);
    }

    // 2 Requests: transport security, paging verbatim
    void plainHttpOnlyToLoopback()
    {
        auto client = makeClient(QStringLiteral("demo-secret"), {}, QStringLiteral("http://graph.example.com/v1.0"));
        GraphRequest request;
        request.url = QStringLiteral("/sites/root");
        const GraphResponse response = call(*client, request);
        QCOMPARE(response.errorCode, QStringLiteral("insecureTransport"));
        QVERIFY(response.errorMessage.contains(QStringLiteral("only https is allowed")));
        QVERIFY(checkTransportSecurity(QUrl(QStringLiteral("https://graph.microsoft.com/v1.0"))).ok());
        QVERIFY(checkTransportSecurity(QUrl(QStringLiteral("http://localhost:8765"))).ok());
        QVERIFY(!checkTransportSecurity(QUrl(QStringLiteral("http://10.0.0.5:8765"))).ok());
    }

    void getAllFollowsNextLinks()
    {
        const QString list = newList(QStringLiteral("Paged"));
        m_emulator.admin("POST", QStringLiteral("/lists/%1/generate").arg(list), {{QStringLiteral("count"), 450}});
        const auto items = await<Result<QList<QJsonObject>>>([&](auto done) {
            Discovery::items(*m_client, m_site, list, {QStringLiteral("Title")}, {}, 200, done);
        });
        QVERIFY(items.ok());
        QCOMPARE(items->size(), 450);
        QCOMPARE(m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("requestsByKind")).toObject().value(QStringLiteral("items.read")).toInt(), 3);
    }

    // 3 Discovery
    void discoversSitesListsAndColumns()
    {
        const auto site = await<Result<SharePointSite>>([&](auto done) { Discovery::site(*m_client, QStringLiteral("contoso.sharepoint.com:/sites/pmo"), done); });
        QVERIFY(site.ok());
        QCOMPARE(site->graphId, m_site);
        QCOMPARE(site->displayName, QStringLiteral("Project Office"));
        const auto missing = await<Result<SharePointSite>>([&](auto done) { Discovery::site(*m_client, QStringLiteral("contoso.sharepoint.com:/sites/nope"), done); });
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message().contains(QStringLiteral("deleted or renamed")));
        const auto found = await<Result<QList<SharePointSite>>>([&](auto done) { Discovery::searchSites(*m_client, QStringLiteral("Project"), done); });
        QCOMPARE(found->size(), 1);

        const QString list = newList(QStringLiteral("Visible"));
        m_emulator.admin("POST", QStringLiteral("/seed"), {{QStringLiteral("sites"), QJsonArray{QJsonObject{{QStringLiteral("path"), QStringLiteral("/sites/pmo")},
            {QStringLiteral("lists"), QJsonArray{QJsonObject{{QStringLiteral("displayName"), QStringLiteral("Hidden System")}, {QStringLiteral("system"), true}}}}}}}});
        const auto lists = await<Result<QList<SharePointList>>>([&](auto done) { Discovery::lists(*m_client, m_site, done); });
        QVERIFY(lists.ok());
        QStringList names;
        for (const SharePointList &l : std::as_const(*lists))
            names << l.displayName;
        QCOMPARE(names, QStringList{QStringLiteral("Visible")});

        const auto columns = await<Result<QList<SharePointColumn>>>([&](auto done) { Discovery::columns(*m_client, m_site, list, done); });
        QVERIFY(columns.ok());
        QHash<QString, SharePointColumn> byName;
        for (const SharePointColumn &c : std::as_const(*columns))
            byName.insert(c.name, c);
        QVERIFY(byName.contains(QStringLiteral("SyncBridgeKey")));   // hidden, but found
        QVERIFY(byName.value(QStringLiteral("SyncBridgeKey")).hidden);
        QVERIFY(byName.value(QStringLiteral("SyncBridgeKey")).indexed);
        QVERIFY(byName.value(QStringLiteral("Created")).system);
        QVERIFY(byName.value(QStringLiteral("Attachments")).system);   // readOnly false on the wire, system by the deny-list
        QVERIFY(byName.value(QStringLiteral("Attachments")).readOnly);
        QVERIFY(!byName.value(QStringLiteral("Title")).system);
        QCOMPARE(byName.value(QStringLiteral("Title")).maxLength, 255);
        QCOMPARE(byName.value(QStringLiteral("Budget")).type, QStringLiteral("number"));
    }

    // 4 Provisioning the demo table, introspected from a real PostgreSQL
    void provisionsTheDemoProjectsTable()
    {
        PostgresFixture postgres;
        QVERIFY(postgres.start().ok());
        QVERIFY(postgres.createDatabase(QStringLiteral("demo")).ok());
        QVERIFY(postgres.runSqlFile(QStringLiteral("demo"), demoSqlPath()).ok());
        Database database = postgres.databaseConnection(QStringLiteral("demo"));
        database.instances[0].secretRef = QStringLiteral("postgres/x");
        const QString password = postgres.password();
        auto introspection = introspectDatabase(database, [password](const DatabaseInstance &) -> Result<QString> { return password; });
        QVERIFY(introspection.ok());
        const TableInfo projects = introspection->tables.at(1);
        QCOMPARE(projects.name, QStringLiteral("projects"));

        const ListPlan plan = planList(projects, QStringLiteral("Projects"));
        const auto report = await<Result<ProvisioningReport>>([&](auto done) { provisionList(*m_client, m_site, plan, done); });
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().toString()));
        QVERIFY(report->listCreated);
        QCOMPARE(report->addedColumns.size(), 10);   // 9 columns + SyncBridgeKey
        QVERIFY(report->unsupported.isEmpty());

        const QJsonArray columns = m_emulator.graph("GET", QStringLiteral("/sites/%1/lists/%2/columns?$select=name,hidden,indexed,text,number,choice,dateTime")
                                                               .arg(m_site, report->listId)).json().value(QStringLiteral("value")).toArray();
        QJsonArray userColumns;
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &value : columns) {
            const QJsonObject column = value.toObject();
            byName.insert(column.value(QStringLiteral("name")).toString(), column);
            static const QStringList builtIns{QStringLiteral("ID"), QStringLiteral("ContentType"), QStringLiteral("Title"), QStringLiteral("Modified"),
                                              QStringLiteral("Created"), QStringLiteral("Author"), QStringLiteral("Editor"), QStringLiteral("Attachments"),
                                              QStringLiteral("Edit"), QStringLiteral("LinkTitleNoMenu"), QStringLiteral("LinkTitle"), QStringLiteral("DocIcon"),
                                              QStringLiteral("ItemChildCount"), QStringLiteral("FolderChildCount"), QStringLiteral("AppAuthor"),
                                              QStringLiteral("AppEditor")};
            const QString name = column.value(QStringLiteral("name")).toString();
            if (!builtIns.contains(name) && !name.startsWith(QLatin1Char('_')))
                userColumns.append(column);
        }
        QFile out(QDir(artifactDirectory()).filePath(QStringLiteral("provisioned-projects-columns.json")));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(QJsonDocument(userColumns).toJson());
        QCOMPARE(byName.value(QStringLiteral("status")).value(QStringLiteral("choice")).toObject().value(QStringLiteral("choices")).toArray().size(), 5);
        QCOMPARE(byName.value(QStringLiteral("tags")).value(QStringLiteral("choice")).toObject().value(QStringLiteral("displayAs")).toString(), QStringLiteral("checkBoxes"));
        QCOMPARE(byName.value(QStringLiteral("budget_amount")).value(QStringLiteral("number")).toObject().value(QStringLiteral("decimalPlaces")).toString(), QStringLiteral("two"));
        QCOMPARE(byName.value(QStringLiteral("start_date")).value(QStringLiteral("dateTime")).toObject().value(QStringLiteral("format")).toString(), QStringLiteral("dateOnly"));
        QCOMPARE(byName.value(QStringLiteral("project_code")).value(QStringLiteral("text")).toObject().value(QStringLiteral("maxLength")).toInt(), 20);
        QVERIFY(byName.value(QStringLiteral("name")).value(QStringLiteral("text")).toObject().value(QStringLiteral("allowMultipleLines")).toBool());
        QVERIFY(byName.value(QStringLiteral("id_2")).contains(QStringLiteral("number")));   // "id" collides with the built-in ID
        QVERIFY(byName.value(QStringLiteral("SyncBridgeKey")).value(QStringLiteral("hidden")).toBool());
        QVERIFY(byName.value(QStringLiteral("SyncBridgeKey")).value(QStringLiteral("indexed")).toBool());

        // Again: nothing to add. With one more column: only that one is added.
        const auto again = await<Result<ProvisioningReport>>([&](auto done) { provisionList(*m_client, m_site, plan, done); });
        QVERIFY(again.ok());
        QVERIFY(!again->listCreated);
        QVERIFY(again->addedColumns.isEmpty());
        QCOMPARE(again->existingColumns.size(), 10);
        TableInfo grown = projects;
        ColumnInfo extra;
        extra.name = QStringLiteral("risk score");
        extra.typeName = QStringLiteral("int4");
        extra.dataType = QStringLiteral("integer");
        ColumnInfo photo;
        photo.name = QStringLiteral("photo");
        photo.typeName = QStringLiteral("bytea");
        photo.dataType = QStringLiteral("bytea");
        grown.columns << extra << photo;
        const auto grownReport = await<Result<ProvisioningReport>>([&](auto done) { provisionList(*m_client, m_site, planList(grown, QStringLiteral("Projects")), done); });
        QVERIFY(grownReport.ok());
        QCOMPARE(grownReport->addedColumns, QStringList{QStringLiteral("risk_score")});
        QCOMPARE(grownReport->unsupported.size(), 1);
        QCOMPARE(grownReport->unsupported.first().sourceColumn, QStringLiteral("photo"));
    }
};

QTEST_GUILESS_MAIN(TestGraphClient)
#include "tst_graphclient.moc"

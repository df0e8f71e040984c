// Graph emulator contract (shared/docs/graph-contract.md §1–5): token endpoint, common response
// headers and error shape, sites, lists, columns. Real process, real HTTP over loopback.
#include "emulatorprocess.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <QUrl>

using namespace SyncBridge::Test;

namespace {

const QByteArray goodForm = "client_id=syncbridge-demo&client_secret=demo-secret&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default"
                            "&grant_type=client_credentials";

void verifyGraphError(const HttpExchange &reply, int status, const QString &code)
{
    QCOMPARE(reply.status, status);
    const QJsonObject error = reply.json().value(QStringLiteral("error")).toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toString(), code);
    QVERIFY(!error.value(QStringLiteral("message")).toString().isEmpty());
    const QJsonObject inner = error.value(QStringLiteral("innerError")).toObject();
    QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d$")).match(inner.value(QStringLiteral("date")).toString()).hasMatch());
    QCOMPARE(inner.value(QStringLiteral("request-id")).toString().toLatin1(), reply.header("request-id"));
    QCOMPARE(inner.value(QStringLiteral("client-request-id")).toString().toLatin1(), reply.header("client-request-id"));
}

} // namespace

class TestEmulatorAuthSites : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_emulator.start({}, &error), qPrintable(error));
    }

    void init()
    {
        QVERIFY(m_emulator.reset());
    }

    // §2 token endpoint
    void tokenSuccessShape()
    {
        const HttpExchange reply = m_emulator.tokenRequest(goodForm);
        QCOMPARE(reply.status, 200);
        const QJsonObject json = reply.json();
        QCOMPARE(json.value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        QCOMPARE(json.value(QStringLiteral("expires_in")).toInt(), 3599);
        QVERIFY(json.value(QStringLiteral("access_token")).toString().size() > 40);
        // the tenant may be named by domain too
        QCOMPARE(m_emulator.tokenRequest(goodForm, QStringLiteral("contoso.onmicrosoft.com")).status, 200);
    }

    void tokenErrors_data()
    {
        QTest::addColumn<QByteArray>("form");
        QTest::addColumn<QString>("tenant");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("code");
        QTest::newRow("wrong secret") << QByteArray(goodForm).replace("demo-secret", "nope") << QStringLiteral("contoso") << 401 << QStringLiteral("invalid_client") << 7000215;
        QTest::newRow("missing secret") << QByteArray(goodForm).replace("client_secret=demo-secret&", "") << QStringLiteral("contoso") << 401 << QStringLiteral("invalid_client") << 7000216;
        QTest::newRow("bad scope") << QByteArray(goodForm).replace("%2F.default", "%2FUser.Read") << QStringLiteral("contoso") << 400 << QStringLiteral("invalid_scope") << 70011;
        QTest::newRow("bad grant") << QByteArray(goodForm).replace("client_credentials", "password") << QStringLiteral("contoso") << 400 << QStringLiteral("unsupported_grant_type") << 70003;
        QTest::newRow("no client id") << QByteArray(goodForm).replace("client_id=syncbridge-demo&", "") << QStringLiteral("contoso") << 400 << QStringLiteral("invalid_request") << 900144;
        QTest::newRow("unknown app") << QByteArray(goodForm).replace("syncbridge-demo", "other-app") << QStringLiteral("contoso") << 400 << QStringLiteral("unauthorized_client") << 700016;
        QTest::newRow("unknown tenant") << goodForm << QStringLiteral("fabrikam") << 400 << QStringLiteral("invalid_request") << 90002;
    }

    void tokenErrors()
    {
        QFETCH(QByteArray, form);
        QFETCH(QString, tenant);
        QFETCH(int, status);
        QFETCH(QString, error);
        QFETCH(int, code);
        const HttpExchange reply = m_emulator.tokenRequest(form, tenant);
        QCOMPARE(reply.status, status);
        const QJsonObject json = reply.json();
        QCOMPARE(json.value(QStringLiteral("error")).toString(), error);
        QCOMPARE(json.value(QStringLiteral("error_codes")).toArray().first().toInt(), code);
        QVERIFY(json.value(QStringLiteral("error_description")).toString().startsWith(QStringLiteral("AADSTS%1: ").arg(code)));
        QVERIFY(json.value(QStringLiteral("error_description")).toString().contains(QStringLiteral("Trace ID: ")));
        QVERIFY(!json.value(QStringLiteral("correlation_id")).toString().isEmpty());
        QCOMPARE(json.contains(QStringLiteral("error_uri")), error == QLatin1String("invalid_client"));
    }

    void basicClientAuthentication()
    {
        const HttpExchange reply = m_emulator.request("POST", m_emulator.baseUrl() + QStringLiteral("/contoso/oauth2/v2.0/token"),
                                                      "scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&grant_type=client_credentials",
                                                      {{"Content-Type", "application/x-www-form-urlencoded"},
                                                       {"Authorization", "Basic " + QByteArray("syncbridge-demo:demo-secret").toBase64()}});
        QCOMPARE(reply.status, 200);
    }

    void graphNeedsAValidToken()
    {
        verifyGraphError(m_emulator.graph("GET", QStringLiteral("/sites/root"), {}, {{"Authorization", ""}}), 401, QStringLiteral("unauthenticated"));
        verifyGraphError(m_emulator.graph("GET", QStringLiteral("/sites/root"), {}, {{"Authorization", "Bearer made-up"}}), 401,
                         QStringLiteral("unauthenticated"));
        QCOMPARE(m_emulator.graph("GET", QStringLiteral("/sites/root")).status, 200);
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/tokens/expire")).status, 204);
        const HttpExchange expired = m_emulator.graph("GET", QStringLiteral("/sites/root"));
        verifyGraphError(expired, 401, QStringLiteral("InvalidAuthenticationToken"));
        QVERIFY(expired.header("www-authenticate").startsWith("Bearer"));
        QCOMPARE(m_emulator.graph("GET", QStringLiteral("/sites/root"), {}, {{"Authorization", "Bearer " + m_emulator.token(true).toLatin1()}}).status, 200);
    }

    void tokenLifetimeIsConfigurable()
    {
        QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("tokenLifetimeSeconds"), 1}}).status, 200);
        const QString token = m_emulator.token(true);
        QCOMPARE(m_emulator.tokenRequest(goodForm).json().value(QStringLiteral("expires_in")).toInt(), 1);
        QTest::qWait(1200);
        verifyGraphError(m_emulator.graph("GET", QStringLiteral("/sites/root"), {}, {{"Authorization", "Bearer " + token.toLatin1()}}), 401,
                         QStringLiteral("InvalidAuthenticationToken"));
    }

    // §1 and §13.9: headers on every response
    void commonHeaders()
    {
        const HttpExchange reply = m_emulator.graph("GET", QStringLiteral("/sites/root"), {}, {{"client-request-id", "my-correlation-42"}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.header("client-request-id"), QByteArray("my-correlation-42"));
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f-]{36}$")).match(QString::fromLatin1(reply.header("request-id"))).hasMatch());
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Z][a-z]{2}, \\d\\d [A-Z][a-z]{2} \\d{4} \\d\\d:\\d\\d:\\d\\d GMT$"))
                    .match(QString::fromLatin1(reply.header("date"))).hasMatch());
        QVERIFY(reply.header("content-type").startsWith("application/json;odata.metadata=minimal"));
        QCOMPARE(reply.header("odata-version"), QByteArray("4.0"));
        const HttpExchange generated = m_emulator.graph("GET", QStringLiteral("/sites/root"));
        QCOMPARE(generated.header("client-request-id"), generated.header("request-id"));
        verifyGraphError(m_emulator.graph("GET", QStringLiteral("/sites/contoso.sharepoint.com:/sites/nope")), 404, QStringLiteral("itemNotFound"));
    }

    // §3 sites
    void siteAddressing()
    {
        const QJsonObject root = m_emulator.graph("GET", QStringLiteral("/sites/root")).json();
        QVERIFY(root.contains(QStringLiteral("root")));
        QCOMPARE(root.value(QStringLiteral("siteCollection")).toObject().value(QStringLiteral("hostname")).toString(), QStringLiteral("contoso.sharepoint.com"));
        QCOMPARE(m_emulator.graph("GET", QStringLiteral("/sites/contoso.sharepoint.com")).json().value(QStringLiteral("id")), root.value(QStringLiteral("id")));

        const QJsonObject pmo = m_emulator.graph("GET", QStringLiteral("/sites/contoso.sharepoint.com:/sites/pmo")).json();
        const QString id = pmo.value(QStringLiteral("id")).toString();
        QCOMPARE(id.split(QLatin1Char(',')).size(), 3);
        QCOMPARE(pmo.value(QStringLiteral("webUrl")).toString(), QStringLiteral("https://contoso.sharepoint.com/sites/pmo"));
        QVERIFY(!pmo.contains(QStringLiteral("root")));
        QCOMPARE(m_emulator.graph("GET", QStringLiteral("/sites/") + id).json().value(QStringLiteral("id")).toString(), id);
        QString encoded = id;
        encoded.replace(QLatin1Char(','), QLatin1String("%2C"));
        QCOMPARE(m_emulator.graph("GET", QStringLiteral("/sites/") + encoded).json().value(QStringLiteral("id")).toString(), id);
        QCOMPARE(m_emulator.graph("GET", QStringLiteral("/sites/") + id.section(QLatin1Char(','), 1, 1)).json().value(QStringLiteral("id")).toString(), id);
        QCOMPARE(m_emulator.graph("GET", QStringLiteral("/sites/") + id.section(QLatin1Char(','), 0, 1)).json().value(QStringLiteral("id")).toString(), id);

        const QString listId = m_emulator.createList(QStringLiteral("Via Path"), {});
        const HttpExchange viaPath = m_emulator.graph("GET", QStringLiteral("/sites/contoso.sharepoint.com:/sites/pmo:/lists/") + listId);
        QCOMPARE(viaPath.status, 200);
        QCOMPARE(viaPath.json().value(QStringLiteral("displayName")).toString(), QStringLiteral("Via Path"));
    }

    void siteSearch()
    {
        const QJsonObject found = m_emulator.graph("GET", QStringLiteral("/sites?search=Project")).json();
        QVERIFY(found.value(QStringLiteral("@odata.context")).toString().endsWith(QStringLiteral("$metadata#sites")));
        const QJsonArray value = found.value(QStringLiteral("value")).toArray();
        QCOMPARE(value.size(), 1);
        QCOMPARE(value.first().toObject().value(QStringLiteral("displayName")).toString(), QStringLiteral("Project Office"));
    }

    // §4 lists
    void createAndGetLists()
    {
        const QString site = m_emulator.pmoSiteId();
        const HttpExchange created = m_emulator.graph("POST", QStringLiteral("/sites/%1/lists").arg(site),
                                                      {{QStringLiteral("displayName"), QStringLiteral("Project Tasks")},
                                                       {QStringLiteral("columns"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Budget")},
                                                                                                          {QStringLiteral("number"), QJsonObject{}}}}},
                                                       {QStringLiteral("list"), QJsonObject{{QStringLiteral("template"), QStringLiteral("genericList")}}}});
        QCOMPARE(created.status, 201);
        const QJsonObject list = created.json();
        QVERIFY(list.value(QStringLiteral("@odata.context")).toString().endsWith(QStringLiteral("/lists/$entity")));
        QCOMPARE(list.value(QStringLiteral("name")).toString(), QStringLiteral("ProjectTasks"));
        QCOMPARE(list.value(QStringLiteral("webUrl")).toString(), QStringLiteral("https://contoso.sharepoint.com/sites/pmo/Lists/ProjectTasks"));
        const QString id = list.value(QStringLiteral("id")).toString();
        QCOMPARE(list.value(QStringLiteral("eTag")).toString(), id + QStringLiteral(",1"));   // unquoted on create
        QCOMPARE(list.value(QStringLiteral("list")).toObject().value(QStringLiteral("template")).toString(), QStringLiteral("genericList"));

        const QJsonObject byTitle = m_emulator.graph("GET", QStringLiteral("/sites/%1/lists/Project Tasks").arg(site)).json();
        QCOMPARE(byTitle.value(QStringLiteral("id")).toString(), id);
        QCOMPARE(byTitle.value(QStringLiteral("eTag")).toString(), QStringLiteral("\"%1,1\"").arg(id));
        const QJsonArray filtered = m_emulator.graph("GET", QStringLiteral("/sites/%1/lists?$filter=displayName eq 'Project Tasks'").arg(site))
                                        .json().value(QStringLiteral("value")).toArray();
        QCOMPARE(filtered.size(), 1);
    }

    void listErrors()
    {
        const QString site = m_emulator.pmoSiteId();
        const HttpExchange named = m_emulator.graph("POST", QStringLiteral("/sites/%1/lists").arg(site), {{QStringLiteral("name"), QStringLiteral("X")}});
        verifyGraphError(named, 400, QStringLiteral("invalidRequest"));
        QVERIFY(named.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString().contains(QStringLiteral("provide 'displayName'")));
        QCOMPARE(m_emulator.graph("POST", QStringLiteral("/sites/%1/lists").arg(site), {{QStringLiteral("displayName"), QStringLiteral("Twice")}}).status, 201);
        verifyGraphError(m_emulator.graph("POST", QStringLiteral("/sites/%1/lists").arg(site), {{QStringLiteral("displayName"), QStringLiteral("Twice")}}),
                         409, QStringLiteral("nameAlreadyExists"));
        const QString id = m_emulator.graph("GET", QStringLiteral("/sites/%1/lists/Twice").arg(site)).json().value(QStringLiteral("id")).toString();
        const HttpExchange deleted = m_emulator.graph("DELETE", QStringLiteral("/sites/%1/lists/%2").arg(site, id));
        QCOMPARE(deleted.status, 204);
        QVERIFY(deleted.body.isEmpty());
        const HttpExchange gone = m_emulator.graph("GET", QStringLiteral("/sites/%1/lists/%2/items").arg(site, id));
        verifyGraphError(gone, 404, QStringLiteral("itemNotFound"));
        QCOMPARE(gone.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(), QStringLiteral("The specified list was not found"));
    }

    void systemListsAreHidden()
    {
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/seed"),
                                  {{QStringLiteral("sites"), QJsonArray{QJsonObject{{QStringLiteral("path"), QStringLiteral("/sites/pmo")},
                                                                                    {QStringLiteral("lists"), QJsonArray{QJsonObject{{QStringLiteral("displayName"), QStringLiteral("Workflow History")},
                                                                                                                                     {QStringLiteral("system"), true}}}}}}}})
                     .status, 200);
        const QString site = m_emulator.pmoSiteId();
        const auto names = [&](const QString &query) {
            QStringList result;
            for (const QJsonValue &list : m_emulator.graph("GET", QStringLiteral("/sites/%1/lists%2").arg(site, query)).json().value(QStringLiteral("value")).toArray())
                result << list.toObject().value(QStringLiteral("displayName")).toString();
            return result;
        };
        QVERIFY(!names({}).contains(QStringLiteral("Workflow History")));
        QVERIFY(names(QStringLiteral("?$select=id,displayName,system")).contains(QStringLiteral("Workflow History")));
    }

    // §4.4–4.5 columns
    void builtInColumns()
    {
        const QString site = m_emulator.pmoSiteId();
        const QString list = m_emulator.createList(QStringLiteral("Cols"), {});
        const QJsonArray columns = m_emulator.graph("GET", QStringLiteral("/sites/%1/lists/%2/columns").arg(site, list)).json().value(QStringLiteral("value")).toArray();
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &column : columns)
            byName.insert(column.toObject().value(QStringLiteral("name")).toString(), column.toObject());
        for (const char *name : {"ID", "ContentType", "Title", "Modified", "Created", "Author", "Editor", "_UIVersionString", "Attachments", "Edit",
                                 "LinkTitleNoMenu", "LinkTitle", "DocIcon", "ItemChildCount", "FolderChildCount", "_ComplianceFlags",
                                 "_ComplianceTag", "_ComplianceTagWrittenTime", "_ComplianceTagUserId", "AppAuthor", "AppEditor"})
            QVERIFY2(byName.contains(QLatin1String(name)), name);
        const QJsonObject title = byName.value(QStringLiteral("Title"));
        QVERIFY(title.value(QStringLiteral("required")).toBool());
        QVERIFY(!title.value(QStringLiteral("readOnly")).toBool());
        QCOMPARE(title.value(QStringLiteral("text")).toObject().value(QStringLiteral("maxLength")).toInt(), 255);
        QCOMPARE(byName.value(QStringLiteral("Author")).value(QStringLiteral("displayName")).toString(), QStringLiteral("Created By"));
        QVERIFY(byName.value(QStringLiteral("Author")).value(QStringLiteral("readOnly")).toBool());
        QVERIFY(!byName.value(QStringLiteral("Created")).value(QStringLiteral("hidden")).toBool());   // built-ins are not hidden (§4.4)
        QVERIFY(byName.value(QStringLiteral("ID")).value(QStringLiteral("indexed")).toBool());
        QCOMPARE(byName.value(QStringLiteral("ContentType")).value(QStringLiteral("columnGroup")).toString(), QStringLiteral("_Hidden"));
        QVERIFY(!byName.value(QStringLiteral("Attachments")).value(QStringLiteral("readOnly")).toBool());
        QVERIFY(byName.value(QStringLiteral("Created")).contains(QStringLiteral("dateTime")));
    }

    void createColumns()
    {
        const QString site = m_emulator.pmoSiteId();
        const QString list = m_emulator.createList(QStringLiteral("NewCols"), {});
        const QString path = QStringLiteral("/sites/%1/lists/%2/columns").arg(site, list);
        const HttpExchange created = m_emulator.graph("POST", path, {{QStringLiteral("name"), QStringLiteral("SyncBridgeKey")}, {QStringLiteral("hidden"), true},
                                                                     {QStringLiteral("indexed"), true}, {QStringLiteral("text"), QJsonObject{{QStringLiteral("maxLength"), 64}}}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(QStringLiteral("displayName")).toString(), QStringLiteral("SyncBridgeKey"));   // defaults to name
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f-]{36}$")).match(created.json().value(QStringLiteral("id")).toString()).hasMatch());
        const auto listed = [&](const QString &query) {
            for (const QJsonValue &column : m_emulator.graph("GET", path + query).json().value(QStringLiteral("value")).toArray()) {
                if (column.toObject().value(QStringLiteral("name")).toString() == QLatin1String("SyncBridgeKey"))
                    return true;
            }
            return false;
        };
        QVERIFY(!listed({}));   // hidden columns only with hidden in $select
        QVERIFY(listed(QStringLiteral("?$select=name,hidden")));
        verifyGraphError(m_emulator.graph("POST", path, {{QStringLiteral("name"), QStringLiteral("SyncBridgeKey")}, {QStringLiteral("text"), QJsonObject{}}}),
                         409, QStringLiteral("nameAlreadyExists"));
        verifyGraphError(m_emulator.graph("POST", path, {{QStringLiteral("name"), QStringLiteral("Has Space")}, {QStringLiteral("text"), QJsonObject{}}}),
                         400, QStringLiteral("invalidRequest"));
        verifyGraphError(m_emulator.graph("POST", path, {{QStringLiteral("name"), QStringLiteral("Two")}, {QStringLiteral("text"), QJsonObject{}},
                                                         {QStringLiteral("number"), QJsonObject{}}}),
                         400, QStringLiteral("invalidRequest"));
    }
};

QTEST_GUILESS_MAIN(TestEmulatorAuthSites)
#include "tst_emulator_auth_sites.moc"

// Graph emulator: the tenant's people and their edits. Seeded users, and the admin API's edits as a
// person (issue 16 item 8): what Graph reads and the delta feed show afterwards, exactly as after
// a Graph write but naming the person. Real process, real HTTP.
#include "emulatorprocess.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncBridge::Test;

namespace {

const QString adele = QStringLiteral("AdeleV@contoso.onmicrosoft.com"); // a default user, lookup id 10
const QString alex = QStringLiteral("AlexW@contoso.onmicrosoft.com");   // lookup id 11

QString errorMessage(const HttpExchange &reply)
{
    return reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}

QJsonObject fieldsOf(const QJsonObject &item)
{
    return item.value(QStringLiteral("fields")).toObject();
}

} // namespace

class TestEmulatorPeople : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    QString m_site;
    QString m_list;

    QString items(const QString &suffix = {}) const { return QStringLiteral("/sites/%1/lists/%2/items%3").arg(m_site, m_list, suffix); }
    QString adminItems(const QString &suffix = {}) const { return QStringLiteral("/lists/%1/items%2").arg(m_list, suffix); }

    HttpExchange editAs(const QByteArray &method, const QString &user, const QString &suffix, const QJsonObject &fields = {})
    {
        return m_emulator.admin(method, adminItems(suffix), {{QStringLiteral("user"), user}, {QStringLiteral("fields"), fields}});
    }

    QJsonObject usersByEmail()
    {
        QJsonObject byEmail;
        for (const QJsonValue &user : m_emulator.admin("GET", QStringLiteral("/index")).json().value(QStringLiteral("users")).toArray())
            byEmail.insert(user.toObject().value(QStringLiteral("email")).toString(), user);
        return byEmail;
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
        m_site = m_emulator.pmoSiteId();
        m_list = m_emulator.createList(QStringLiteral("Tasks"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Done")}, {QStringLiteral("boolean"), QJsonObject{}}}});
        QVERIFY(!m_list.isEmpty());
    }

    void seededUsersGetTheNextFreeLookupId()
    {
        QCOMPARE(usersByEmail().value(adele).toObject().value(QStringLiteral("lookupId")).toInt(), 10);
        QCOMPARE(usersByEmail().value(alex).toObject().value(QStringLiteral("displayName")).toString(), QStringLiteral("Alex Wilber"));
        const QString megan = QStringLiteral("MeganB@contoso.onmicrosoft.com");
        const QJsonObject seed{{QStringLiteral("users"),
            QJsonArray{QJsonObject{{QStringLiteral("displayName"), QStringLiteral("Megan Bowen")}, {QStringLiteral("email"), megan}}}}};
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/seed"), seed).status, 200);
        const QJsonObject seeded = usersByEmail().value(megan).toObject();
        QCOMPARE(seeded.value(QStringLiteral("lookupId")).toInt(), 12);
        QVERIFY(!seeded.value(QStringLiteral("id")).toString().isEmpty());
        // seeded again: the same person, the same lookup id
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/seed"), seed).status, 200);
        QCOMPARE(usersByEmail().value(megan).toObject().value(QStringLiteral("lookupId")).toInt(), 12);

        const HttpExchange taken = m_emulator.admin("POST", QStringLiteral("/seed"),
            {{QStringLiteral("users"),
                QJsonArray{QJsonObject{{QStringLiteral("displayName"), QStringLiteral("Nestor")},
                    {QStringLiteral("email"), QStringLiteral("nestor@contoso.com")}, {QStringLiteral("lookupId"), 10}}}}});
        QCOMPARE(taken.status, 400);
        QVERIFY(errorMessage(taken).contains(adele));
    }

    void aPersonsNewItemNamesThemAsAuthorAndEditor()
    {
        const HttpExchange created = editAs("POST", adele, {}, {{QStringLiteral("Title"), QStringLiteral("Call the client")}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(QStringLiteral("id")).toString();

        const QJsonObject item = m_emulator.graph("GET", items(QStringLiteral("/%1?$expand=fields").arg(id))).json();
        const QJsonObject author = item.value(QStringLiteral("createdBy")).toObject();
        QCOMPARE(author.value(QStringLiteral("user")).toObject().value(QStringLiteral("email")).toString(), adele);
        QVERIFY(!author.contains(QStringLiteral("application")));
        QCOMPARE(item.value(QStringLiteral("lastModifiedBy"))
                     .toObject()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("displayName"))
                     .toString(),
            QStringLiteral("Adele Vance"));
        const QJsonObject fields = fieldsOf(item);
        QCOMPARE(fields.value(QStringLiteral("Title")).toString(), QStringLiteral("Call the client"));
        QCOMPARE(fields.value(QStringLiteral("AuthorLookupId")).toString(), QStringLiteral("10"));
        QCOMPARE(fields.value(QStringLiteral("EditorLookupId")).toString(), QStringLiteral("10"));
        QCOMPARE(fields.value(QStringLiteral("_UIVersionString")).toString(), QStringLiteral("1.0"));
        QVERIFY(!fields.contains(QStringLiteral("AppAuthorLookupId"))); // no app took part

        // the person columns by name read as display names
        const QJsonObject selected = m_emulator.graph("GET", items(QStringLiteral("/%1/fields?$select=Author,Editor").arg(id))).json();
        QCOMPARE(selected.value(QStringLiteral("Author")).toString(), QStringLiteral("Adele Vance"));
        QCOMPARE(selected.value(QStringLiteral("Editor")).toString(), QStringLiteral("Adele Vance"));
    }

    void aPersonsEditBumpsTheVersionAndShowsInDelta()
    {
        const QJsonObject created
            = m_emulator
                  .graph("POST", items(), {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("Report")}}}})
                  .json();
        const QString id = created.value(QStringLiteral("id")).toString();
        const QString appEtag = created.value(QStringLiteral("eTag")).toString();
        QVERIFY(appEtag.endsWith(QStringLiteral(",1\"")));
        const QString deltaLink = m_emulator.graph("GET", items(QStringLiteral("/delta?token=latest")))
                                      .json()
                                      .value(QStringLiteral("@odata.deltaLink"))
                                      .toString();

        const HttpExchange edited = editAs("PATCH", alex, QStringLiteral("/") + id, {{QStringLiteral("Done"), true}});
        QCOMPARE(edited.status, 200);
        const QJsonObject item = m_emulator.graph("GET", items(QStringLiteral("/%1?$expand=fields").arg(id))).json();
        const QString etag = item.value(QStringLiteral("eTag")).toString();
        QCOMPARE(etag, appEtag.chopped(3) + QStringLiteral(",2\""));
        QVERIFY(item.value(QStringLiteral("lastModifiedDateTime")).toString()
            >= created.value(QStringLiteral("lastModifiedDateTime")).toString());
        QCOMPARE(item.value(QStringLiteral("lastModifiedBy"))
                     .toObject()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("email"))
                     .toString(),
            alex);
        QCOMPARE(item.value(QStringLiteral("createdBy"))
                     .toObject()
                     .value(QStringLiteral("application"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
            QStringLiteral("syncbridge-demo"));
        const QJsonObject fields = fieldsOf(item);
        QCOMPARE(fields.value(QStringLiteral("Done")).toBool(), true);
        QCOMPARE(fields.value(QStringLiteral("Title")).toString(), QStringLiteral("Report")); // untouched fields stay
        QCOMPARE(fields.value(QStringLiteral("_UIVersionString")).toString(), QStringLiteral("2.0"));
        QCOMPARE(fields.value(QStringLiteral("AuthorLookupId")).toString(), QStringLiteral("7")); // the app's "SharePoint App"
        QCOMPARE(fields.value(QStringLiteral("EditorLookupId")).toString(), QStringLiteral("11"));
        QVERIFY(fields.contains(QStringLiteral("AppAuthorLookupId")));
        QVERIFY(!fields.contains(QStringLiteral("AppEditorLookupId")));

        // the delta feed reports the change with the person as editor (in fields: delta has no lastModifiedBy)
        const QJsonArray changes
            = m_emulator.graph("GET", deltaLink + QStringLiteral("&$expand=fields")).json().value(QStringLiteral("value")).toArray();
        QCOMPARE(changes.size(), 1);
        const QJsonObject change = changes.at(0).toObject();
        QCOMPARE(change.value(QStringLiteral("eTag")).toString(), etag);
        QCOMPARE(fieldsOf(change).value(QStringLiteral("EditorLookupId")).toString(), QStringLiteral("11"));
        QVERIFY(!change.contains(QStringLiteral("lastModifiedBy")));

        // the app's next write with its old eTag meets the person's change
        QCOMPARE(m_emulator
                     .graph("PATCH", items(QStringLiteral("/%1/fields").arg(id)), {{QStringLiteral("Done"), false}},
                         {{"If-Match", appEtag.toUtf8()}})
                     .status,
            412);
    }

    void aPersonsDeleteShowsAsDeletedInDelta()
    {
        const QString id
            = m_emulator.graph("POST", items(), {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("Old")}}}})
                  .json()
                  .value(QStringLiteral("id"))
                  .toString();
        const QString deltaLink = m_emulator.graph("GET", items(QStringLiteral("/delta?token=latest")))
                                      .json()
                                      .value(QStringLiteral("@odata.deltaLink"))
                                      .toString();
        QCOMPARE(editAs("DELETE", adele, QStringLiteral("/") + id).status, 204);
        QCOMPARE(m_emulator.graph("GET", items(QStringLiteral("/") + id)).status, 404);
        const QJsonArray changes = m_emulator.graph("GET", deltaLink).json().value(QStringLiteral("value")).toArray();
        QCOMPARE(changes.size(), 1);
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("id")).toString(), id);
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("deleted")).toObject().value(QStringLiteral("state")).toString(),
            QStringLiteral("deleted"));
    }

    void editsAsAPersonAreCheckedLikeGraphWritesAndCostNoBudget()
    {
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/stats/reset")).status, 204);
        const HttpExchange unknownUser
            = editAs("POST", QStringLiteral("nobody@contoso.com"), {}, {{QStringLiteral("Title"), QStringLiteral("x")}});
        QCOMPARE(unknownUser.status, 400);
        QVERIFY(errorMessage(unknownUser).contains(QStringLiteral("nobody@contoso.com")));
        const HttpExchange unknownField = editAs("POST", adele, {}, {{QStringLiteral("Nope"), QStringLiteral("x")}});
        QCOMPARE(unknownField.status, 400);
        QCOMPARE(errorMessage(unknownField), QStringLiteral("Field 'Nope' is not recognized"));
        QCOMPARE(editAs("PATCH", adele, QStringLiteral("/99"), {{QStringLiteral("Title"), QStringLiteral("x")}}).status, 404);
        QCOMPARE(editAs("POST", adele, {}, {{QStringLiteral("Title"), QStringLiteral("ok")}}).status, 201);
        QCOMPARE(m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("ruSpent")).toDouble(), 0.0);
        QCOMPARE(m_emulator.itemCount(QStringLiteral("Tasks")), 1);
    }

    // --data keeps who wrote what across a restart.
    void theEditorSurvivesARestart()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(QStringLiteral("state.json"));
        EmulatorProcess first;
        QString error;
        QVERIFY2(first.start({QStringLiteral("--data"), data}, &error), qPrintable(error));
        const QString list = first.createList(QStringLiteral("Kept"), {});
        QCOMPARE(first
                     .admin("POST", QStringLiteral("/lists/%1/items").arg(list),
                         {{QStringLiteral("user"), alex},
                             {QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("x")}}}})
                     .status,
            201);
        QCOMPARE(first.stop(), 0);
        EmulatorProcess second;
        QVERIFY2(second.start({QStringLiteral("--data"), data}, &error), qPrintable(error));
        const QJsonObject item
            = second.graph("GET", QStringLiteral("/sites/%1/lists/%2/items/1?$expand=fields").arg(second.pmoSiteId(), list)).json();
        QCOMPARE(item.value(QStringLiteral("createdBy"))
                     .toObject()
                     .value(QStringLiteral("user"))
                     .toObject()
                     .value(QStringLiteral("email"))
                     .toString(),
            alex);
        QCOMPARE(fieldsOf(item).value(QStringLiteral("EditorLookupId")).toString(), QStringLiteral("11"));
    }
};

QTEST_GUILESS_MAIN(TestEmulatorPeople)
#include "tst_emulator_people.moc"

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

// The user or application facet of an item's createdBy or lastModifiedBy.
QJsonObject facetOf(const QJsonObject &item, const char *who, const char *facet)
{
    return item.value(QLatin1String(who)).toObject().value(QLatin1String(facet)).toObject();
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
        QCOMPARE(facetOf(item, "createdBy", "user").value(QStringLiteral("email")).toString(), adele);
        QVERIFY(facetOf(item, "createdBy", "application").isEmpty());
        QCOMPARE(facetOf(item, "lastModifiedBy", "user").value(QStringLiteral("displayName")).toString(), QStringLiteral("Adele Vance"));
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
        QCOMPARE(facetOf(item, "lastModifiedBy", "user").value(QStringLiteral("email")).toString(), alex);
        QCOMPARE(facetOf(item, "createdBy", "application").value(QStringLiteral("id")).toString(), QStringLiteral("syncbridge-demo"));
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

    // Each site's hidden User Information List holds its people, found by email as Graph clients do.
    void theUserInformationListHoldsTheSitesPeople()
    {
        const QString byEmail = QStringLiteral("/sites/%1/lists('User Information List')/items?$expand=fields&$filter=fields/EMail eq '%2'")
                                    .arg(m_site, adele.toLower());
        const HttpExchange notIndexed = m_emulator.graph("GET", byEmail);
        QCOMPARE(notIndexed.status, 400); // EMail is not indexed: the Prefer header is needed
        const QHash<QByteArray, QByteArray> prefer{{"Prefer", "HonorNonIndexedQueriesWarningMayFailRandomly"}};
        const QJsonArray found = m_emulator.graph("GET", byEmail, {}, prefer).json().value(QStringLiteral("value")).toArray();
        QCOMPARE(found.size(), 1);
        QCOMPARE(found.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("10"));
        QCOMPARE(fieldsOf(found.at(0).toObject()).value(QStringLiteral("Title")).toString(), QStringLiteral("Adele Vance"));
        QCOMPARE(fieldsOf(found.at(0).toObject()).value(QStringLiteral("EMail")).toString(), adele);

        // hidden among the lists unless system lists are asked for
        const auto listed = [&](const QString &query) {
            QStringList names;
            for (const QJsonValue &list : m_emulator.graph("GET", QStringLiteral("/sites/%1/lists%2").arg(m_site, query))
                                              .json()
                                              .value(QStringLiteral("value"))
                                              .toArray())
                names << list.toObject().value(QStringLiteral("displayName")).toString();
            return names;
        };
        QVERIFY(!listed({}).contains(QStringLiteral("User Information List")));
        QVERIFY(listed(QStringLiteral("?$select=id,displayName,system")).contains(QStringLiteral("User Information List")));

        // a person seeded later is in every site's list, under their lookup id
        QCOMPARE(m_emulator
                     .admin("POST", QStringLiteral("/seed"),
                         {{QStringLiteral("users"),
                             QJsonArray{QJsonObject{{QStringLiteral("displayName"), QStringLiteral("Megan Bowen")},
                                 {QStringLiteral("email"), QStringLiteral("MeganB@contoso.onmicrosoft.com")}}}}})
                     .status,
            200);
        const QJsonObject megan = m_emulator.graph("GET", QStringLiteral("/sites/root/lists/User Information List/items/12/fields")).json();
        QCOMPARE(megan.value(QStringLiteral("Title")).toString(), QStringLiteral("Megan Bowen"));
        QCOMPARE(m_emulator.graph("GET", QStringLiteral("/sites/root/lists/User Information List/items/7/fields"))
                     .json()
                     .value(QStringLiteral("Title"))
                     .toString(),
            QStringLiteral("SharePoint App"));
    }

    // A person column takes the lookup id of someone in the site's User Information List.
    void personColumnsTakePeopleOfTheSite()
    {
        const QString list = m_emulator.createList(QStringLiteral("Reviews"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Owner")}, {QStringLiteral("personOrGroup"), QJsonObject{}}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Reviewers")},
                    {QStringLiteral("personOrGroup"), QJsonObject{{QStringLiteral("allowMultipleSelection"), true}}}}});
        const QString path = QStringLiteral("/sites/%1/lists/%2/items").arg(m_site, list);
        const auto create = [&](const QJsonObject &fields) { return m_emulator.graph("POST", path, {{QStringLiteral("fields"), fields}}); };
        QCOMPARE(create({{QStringLiteral("OwnerLookupId"), QStringLiteral("11")}}).status, 201);
        QCOMPARE(create({{QStringLiteral("OwnerLookupId"), 7}}).status, 201); // "SharePoint App" is in the list too
        const HttpExchange stranger = create({{QStringLiteral("OwnerLookupId"), QStringLiteral("99")}});
        QCOMPARE(stranger.status, 400);
        QCOMPARE(errorMessage(stranger), QStringLiteral("Field 'OwnerLookupId': this site has no user with lookup id 99."));
        const QJsonObject several{{QStringLiteral("ReviewersLookupId@odata.type"), QStringLiteral("Collection(Edm.Int32)")},
            {QStringLiteral("ReviewersLookupId"), QJsonArray{10, 11}}};
        QCOMPARE(create(several).status, 201);
        QJsonObject oneUnknown = several;
        oneUnknown.insert(QStringLiteral("ReviewersLookupId"), QJsonArray{10, 98});
        QCOMPARE(errorMessage(create(oneUnknown)), QStringLiteral("Field 'ReviewersLookupId': this site has no user with lookup id 98."));
        // a person's edit is held to the same rule
        QCOMPARE(m_emulator
                     .admin("POST", QStringLiteral("/lists/%1/items").arg(list),
                         {{QStringLiteral("user"), adele}, {QStringLiteral("fields"), QJsonObject{{QStringLiteral("OwnerLookupId"), 99}}}})
                     .status,
            400);
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
        QCOMPARE(facetOf(item, "createdBy", "user").value(QStringLiteral("email")).toString(), alex);
        QCOMPARE(fieldsOf(item).value(QStringLiteral("EditorLookupId")).toString(), QStringLiteral("11"));
    }
};

QTEST_GUILESS_MAIN(TestEmulatorPeople)
#include "tst_emulator_people.moc"

// Graph emulator contract §6–9: list items (paging, filters and the index rule, writes, eTags),
// field formats and validation, delta, and $batch. Real process, real HTTP.
#include "emulatorprocess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QUrlQuery>

using namespace SyncBridge::Test;

namespace {

QString errorCode(const HttpExchange &reply)
{
    return reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QString errorMessage(const HttpExchange &reply)
{
    return reply.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
}

QJsonObject column(const char *name, const char *facet, QJsonObject settings = {}, bool indexed = false)
{
    QJsonObject json{{QStringLiteral("name"), QLatin1String(name)}, {QLatin1String(facet), settings}};
    if (indexed)
        json.insert(QStringLiteral("indexed"), true);
    return json;
}

} // namespace

class TestEmulatorItems : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    QString m_site;
    QString m_list;

    QString items(const QString &suffix = {}) const { return QStringLiteral("/sites/%1/lists/%2/items%3").arg(m_site, m_list, suffix); }

    HttpExchange create(const QJsonObject &fields)
    {
        return m_emulator.graph("POST", items(), {{QStringLiteral("fields"), fields}});
    }

    QList<int> idsOf(const QJsonArray &value)
    {
        QList<int> ids;
        for (const QJsonValue &item : value)
            ids << item.toObject().value(QStringLiteral("id")).toString().toInt();
        return ids;
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
        m_list = m_emulator.createList(QStringLiteral("Projects"),
            QJsonArray{column("Budget", "number"), column("Price", "currency"), column("Active", "boolean"),
                column("Due", "dateTime", {{QStringLiteral("format"), QStringLiteral("dateOnly")}}),
                column("Status", "choice", {{QStringLiteral("choices"), QJsonArray{QStringLiteral("Active"), QStringLiteral("Done")}}}),
                column("Tags", "choice",
                    {{QStringLiteral("displayAs"), QStringLiteral("checkBoxes")}, {QStringLiteral("allowTextEntry"), true}}),
                column("Phases", "choice",
                    {{QStringLiteral("displayAs"), QStringLiteral("checkBoxes")},
                        {QStringLiteral("choices"), QJsonArray{QStringLiteral("Plan"), QStringLiteral("Build")}}}),
                column("Owner", "personOrGroup"), column("Link", "hyperlinkOrPicture"),
                column("Code", "text", {{QStringLiteral("maxLength"), 10}}, true),
                column("Notes", "text", {{QStringLiteral("allowMultipleLines"), true}}),
                column("Calc", "calculated", {{QStringLiteral("formula"), QStringLiteral("=1")}})});
        QVERIFY(!m_list.isEmpty());
    }

    // §6.4 create: 201 with the full item and every field
    void createReturnsTheFullItem()
    {
        const HttpExchange reply = create({{QStringLiteral("Title"), QStringLiteral("Widget")}, {QStringLiteral("Budget"), 32}});
        QCOMPARE(reply.status, 201);
        const QJsonObject item = reply.json();
        QVERIFY(item.value(QStringLiteral("@odata.context")).toString().endsWith(QStringLiteral("/items/$entity")));
        QCOMPARE(item.value(QStringLiteral("id")).toString(), QStringLiteral("1"));
        const QString etag = item.value(QStringLiteral("eTag")).toString();
        QVERIFY2(QRegularExpression(QStringLiteral("^\"[0-9a-f-]{36},1\"$")).match(etag).hasMatch(), qPrintable(etag));
        QCOMPARE(item.value(QStringLiteral("@odata.etag")).toString(), etag);
        QVERIFY(item.value(QStringLiteral("webUrl")).toString().endsWith(QStringLiteral("/Lists/Projects/1_.000")));
        QCOMPARE(item.value(QStringLiteral("lastModifiedBy")).toObject().value(QStringLiteral("application")).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("syncbridge-demo"));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$")).match(item.value(QStringLiteral("createdDateTime")).toString()).hasMatch());
        const QJsonObject fields = item.value(QStringLiteral("fields")).toObject();
        QCOMPARE(fields.value(QStringLiteral("Title")).toString(), QStringLiteral("Widget"));
        QCOMPARE(fields.value(QStringLiteral("Budget")).toDouble(), 32.0);
        QCOMPARE(fields.value(QStringLiteral("id")).toString(), QStringLiteral("1"));
        QCOMPARE(fields.value(QStringLiteral("_UIVersionString")).toString(), QStringLiteral("1.0"));
        QCOMPARE(fields.value(QStringLiteral("AuthorLookupId")).toString(), QStringLiteral("7"));
        QCOMPARE(fields.value(QStringLiteral("LinkTitle")).toString(), QStringLiteral("Widget"));
        QCOMPARE(fields.value(QStringLiteral("ContentType")).toString(), QStringLiteral("Item"));
        QVERIFY(!fields.contains(QStringLiteral("Price")));   // unset columns are omitted (§7.1)
    }

    void idsIncreaseAndAreNeverReused()
    {
        QCOMPARE(create({{QStringLiteral("Title"), QStringLiteral("a")}}).json().value(QStringLiteral("id")).toString(), QStringLiteral("1"));
        QCOMPARE(create({{QStringLiteral("Title"), QStringLiteral("b")}}).json().value(QStringLiteral("id")).toString(), QStringLiteral("2"));
        QCOMPARE(m_emulator.graph("DELETE", items(QStringLiteral("/2"))).status, 204);
        QCOMPARE(create({{QStringLiteral("Title"), QStringLiteral("c")}}).json().value(QStringLiteral("id")).toString(), QStringLiteral("3"));
        const HttpExchange again = m_emulator.graph("DELETE", items(QStringLiteral("/2")));
        QCOMPARE(again.status, 404);
        QCOMPARE(errorCode(again), QStringLiteral("itemNotFound"));
    }

    // §6.1 / §6.3 expand spellings and $select
    void expandSpellings_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("expand=fields") << QStringLiteral("?expand=fields");
        QTest::newRow("$expand=fields") << QStringLiteral("?$expand=fields");
        QTest::newRow("expand=fields(select=)") << QStringLiteral("?expand=fields(select=Title,Budget)");
        QTest::newRow("$expand=fields($select=)") << QStringLiteral("?$expand=fields($select=Title,Budget)");
        QTest::newRow("expand=fields($select=)") << QStringLiteral("?expand=fields($select=Title,Budget)");
        QTest::newRow("$expand=fields(select=)") << QStringLiteral("?$expand=fields(select=Title,Budget)");
    }

    void expandSpellings()
    {
        QFETCH(QString, query);
        create({{QStringLiteral("Title"), QStringLiteral("Widget")}, {QStringLiteral("Budget"), 5}, {QStringLiteral("Code"), QStringLiteral("W1")}});
        const QJsonObject one = m_emulator.graph("GET", items(QStringLiteral("/1")) + query).json();
        const QJsonObject fields = one.value(QStringLiteral("fields")).toObject();
        QCOMPARE(fields.value(QStringLiteral("Title")).toString(), QStringLiteral("Widget"));
        QCOMPARE(fields.value(QStringLiteral("Budget")).toInt(), 5);
        QCOMPARE(fields.contains(QStringLiteral("Code")), !query.contains(QStringLiteral("select")));
        QVERIFY(fields.contains(QStringLiteral("@odata.etag")));
        const QJsonArray page = m_emulator.graph("GET", items() + query).json().value(QStringLiteral("value")).toArray();
        QCOMPARE(page.first().toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("Title")).toString(), QStringLiteral("Widget"));
    }

    void withoutExpandNoFieldsAndBadExpandIsRefused()
    {
        create({{QStringLiteral("Title"), QStringLiteral("x")}});
        QVERIFY(!m_emulator.graph("GET", items(QStringLiteral("/1"))).json().contains(QStringLiteral("fields")));
        const QJsonObject only = m_emulator.graph("GET", items(QStringLiteral("/1/fields"))).json();
        QVERIFY(only.value(QStringLiteral("@odata.context")).toString().endsWith(QStringLiteral("/fields/$entity")));
        QCOMPARE(only.value(QStringLiteral("Title")).toString(), QStringLiteral("x"));
        const HttpExchange bad = m_emulator.graph("GET", items(QStringLiteral("?expand=fields(select")));
        QCOMPARE(bad.status, 400);
        QVERIFY(errorMessage(bad).contains(QStringLiteral("is not valid")));
    }

    // §6.1 paging: default 200, $top clamped at 5000, skiptoken in SharePoint's form
    void pagingFollowsNextLinks()
    {
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/lists/%1/generate").arg(m_list),
                                  {{QStringLiteral("count"), 5205}, {QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("Item {n}")}}}})
                     .status, 200);
        const QJsonObject first = m_emulator.graph("GET", items(QStringLiteral("?$expand=fields"))).json();
        QCOMPARE(first.value(QStringLiteral("value")).toArray().size(), 200);
        QVERIFY(first.value(QStringLiteral("@odata.context")).toString().endsWith(QStringLiteral("/items(fields())")));
        const QString next = first.value(QStringLiteral("@odata.nextLink")).toString();
        QVERIFY(next.contains(QStringLiteral("$expand=fields")));
        const QString skipToken = QUrlQuery(QUrl(next)).queryItemValue(QStringLiteral("$skiptoken"), QUrl::FullyDecoded);
        QCOMPARE(QByteArray::fromBase64(skipToken.toLatin1()), QByteArray("Paged=TRUE&p_ID=200"));

        const QJsonObject clamped = m_emulator.graph("GET", items(QStringLiteral("?$top=99999"))).json();
        QCOMPARE(clamped.value(QStringLiteral("value")).toArray().size(), 5000);

        QSet<int> seen;
        QString url = items(QStringLiteral("?$top=1000"));
        int pages = 0;
        while (!url.isEmpty()) {
            const QJsonObject page = m_emulator.graph("GET", url).json();
            for (int id : idsOf(page.value(QStringLiteral("value")).toArray()))
                seen.insert(id);
            url = page.value(QStringLiteral("@odata.nextLink")).toString();
            ++pages;
        }
        QCOMPARE(pages, 6);
        QCOMPARE(seen.size(), 5205);
    }

    // §6.2 filters and the index rule
    void filterOnIndexedColumns()
    {
        for (int i = 1; i <= 6; ++i)
            create({{QStringLiteral("Title"), QStringLiteral("t%1").arg(i)}, {QStringLiteral("Code"), i % 2 ? QStringLiteral("odd") : QStringLiteral("even")},
                    {QStringLiteral("Budget"), i * 100}});
        const auto ids = [&](const QString &query, const QHash<QByteArray, QByteArray> &headers = {}) {
            const HttpExchange reply = m_emulator.graph("GET", items(query), {}, headers);
            return reply.status == 200 ? idsOf(reply.json().value(QStringLiteral("value")).toArray()) : QList<int>{-reply.status};
        };
        QCOMPARE(ids(QStringLiteral("?$filter=fields/Code eq 'odd'")), (QList<int>{1, 3, 5}));
        QCOMPARE(ids(QStringLiteral("?$filter=fields/Code eq 'ODD' and fields/ID gt 1")), (QList<int>{3, 5}));
        QCOMPARE(ids(QStringLiteral("?$filter=startswith(fields/Code,'ev') or fields/ID eq 1")), (QList<int>{1, 2, 4, 6}));
        QCOMPARE(ids(QStringLiteral("?$filter=not (fields/Code eq 'odd')")), (QList<int>{2, 4, 6}));
        QCOMPARE(ids(QStringLiteral("?$filter=fields/Created ge '2000-01-01T00:00:00Z'")), (QList<int>{1, 2, 3, 4, 5, 6}));
        QCOMPARE(ids(QStringLiteral("?$orderby=fields/ID desc&$top=2")), (QList<int>{6, 5}));
        // non-indexed column: 400 without the Prefer header, allowed with it
        const HttpExchange refused = m_emulator.graph("GET", items(QStringLiteral("?$filter=fields/Budget gt 300")));
        QCOMPARE(refused.status, 400);
        QCOMPARE(errorCode(refused), QStringLiteral("invalidRequest"));
        QVERIFY(errorMessage(refused).startsWith(QStringLiteral("Field 'Budget' cannot be referenced in filter or orderby as it is not indexed.")));
        QVERIFY(errorMessage(refused).contains(QStringLiteral("Prefer: HonorNonIndexedQueriesWarningMayFailRandomly")));
        const QHash<QByteArray, QByteArray> prefer{{"Prefer", "HonorNonIndexedQueriesWarningMayFailRandomly"}};
        QCOMPARE(ids(QStringLiteral("?$filter=fields/Budget gt 300"), prefer), (QList<int>{4, 5, 6}));
        QCOMPARE(ids(QStringLiteral("?$orderby=fields/Budget desc"), prefer), (QList<int>{6, 5, 4, 3, 2, 1}));
        QCOMPARE(ids(QStringLiteral("?$orderby=fields/Budget")), QList<int>{-400});
        QCOMPARE(ids(QStringLiteral("?$filter=fields/Nope eq 1"), prefer), QList<int>{-400});
        QCOMPARE(ids(QStringLiteral("?$filter=fields/Code eq")), QList<int>{-400});
    }

    void orderedPagingCarriesTheSortKey()
    {
        const QHash<QByteArray, QByteArray> prefer{{"Prefer", "HonorNonIndexedQueriesWarningMayFailRandomly"}};
        for (int i = 1; i <= 5; ++i)
            create({{QStringLiteral("Title"), QStringLiteral("t%1").arg(i)}, {QStringLiteral("Budget"), (i * 37) % 5}});
        QList<int> order;
        QString url = items(QStringLiteral("?$orderby=fields/Budget&$top=2"));
        QString firstToken;
        while (!url.isEmpty()) {
            const QJsonObject page = m_emulator.graph("GET", url, {}, prefer).json();
            order << idsOf(page.value(QStringLiteral("value")).toArray());
            url = page.value(QStringLiteral("@odata.nextLink")).toString();
            if (firstToken.isEmpty() && !url.isEmpty())
                firstToken = QUrlQuery(QUrl(url)).queryItemValue(QStringLiteral("$skiptoken"), QUrl::FullyDecoded);
        }
        QCOMPARE(order, (QList<int>{5, 3, 1, 4, 2}));   // budgets 0, 1, 2, 3, 4
        QVERIFY(QByteArray::fromBase64(firstToken.toLatin1()).startsWith("Paged=TRUE&p_Budget="));
    }

    void listViewThresholdFault()
    {
        QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("listViewThreshold"), 10}}).status, 200);
        m_emulator.admin("POST", QStringLiteral("/lists/%1/generate").arg(m_list), {{QStringLiteral("count"), 11}});
        const HttpExchange reply = m_emulator.graph("GET", items(QStringLiteral("?$filter=fields/Budget gt 1")), {},
                                                    {{"Prefer", "HonorNonIndexedQueriesWarningMayFailRandomly"}});
        QCOMPARE(reply.status, 500);
        QCOMPARE(errorCode(reply), QStringLiteral("generalException"));
        QVERIFY(errorMessage(reply).contains(QStringLiteral("list view threshold")));
        QCOMPARE(m_emulator.graph("GET", items(QStringLiteral("?$filter=fields/ID gt 1"))).status, 200);   // indexed: fine
    }

    // §6.5–6.7 updates, versions, eTags
    void updatesBumpVersionsAndAnswerDifferently()
    {
        const QString etag1 = create({{QStringLiteral("Title"), QStringLiteral("v1")}, {QStringLiteral("Budget"), 1}}).json().value(QStringLiteral("eTag")).toString();
        const HttpExchange patchedFields = m_emulator.graph("PATCH", items(QStringLiteral("/1/fields")), {{QStringLiteral("Budget"), 2}});
        QCOMPARE(patchedFields.status, 200);
        const QJsonObject fieldValues = patchedFields.json();
        QVERIFY(fieldValues.value(QStringLiteral("@odata.context")).toString().endsWith(QStringLiteral("/fields/$entity")));
        QVERIFY(!fieldValues.contains(QStringLiteral("fields")));   // a fieldValueSet, not an item
        QCOMPARE(fieldValues.value(QStringLiteral("Budget")).toInt(), 2);
        QCOMPARE(fieldValues.value(QStringLiteral("Title")).toString(), QStringLiteral("v1"));   // untouched fields stay
        QCOMPARE(fieldValues.value(QStringLiteral("_UIVersionString")).toString(), QStringLiteral("2.0"));
        const QString etag2 = fieldValues.value(QStringLiteral("@odata.etag")).toString();
        QVERIFY(etag2.endsWith(QStringLiteral(",2\"")));
        QVERIFY(etag2 != etag1);

        const HttpExchange patchedItem = m_emulator.graph("PATCH", items(QStringLiteral("/1")), {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("v3")}}}});
        QCOMPARE(patchedItem.status, 200);
        QCOMPARE(patchedItem.json().value(QStringLiteral("fields")).toObject().value(QStringLiteral("_UIVersionString")).toString(), QStringLiteral("3.0"));
        QCOMPARE(patchedItem.json().value(QStringLiteral("fields")).toObject().value(QStringLiteral("LinkTitle")).toString(), QStringLiteral("v3"));
        QCOMPARE(patchedItem.json().value(QStringLiteral("createdDateTime")), m_emulator.graph("GET", items(QStringLiteral("/1"))).json().value(QStringLiteral("createdDateTime")));

        // If-Match: stale → 412 resourceModified, current or * → applied
        const HttpExchange stale = m_emulator.graph("PATCH", items(QStringLiteral("/1/fields")), {{QStringLiteral("Budget"), 9}}, {{"If-Match", etag1.toUtf8()}});
        QCOMPARE(stale.status, 412);
        QCOMPARE(errorCode(stale), QStringLiteral("resourceModified"));
        QCOMPARE(errorMessage(stale), QStringLiteral("The resource has changed since the caller last read it; usually an eTag mismatch"));
        const QString etag3 = patchedItem.json().value(QStringLiteral("eTag")).toString();
        QCOMPARE(m_emulator.graph("PATCH", items(QStringLiteral("/1/fields")), {{QStringLiteral("Budget"), 9}}, {{"If-Match", etag3.toUtf8()}}).status, 200);
        QCOMPARE(m_emulator.graph("PATCH", items(QStringLiteral("/1/fields")), {{QStringLiteral("Budget"), 10}}, {{"If-Match", "*"}}).status, 200);
        QCOMPARE(m_emulator.graph("DELETE", items(QStringLiteral("/1")), {}, {{"If-Match", etag1.toUtf8()}}).status, 412);
        QCOMPARE(m_emulator.graph("DELETE", items(QStringLiteral("/1")), {}, {{"If-Match", "*"}}).status, 204);
    }

    // §7 field formats and validation
    void fieldValidation_data()
    {
        QTest::addColumn<QJsonObject>("fields");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown field") << QJsonObject{{QStringLiteral("Nope"), 1}} << QStringLiteral("Field 'Nope' is not recognized");
        QTest::newRow("display name") << QJsonObject{{QStringLiteral("Created By"), 1}} << QStringLiteral("is not recognized");
        QTest::newRow("read-only") << QJsonObject{{QStringLiteral("Created"), QStringLiteral("2020-01-01T00:00:00Z")}} << QStringLiteral("is read-only");
        QTest::newRow("calculated") << QJsonObject{{QStringLiteral("Calc"), 1}} << QStringLiteral("is read-only");
        QTest::newRow("too long") << QJsonObject{{QStringLiteral("Code"), QStringLiteral("01234567890")}} << QStringLiteral("longer than the column allows (10");
        QTest::newRow("title 256") << QJsonObject{{QStringLiteral("Title"), QString(256, QLatin1Char('x'))}} << QStringLiteral("(255 characters)");
        QTest::newRow("number as text") << QJsonObject{{QStringLiteral("Budget"), QStringLiteral("12")}} << QStringLiteral("expects a number");
        QTest::newRow("bool as text") << QJsonObject{{QStringLiteral("Active"), QStringLiteral("yes")}} << QStringLiteral("expects true or false");
        QTest::newRow("bad date") << QJsonObject{{QStringLiteral("Due"), QStringLiteral("next tuesday")}} << QStringLiteral("ISO-8601");
        QTest::newRow("array without annotation") << QJsonObject{{QStringLiteral("Tags"), QJsonArray{QStringLiteral("a")}}} << QStringLiteral("Invalid request");
        QTest::newRow("multi-choice as string") << QJsonObject{{QStringLiteral("Tags"), QStringLiteral("a")}} << QStringLiteral("Invalid request");
        QTest::newRow("hyperlink object") << QJsonObject{{QStringLiteral("Link"), QJsonObject{{QStringLiteral("Url"), QStringLiteral("https://x")}}}} << QStringLiteral("Invalid request");
        QTest::newRow("hyperlink not http") << QJsonObject{{QStringLiteral("Link"), QStringLiteral("javascript:alert(1), Click")}}
                                            << QStringLiteral("Field 'Link': 'javascript:alert(1)' is not a valid URL.");
        QTest::newRow("person by name") << QJsonObject{{QStringLiteral("Owner"), QStringLiteral("Ana")}} << QStringLiteral("is written as 'OwnerLookupId'");
        QTest::newRow("lookup id not numeric") << QJsonObject{{QStringLiteral("OwnerLookupId"), QStringLiteral("ana")}} << QStringLiteral("expects a lookup id");
        QTest::newRow("not a choice") << QJsonObject{{QStringLiteral("Status"), QStringLiteral("Paused")}}
                                      << QStringLiteral("The value of field 'Status' is not one of its choices.");
        QTest::newRow("not a choice, several") << QJsonObject{{QStringLiteral("Phases@odata.type"),
                                                                  QStringLiteral("Collection(Edm.String)")},
            {QStringLiteral("Phases"), QJsonArray{QStringLiteral("Plan"), QStringLiteral("Test")}}}
                                               << QStringLiteral("The value of field 'Phases' is not one of its choices.");
        QTest::newRow("array on single") << QJsonObject{{QStringLiteral("Status@odata.type"), QStringLiteral("Collection(Edm.String)")}, {QStringLiteral("Status"), QJsonArray{QStringLiteral("Active")}}}
                                        << QStringLiteral("does not take several values");
    }

    void fieldValidation()
    {
        QFETCH(QJsonObject, fields);
        QFETCH(QString, message);
        const HttpExchange reply = create(fields);
        QCOMPARE(reply.status, 400);
        QCOMPARE(errorCode(reply), QStringLiteral("invalidRequest"));
        QVERIFY2(errorMessage(reply).contains(message), qPrintable(errorMessage(reply)));
        QCOMPARE(m_emulator.graph("GET", items()).json().value(QStringLiteral("value")).toArray().size(), 0);   // nothing created
    }

    void acceptedFormats()
    {
        const HttpExchange reply = create({{QStringLiteral("Title"), QStringLiteral("Ünïcødé 🚀")}, {QStringLiteral("Budget"), 1234567.89},
            {QStringLiteral("Price"), 9.5}, {QStringLiteral("Active"), true},
            {QStringLiteral("Due"), QStringLiteral("2024-11-15T12:30:00+02:00")}, {QStringLiteral("Status"), QStringLiteral("Active")},
            {QStringLiteral("Tags@odata.type"), QStringLiteral("Collection(Edm.String)")},
            {QStringLiteral("Tags"), QJsonArray{QStringLiteral("a"), QStringLiteral("b")}}, {QStringLiteral("OwnerLookupId"), 10},
            {QStringLiteral("Notes"), QString(5000, QLatin1Char('n'))}, {QStringLiteral("@odata.etag"), QStringLiteral("\"ignored,1\"")},
            {QStringLiteral("Link"), QStringLiteral("https://contoso.com/a,,b?q=1, Contoso, the site")}});
        QCOMPARE(reply.status, 201);
        const QJsonObject fields = reply.json().value(QStringLiteral("fields")).toObject();
        QCOMPARE(fields.value(QStringLiteral("Title")).toString(), QStringLiteral("Ünïcødé 🚀"));
        QCOMPARE(fields.value(QStringLiteral("Budget")).toDouble(), 1234567.89);
        // Due is a dateOnly column: 10:30 UTC falls on 15 November in this UTC site, stored as its midnight
        QCOMPARE(fields.value(QStringLiteral("Due")).toString(), QStringLiteral("2024-11-15T00:00:00Z"));
        QCOMPARE(fields.value(QStringLiteral("Tags")).toArray().size(), 2);
        QCOMPARE(fields.value(QStringLiteral("OwnerLookupId")).toString(), QStringLiteral("10")); // LookupIds read back as strings
        QVERIFY(!fields.value(QStringLiteral("@odata.etag")).toString().contains(QStringLiteral("ignored")));
        // a hyperlink written as SharePoint's "<url>, <description>" text (a doubled comma is one) reads as its object
        QCOMPARE(fields.value(QStringLiteral("Link")).toObject(),
            (QJsonObject{{QStringLiteral("Url"), QStringLiteral("https://contoso.com/a,b?q=1")},
                {QStringLiteral("Description"), QStringLiteral("Contoso, the site")}}));
        // null clears a value
        const QJsonObject cleared = m_emulator.graph("PATCH", items(QStringLiteral("/1/fields")), {{QStringLiteral("Budget"), QJsonValue::Null}}).json();
        QVERIFY(!cleared.contains(QStringLiteral("Budget")));
    }

    // PATCH of a column (Microsoft's columndefinition-update): a choice column's new choices take
    // effect for the next write; the name and the type stay.
    void aColumnsChoicesArePatched()
    {
        const QString columns = QStringLiteral("/sites/%1/lists/%2/columns").arg(m_site, m_list);
        QString statusId;
        for (const QJsonValue &column : m_emulator.graph("GET", columns).json().value(QStringLiteral("value")).toArray()) {
            if (column.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Status"))
                statusId = column.toObject().value(QStringLiteral("id")).toString();
        }
        QVERIFY(!statusId.isEmpty());
        QCOMPARE(create({{QStringLiteral("Status"), QStringLiteral("Paused")}}).status, 400);
        const QJsonArray choices{QStringLiteral("Active"), QStringLiteral("Done"), QStringLiteral("Paused")};
        const HttpExchange patched = m_emulator.graph("PATCH", columns + QLatin1Char('/') + statusId,
            {{QStringLiteral("choice"), QJsonObject{{QStringLiteral("choices"), choices}}}});
        QCOMPARE(patched.status, 200);
        QCOMPARE(patched.json().value(QStringLiteral("choice")).toObject().value(QStringLiteral("choices")).toArray(), choices);
        QCOMPARE(create({{QStringLiteral("Status"), QStringLiteral("Paused")}}).status, 201);
        QCOMPARE(m_emulator.graph("PATCH", columns + QLatin1Char('/') + statusId, {{QStringLiteral("number"), QJsonObject{}}}).status, 400);
        QCOMPARE(
            m_emulator.graph("PATCH", columns + QLatin1Char('/') + statusId, {{QStringLiteral("name"), QStringLiteral("State")}}).status,
            400);
        QCOMPARE(m_emulator.graph("PATCH", columns + QStringLiteral("/no-such-column"), {{QStringLiteral("hidden"), true}}).status, 404);
    }

    void strictRequiredMode()
    {
        QCOMPARE(create({{QStringLiteral("Budget"), 1}}).status, 201);   // default: required is not enforced (§6.4)
        QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("strictRequired"), true}}).status, 200);
        const HttpExchange refused = create({{QStringLiteral("Budget"), 1}});
        QCOMPARE(refused.status, 400);
        QVERIFY(errorMessage(refused).contains(QStringLiteral("Field 'Title' is required")));
    }

    // §8 delta
    void deltaEnumeratesThenReportsChangesAndDeletions()
    {
        for (int i = 1; i <= 5; ++i)
            create({{QStringLiteral("Title"), QStringLiteral("d%1").arg(i)}});
        // full enumeration, paged by $top
        QList<int> seen;
        QString url = items(QStringLiteral("/delta?$top=2&$expand=fields"));
        QString deltaLink;
        int pages = 0;
        while (!url.isEmpty()) {
            const QJsonObject page = m_emulator.graph("GET", url).json();
            seen << idsOf(page.value(QStringLiteral("value")).toArray());
            if (pages == 0)
                QCOMPARE(page.value(QStringLiteral("value")).toArray().first().toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("Title")).toString(),
                         QStringLiteral("d1"));
            url = page.value(QStringLiteral("@odata.nextLink")).toString();
            deltaLink = page.value(QStringLiteral("@odata.deltaLink")).toString();
            QVERIFY(url.isEmpty() != deltaLink.isEmpty());
            ++pages;
        }
        QCOMPARE(seen, (QList<int>{1, 2, 3, 4, 5}));
        QCOMPARE(pages, 3);
        QVERIFY(deltaLink.contains(QStringLiteral("/items/delta?")) && deltaLink.contains(QStringLiteral("token=")));

        // changes since the token: the last state of each item, deletions as the deleted facet
        m_emulator.graph("PATCH", items(QStringLiteral("/2/fields")), {{QStringLiteral("Title"), QStringLiteral("two")}});
        m_emulator.graph("PATCH", items(QStringLiteral("/2/fields")), {{QStringLiteral("Title"), QStringLiteral("TWO")}});
        m_emulator.graph("DELETE", items(QStringLiteral("/4")));
        create({{QStringLiteral("Title"), QStringLiteral("d6")}});
        QJsonArray changes;   // the deltaLink keeps $top=2, so the changes come in pages too
        for (QString next = deltaLink; !next.isEmpty();) {
            const QJsonObject page = m_emulator.graph("GET", next).json();
            for (const QJsonValue &change : page.value(QStringLiteral("value")).toArray())
                changes.append(change);
            next = page.value(QStringLiteral("@odata.nextLink")).toString();
        }
        QCOMPARE(changes.size(), 3);
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &change : changes)
            byId.insert(change.toObject().value(QStringLiteral("id")).toString(), change.toObject());
        QCOMPARE(byId.value(QStringLiteral("2")).value(QStringLiteral("fields")).toObject().value(QStringLiteral("Title")).toString(), QStringLiteral("TWO"));
        QCOMPARE(byId.value(QStringLiteral("4")).value(QStringLiteral("deleted")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("deleted"));
        QVERIFY(!byId.value(QStringLiteral("4")).contains(QStringLiteral("@removed")));
        QVERIFY(byId.value(QStringLiteral("4")).value(QStringLiteral("parentReference")).toObject().contains(QStringLiteral("siteId")));
        QVERIFY(byId.contains(QStringLiteral("6")));
    }

    void deltaFromAnEmptyListReportsDeletions()
    {
        const QString deltaLink = m_emulator.graph("GET", items(QStringLiteral("/delta?token=latest"))).json().value(QStringLiteral("@odata.deltaLink")).toString();
        create({{QStringLiteral("Title"), QStringLiteral("kept")}});
        create({{QStringLiteral("Title"), QStringLiteral("gone")}});
        QCOMPARE(m_emulator.graph("DELETE", items(QStringLiteral("/2"))).status, 204);
        const QJsonArray changes = m_emulator.graph("GET", deltaLink).json().value(QStringLiteral("value")).toArray();
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("id")).toString(), QStringLiteral("1"));
        QCOMPARE(changes.at(1).toObject().value(QStringLiteral("deleted")).toObject().value(QStringLiteral("state")).toString(), QStringLiteral("deleted"));
    }

    void deltaLatestAndResync()
    {
        create({{QStringLiteral("Title"), QStringLiteral("before")}});
        const QJsonObject latest = m_emulator.graph("GET", items(QStringLiteral("/delta?token=latest"))).json();
        QCOMPARE(latest.value(QStringLiteral("value")).toArray().size(), 0);
        const QString deltaLink = latest.value(QStringLiteral("@odata.deltaLink")).toString();
        QVERIFY(!deltaLink.isEmpty());
        create({{QStringLiteral("Title"), QStringLiteral("after")}});
        const QJsonArray changes = m_emulator.graph("GET", deltaLink).json().value(QStringLiteral("value")).toArray();
        QCOMPARE(idsOf(changes), QList<int>{2});

        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/delta/reset")).status, 204);
        const HttpExchange gone = m_emulator.graph("GET", deltaLink);
        QCOMPARE(gone.status, 410);
        QCOMPARE(errorCode(gone), QStringLiteral("resyncRequired"));
        QCOMPARE(gone.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("innerError")).toObject().value(QStringLiteral("code")).toString(),
                 QStringLiteral("resyncChangesApplyDifferences"));
        const QString location = QString::fromUtf8(gone.header("location"));
        QVERIFY(location.endsWith(QStringLiteral("/items/delta")));
        const QJsonObject restart = m_emulator.graph("GET", location).json();
        QCOMPARE(idsOf(restart.value(QStringLiteral("value")).toArray()), (QList<int>{1, 2}));

        QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("deltaTokenMaxAgeSeconds"), 0}}).status, 200);
        QTest::qWait(20);
        QCOMPARE(m_emulator.graph("GET", restart.value(QStringLiteral("@odata.deltaLink")).toString()).status, 410);
    }

    // §9 $batch
    void batchCreatesAndCorrelatesById()
    {
        QJsonArray requests;
        for (int i = 0; i < 20; ++i)
            requests.append(QJsonObject{{QStringLiteral("id"), QString::number(i)}, {QStringLiteral("method"), QStringLiteral("POST")},
                                        {QStringLiteral("url"), items()},
                                        {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Content-Type"), QStringLiteral("application/json")}}},
                                        {QStringLiteral("body"), QJsonObject{{QStringLiteral("fields"), QJsonObject{{QStringLiteral("Title"), QStringLiteral("b%1").arg(i)}}}}}});
        const HttpExchange reply = m_emulator.graph("POST", QStringLiteral("/$batch"), {{QStringLiteral("requests"), requests}});
        QCOMPARE(reply.status, 200);
        const QJsonArray responses = reply.json().value(QStringLiteral("responses")).toArray();
        QCOMPARE(responses.size(), 20);
        QStringList order;
        for (const QJsonValue &value : responses) {
            const QJsonObject response = value.toObject();
            order << response.value(QStringLiteral("id")).toString();
            QCOMPARE(response.value(QStringLiteral("status")).toInt(), 201);
            QCOMPARE(response.value(QStringLiteral("body")).toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("Title")).toString(),
                     QStringLiteral("b") + response.value(QStringLiteral("id")).toString());
            QVERIFY(response.value(QStringLiteral("headers")).toObject().value(QStringLiteral("Content-Type")).toString().startsWith(QStringLiteral("application/json")));
        }
        QStringList sorted = order;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return a.toInt() < b.toInt(); });
        QVERIFY(order != sorted);   // responses come out of order; callers correlate by id
        QCOMPARE(m_emulator.graph("GET", items(QStringLiteral("?$top=100"))).json().value(QStringLiteral("value")).toArray().size(), 20);
    }

    void batchRules()
    {
        const auto request = [&](const QString &id, const QString &method, const QString &url, const QJsonArray &dependsOn = {}) {
            QJsonObject json{{QStringLiteral("id"), id}, {QStringLiteral("method"), method}, {QStringLiteral("url"), url}};
            if (!dependsOn.isEmpty())
                json.insert(QStringLiteral("dependsOn"), dependsOn);
            return json;
        };
        QJsonArray tooMany;
        for (int i = 0; i < 21; ++i)
            tooMany.append(request(QString::number(i), QStringLiteral("GET"), items()));
        const HttpExchange overflow = m_emulator.graph("POST", QStringLiteral("/$batch"), {{QStringLiteral("requests"), tooMany}});
        QCOMPARE(overflow.status, 400);
        QCOMPARE(errorMessage(overflow), QStringLiteral("Number of requests inside batch exceeds the limit."));
        QCOMPARE(m_emulator.graph("POST", QStringLiteral("/$batch"), {{QStringLiteral("requests"), QJsonArray{request(QStringLiteral("a"), QStringLiteral("GET"), items()),
                                                                                                             request(QStringLiteral("A"), QStringLiteral("GET"), items())}}}).status,
                 400);   // ids are unique, not case-sensitive

        create({{QStringLiteral("Title"), QStringLiteral("x")}});
        const HttpExchange chained = m_emulator.graph("POST", QStringLiteral("/$batch"), {{QStringLiteral("requests"), QJsonArray{
            request(QStringLiteral("1"), QStringLiteral("GET"), items(QStringLiteral("/999"))),
            request(QStringLiteral("2"), QStringLiteral("DELETE"), items(QStringLiteral("/1")), QJsonArray{QStringLiteral("1")}),
            request(QStringLiteral("3"), QStringLiteral("DELETE"), items(QStringLiteral("/1")))}}});
        QCOMPARE(chained.status, 200);
        QHash<QString, QJsonObject> byId;
        for (const QJsonValue &value : chained.json().value(QStringLiteral("responses")).toArray())
            byId.insert(value.toObject().value(QStringLiteral("id")).toString(), value.toObject());
        QCOMPARE(byId.value(QStringLiteral("1")).value(QStringLiteral("status")).toInt(), 404);
        QCOMPARE(byId.value(QStringLiteral("2")).value(QStringLiteral("status")).toInt(), 424);   // its prerequisite failed
        QCOMPARE(byId.value(QStringLiteral("3")).value(QStringLiteral("status")).toInt(), 204);
        QVERIFY(!byId.value(QStringLiteral("3")).contains(QStringLiteral("body")));
    }
};

QTEST_GUILESS_MAIN(TestEmulatorItems)
#include "tst_emulator_items.moc"

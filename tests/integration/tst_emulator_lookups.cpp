// Graph emulator: lookup columns — ids that must be items of the lookup list, and the limit of 12
// lookup-type columns that a collection read returns (contract §7.1). Real process, real HTTP.
#include "emulatorprocess.h"

#include <QJsonArray>
#include <QTest>

using namespace SyncBridge::Test;

namespace {

QJsonObject personColumn(const QString &name)
{
    return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("personOrGroup"), QJsonObject{}}};
}

} // namespace

class TestEmulatorLookups : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    QString m_site;

    QString itemsOf(const QString &list) const { return QStringLiteral("/sites/%1/lists/%2/items").arg(m_site, list); }

    HttpExchange create(const QString &list, const QJsonObject &fields)
    {
        return m_emulator.graph("POST", itemsOf(list), {{QStringLiteral("fields"), fields}});
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
    }

    void lookupIdsMustBeItemsOfTheLookupList()
    {
        const QString customers = m_emulator.createList(QStringLiteral("Customers"), {});
        QCOMPARE(create(customers, {{QStringLiteral("Title"), QStringLiteral("Alfreds")}}).status, 201);
        QCOMPARE(create(customers, {{QStringLiteral("Title"), QStringLiteral("Berglunds")}}).status, 201);
        const QJsonObject lookup{{QStringLiteral("listId"), customers}, {QStringLiteral("columnName"), QStringLiteral("Title")}};
        QJsonObject multiLookup = lookup;
        multiLookup.insert(QStringLiteral("allowMultipleValues"), true);
        const QString orders = m_emulator.createList(QStringLiteral("Orders"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Customer")}, {QStringLiteral("lookup"), lookup}},
                QJsonObject{{QStringLiteral("name"), QStringLiteral("Partners")}, {QStringLiteral("lookup"), multiLookup}}});

        const HttpExchange created = create(orders, {{QStringLiteral("CustomerLookupId"), 2}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(QStringLiteral("fields")).toObject().value(QStringLiteral("CustomerLookupId")).toString(),
            QStringLiteral("2"));
        const HttpExchange dangling = create(orders, {{QStringLiteral("CustomerLookupId"), QStringLiteral("5")}});
        QCOMPARE(dangling.status, 400);
        QCOMPARE(dangling.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(),
            QStringLiteral("Field 'CustomerLookupId': the lookup list has no item 5."));
        const QJsonObject partners{{QStringLiteral("PartnersLookupId@odata.type"), QStringLiteral("Collection(Edm.Int32)")},
            {QStringLiteral("PartnersLookupId"), QJsonArray{1, 2}}};
        QCOMPARE(create(orders, partners).status, 201);

        // a deleted target is gone for new references too
        QCOMPARE(m_emulator.graph("DELETE", itemsOf(customers) + QStringLiteral("/2")).status, 204);
        QCOMPARE(create(orders, {{QStringLiteral("CustomerLookupId"), 2}}).status, 400);
        QCOMPARE(create(orders, partners).status, 400);
    }

    // "Up to 12 lookup fields may be requested in a single query": a collection read (items and
    // delta) silently leaves out the list's lookup and person columns after the 12th, even when
    // $select names them; a single-item read returns them all (msgraph-sdk-powershell#2711).
    void collectionReadsLeaveOutLookupsBeyondTwelve()
    {
        QJsonArray columns;
        QJsonObject fields{{QStringLiteral("Title"), QStringLiteral("wide")}};
        for (int n = 1; n <= 14; ++n) {
            columns.append(personColumn(QStringLiteral("P%1").arg(n)));
            fields.insert(QStringLiteral("P%1LookupId").arg(n), QStringLiteral("10"));
        }
        const QString list = m_emulator.createList(QStringLiteral("Wide"), columns);
        QCOMPARE(create(list, fields).status, 201);

        const QJsonObject single = m_emulator.graph("GET", itemsOf(list) + QStringLiteral("/1/fields")).json();
        QVERIFY(single.contains(QStringLiteral("P13LookupId")));
        QVERIFY(single.contains(QStringLiteral("P14LookupId")));

        const auto collectionFields = [&](const QString &query) {
            const QJsonArray value = m_emulator.graph("GET", itemsOf(list) + query).json().value(QStringLiteral("value")).toArray();
            return value.isEmpty() ? QJsonObject() : value.at(0).toObject().value(QStringLiteral("fields")).toObject();
        };
        const QJsonObject all = collectionFields(QStringLiteral("?$expand=fields"));
        QVERIFY(all.contains(QStringLiteral("P12LookupId")));
        QVERIFY(!all.contains(QStringLiteral("P13LookupId")));
        QVERIFY(!all.contains(QStringLiteral("P14LookupId")));
        QCOMPARE(all.value(QStringLiteral("AuthorLookupId")).toString(), QStringLiteral("7")); // built-in person columns don't count
        QCOMPARE(all.value(QStringLiteral("Title")).toString(), QStringLiteral("wide"));

        const QJsonObject selected = collectionFields(QStringLiteral("?$expand=fields($select=Title,P14LookupId)"));
        QCOMPARE(selected.value(QStringLiteral("Title")).toString(), QStringLiteral("wide"));
        QVERIFY(!selected.contains(QStringLiteral("P14LookupId")));

        const QJsonObject delta = collectionFields(QStringLiteral("/delta?$expand=fields"));
        QVERIFY(delta.contains(QStringLiteral("P12LookupId")));
        QVERIFY(!delta.contains(QStringLiteral("P13LookupId")));
    }
};

QTEST_GUILESS_MAIN(TestEmulatorLookups)
#include "tst_emulator_lookups.moc"

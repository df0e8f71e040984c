// Two-way sync over LOOKUP and PERSON mappings (issue 19 item 3, issue 16), Northwind-like: customers
// and employees pushed into their lists, orders kept equal with their list by a TWO_WAY definition
// whose customer, owner (a person by email) and helpers (several employees) are references; and a
// hyperlink whose description is a column of its own, kept equal both ways.
#include "englishplurals.h"
#include "twowaytestbase.h"

#include "store/conflictrepository.h"
#include "store/ledgerrepository.h"

namespace SyncBridge::Test {
namespace {

const QString orders = QStringLiteral("TWR orders");

} // namespace

class TestTwoWayRefs : public TwoWayTestBase
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(installEnglishPlurals(this));
        startWith({});
        sql(QStringLiteral(
            "CREATE TABLE twr_customers (customer_id text PRIMARY KEY, company text NOT NULL, updated_at timestamptz NOT NULL DEFAULT "
            "now());"
            "CREATE TABLE twr_employees (employee_id int PRIMARY KEY, name text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now());"
            "CREATE TABLE twr_orders (order_id int PRIMARY KEY, customer_id text REFERENCES twr_customers, owner_email text,"
            " helper_ids int[], sales_rep int, updated_at timestamptz NOT NULL DEFAULT now());"
            "INSERT INTO twr_customers (customer_id, company) VALUES ('ALFKI', 'Alfreds Futterkiste'), ('BONAP', 'Bon app'''),"
            " ('VINET', 'Vins et alcools Chevalier');"
            "INSERT INTO twr_employees (employee_id, name) VALUES (1, 'Adele Vance'), (2, 'Alex Wilber'), (3, 'Megan Bowen');"
            "INSERT INTO twr_orders (order_id, customer_id, owner_email, helper_ids, sales_rep) VALUES (10248, 'VINET',"
            " 'AdeleV@contoso.onmicrosoft.com', '{2,3}', 1), (10249, 'ALFKI', 'AlexW@contoso.onmicrosoft.com', '{1}', 2),"
            " (10250, 'BONAP', NULL, NULL, NULL);"));

        QJsonObject key
            = listColumn(QStringLiteral("SyncBridgeKey"), QStringLiteral("text"), QJsonObject{{QStringLiteral("maxLength"), 64}});
        key.insert(QStringLiteral("hidden"), true);
        key.insert(QStringLiteral("indexed"), true);
        m_customersList = m_emulator.createList(
            QStringLiteral("TWR Customers"), QJsonArray{key, listColumn(QStringLiteral("company"), QStringLiteral("text"))});
        m_employeesList = m_emulator.createList(
            QStringLiteral("TWR Employees"), QJsonArray{key, listColumn(QStringLiteral("employee_id"), QStringLiteral("number"))});
        const auto lookupInto = [](const QString &listId, bool multiple) {
            return QJsonObject{{QStringLiteral("listId"), listId}, {QStringLiteral("columnName"), QStringLiteral("Title")},
                {QStringLiteral("allowMultipleValues"), multiple}};
        };
        m_ordersList = m_emulator.createList(QStringLiteral("TWR Orders"),
            QJsonArray{key, listColumn(QStringLiteral("order_id"), QStringLiteral("number")),
                listColumn(QStringLiteral("Customer"), QStringLiteral("lookup"), lookupInto(m_customersList, false)),
                listColumn(QStringLiteral("Owner"), QStringLiteral("personOrGroup"),
                    QJsonObject{{QStringLiteral("allowMultipleSelection"), false}}),
                listColumn(QStringLiteral("Helpers"), QStringLiteral("lookup"), lookupInto(m_employeesList, true)),
                listColumn(QStringLiteral("SalesRep"), QStringLiteral("lookup"), lookupInto(m_employeesList, false))});
        QVERIFY(!m_customersList.isEmpty() && !m_employeesList.isEmpty() && !m_ordersList.isEmpty());

        const QString pushOnly = QStringLiteral("PUSH_ONLY"), both = QStringLiteral("BIDIRECTIONAL");
        QJsonObject twoWay
            = syncDefinitionJson(orders, QStringLiteral("TWO_WAY"), QStringLiteral("twr_orders"), QStringLiteral("TWR Orders"),
                QJsonArray{pullMapping(QStringLiteral("order_id"), QStringLiteral("order_id"), both, true),
                    referenceMapping(QStringLiteral("customer_id"), QStringLiteral("Customer"), both, QStringLiteral("TWR customers")),
                    referenceMapping(QStringLiteral("owner_email"), QStringLiteral("Owner"), both),
                    referenceMapping(QStringLiteral("helper_ids"), QStringLiteral("Helpers"), both, QStringLiteral("TWR employees")),
                    // PUSH_ONLY: its item value is compared too (equal: nothing sent), never pulled.
                    referenceMapping(QStringLiteral("sales_rep"), QStringLiteral("SalesRep"), pushOnly, QStringLiteral("TWR employees"))});
        twoWay.insert(QStringLiteral("conflictPolicy"), QStringLiteral("MANUAL"));
        importDefinitionsJson({syncDefinitionJson(QStringLiteral("TWR customers"), QStringLiteral("PUSH"), QStringLiteral("twr_customers"),
                                   QStringLiteral("TWR Customers"),
                                   QJsonArray{pullMapping(QStringLiteral("customer_id"), QStringLiteral("Title"), pushOnly, true),
                                       pullMapping(QStringLiteral("company"), QStringLiteral("company"), pushOnly)}),
            syncDefinitionJson(QStringLiteral("TWR employees"), QStringLiteral("PUSH"), QStringLiteral("twr_employees"),
                QStringLiteral("TWR Employees"),
                QJsonArray{pullMapping(QStringLiteral("employee_id"), QStringLiteral("employee_id"), pushOnly, true),
                    pullMapping(QStringLiteral("name"), QStringLiteral("Title"), pushOnly)}),
            twoWay});
        QCOMPARE(push(QStringLiteral("TWR customers")).status, RunStatus::Succeeded);
        QCOMPARE(push(QStringLiteral("TWR employees")).status, RunStatus::Succeeded);
    }

    // The rows become items whose lookups hold the referenced items' ids and whose owner is the
    // person's id; read back, ids compare as the keys and emails the rows hold: the next run writes nothing.
    void lookupsAndPeopleRoundTripThroughTwoWay()
    {
        const Outcome first = twoWay(orders);
        QVERIFY2(first.run.status == RunStatus::Succeeded && first.counts.itemsCreated == 3 && first.counts.databaseWrites() == 0,
            qPrintable(described(first.run)));
        const QJsonObject order = orderItem(10248);
        qDebug().noquote() << "order 10248:" << QJsonDocument(order).toJson(QJsonDocument::Compact);
        QCOMPARE(order.value(QStringLiteral("CustomerLookupId")).toString(), customerItem(QStringLiteral("VINET")));
        QCOMPARE(order.value(QStringLiteral("HelpersLookupId")).toArray(), (QJsonArray{employeeItem(2).toInt(), employeeItem(3).toInt()}));
        QCOMPARE(order.value(QStringLiteral("SalesRepLookupId")).toString(), employeeItem(1));
        m_adeleId = order.value(QStringLiteral("OwnerLookupId")).toString();
        m_alexId = orderItem(10249).value(QStringLiteral("OwnerLookupId")).toString();
        QVERIFY(!m_adeleId.isEmpty() && !m_alexId.isEmpty() && m_adeleId != m_alexId);
        QVERIFY(orderItem(10250).contains(QStringLiteral("CustomerLookupId")));
        QVERIFY(!orderItem(10250).contains(QStringLiteral("OwnerLookupId")));
        verifyWritesNothing();
    }

    // A person picks another customer and owner in SharePoint: the foreign key and the email follow.
    void aSharePointLookupEditFlowsIntoTheForeignKey()
    {
        QCOMPARE(personEdit(m_ordersList, orderItem(10248).value(QStringLiteral("id")).toString(),
                     QJsonObject{{QStringLiteral("CustomerLookupId"), customerItem(QStringLiteral("ALFKI"))},
                         {QStringLiteral("OwnerLookupId"), m_alexId}}),
            200);
        const Outcome edited = twoWay(orders);
        QVERIFY2(edited.run.status == RunStatus::Succeeded && edited.counts.rowsUpdated == 1 && edited.counts.sharePointWrites() == 0,
            qPrintable(described(edited.run)));
        QCOMPARE(sql(QStringLiteral(
                     "SELECT customer_id || '|' || owner_email || '|' || helper_ids::text FROM twr_orders WHERE order_id = 10248")),
            QStringLiteral("ALFKI|AlexW@contoso.onmicrosoft.com|{2,3}"));
        verifyWritesNothing();
    }

    // A foreign key and an array of them changed in the database: the lookups follow, in the array's order.
    void aDatabaseForeignKeyEditFlowsToTheLookup()
    {
        sql(QStringLiteral(
            "UPDATE twr_orders SET customer_id = 'VINET', helper_ids = '{3,1}', owner_email = 'AdeleV@contoso.onmicrosoft.com',"
            " updated_at = now() WHERE order_id = 10249"));
        const Outcome edited = twoWay(orders);
        QVERIFY2(edited.run.status == RunStatus::Succeeded && edited.counts.itemsUpdated == 1 && edited.counts.databaseWrites() == 0,
            qPrintable(described(edited.run)));
        const QJsonObject order = orderItem(10249);
        QCOMPARE(order.value(QStringLiteral("CustomerLookupId")).toString(), customerItem(QStringLiteral("VINET")));
        QCOMPARE(order.value(QStringLiteral("OwnerLookupId")).toString(), m_adeleId);
        QCOMPARE(order.value(QStringLiteral("HelpersLookupId")).toArray(), (QJsonArray{employeeItem(3).toInt(), employeeItem(1).toInt()}));
        verifyWritesNothing();
    }

    // Both sides picked another customer: a MANUAL conflict shows the customers' keys, not item ids;
    // decided for SharePoint, the key goes into the database.
    void bothSidesChangedTheLookupIsAConflictOfKeys()
    {
        sql(QStringLiteral("UPDATE twr_orders SET customer_id = 'BONAP', updated_at = now() WHERE order_id = 10248"));
        QCOMPARE(personEdit(m_ordersList, orderItem(10248).value(QStringLiteral("id")).toString(),
                     QJsonObject{{QStringLiteral("CustomerLookupId"), customerItem(QStringLiteral("VINET"))}}),
            200);
        const Outcome met = twoWay(orders);
        QVERIFY2(met.counts.conflictsQueued == 1 && met.counts.databaseWrites() == 0 && met.counts.sharePointWrites() == 0,
            qPrintable(described(met.run)));
        ConflictRepository conflicts(*m_store);
        const QList<SyncConflict> open = *conflicts.pending(definitionId(orders));
        QCOMPARE(open.size(), 1);
        QCOMPARE(open.constFirst().field, QStringLiteral("Customer"));
        QCOMPARE(open.constFirst().baseValue, QJsonValue(QStringLiteral("ALFKI")));
        QCOMPARE(open.constFirst().databaseValue, QJsonValue(QStringLiteral("BONAP")));
        QCOMPARE(open.constFirst().sharePointValue, QJsonValue(QStringLiteral("VINET")));

        QVERIFY(conflicts.resolve(
            open.constFirst().id, ConflictResolution::SharePoint, {}, QStringLiteral("test"), QDateTime::currentDateTimeUtc()));
        const Outcome applied = twoWay(orders);
        QVERIFY2(applied.run.status == RunStatus::Succeeded && applied.counts.rowsUpdated == 1 && applied.counts.conflictsApplied == 1,
            qPrintable(described(applied.run)));
        QCOMPARE(sql(QStringLiteral("SELECT customer_id FROM twr_orders WHERE order_id = 10248")), QStringLiteral("VINET"));
        verifyWritesNothing();
    }

    // An item looking up a customer item the customers' definition does not know: the foreign key is
    // not touched (never NULL), the field waits in the retry queue with why, the item's other edit syncs.
    void anItemPointingAtAnUnknownItemWaitsAndTheForeignKeyStays()
    {
        const QString stranger = addItem(m_customersList, QJsonObject{{QStringLiteral("Title"), QStringLiteral("NOBODY")}});
        QVERIFY(!stranger.isEmpty());
        QCOMPARE(personEdit(m_ordersList, orderItem(10250).value(QStringLiteral("id")).toString(),
                     QJsonObject{{QStringLiteral("CustomerLookupId"), stranger}, {QStringLiteral("OwnerLookupId"), m_adeleId}}),
            200);
        for (int run = 0; run < 2; ++run) { // and again: it keeps waiting, and nothing is written
            const Outcome waits = twoWay(orders);
            QVERIFY2(waits.run.status == RunStatus::PartiallyFailed && waits.counts.sharePointWrites() == 0
                    && waits.counts.rowsUpdated == (run == 0 ? 1 : 0),
                qPrintable(described(waits.run)));
            QCOMPARE(sql(QStringLiteral("SELECT coalesce(customer_id, 'NULL') || '|' || coalesce(owner_email, 'NULL') FROM twr_orders"
                                        " WHERE order_id = 10250")),
                QStringLiteral("BONAP|AdeleV@contoso.onmicrosoft.com"));
            const QList<RetryItem> queued = *LedgerRepository(*m_store).retries(definitionId(orders));
            QCOMPARE(queued.size(), 1);
            QVERIFY2(queued.constFirst().lastError.contains(QStringLiteral("item %1 of the lookup list belongs to no row").arg(stranger)),
                qPrintable(queued.constFirst().lastError));
        }
        // Pointed back at a known customer, the order syncs and leaves the queue.
        QCOMPARE(personEdit(m_ordersList, orderItem(10250).value(QStringLiteral("id")).toString(),
                     QJsonObject{{QStringLiteral("CustomerLookupId"), customerItem(QStringLiteral("ALFKI"))}}),
            200);
        const Outcome resolved = twoWay(orders);
        QVERIFY2(resolved.run.status == RunStatus::Succeeded && resolved.counts.rowsUpdated == 1, qPrintable(described(resolved.run)));
        QCOMPARE(sql(QStringLiteral("SELECT customer_id FROM twr_orders WHERE order_id = 10250")), QStringLiteral("ALFKI"));
        QCOMPARE(LedgerRepository(*m_store).retries(definitionId(orders))->size(), 0);
        verifyWritesNothing();
    }

    // A row referencing a customer not in SharePoint yet: its lookup is not cleared, a new order gets no
    // item without it; both wait with the reason, and resolve once the customers' run has written it.
    void aRowReferencingAnUnsyncedCustomerWaits()
    {
        const QString before = orderItem(10249).value(QStringLiteral("CustomerLookupId")).toString();
        sql(QStringLiteral("INSERT INTO twr_customers (customer_id, company) VALUES ('NEWCO', 'New Company');"
                           "UPDATE twr_orders SET customer_id = 'NEWCO', helper_ids = '{1,2}', updated_at = now() WHERE order_id = 10249;"
                           "INSERT INTO twr_orders (order_id, customer_id) VALUES (10251, 'NEWCO')"));
        const Outcome waits = twoWay(orders);
        QVERIFY2(waits.run.status == RunStatus::PartiallyFailed && waits.counts.itemsCreated == 0 && waits.counts.itemsUpdated == 1,
            qPrintable(described(waits.run)));
        QCOMPARE(orderItem(10249).value(QStringLiteral("CustomerLookupId")).toString(), before);
        QCOMPARE(orderItem(10249).value(QStringLiteral("HelpersLookupId")).toArray(),
            (QJsonArray{employeeItem(1).toInt(), employeeItem(2).toInt()}));
        QVERIFY(orderItem(10251).isEmpty());
        const QList<RetryItem> queued = *LedgerRepository(*m_store).retries(definitionId(orders));
        QCOMPARE(queued.size(), 2);
        for (const RetryItem &retry : queued)
            QVERIFY2(
                retry.lastError.contains(QStringLiteral("customer_id=NEWCO of the definition 'TWR customers' is not in SharePoint yet")),
                qPrintable(retry.lastError));
        QCOMPARE(sql(QStringLiteral("SELECT customer_id FROM twr_orders WHERE order_id = 10249")), QStringLiteral("NEWCO"));

        QCOMPARE(push(QStringLiteral("TWR customers")).status, RunStatus::Succeeded);
        const Outcome resolved = twoWay(orders);
        QVERIFY2(resolved.run.status == RunStatus::Succeeded && resolved.counts.itemsCreated == 1 && resolved.counts.itemsUpdated == 1
                && resolved.counts.databaseWrites() == 0,
            qPrintable(described(resolved.run)));
        QCOMPARE(orderItem(10249).value(QStringLiteral("CustomerLookupId")).toString(), customerItem(QStringLiteral("NEWCO")));
        QCOMPARE(orderItem(10251).value(QStringLiteral("CustomerLookupId")).toString(), customerItem(QStringLiteral("NEWCO")));
        QCOMPARE(LedgerRepository(*m_store).retries(definitionId(orders))->size(), 0);
        verifyWritesNothing();
    }

    // A hyperlink with a description column is one field made of two columns: a description edited
    // in SharePoint goes into its column, one edited in the database into the link, a new URL from
    // either side keeps the other part, and the next run writes nothing.
    void aHyperlinksDescriptionGoesBothWays()
    {
        const QString links = QStringLiteral("TWR links");
        sql(QStringLiteral("CREATE TABLE twr_links (link_id int PRIMARY KEY, url text, label text, updated_at timestamptz NOT NULL"
                           " DEFAULT now());"
                           "INSERT INTO twr_links (link_id, url, label) VALUES (1, 'https://contoso.com/a', 'Contoso'),"
                           " (2, 'https://fabrikam.com', NULL), (3, NULL, 'No link yet');"));
        const QString list = m_emulator.createList(links,
            QJsonArray{keyColumn(), listColumn(QStringLiteral("link_id"), QStringLiteral("number")),
                listColumn(QStringLiteral("Link"), QStringLiteral("hyperlinkOrPicture"))});
        QVERIFY(!list.isEmpty());
        QJsonObject link = pullMapping(QStringLiteral("url"), QStringLiteral("Link"), QStringLiteral("BIDIRECTIONAL"));
        link.insert(QStringLiteral("descriptionFrom"), QStringLiteral("label"));
        importDefinitionsJson({syncDefinitionJson(links, QStringLiteral("TWO_WAY"), QStringLiteral("twr_links"), links,
            QJsonArray{pullMapping(QStringLiteral("link_id"), QStringLiteral("link_id"), QStringLiteral("PUSH_ONLY"), true), link})});

        const Outcome first = twoWay(links);
        QVERIFY2(first.run.status == RunStatus::Succeeded && first.counts.itemsCreated == 3, qPrintable(described(first.run)));
        const QString contoso = itemWhere(list, QStringLiteral("link_id"), QStringLiteral("1")).value(QStringLiteral("id")).toString();
        const QString fabrikam = itemWhere(list, QStringLiteral("link_id"), QStringLiteral("2")).value(QStringLiteral("id")).toString();
        QCOMPARE(itemWhere(list, QStringLiteral("link_id"), QStringLiteral("1")).value(QStringLiteral("Link")).toObject(),
            (QJsonObject{{QStringLiteral("Url"), QStringLiteral("https://contoso.com/a")},
                {QStringLiteral("Description"), QStringLiteral("Contoso")}}));

        // SharePoint: item 1's description and item 2's URL; the database: row 3 gets its URL, row 1 nothing.
        QCOMPARE(
            personEdit(list, contoso, QJsonObject{{QStringLiteral("Link"), QStringLiteral("https://contoso.com/a, Contoso Ltd")}}), 200);
        QCOMPARE(personEdit(list, fabrikam,
                     QJsonObject{{QStringLiteral("Link"), QStringLiteral("https://fabrikam.com/home, https://fabrikam.com")}}),
            200);
        sql(QStringLiteral("UPDATE twr_links SET url = 'https://northwind.com', updated_at = now() WHERE link_id = 3"));
        const Outcome edited = twoWay(links);
        QVERIFY2(edited.run.status == RunStatus::Succeeded, qPrintable(described(edited.run)));
        QCOMPARE(sql(QStringLiteral("SELECT string_agg(link_id || '=' || coalesce(url, '∅') || '|' || coalesce(label, '∅'), ' ' ORDER BY"
                                    " link_id) FROM twr_links")),
            QStringLiteral("1=https://contoso.com/a|Contoso Ltd 2=https://fabrikam.com/home|https://fabrikam.com "
                           "3=https://northwind.com|No link yet"));
        QCOMPARE(itemWhere(list, QStringLiteral("link_id"), QStringLiteral("3")).value(QStringLiteral("Link")).toObject(),
            (QJsonObject{{QStringLiteral("Url"), QStringLiteral("https://northwind.com")},
                {QStringLiteral("Description"), QStringLiteral("No link yet")}}));

        // The database renames link 1: its description changes in SharePoint, its URL stays.
        sql(QStringLiteral("UPDATE twr_links SET label = 'Contoso Limited', updated_at = now() WHERE link_id = 1"));
        const Outcome renamed = twoWay(links);
        QVERIFY2(renamed.run.status == RunStatus::Succeeded && renamed.counts.itemsUpdated == 1 && renamed.counts.databaseWrites() == 0,
            qPrintable(described(renamed.run)));
        QCOMPARE(itemWhere(list, QStringLiteral("link_id"), QStringLiteral("1")).value(QStringLiteral("Link")).toObject(),
            (QJsonObject{{QStringLiteral("Url"), QStringLiteral("https://contoso.com/a")},
                {QStringLiteral("Description"), QStringLiteral("Contoso Limited")}}));

        const Outcome again = twoWay(links);
        QVERIFY2(again.run.status == RunStatus::Succeeded, qPrintable(described(again.run)));
        QCOMPARE(again.counts.databaseWrites(), 0);
        QCOMPARE(again.counts.sharePointWrites(), 0);
        QCOMPARE(again.graphWrites, 0);
    }

    void cleanupTestCase() { m_store.reset(); }

private:
    void verifyWritesNothing()
    {
        const Outcome again = twoWay(orders);
        QVERIFY2(again.run.status == RunStatus::Succeeded, qPrintable(described(again.run)));
        QCOMPARE(again.counts.databaseWrites(), 0);
        QCOMPARE(again.counts.sharePointWrites(), 0);
        QCOMPARE(again.graphWrites, 0);
    }

    // The item's fields (with "id") whose `field` holds `value`; empty when there is none.
    QJsonObject itemWhere(const QString &listId, const QString &field, const QString &value)
    {
        for (const QJsonValue &item : items(listId)) {
            QJsonObject fields = item.toObject().value(QStringLiteral("fields")).toObject();
            const QJsonValue found = fields.value(field);
            if ((found.isDouble() ? QString::number(found.toInteger()) : found.toString()) == value) {
                fields.insert(QStringLiteral("id"), item.toObject().value(QStringLiteral("id")).toVariant().toString());
                return fields;
            }
        }
        return {};
    }
    QJsonObject orderItem(int orderId) { return itemWhere(m_ordersList, QStringLiteral("order_id"), QString::number(orderId)); }
    QString customerItem(const QString &key)
    {
        return itemWhere(m_customersList, QStringLiteral("Title"), key).value(QStringLiteral("id")).toString();
    }
    QString employeeItem(int key)
    {
        return itemWhere(m_employeesList, QStringLiteral("employee_id"), QString::number(key)).value(QStringLiteral("id")).toString();
    }

    QString m_customersList, m_employeesList, m_ordersList;
    QString m_adeleId, m_alexId; // the people's ids in the site's User Information List
};

} // namespace SyncBridge::Test

QTEST_GUILESS_MAIN(SyncBridge::Test::TestTwoWayRefs)
#include "tst_twowayrefs.moc"

// SharePoint's other column types end to end (issue 19 item 4): several people in one person column
// from an array of emails and UPNs, pushed into a list the run provisions and pulled back; real
// PostgreSQL, the real emulator, the real Graph client.
#include "pulltestbase.h"

namespace SyncBridge::Test {

class TestColumnTypes : public PullTestBase
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        startWith({});
        // Megan signs in as MeganB@… (her UPN, what SharePoint's UserName holds) and gets mail at
        // megan.bowen@contoso.com (EMail): a table may hold either.
        QCOMPARE(m_emulator
                     .admin("POST", QStringLiteral("/seed"),
                         QJsonObject{{QStringLiteral("users"),
                             QJsonArray{QJsonObject{{QStringLiteral("displayName"), QStringLiteral("Megan Bowen")},
                                 {QStringLiteral("email"), QStringLiteral("megan.bowen@contoso.com")},
                                 {QStringLiteral("userPrincipalName"), QStringLiteral("MeganB@contoso.onmicrosoft.com")}}}}})
                     .status,
            200);
        sql(QStringLiteral("CREATE TABLE ct_tasks (task_id int PRIMARY KEY, title text NOT NULL, owners text[],"
                           " updated_at timestamptz NOT NULL DEFAULT now());"
                           "CREATE TABLE ct_tasks_back (LIKE ct_tasks INCLUDING DEFAULTS, PRIMARY KEY (task_id));"
                           "INSERT INTO ct_tasks (task_id, title, owners) VALUES"
                           " (1, 'By email and by UPN', '{AdeleV@contoso.onmicrosoft.com,MEGANB@CONTOSO.ONMICROSOFT.COM}'),"
                           " (2, 'One unknown of three', '{alexw@contoso.onmicrosoft.com,nobody@contoso.onmicrosoft.com,"
                           "Megan.Bowen@contoso.com}'),"
                           " (3, 'Nobody', NULL);"));
        const QString push = QStringLiteral("PUSH_ONLY"), pull = QStringLiteral("PULL_ONLY");
        importDefinitionsJson(
            {syncDefinitionJson(QStringLiteral("CT tasks"), QStringLiteral("PUSH"), QStringLiteral("ct_tasks"), QStringLiteral("CT Tasks"),
                 QJsonArray{pullMapping(QStringLiteral("task_id"), QStringLiteral("task_id"), push, true),
                     pullMapping(QStringLiteral("title"), QStringLiteral("Title"), push),
                     personMapping(QStringLiteral("owners"), QStringLiteral("Owners"), push)}),
                syncDefinitionJson(QStringLiteral("CT tasks back"), QStringLiteral("PULL"), QStringLiteral("ct_tasks_back"),
                    QStringLiteral("CT Tasks"),
                    QJsonArray{pullMapping(QStringLiteral("task_id"), QStringLiteral("task_id"), pull, true),
                        pullMapping(QStringLiteral("title"), QStringLiteral("Title"), pull),
                        personMapping(QStringLiteral("owners"), QStringLiteral("Owners"), pull)})});
    }

    // An array of people becomes a multi-person column's "…LookupId" collection: each element found
    // by email or by UPN, whatever its case; one person SharePoint does not know fails that row, named
    // (the others of the row are not written without them); NULL leaves the column empty.
    void severalPeopleByEmailOrUpnGoIntoOneColumn()
    {
        const RunOutcome outcome = push(QStringLiteral("CT tasks"));
        QVERIFY2(outcome.status == RunStatus::PartiallyFailed && outcome.counters.created == 2 && outcome.counters.failed == 1,
            qPrintable(described(outcome)));
        const QString message = outcome.failures.firstKey();
        qDebug().noquote() << "unknown person of three:" << message;
        QVERIFY2(message.contains(QStringLiteral("Person owners → Owners"))
                && message.contains(QStringLiteral("'nobody@contoso.onmicrosoft.com'")),
            qPrintable(message));

        const QString listId = m_emulator.list(QStringLiteral("CT Tasks")).value(QStringLiteral("id")).toString();
        const QJsonObject owners = columnsOf(QStringLiteral("CT Tasks")).value(QStringLiteral("Owners")).toObject();
        QVERIFY2(owners.value(QStringLiteral("personOrGroup")).toObject().value(QStringLiteral("allowMultipleSelection")).toBool(),
            QJsonDocument(owners).toJson());
        const QHash<QString, QJsonObject> tasks = itemsByField(listId, QStringLiteral("task_id"));
        qDebug().noquote() << "task 1:" << QJsonDocument(tasks.value(QStringLiteral("1"))).toJson(QJsonDocument::Compact);
        QCOMPARE(tasks.value(QStringLiteral("1")).value(QStringLiteral("OwnersLookupId")).toArray(), (QJsonArray{10, meganLookupId()}));
        QVERIFY(!tasks.contains(QStringLiteral("2")));
        QVERIFY(!tasks.value(QStringLiteral("3")).contains(QStringLiteral("OwnersLookupId")));
    }

    // Pulled back, the ids become the people's emails (EMail, not the UPN the row named them by).
    void pulledBackEachPersonIsTheirEmail()
    {
        const RunOutcome outcome = pull(QStringLiteral("CT tasks back"));
        QVERIFY2(outcome.status == RunStatus::Succeeded && outcome.counters.created == 2, qPrintable(described(outcome)));
        QCOMPARE(sql(QStringLiteral("SELECT owners::text FROM ct_tasks_back WHERE task_id = 1")),
            QStringLiteral("{AdeleV@contoso.onmicrosoft.com,megan.bowen@contoso.com}"));
        QCOMPARE(sql(QStringLiteral("SELECT coalesce(owners::text, 'NULL') FROM ct_tasks_back WHERE task_id = 3")), QStringLiteral("NULL"));
    }

    void cleanupTestCase() { m_store.reset(); }

private:
    int meganLookupId()
    {
        for (const QJsonValue &user : m_emulator.admin("GET", QStringLiteral("/index")).json().value(QStringLiteral("users")).toArray()) {
            if (user.toObject().value(QStringLiteral("displayName")).toString() == QLatin1String("Megan Bowen"))
                return user.toObject().value(QStringLiteral("lookupId")).toInt();
        }
        return 0;
    }
};

} // namespace SyncBridge::Test

QTEST_GUILESS_MAIN(SyncBridge::Test::TestColumnTypes)
#include "tst_columntypes.moc"

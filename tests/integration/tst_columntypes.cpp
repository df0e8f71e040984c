// SharePoint's other column types end to end (issue 19 item 4): several people in one person column
// from an array of emails and UPNs, hyperlinks from a URL and a description column, pushed and
// pulled back; real
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

        sql(QStringLiteral("CREATE TABLE ct_links (link_id int PRIMARY KEY, url text, label text,"
                           " updated_at timestamptz NOT NULL DEFAULT now());"
                           "CREATE TABLE ct_links_back (LIKE ct_links INCLUDING DEFAULTS, PRIMARY KEY (link_id));"
                           "INSERT INTO ct_links (link_id, url, label) VALUES (1, 'https://contoso.com/a,b?q=1', 'Contoso, the site'),"
                           " (2, 'mailto:AdeleV@contoso.onmicrosoft.com', NULL), (3, 'javascript:alert(1)', 'Click me'),"
                           " (4, NULL, 'No link');"));
        m_linksList = m_emulator.createList(QStringLiteral("CT Links"),
            QJsonArray{keyColumn(), listColumn(QStringLiteral("link_id"), QStringLiteral("number")),
                listColumn(QStringLiteral("Link"), QStringLiteral("hyperlinkOrPicture"))});
        QVERIFY(!m_linksList.isEmpty());
        QJsonObject link = pullMapping(QStringLiteral("url"), QStringLiteral("Link"), push);
        link.insert(QStringLiteral("descriptionFrom"), QStringLiteral("label"));
        QJsonObject linkBack = pullMapping(QStringLiteral("url"), QStringLiteral("Link"), pull);
        linkBack.insert(QStringLiteral("descriptionFrom"), QStringLiteral("label"));
        importDefinitionsJson(
            {syncDefinitionJson(QStringLiteral("CT links"), QStringLiteral("PUSH"), QStringLiteral("ct_links"), QStringLiteral("CT Links"),
                 QJsonArray{pullMapping(QStringLiteral("link_id"), QStringLiteral("link_id"), push, true), link}),
                syncDefinitionJson(QStringLiteral("CT links back"), QStringLiteral("PULL"), QStringLiteral("ct_links_back"),
                    QStringLiteral("CT Links"),
                    QJsonArray{pullMapping(QStringLiteral("link_id"), QStringLiteral("link_id"), pull, true), linkBack})});

        sql(QStringLiteral("CREATE TABLE ct_scores (score_id int PRIMARY KEY, score numeric(5,2), price numeric(12,2), small smallint,"
                           " updated_at timestamptz NOT NULL DEFAULT now());"
                           "CREATE TABLE ct_scores_back (LIKE ct_scores INCLUDING DEFAULTS, PRIMARY KEY (score_id));"
                           "INSERT INTO ct_scores (score_id, score, price, small) VALUES (1, 42.5, 9999999999.99, 1),"
                           " (2, 100.01, 0.01, 2), (3, -0.5, 1234567.89, 3), (4, 0, -0.1, NULL);"));
        // A list made by hand whose score column takes 0 to 100, and a currency column in euros.
        m_scoresList = m_emulator.createList(QStringLiteral("CT Scores"),
            QJsonArray{keyColumn(), listColumn(QStringLiteral("score_id"), QStringLiteral("number")),
                listColumn(QStringLiteral("score"), QStringLiteral("number"),
                    QJsonObject{{QStringLiteral("decimalPlaces"), QStringLiteral("two")}, {QStringLiteral("minimum"), 0},
                        {QStringLiteral("maximum"), 100}}),
                listColumn(QStringLiteral("price"), QStringLiteral("currency"),
                    QJsonObject{{QStringLiteral("locale"), QStringLiteral("de-de")}})});
        QVERIFY(!m_scoresList.isEmpty());
        importDefinitionsJson({syncDefinitionJson(QStringLiteral("CT scores"), QStringLiteral("PUSH"), QStringLiteral("ct_scores"),
                                   QStringLiteral("CT Scores"),
                                   QJsonArray{pullMapping(QStringLiteral("score_id"), QStringLiteral("score_id"), push, true),
                                       pullMapping(QStringLiteral("score"), QStringLiteral("score"), push),
                                       pullMapping(QStringLiteral("price"), QStringLiteral("price"), push)}),
            syncDefinitionJson(QStringLiteral("CT scores back"), QStringLiteral("PULL"), QStringLiteral("ct_scores_back"),
                QStringLiteral("CT Scores"),
                QJsonArray{pullMapping(QStringLiteral("score_id"), QStringLiteral("score_id"), pull, true),
                    pullMapping(QStringLiteral("score"), QStringLiteral("score"), pull),
                    pullMapping(QStringLiteral("price"), QStringLiteral("price"), pull)}),
            syncDefinitionJson(QStringLiteral("CT amounts"), QStringLiteral("PUSH"), QStringLiteral("ct_scores"),
                QStringLiteral("CT Amounts"),
                QJsonArray{pullMapping(QStringLiteral("score_id"), QStringLiteral("score_id"), push, true),
                    pullMapping(QStringLiteral("score"), QStringLiteral("score"), push),
                    pullMapping(QStringLiteral("price"), QStringLiteral("price"), push),
                    pullMapping(QStringLiteral("small"), QStringLiteral("small"), push)})});

        const QString html = QStringLiteral("<p>Ships <b>Monday</b> &amp; <a href=\"https://contoso.com\">tracks</a></p>");
        sql(QStringLiteral("CREATE TABLE ct_notes (note_id int PRIMARY KEY, body varchar(200), plain text,"
                           " updated_at timestamptz NOT NULL DEFAULT now());"
                           "CREATE TABLE ct_notes_back (LIKE ct_notes INCLUDING DEFAULTS, PRIMARY KEY (note_id));"
                           "INSERT INTO ct_notes (note_id, body, plain) VALUES (1, $html$%1$html$, $html$%1$html$);")
                .arg(html));
        QJsonObject body = pullMapping(QStringLiteral("body"), QStringLiteral("body"), QStringLiteral("BIDIRECTIONAL"));
        body.insert(QStringLiteral("richText"), true);
        importDefinitionsJson(
            {syncDefinitionJson(QStringLiteral("CT notes"), QStringLiteral("PUSH"), QStringLiteral("ct_notes"), QStringLiteral("CT Notes"),
                 QJsonArray{pullMapping(QStringLiteral("note_id"), QStringLiteral("note_id"), push, true), body,
                     pullMapping(QStringLiteral("plain"), QStringLiteral("plain"), QStringLiteral("BIDIRECTIONAL"))}),
                syncDefinitionJson(QStringLiteral("CT notes back"), QStringLiteral("PULL"), QStringLiteral("ct_notes_back"),
                    QStringLiteral("CT Notes"),
                    QJsonArray{pullMapping(QStringLiteral("note_id"), QStringLiteral("note_id"), pull, true), body,
                        pullMapping(QStringLiteral("plain"), QStringLiteral("plain"), QStringLiteral("BIDIRECTIONAL"))})});
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

    // A hyperlink from two columns: the URL and its description (one column alone: the URL is its
    // own description); a URL SharePoint would refuse fails its row, named, and is never sent; a
    // NULL URL leaves the column empty.
    void aHyperlinkTakesItsUrlAndDescription()
    {
        const RunOutcome outcome = push(QStringLiteral("CT links"));
        QVERIFY2(outcome.status == RunStatus::PartiallyFailed && outcome.counters.created == 3 && outcome.counters.failed == 1,
            qPrintable(described(outcome)));
        qDebug().noquote() << "invalid URL:" << outcome.failures.firstKey();
        QCOMPARE(outcome.failures.firstKey(),
            QStringLiteral("Column 'url': 'javascript:alert(1)' is not a link SharePoint's hyperlink column 'Link' takes (a URL with one "
                           "of the schemes http, https, mailto, ftp, ftps, file, news)."));
        const QHash<QString, QJsonObject> links = itemsByField(m_linksList, QStringLiteral("link_id"));
        qDebug().noquote() << "link 1:" << QJsonDocument(links.value(QStringLiteral("1"))).toJson(QJsonDocument::Compact);
        QCOMPARE(links.value(QStringLiteral("1")).value(QStringLiteral("Link")).toObject(),
            (QJsonObject{{QStringLiteral("Url"), QStringLiteral("https://contoso.com/a,b?q=1")},
                {QStringLiteral("Description"), QStringLiteral("Contoso, the site")}}));
        QCOMPARE(links.value(QStringLiteral("2")).value(QStringLiteral("Link")).toObject(),
            (QJsonObject{{QStringLiteral("Url"), QStringLiteral("mailto:AdeleV@contoso.onmicrosoft.com")},
                {QStringLiteral("Description"), QStringLiteral("mailto:AdeleV@contoso.onmicrosoft.com")}}));
        QVERIFY(!links.contains(QStringLiteral("3")));
        QVERIFY(!links.value(QStringLiteral("4")).contains(QStringLiteral("Link")));
    }

    // Pulled back, the URL goes into its column and the description into the description's; a
    // description changed in SharePoint alone is a change the pull writes.
    void pulledBackTheUrlAndDescriptionAreTwoColumns()
    {
        RunOutcome outcome = pull(QStringLiteral("CT links back"));
        QVERIFY2(outcome.status == RunStatus::Succeeded && outcome.counters.created == 3, qPrintable(described(outcome)));
        QCOMPARE(sql(QStringLiteral("SELECT string_agg(link_id || ':' || coalesce(url, 'NULL') || ' | ' || coalesce(label, 'NULL'), ' / '"
                                    " ORDER BY link_id) FROM ct_links_back")),
            QStringLiteral("1:https://contoso.com/a,b?q=1 | Contoso, the site / 2:mailto:AdeleV@contoso.onmicrosoft.com | "
                           "mailto:AdeleV@contoso.onmicrosoft.com / 4:NULL | NULL"));
        const QString itemId
            = itemsByField(m_linksList, QStringLiteral("link_id")).value(QStringLiteral("1")).value(QStringLiteral("id")).toString();
        QCOMPARE(
            editItem(m_linksList, itemId, QJsonObject{{QStringLiteral("Link"), QStringLiteral("https://contoso.com/a,,b?q=1, Renamed")}}),
            200);
        outcome = pull(QStringLiteral("CT links back"));
        QVERIFY2(outcome.status == RunStatus::Succeeded && outcome.counters.updated == 1, qPrintable(described(outcome)));
        QCOMPARE(sql(QStringLiteral("SELECT label FROM ct_links_back WHERE link_id = 1")), QStringLiteral("Renamed"));
    }

    // A URL set to NULL clears the hyperlink.
    void aNullUrlClearsTheLink()
    {
        sql(QStringLiteral("UPDATE ct_links SET url = NULL, updated_at = now() + interval '1 second' WHERE link_id = 2"));
        const RunOutcome outcome = push(QStringLiteral("CT links"));
        QVERIFY2(outcome.counters.updated == 1, qPrintable(described(outcome)));
        QVERIFY(!itemsByField(m_linksList, QStringLiteral("link_id")).value(QStringLiteral("2")).contains(QStringLiteral("Link")));
    }

    // A value outside a number column's minimum and maximum fails its row, with the field, the value
    // and the bound named, and is never written; currency values keep every cent, and the column
    // its locale.
    void numbersStayWithinTheirColumnsBounds()
    {
        const RunOutcome outcome = push(QStringLiteral("CT scores"));
        QVERIFY2(outcome.status == RunStatus::PartiallyFailed && outcome.counters.created == 2 && outcome.counters.failed == 2,
            qPrintable(described(outcome)));
        qDebug().noquote() << "out of bounds:" << outcome.failures.keys();
        QVERIFY2(outcome.failures.contains(QStringLiteral("The value of field 'score' (100.01) is greater than its maximum (100).")),
            qPrintable(described(outcome)));
        QVERIFY2(outcome.failures.contains(QStringLiteral("The value of field 'score' (-0.5) is less than its minimum (0).")),
            qPrintable(described(outcome)));
        const QHash<QString, QJsonObject> scores = itemsByField(m_scoresList, QStringLiteral("score_id"));
        QCOMPARE(scores.keys().size(), 2);
        QCOMPARE(scores.value(QStringLiteral("1")).value(QStringLiteral("price")).toDouble(), 9999999999.99);
        QCOMPARE(
            columnsOf(QStringLiteral("CT Scores")).value(QStringLiteral("price")).toObject().value(QStringLiteral("currency")).toObject(),
            (QJsonObject{{QStringLiteral("locale"), QStringLiteral("de-de")}}));

        const RunOutcome back = pull(QStringLiteral("CT scores back"));
        QVERIFY2(back.status == RunStatus::Succeeded && back.counters.created == 2, qPrintable(described(back)));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM (SELECT score_id, score, price FROM ct_scores WHERE score_id IN (1, 4)"
                                    " EXCEPT SELECT score_id, score, price FROM ct_scores_back) x")),
            QStringLiteral("0"));
    }

    // A list the run provisions gets number columns with the source's decimals and the bounds its
    // type implies: numeric(5,2) two decimals from -999.99 to 999.99, smallint none from -32768 to 32767.
    void provisioningWritesDecimalsAndBounds()
    {
        const RunOutcome outcome = push(QStringLiteral("CT amounts"));
        QVERIFY2(outcome.status == RunStatus::Succeeded && outcome.counters.created == 4, qPrintable(described(outcome)));
        const QJsonObject columns = columnsOf(QStringLiteral("CT Amounts"));
        QCOMPARE(columns.value(QStringLiteral("score")).toObject().value(QStringLiteral("number")).toObject(),
            (QJsonObject{{QStringLiteral("decimalPlaces"), QStringLiteral("two")}, {QStringLiteral("minimum"), -999.99},
                {QStringLiteral("maximum"), 999.99}}));
        QCOMPARE(columns.value(QStringLiteral("small")).toObject().value(QStringLiteral("number")).toObject(),
            (QJsonObject{{QStringLiteral("decimalPlaces"), QStringLiteral("none")}, {QStringLiteral("minimum"), -32768},
                {QStringLiteral("maximum"), 32767}}));
    }

    // A column marked rich text is provisioned as multiple lines of rich text and takes the HTML as
    // it is; a plain text column given the same HTML keeps it as text, tags and all; both come back
    // unchanged.
    void htmlGoesAsItIsIntoRichText()
    {
        const RunOutcome outcome = push(QStringLiteral("CT notes"));
        QVERIFY2(outcome.status == RunStatus::Succeeded && outcome.counters.created == 1, qPrintable(described(outcome)));
        const QJsonObject columns = columnsOf(QStringLiteral("CT Notes"));
        QCOMPARE(columns.value(QStringLiteral("body")).toObject().value(QStringLiteral("text")).toObject(),
            (QJsonObject{{QStringLiteral("allowMultipleLines"), true}, {QStringLiteral("linesForEditing"), 6},
                {QStringLiteral("textType"), QStringLiteral("richText")}}));
        QCOMPARE(
            columns.value(QStringLiteral("plain")).toObject().value(QStringLiteral("text")).toObject().value(QStringLiteral("textType")),
            QStringLiteral("plain"));
        const QString html = sql(QStringLiteral("SELECT body FROM ct_notes WHERE note_id = 1"));
        const QString listId = m_emulator.list(QStringLiteral("CT Notes")).value(QStringLiteral("id")).toString();
        const QJsonObject note = itemsByField(listId, QStringLiteral("note_id")).value(QStringLiteral("1"));
        QCOMPARE(note.value(QStringLiteral("body")).toString(), html);
        QCOMPARE(note.value(QStringLiteral("plain")).toString(), html);

        const RunOutcome back = pull(QStringLiteral("CT notes back"));
        QVERIFY2(back.status == RunStatus::Succeeded && back.counters.created == 1, qPrintable(described(back)));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM (SELECT note_id, body, plain FROM ct_notes EXCEPT SELECT note_id, body, plain"
                                    " FROM ct_notes_back) x")),
            QStringLiteral("0"));
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

    QString m_linksList;
    QString m_scoresList;
};

} // namespace SyncBridge::Test

QTEST_GUILESS_MAIN(SyncBridge::Test::TestColumnTypes)
#include "tst_columntypes.moc"

// Graph emulator: what a pull relies on in listItem delta (contract §8, §10.2): fields and $select in
// every page, the last state of an item changed while a feed is read, deletions, token=latest,
// 410 resyncs, full-URL links, and the resource units a delta call costs. Real process, real HTTP.
#include "emulatorprocess.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

using namespace SyncBridge::Test;

class TestEmulatorDelta : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    QString m_site;
    QString m_list;

    QString items(const QString &suffix = {}) const { return QStringLiteral("/sites/%1/lists/%2/items%3").arg(m_site, m_list, suffix); }

    void create(const QString &title)
    {
        const QJsonObject fields{{QStringLiteral("Title"), title}, {QStringLiteral("Size"), title.size()}};
        QCOMPARE(m_emulator.graph("POST", items(), {{QStringLiteral("fields"), fields}}).status, 201);
    }

    // Every page of a feed from url to its deltaLink; the pages' items in order.
    QJsonArray readFeed(const QString &url, QString *deltaLink, QStringList *links = nullptr)
    {
        QJsonArray all;
        for (QString next = url; !next.isEmpty();) {
            const QJsonObject page = m_emulator.graph("GET", next).json();
            for (const QJsonValue &item : page.value(QStringLiteral("value")).toArray())
                all.append(item);
            next = page.value(QStringLiteral("@odata.nextLink")).toString();
            *deltaLink = page.value(QStringLiteral("@odata.deltaLink")).toString();
            if (links)
                *links << (next.isEmpty() ? *deltaLink : next);
        }
        return all;
    }

    // The last occurrence of each item in a feed, as the contract tells clients to read it.
    static QHash<QString, QJsonObject> lastStates(const QJsonArray &feed)
    {
        QHash<QString, QJsonObject> last;
        for (const QJsonValue &item : feed)
            last.insert(item.toObject().value(QStringLiteral("id")).toString(), item.toObject());
        return last;
    }

    double ruSpent() { return m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("ruSpent")).toDouble(); }

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
        m_list = m_emulator.createList(QStringLiteral("Feed"),
            QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Size")}, {QStringLiteral("number"), QJsonObject{}}}});
        for (const QString &title :
            {QStringLiteral("one"), QStringLiteral("two"), QStringLiteral("three"), QStringLiteral("four"), QStringLiteral("five")})
            create(title);
    }

    // $expand=fields($select=…) and $select hold on every page, nextLinks and deltaLink included.
    void everyPageHasTheSelectedFields()
    {
        QString deltaLink;
        QStringList links;
        const QJsonArray feed
            = readFeed(items(QStringLiteral("/delta?$top=2&$select=id,eTag&$expand=fields($select=Title)")), &deltaLink, &links);
        QCOMPARE(feed.size(), 5);
        QCOMPARE(links.size(), 3);
        create(QStringLiteral("six"));
        const QJsonArray changes = readFeed(deltaLink, &deltaLink);
        QCOMPARE(changes.size(), 1);
        QJsonArray all = feed;
        all.append(changes.at(0));
        for (const QJsonValue &value : all) {
            const QJsonObject item = value.toObject();
            QVERIFY(item.contains(QStringLiteral("eTag")));
            QVERIFY(!item.contains(QStringLiteral("webUrl"))); // not selected
            const QJsonObject fields = item.value(QStringLiteral("fields")).toObject();
            QVERIFY2(!fields.value(QStringLiteral("Title")).toString().isEmpty(), qPrintable(item.value(QStringLiteral("id")).toString()));
            QVERIFY(!fields.contains(QStringLiteral("Size")));
            QVERIFY(fields.contains(QStringLiteral("@odata.etag")));
        }
        QCOMPARE(changes.at(0).toObject().value(QStringLiteral("fields")).toObject().value(QStringLiteral("Title")).toString(),
            QStringLiteral("six"));
    }

    // Links are absolute URLs that repeat the request's options (contract §8: "full URLs").
    void linksAreFullUrls()
    {
        QString deltaLink;
        QStringList links;
        readFeed(items(QStringLiteral("/delta?$top=2&$expand=fields")), &deltaLink, &links);
        const QString prefix = m_emulator.graphUrl() + items(QStringLiteral("/delta?"));
        for (const QString &link : std::as_const(links)) {
            QVERIFY2(link.startsWith(prefix), qPrintable(link));
            QVERIFY(link.contains(QStringLiteral("token=")));
            QVERIFY(link.contains(QStringLiteral("%24expand=fields")) || link.contains(QStringLiteral("$expand=fields")));
        }
        const QJsonObject latest = m_emulator.graph("GET", items(QStringLiteral("/delta?token=latest"))).json();
        QCOMPARE(latest.value(QStringLiteral("value")).toArray().size(), 0);
        QVERIFY(!latest.contains(QStringLiteral("@odata.nextLink")));
        QVERIFY(latest.value(QStringLiteral("@odata.deltaLink")).toString().startsWith(prefix));
    }

    // Changes made while a client pages through a feed: every item's last occurrence is its latest
    // state, nothing is lost, and a deletion shows as the deleted facet.
    void changesDuringAFeedEndInTheLatestState()
    {
        const QJsonObject first = m_emulator.graph("GET", items(QStringLiteral("/delta?$top=2&$expand=fields"))).json();
        QJsonArray feed = first.value(QStringLiteral("value")).toArray(); // items 1 and 2
        QCOMPARE(feed.size(), 2);
        m_emulator.graph("PATCH", items(QStringLiteral("/1/fields")), {{QStringLiteral("Title"), QStringLiteral("ONE")}});   // already read
        m_emulator.graph("PATCH", items(QStringLiteral("/3/fields")), {{QStringLiteral("Title"), QStringLiteral("THREE")}}); // not read yet
        QCOMPARE(m_emulator.graph("DELETE", items(QStringLiteral("/4"))).status, 204);
        QString deltaLink;
        for (const QJsonValue &item : readFeed(first.value(QStringLiteral("@odata.nextLink")).toString(), &deltaLink))
            feed.append(item);
        for (const QJsonValue &item : readFeed(deltaLink, &deltaLink))
            feed.append(item);

        const QHash<QString, QJsonObject> last = lastStates(feed);
        const auto title = [&](const char *id) {
            return last.value(QLatin1String(id)).value(QStringLiteral("fields")).toObject().value(QStringLiteral("Title")).toString();
        };
        QCOMPARE(title("1"), QStringLiteral("ONE"));
        QCOMPARE(title("3"), QStringLiteral("THREE"));
        QCOMPARE(title("5"), QStringLiteral("five"));
        QCOMPARE(last.value(QStringLiteral("4")).value(QStringLiteral("deleted")).toObject().value(QStringLiteral("state")).toString(),
            QStringLiteral("deleted"));
        QCOMPARE(QSet<QString>(last.keyBegin(), last.keyEnd()), (QSet<QString>{"1", "2", "3", "4", "5"}));
        int ones = 0;
        for (const QJsonValue &item : std::as_const(feed))
            ones += item.toObject().value(QStringLiteral("id")).toString() == QLatin1String("1");
        QCOMPARE(ones, 2); // item 1 appears twice; the later one is the latest state
    }

    // A reset invalidates every link, nextLinks in the middle of an enumeration too.
    void aResetTurnsEveryLinkIntoA410()
    {
        const QString nextLink
            = m_emulator.graph("GET", items(QStringLiteral("/delta?$top=2"))).json().value(QStringLiteral("@odata.nextLink")).toString();
        const QString deltaLink = m_emulator.graph("GET", items(QStringLiteral("/delta?token=latest")))
                                      .json()
                                      .value(QStringLiteral("@odata.deltaLink"))
                                      .toString();
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/delta/reset")).status, 204);
        for (const QString &link : {nextLink, deltaLink}) {
            const HttpExchange gone = m_emulator.graph("GET", link);
            QCOMPARE(gone.status, 410);
            QCOMPARE(gone.json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString(),
                QStringLiteral("resyncRequired"));
            QVERIFY(gone.header("location").endsWith("/items/delta"));
        }
    }

    // Contract §10.2: delta costs 1 RU with a token (token=latest included), 2 without.
    void deltaCostsOneResourceUnitWithATokenAndTwoWithout()
    {
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/stats/reset")).status, 204);
        const QString nextLink
            = m_emulator.graph("GET", items(QStringLiteral("/delta?$top=3"))).json().value(QStringLiteral("@odata.nextLink")).toString();
        QCOMPARE(ruSpent(), 2.0);
        const QString deltaLink = m_emulator.graph("GET", nextLink).json().value(QStringLiteral("@odata.deltaLink")).toString();
        QCOMPARE(ruSpent(), 3.0);
        m_emulator.graph("GET", deltaLink);
        QCOMPARE(ruSpent(), 4.0);
        m_emulator.graph("GET", items(QStringLiteral("/delta?token=latest")));
        QCOMPARE(ruSpent(), 5.0);
    }
};

QTEST_GUILESS_MAIN(TestEmulatorDelta)
#include "tst_emulator_delta.moc"

// Graph emulator: a site's time zone and how SharePoint stores dateTime values by it — a dateOnly
// column keeps the site-local midnight in UTC (docs/graph-emulator.md, "Site time zones and
// date-only columns"). Sites west (UTC−8) and east (UTC+13) of UTC; real process, real HTTP.
#include "emulatorprocess.h"

#include <QJsonArray>
#include <QTest>

using namespace SyncBridge::Test;

namespace {

const QString west = QStringLiteral("/sites/west"); // America/Los_Angeles: UTC−8, UTC−7 from 8 March 2026 02:00
const QString east = QStringLiteral("/sites/east"); // Pacific/Auckland: UTC+13 until 5 April 2026, then UTC+12

QJsonObject siteSeed(const QString &path, const QString &timeZone)
{
    const QJsonArray columns{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("Day")},
            {QStringLiteral("dateTime"),
                QJsonObject{
                    {QStringLiteral("displayAs"), QStringLiteral("default")}, {QStringLiteral("format"), QStringLiteral("dateOnly")}}}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("At")},
            {QStringLiteral("dateTime"), QJsonObject{{QStringLiteral("format"), QStringLiteral("dateTime")}}}},
    };
    QJsonObject site{{QStringLiteral("hostname"), QStringLiteral("contoso.sharepoint.com")}, {QStringLiteral("path"), path},
        {QStringLiteral("lists"),
            QJsonArray{QJsonObject{{QStringLiteral("displayName"), QStringLiteral("Dates")}, {QStringLiteral("columns"), columns}}}}};
    if (!timeZone.isEmpty())
        site.insert(QStringLiteral("timeZone"), timeZone);
    return site;
}

} // namespace

class TestEmulatorDates : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;

    // The Dates list of the site at path, as /sites/{id}/lists/{id}/items.
    QString itemsOf(const QString &path)
    {
        const QJsonObject site = m_emulator.graph("GET", QStringLiteral("/sites/contoso.sharepoint.com:%1").arg(path)).json();
        const QJsonObject list
            = m_emulator.graph("GET", QStringLiteral("/sites/%1/lists/Dates").arg(site.value(QStringLiteral("id")).toString())).json();
        return QStringLiteral("/sites/%1/lists/%2/items")
            .arg(site.value(QStringLiteral("id")).toString(), list.value(QStringLiteral("id")).toString());
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
        const QJsonObject seed{{QStringLiteral("sites"),
            QJsonArray{siteSeed(west, QStringLiteral("America/Los_Angeles")), siteSeed(east, QStringLiteral("Pacific/Auckland")),
                siteSeed(QStringLiteral("/sites/utc"), {})}}};
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/seed"), seed).status, 200);
    }

    void theIndexShowsEachSitesTimeZoneUtcByDefault()
    {
        QHash<QString, QString> zones;
        for (const QJsonValue &site : m_emulator.admin("GET", QStringLiteral("/index")).json().value(QStringLiteral("sites")).toArray())
            zones.insert(
                site.toObject().value(QStringLiteral("path")).toString(), site.toObject().value(QStringLiteral("timeZone")).toString());
        QCOMPARE(zones.value(west), QStringLiteral("America/Los_Angeles"));
        QCOMPARE(zones.value(east), QStringLiteral("Pacific/Auckland"));
        QCOMPARE(zones.value(QStringLiteral("/sites/utc")), QStringLiteral("UTC"));
        QCOMPARE(zones.value(QStringLiteral("/sites/pmo")), QStringLiteral("UTC"));
    }

    void anUnknownTimeZoneIsRefused()
    {
        const HttpExchange refused = m_emulator.admin(
            "POST", QStringLiteral("/seed"), {{QStringLiteral("sites"), QJsonArray{siteSeed(west, QStringLiteral("Mars/Olympus"))}}});
        QCOMPARE(refused.status, 400);
        QVERIFY(refused.json()
                    .value(QStringLiteral("error"))
                    .toObject()
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QStringLiteral("Mars/Olympus")));
    }

    // What a write stores, and what every read (the create answer, item, collection, delta) returns.
    void writesAreStoredByTheSiteTimeZone_data()
    {
        QTest::addColumn<QString>("site");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("written");
        QTest::addColumn<QString>("stored");
        // a bare date: the site-local midnight
        QTest::newRow("date, UTC−8") << west << "Day"
                                     << "2026-03-08"
                                     << "2026-03-08T08:00:00Z";
        QTest::newRow("date, UTC+13") << east << "Day"
                                      << "2026-03-08"
                                      << "2026-03-07T11:00:00Z";
        QTest::newRow("date, UTC+12 (NZ winter)") << east << "Day"
                                                  << "2026-07-01"
                                                  << "2026-06-30T12:00:00Z";
        QTest::newRow("date, UTC site") << QStringLiteral("/sites/utc") << "Day"
                                        << "2026-03-08"
                                        << "2026-03-08T00:00:00Z";
        // a timestamp in a dateOnly column: its site-local day, at the site-local midnight
        QTest::newRow("timestamp, UTC−8, same day") << west << "Day"
                                                    << "2026-03-08T15:30:00Z"
                                                    << "2026-03-08T08:00:00Z";
        QTest::newRow("UTC midnight, UTC−8: the day before") << west << "Day"
                                                             << "2026-03-08T00:00:00Z"
                                                             << "2026-03-07T08:00:00Z";
        QTest::newRow("UTC noon, UTC+13: the day after") << east << "Day"
                                                         << "2026-03-08T12:00:00Z"
                                                         << "2026-03-08T11:00:00Z";
        QTest::newRow("offset kept, UTC+13") << east << "Day"
                                             << "2026-03-08T00:00:00+13:00"
                                             << "2026-03-07T11:00:00Z";
        // a dateTime column keeps the instant; values without an offset are site-local
        QTest::newRow("dateTime, instant") << west << "At"
                                           << "2026-03-08T15:30:00Z"
                                           << "2026-03-08T15:30:00Z";
        QTest::newRow("dateTime, whole seconds") << east << "At"
                                                 << "2026-03-08T15:30:00.750+01:00"
                                                 << "2026-03-08T14:30:00Z";
        QTest::newRow("dateTime, bare date") << west << "At"
                                             << "2026-03-08"
                                             << "2026-03-08T08:00:00Z";
        QTest::newRow("dateTime, no offset, after DST") << west << "At"
                                                        << "2026-03-08T10:00:00"
                                                        << "2026-03-08T17:00:00Z";
    }

    void writesAreStoredByTheSiteTimeZone()
    {
        QFETCH(QString, site);
        QFETCH(QString, column);
        QFETCH(QString, written);
        QFETCH(QString, stored);
        const QString items = itemsOf(site);
        const HttpExchange created = m_emulator.graph("POST", items, {{QStringLiteral("fields"), QJsonObject{{column, written}}}});
        QCOMPARE(created.status, 201);
        const QJsonObject createdFields = created.json().value(QStringLiteral("fields")).toObject();
        QCOMPARE(createdFields.value(column).toString(), stored);
        const QString id = created.json().value(QStringLiteral("id")).toString();

        QCOMPARE(m_emulator.graph("GET", QStringLiteral("%1/%2/fields").arg(items, id)).json().value(column).toString(), stored);
        const QJsonArray collection
            = m_emulator.graph("GET", items + QStringLiteral("?$expand=fields")).json().value(QStringLiteral("value")).toArray();
        QCOMPARE(collection.size(), 1);
        QCOMPARE(collection.at(0).toObject().value(QStringLiteral("fields")).toObject().value(column).toString(), stored);
        const QJsonArray delta
            = m_emulator.graph("GET", items + QStringLiteral("/delta?$expand=fields")).json().value(QStringLiteral("value")).toArray();
        QCOMPARE(delta.size(), 1);
        QCOMPARE(delta.at(0).toObject().value(QStringLiteral("fields")).toObject().value(column).toString(), stored);
    }

    // Reading the stored value back and writing it again moves nothing (a pull then push round trip).
    void writingTheStoredValueBackIsStable()
    {
        for (const QString &site : {west, east}) {
            const QString items = itemsOf(site);
            const QJsonObject created
                = m_emulator
                      .graph(
                          "POST", items, {{QStringLiteral("fields"), QJsonObject{{QStringLiteral("Day"), QStringLiteral("2026-03-08")}}}})
                      .json();
            const QString stored = created.value(QStringLiteral("fields")).toObject().value(QStringLiteral("Day")).toString();
            const HttpExchange patched
                = m_emulator.graph("PATCH", QStringLiteral("%1/%2/fields").arg(items, created.value(QStringLiteral("id")).toString()),
                    {{QStringLiteral("Day"), stored}});
            QCOMPARE(patched.status, 200);
            QCOMPARE(patched.json().value(QStringLiteral("Day")).toString(), stored);
        }
    }
};

QTEST_GUILESS_MAIN(TestEmulatorDates)
#include "tst_emulator_dates.moc"

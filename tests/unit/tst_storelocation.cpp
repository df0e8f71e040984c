#include "store/storelocation.h"

#include <QTest>

using namespace SyncBridge;

class TestStoreLocation : public QObject
{
    Q_OBJECT

private slots:
    void sqlitePath()
    {
        auto location = StoreLocation::parse(QStringLiteral("/tmp/x/store.db"));
        QVERIFY(location.ok());
        QVERIFY(!location->isPostgres());
        QCOMPARE(location->sqlitePath, QStringLiteral("/tmp/x/store.db"));
    }

    void postgresUrl()
    {
        auto location = StoreLocation::parse(QStringLiteral("postgresql://agent@db.example.com:6543/syncbridge"));
        QVERIFY(location.ok());
        QVERIFY(location->isPostgres());
        QCOMPARE(location->host, QStringLiteral("db.example.com"));
        QCOMPARE(location->port, 6543);
        QCOMPARE(location->userName, QStringLiteral("agent"));
        QCOMPARE(location->databaseName, QStringLiteral("syncbridge"));
        QCOMPARE(location->describe(), QStringLiteral("postgresql://agent@db.example.com:6543/syncbridge"));
    }

    void passwordInUrlIsRefused()
    {
        auto location = StoreLocation::parse(QStringLiteral("postgresql://agent:hunter2@db/syncbridge"));
        QVERIFY(!location.ok());
        QCOMPARE(location.error().code(), ErrorCode::InvalidInput);
        QVERIFY(location.error().message().contains(QStringLiteral("PGPASSWORD")));
        QVERIFY(!location.error().toString().contains(QStringLiteral("hunter2")));
    }

    void invalidSpecs_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::newRow("empty") << QString();
        QTest::newRow("no database") << QStringLiteral("postgresql://agent@db:5432/");
        QTest::newRow("no host") << QStringLiteral("postgresql:///syncbridge");
    }

    void invalidSpecs()
    {
        QFETCH(QString, spec);
        QVERIFY(!StoreLocation::parse(spec).ok());
    }
};

QTEST_GUILESS_MAIN(TestStoreLocation)
#include "tst_storelocation.moc"

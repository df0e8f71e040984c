#include "source/connectionstring.h"
#include "source/pgsession.h"

#include <QTest>

using namespace SyncBridge;

class TestConnectionString : public QObject
{
    Q_OBJECT

private slots:
    void quotesEveryValue()
    {
        Database database;
        database.databaseName = QStringLiteral("my db");
        DatabaseInstance instance;
        instance.host = QStringLiteral("db.local");
        instance.port = 6432;
        instance.userName = QStringLiteral("o'brien");
        const std::string text = libpqConnectionString(database, instance, QStringLiteral("pa ss\\'word"), 5);
        QCOMPARE(QString::fromStdString(text),
                 QStringLiteral("host='db.local' port=6432 dbname='my db' user='o\\'brien' connect_timeout=5 application_name='SyncBridge' client_encoding='UTF8'"
                                " sslmode='prefer' password='pa ss\\\\\\'word'"));
    }

    void failoverOrderIsRoleThenPriority()
    {
        QList<DatabaseInstance> instances;
        const auto add = [&](const char *name, InstanceRole role, int priority) {
            DatabaseInstance instance;
            instance.name = QLatin1String(name);
            instance.role = role;
            instance.priority = priority;
            instances << instance;
        };
        add("replica", InstanceRole::Replica, 0);
        add("standby-b", InstanceRole::Standby, 2);
        add("primary", InstanceRole::Primary, 5);
        add("standby-a", InstanceRole::Standby, 1);
        QStringList order;
        for (const DatabaseInstance &instance : failoverOrder(instances))
            order << instance.name;
        QCOMPARE(order, (QStringList{QStringLiteral("primary"), QStringLiteral("standby-a"), QStringLiteral("standby-b"), QStringLiteral("replica")}));
    }

    void classifiesLibpqMessages_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<ErrorCode>("code");
        QTest::newRow("refused") << QStringLiteral("connection to server at \"127.0.0.1\", port 1 failed: Connection refused") << ErrorCode::ConnectionRefused;
        QTest::newRow("password") << QStringLiteral("FATAL:  password authentication failed for user \"postgres\"") << ErrorCode::AuthenticationFailed;
        QTest::newRow("missing db") << QStringLiteral("FATAL:  database \"nope\" does not exist") << ErrorCode::DatabaseMissing;
        QTest::newRow("dns") << QStringLiteral("could not translate host name \"nohost\" to address") << ErrorCode::HostNotFound;
        QTest::newRow("timeout") << QStringLiteral("timeout expired") << ErrorCode::Timeout;
        QTest::newRow("other") << QStringLiteral("SSL SYSCALL error") << ErrorCode::SourceFailure;
    }

    void classifiesLibpqMessages()
    {
        QFETCH(QString, message);
        QFETCH(ErrorCode, code);
        Database database;
        database.databaseName = QStringLiteral("nope");
        DatabaseInstance instance;
        instance.name = QStringLiteral("primary");
        instance.host = QStringLiteral("127.0.0.1");
        const Error error = classifyConnectionFailure(message, database, instance);
        QCOMPARE(error.code(), code);
        QVERIFY(!error.message().isEmpty());
        QCOMPARE(error.detail(), message);
    }
};

QTEST_GUILESS_MAIN(TestConnectionString)
#include "tst_connectionstring.moc"

#include "secrets/environmentsecretstore.h"
#include "secrets/memorysecretstore.h"

#include <QTest>

using namespace SyncBridge;

class TestSecretStores : public QObject
{
    Q_OBJECT

private slots:
    void keysAreKindSlashUuid()
    {
        const QString key = makeSecretKey(postgresSecretKind);
        QVERIFY(key.startsWith(QStringLiteral("postgres/")));
        QCOMPARE(key.size(), 9 + 36);
        QVERIFY(makeSecretKey(postgresSecretKind) != key);
    }

    void memoryStore()
    {
        MemorySecretStore store;
        QCOMPARE(readSecretBlocking(store, QStringLiteral("k")).error().code(), ErrorCode::SecretNotFound);
        QVERIFY(writeSecretBlocking(store, QStringLiteral("k"), QStringLiteral("s3cret")).ok());
        QCOMPARE(*readSecretBlocking(store, QStringLiteral("k")), QStringLiteral("s3cret"));
        QVERIFY(removeSecretBlocking(store, QStringLiteral("k")).ok());
        QVERIFY(!readSecretBlocking(store, QStringLiteral("k")).ok());
    }

    void environmentStoreIsOptInAndReadOnly()
    {
        const QString key = QStringLiteral("postgres/1b4e28ba-2fa1-11d2-883f-0016d3cca427");
        QCOMPARE(EnvironmentSecretStore::variableFor(key), QStringLiteral("SYNCBRIDGE_SECRET_POSTGRES_1B4E28BA_2FA1_11D2_883F_0016D3CCA427"));
        QProcessEnvironment environment;
        environment.insert(EnvironmentSecretStore::variableFor(key), QStringLiteral("from-env"));
        EnvironmentSecretStore store(environment);
        QCOMPARE(*readSecretBlocking(store, key), QStringLiteral("from-env"));
        auto missing = readSecretBlocking(store, QStringLiteral("postgres/other"));
        QCOMPARE(missing.error().code(), ErrorCode::SecretNotFound);
        QVERIFY(missing.error().message().contains(QStringLiteral("SYNCBRIDGE_SECRET_POSTGRES_OTHER")));
        QCOMPARE(writeSecretBlocking(store, key, QStringLiteral("x")).error().code(), ErrorCode::Unsupported);
    }
};

QTEST_GUILESS_MAIN(TestSecretStores)
#include "tst_secretstores.moc"

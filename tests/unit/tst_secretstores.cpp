#include "secrets/environmentsecretstore.h"
#include "secrets/memorysecretstore.h"
#include "secrets/sessionfallbacksecretstore.h"

#include <QTest>

using namespace SyncBridge;

namespace {

// Stands in for an OS keychain whose daemon is missing.
class UnavailableKeychain final : public SecretStore
{
public:
    void read(const QString &, ReadCallback done) override { done(unavailable()); }
    void write(const QString &, const QString &, DoneCallback done) override { done(unavailable()); }
    void remove(const QString &, DoneCallback done) override { done(unavailable()); }
    QString backendName() const override { return QStringLiteral("broken keychain"); }

private:
    static Error unavailable() { return Error(ErrorCode::KeychainUnavailable, QStringLiteral("no keychain")); }
};

} // namespace

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

    void sessionFallbackWhenKeychainIsUnavailable()
    {
        SessionFallbackSecretStore store(std::make_unique<UnavailableKeychain>());
        QVERIFY(!store.keychainUnavailable());
        QVERIFY(writeSecretBlocking(store, QStringLiteral("sharepoint/1"), QStringLiteral("client-secret")).ok());
        QVERIFY(store.keychainUnavailable());
        QCOMPARE(*readSecretBlocking(store, QStringLiteral("sharepoint/1")), QStringLiteral("client-secret"));
        QCOMPARE(store.backendName(), QStringLiteral("session memory"));
        QVERIFY(removeSecretBlocking(store, QStringLiteral("sharepoint/1")).ok());
        QCOMPARE(readSecretBlocking(store, QStringLiteral("sharepoint/1")).error().code(), ErrorCode::KeychainUnavailable);
    }

    void sessionFallbackPrefersTheKeychain()
    {
        auto keychain = std::make_unique<MemorySecretStore>();   // a working "keychain"
        MemorySecretStore *backing = keychain.get();
        SessionFallbackSecretStore store(std::move(keychain));
        QVERIFY(writeSecretBlocking(store, QStringLiteral("postgres/1"), QStringLiteral("pw")).ok());
        QVERIFY(!store.keychainUnavailable());
        QCOMPARE(*readSecretBlocking(*backing, QStringLiteral("postgres/1")), QStringLiteral("pw"));
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
        QCOMPARE(missing.error().message(),
            QStringLiteral("No secret was found: the environment variable SYNCBRIDGE_SECRET_POSTGRES_OTHER is not set (--secrets env reads "
                           "secrets from the environment). Set SYNCBRIDGE_SECRET_POSTGRES_OTHER to the secret, or read secrets from the "
                           "system keychain (--secrets keychain)."));
        QCOMPARE(writeSecretBlocking(store, key, QStringLiteral("x")).error().code(), ErrorCode::Unsupported);
    }

    void eachStoreSaysWhereASecretIs()
    {
        // The Connections page and the Tests say where a secret really is: the environment store
        // names the variable, the others their backend.
        const QString key = QStringLiteral("sharepoint/demo");
        EnvironmentSecretStore environment{QProcessEnvironment()};
        QCOMPARE(environment.describeLocation(key), QStringLiteral("environment variable SYNCBRIDGE_SECRET_SHAREPOINT_DEMO"));
        MemorySecretStore memory;
        QCOMPARE(memory.describeLocation(key), memory.backendName());
    }
};

QTEST_GUILESS_MAIN(TestSecretStores)
#include "tst_secretstores.moc"

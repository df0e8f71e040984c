// The real OS keychain: runs under tests/support/with-keyring.sh (a private D-Bus session with an
// unlocked GNOME Keyring), so QtKeychain talks to a real Secret Service.
#include "secrets/keychainsecretstore.h"

#include <QTest>

using namespace SyncBridge;

class TestKeychain : public QObject
{
    Q_OBJECT

private slots:
    void writeReadRemove()
    {
        KeychainSecretStore store(QStringLiteral("SyncBridgeTest"));
        const QString key = makeSecretKey(postgresSecretKind);
        const QString secret = QStringLiteral("pä$$ wörd 🔑 '\"\\");
        auto written = writeSecretBlocking(store, key, secret);
        QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(written.error().toString()));
        auto read = readSecretBlocking(store, key);
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().toString()));
        QCOMPARE(*read, secret);

        QVERIFY(writeSecretBlocking(store, key, QStringLiteral("rotated")).ok());
        QCOMPARE(*readSecretBlocking(store, key), QStringLiteral("rotated"));

        QVERIFY(removeSecretBlocking(store, key).ok());
        auto gone = readSecretBlocking(store, key);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().code(), ErrorCode::SecretNotFound);
        // It says that no secret was found, which entry of which service it looked for, and what to do.
        QVERIFY2(gone.error().message().startsWith(QStringLiteral(
                     "No secret was found: the system keychain has no entry '%1' (service 'SyncBridgeTest'). Enter the secret again")
                                                       .arg(key)),
            qPrintable(gone.error().message()));
    }

    void keysAreIsolatedByService()
    {
        KeychainSecretStore first(QStringLiteral("SyncBridgeTestA"));
        KeychainSecretStore second(QStringLiteral("SyncBridgeTestB"));
        const QString key = makeSecretKey(sharePointSecretKind);
        QVERIFY(writeSecretBlocking(first, key, QStringLiteral("a")).ok());
        QCOMPARE(readSecretBlocking(second, key).error().code(), ErrorCode::SecretNotFound);
        QVERIFY(removeSecretBlocking(first, key).ok());
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"

// Without a Secret Service (D-Bus points nowhere), the keychain must say it is unavailable and
// never fall back to storing the secret somewhere else.
#include "secrets/keychainsecretstore.h"

#include <QTest>

using namespace SyncBridge;

class TestKeychainUnavailable : public QObject
{
    Q_OBJECT

private slots:
    void reportsUnavailable()
    {
        QCOMPARE(qgetenv("DBUS_SESSION_BUS_ADDRESS"), QByteArray("unix:path=/nonexistent/syncbridge-bus"));
        KeychainSecretStore store(QStringLiteral("SyncBridgeTest"));
        auto written = writeSecretBlocking(store, QStringLiteral("postgres/x"), QStringLiteral("s"));
        QVERIFY(!written.ok());
        QCOMPARE(written.error().code(), ErrorCode::KeychainUnavailable);
        QVERIFY(written.error().message().contains(QStringLiteral("keychain is unavailable")));
        auto read = readSecretBlocking(store, QStringLiteral("postgres/x"));
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code(), ErrorCode::KeychainUnavailable);
        // A read says that no secret was found, which entry it looked for, and the ways out (issue 13).
        QVERIFY2(read.error().message().startsWith(QStringLiteral("No secret was found: the system keychain is unavailable, so its entry "
                                                                  "'postgres/x' (service 'SyncBridgeTest') could not be read.")),
            qPrintable(read.error().message()));
        QVERIFY(read.error().message().contains(QStringLiteral("--secrets env")));
    }
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "tst_keychain_unavailable.moc"

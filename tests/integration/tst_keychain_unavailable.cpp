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
    }
};

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "tst_keychain_unavailable.moc"

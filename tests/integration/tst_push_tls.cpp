// The push engine end to end over https (real PostgreSQL with the demo data, the real emulator
// serving a certificate of a CA made at test time, a real SQLite meta-store): the stored SharePoint
// connection trusts that CA as its extra CA certificate and the first run pushes every row; the same
// connection without it fails the run with the certificate error and writes nothing.
#include "pushoptions.h"
#include "pushtestbase.h"
#include "testca.h"

#include "store/connectionrepository.h"

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestPushTls : public PushTestBase
{
    Q_OBJECT

private:
    TestCertificateAuthority m_ca;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_ca.create(&error), qPrintable(error));
        m_emulator.useTls(m_ca.serverCertificateFile(), m_ca.serverKeyFile(), m_ca.caPem());
        startWith({definitionJson(QStringLiteral("Projects"), QStringLiteral("P ")),
            definitionJson(QStringLiteral("Later"), QStringLiteral("L "))});
        QVERIFY(m_emulator.baseUrl().startsWith(QLatin1String("https://")));
    }

    void aPushOverHttpsTrustingTheConnectionsCaWritesEveryRow()
    {
        const auto connection = ConnectionRepository(*m_store).sharePointConnectionByName(QStringLiteral("Emulator"));
        QVERIFY(connection.ok());
        QVERIFY(connection->graphBaseUrl.startsWith(QLatin1String("https://")));
        QVERIFY(connection->extraCaCertificates.contains(QLatin1String("BEGIN CERTIFICATE"))); // stored with the connection

        const RunOutcome outcome = push(QStringLiteral("Projects"));
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.counters.created, 5000);
        verifyExactlyOnce(QStringLiteral("Projects"), QStringLiteral("P "));
    }

    void withoutTheCaTheRunFailsOnTheCertificateAndWritesNothing()
    {
        ConnectionRepository connections(*m_store);
        auto connection = connections.sharePointConnectionByName(QStringLiteral("Emulator"));
        QVERIFY(connection.ok());
        connection->extraCaCertificates.clear();
        QVERIFY(connections.saveSharePointConnection(*connection).ok());
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/stats/reset")).status, 204);

        const RunOutcome outcome = push(QStringLiteral("Later"));
        QCOMPARE(outcome.status, RunStatus::Failed);
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->code(), ErrorCode::CertificateUntrusted);
        QVERIFY2(outcome.error->message().contains(QStringLiteral("The certificate of 127.0.0.1:%1 is not trusted").arg(m_emulator.port())),
            qPrintable(outcome.error->message()));
        QCOMPARE(outcome.counters.created, 0);
        const QJsonObject stats = m_emulator.admin("GET", QStringLiteral("/stats")).json();
        QCOMPARE(stats.value(QStringLiteral("requestsByKind")).toObject().keys(), QStringList{QStringLiteral("admin")});
        QVERIFY(listContents(QStringLiteral("L ")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestPushTls)
#include "tst_push_tls.moc"

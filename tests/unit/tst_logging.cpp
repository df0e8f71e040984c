#include "common/logging.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncBridge;

class TestLogging : public QObject
{
    Q_OBJECT

private slots:
    void redactsSecrets_data();
    void redactsSecrets();
    void rotatesBySizeAndKeepsCount()
    {
        QTemporaryDir dir;
        LogFileOptions options;
        options.directory = dir.path();
        options.baseName = QStringLiteral("t");
        options.maxBytes = 2000;
        options.keepFiles = 3;
        options.consoleThreshold = QtCriticalMsg;
        installRotatingLogFile(options);
        for (int i = 0; i < 200; ++i)
            qCInfo(lcCommon) << "line" << i << QString(20, QLatin1Char('x'));

        const QStringList files = QDir(dir.path()).entryList({QStringLiteral("t*.log")}, QDir::Files, QDir::Name);
        QCOMPARE(files, (QStringList{QStringLiteral("t.1.log"), QStringLiteral("t.2.log"), QStringLiteral("t.log")}));
        for (const QString &name : files)
            QVERIFY(QFileInfo(dir.filePath(name)).size() <= options.maxBytes);
        QFile current(dir.filePath(QStringLiteral("t.log")));
        QVERIFY(current.open(QIODevice::ReadOnly));
        const QByteArray content = current.readAll();
        QVERIFY(content.contains("line 199"));
        QVERIFY(content.contains("syncbridge.core.common"));
    }
};

void TestLogging::redactsSecrets_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("secret");
    QTest::newRow("bearer") << QStringLiteral("GET /v1.0/sites Authorization: Bearer eyJ0eXAi.abc-DEF_123") << QStringLiteral("eyJ0eXAi.abc-DEF_123");
    QTest::newRow("form") << QStringLiteral("body client_id=app&client_secret=s3cr%2Bet&grant_type=client_credentials") << QStringLiteral("s3cr%2Bet");
    QTest::newRow("json") << QStringLiteral("{\"access_token\": \"tok.en\", \"expires_in\": 3599}") << QStringLiteral("tok.en");
    QTest::newRow("libpq") << QStringLiteral("host='db' password='hunter2' dbname='x'") << QStringLiteral("hunter2");
}

void TestLogging::redactsSecrets()
{
    QFETCH(QString, line);
    QFETCH(QString, secret);
    const QString redacted = redactSecrets(line);
    QVERIFY2(!redacted.contains(secret), qPrintable(redacted));
    QVERIFY(redacted.contains(QStringLiteral("[redacted]")));
}

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"

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

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"

#include "common/logging.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QMutex>
#include <QRegularExpression>
#include <QStandardPaths>

Q_LOGGING_CATEGORY(lcCommon, "syncbridge.core.common", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "syncbridge.core.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSource, "syncbridge.core.source", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSecrets, "syncbridge.core.secrets", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGraph, "syncbridge.core.graph", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "syncbridge.core.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAgent, "syncbridge.core.agent", QtInfoMsg)

namespace SyncBridge {
namespace {

struct RotatingLog {
    QMutex mutex;
    LogFileOptions options;
    QFile file;
    QtMessageHandler previous = nullptr;

    QString pathFor(int index) const
    {
        const QString name = index == 0
            ? QStringLiteral("%1.log").arg(options.baseName)
            : QStringLiteral("%1.%2.log").arg(options.baseName).arg(index);
        return QDir(options.directory).filePath(name);
    }

    void rotate()
    {
        file.close();
        QFile::remove(pathFor(options.keepFiles - 1));
        for (int i = options.keepFiles - 2; i >= 0; --i)
            QFile::rename(pathFor(i), pathFor(i + 1));
        openCurrent();
    }

    void openCurrent()
    {
        file.setFileName(pathFor(0));
        file.open(QIODevice::Append | QIODevice::Text);
    }

    void write(const QByteArray &line)
    {
        const QMutexLocker lock(&mutex);
        if (!file.isOpen())
            return;
        if (file.size() + line.size() > options.maxBytes && options.keepFiles > 1)
            rotate();
        file.write(line);
        file.flush();
    }
};

RotatingLog &rotatingLog()
{
    static RotatingLog log;
    return log;
}

int severity(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return 0;
    case QtInfoMsg: return 1;
    case QtWarningMsg: return 2;
    case QtCriticalMsg: return 3;
    case QtFatalMsg: return 4;
    }
    return 4;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg: return "debug";
    case QtInfoMsg: return "info";
    case QtWarningMsg: return "warning";
    case QtCriticalMsg: return "critical";
    case QtFatalMsg: return "fatal";
    }
    return "?";
}

void handleMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    RotatingLog &log = rotatingLog();
    const QString line = QStringLiteral("%1 %2 %3: %4\n")
                             .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs),
                                  QLatin1String(levelName(type)),
                                  QLatin1String(context.category ? context.category : "default"),
                                  redactSecrets(message));
    log.write(line.toUtf8());
    if (log.previous && severity(type) >= severity(log.options.consoleThreshold))
        log.previous(type, context, message);
}

} // namespace

QString redactSecrets(const QString &line)
{
    static const QRegularExpression bearer(QStringLiteral("(Bearer\\s+)[A-Za-z0-9._~+/=-]+"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression assignment(
        QStringLiteral("((?:client_secret|password|access_token|refresh_token)[\"']?\\s*[=:]\\s*[\"']?)[^&\"'\\s,;]+"),
        QRegularExpression::CaseInsensitiveOption);
    QString redacted = line;
    redacted.replace(bearer, QStringLiteral("\\1[redacted]"));
    redacted.replace(assignment, QStringLiteral("\\1[redacted]"));
    return redacted;
}

void installRotatingLogFile(const LogFileOptions &options)
{
    RotatingLog &log = rotatingLog();
    {
        const QMutexLocker lock(&log.mutex);
        log.options = options;
        QDir().mkpath(options.directory);
        if (log.file.isOpen())
            log.file.close();
        log.openCurrent();
    }
    QtMessageHandler previous = qInstallMessageHandler(handleMessage);
    if (previous != handleMessage)
        log.previous = previous;
}

QString defaultLogDirectory()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath(QStringLiteral("logs"));
}

} // namespace SyncBridge

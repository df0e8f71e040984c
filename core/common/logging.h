#pragma once

#include <QLoggingCategory>
#include <QString>

Q_DECLARE_LOGGING_CATEGORY(lcCommon)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcSource)
Q_DECLARE_LOGGING_CATEGORY(lcSecrets)
Q_DECLARE_LOGGING_CATEGORY(lcGraph)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcAgent)

namespace SyncBridge {

struct LogFileOptions {
    QString directory;              // created if missing
    QString baseName = QStringLiteral("syncbridge");
    qint64 maxBytes = 5 * 1024 * 1024;
    int keepFiles = 5;              // syncbridge.log plus syncbridge.1.log … syncbridge.4.log
    QtMsgType consoleThreshold = QtInfoMsg;   // lines below it go to the file only
};

// Installs a message handler that appends every log line to a size-rotated file and forwards it to
// the previous handler (stderr). Call once from main(); safe to call from any thread afterwards.
void installRotatingLogFile(const LogFileOptions &options);

// Masks bearer tokens, client secrets and passwords in a log line (defence in depth: the code never
// logs them, and a line that somehow carries one must not reach a file).
QString redactSecrets(const QString &line);

// The directory log files go to by default (next to the meta-store, under the app data location).
QString defaultLogDirectory();

} // namespace SyncBridge

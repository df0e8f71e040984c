#include "settings/autostart.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

namespace SyncBridge {

QString autostartEntryPath()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation))
        .filePath(QStringLiteral("autostart/syncbridge.desktop"));
}

bool startsAtLogin()
{
    return QFileInfo::exists(autostartEntryPath());
}

Result<void> setStartAtLogin(bool enabled, const QString &executable)
{
    const QString path = autostartEntryPath();
    if (!enabled) {
        if (QFileInfo::exists(path) && !QFile::remove(path))
            return Error(ErrorCode::Io, QCoreApplication::translate("SyncBridge::SettingsPage", "Cannot remove %1.").arg(path));
        return {};
    }
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error(ErrorCode::Io, QCoreApplication::translate("SyncBridge::SettingsPage", "Cannot create the folder of %1.").arg(path));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return Error(
            ErrorCode::Io, QCoreApplication::translate("SyncBridge::SettingsPage", "Cannot write %1: %2").arg(path, file.errorString()));
    // Exec quotes the path as the Desktop Entry Specification asks (spaces, quotes, backslashes).
    QString quoted = executable;
    quoted.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""))
        .replace(QLatin1Char('$'), QStringLiteral("\\$"));
    const QByteArray entry = QStringLiteral("[Desktop Entry]\n"
                                            "Type=Application\n"
                                            "Name=SyncBridge\n"
                                            "Comment=Keeps PostgreSQL tables and SharePoint lists in sync\n"
                                            "Exec=\"%1\" --tray\n"
                                            "Icon=io.github.syncbridge.SyncBridge\n"
                                            "Terminal=false\n"
                                            "X-GNOME-Autostart-enabled=true\n")
                                 .arg(quoted)
                                 .toUtf8();
    file.write(entry);
    if (!file.commit())
        return Error(
            ErrorCode::Io, QCoreApplication::translate("SyncBridge::SettingsPage", "Cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace SyncBridge

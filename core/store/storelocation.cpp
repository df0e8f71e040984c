#include "store/storelocation.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <QUrl>

namespace SyncBridge {

Result<StoreLocation> StoreLocation::parse(const QString &spec)
{    if (spec.trimmed().isEmpty())
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::StoreLocation", "No meta-store location was given."));

    if (!spec.startsWith(QLatin1String("postgresql://")) && !spec.startsWith(QLatin1String("postgres://"))) {
        StoreLocation location;
        location.sqlitePath = QDir::cleanPath(QDir::current().absoluteFilePath(spec));
        return location;
    }

    const QUrl url(spec, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty())
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::StoreLocation", "The meta-store URL is not valid; expected postgresql://user@host:port/database."), spec);
    if (!url.password().isEmpty())
        return Error(ErrorCode::InvalidInput,
                     QCoreApplication::translate("SyncBridge::StoreLocation", "Remove the password from the meta-store URL; put it in PGPASSWORD or ~/.pgpass so it is never stored in settings or logs."));
    StoreLocation location;
    location.driver = Driver::Postgres;
    location.host = url.host();
    location.port = url.port(5432);
    location.databaseName = url.path().mid(1);
    location.userName = url.userName();
    if (location.databaseName.isEmpty())
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::StoreLocation", "The meta-store URL names no database; expected postgresql://user@host:port/database."));
    return location;
}

StoreLocation StoreLocation::defaultSqlite()
{
    StoreLocation location;
    const QString directory = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    location.sqlitePath = QDir(directory).filePath(QStringLiteral("syncbridge.db"));
    return location;
}

QString StoreLocation::describe() const
{
    if (driver == Driver::Sqlite)
        return sqlitePath;
    return QStringLiteral("postgresql://%1@%2:%3/%4").arg(userName, host).arg(port).arg(databaseName);
}

} // namespace SyncBridge

#include "source/connectionstring.h"

namespace SyncBridge {
namespace {

QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

} // namespace

std::string libpqConnectionString(const Database &database, const DatabaseInstance &instance, const QString &password,
                                  int connectTimeoutSeconds)
{
    QStringList parts{
        QStringLiteral("host=") + quoted(instance.host),
        QStringLiteral("port=") + QString::number(instance.port),
        QStringLiteral("dbname=") + quoted(database.databaseName),
        QStringLiteral("user=") + quoted(instance.userName),
        QStringLiteral("connect_timeout=") + QString::number(qMax(2, connectTimeoutSeconds)),
        QStringLiteral("application_name='SyncBridge'"),
        QStringLiteral("client_encoding='UTF8'"),   // every text read is decoded as UTF-8, whatever the server's encoding
    };
    if (!instance.sslMode.isEmpty())
        parts << QStringLiteral("sslmode=") + quoted(instance.sslMode);
    if (!password.isEmpty())
        parts << QStringLiteral("password=") + quoted(password);
    return parts.join(QLatin1Char(' ')).toStdString();
}

} // namespace SyncBridge

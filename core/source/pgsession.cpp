#include "source/pgsession.h"

#include "common/logging.h"
#include "source/connectionstring.h"

#include <QCoreApplication>

#include <algorithm>

#include <pqxx/except>

namespace SyncBridge {
namespace {

int roleRank(InstanceRole role)
{
    switch (role) {
    case InstanceRole::Primary: return 0;
    case InstanceRole::Standby: return 1;
    case InstanceRole::Replica: return 2;
    }
    return 3;
}

} // namespace

PgSession::PgSession(std::unique_ptr<pqxx::connection> connection, DatabaseInstance instance)
    : m_connection(std::move(connection))
    , m_instance(std::move(instance))
{
}

QList<DatabaseInstance> failoverOrder(QList<DatabaseInstance> instances)
{
    std::stable_sort(instances.begin(), instances.end(), [](const DatabaseInstance &a, const DatabaseInstance &b) {
        if (roleRank(a.role) != roleRank(b.role))
            return roleRank(a.role) < roleRank(b.role);
        if (a.priority != b.priority)
            return a.priority < b.priority;
        return a.name < b.name;
    });
    return instances;
}

Error classifyConnectionFailure(const QString &message, const Database &database, const DatabaseInstance &instance)
{
    const QString where = QStringLiteral("%1:%2").arg(instance.host).arg(instance.port);
    const QString detail = message.trimmed();
    if (message.contains(QLatin1String("password authentication failed")) || message.contains(QLatin1String("no password supplied"))
        || message.contains(QLatin1String("authentication failed")))
        return Error(ErrorCode::AuthenticationFailed,
                     QCoreApplication::translate("SyncBridge::Source", "The server at %1 rejected the password for user '%2'. Check the user name and password of instance '%3'.")
                         .arg(where, instance.userName, instance.name),
                     detail);
    if (message.contains(QLatin1String("does not exist")) && message.contains(QLatin1String("database")))
        return Error(ErrorCode::DatabaseMissing,
                     QCoreApplication::translate("SyncBridge::Source", "The server at %1 has no database called '%2'. Check the database name.").arg(where, database.databaseName), detail);
    if (message.contains(QLatin1String("Connection refused")))
        return Error(ErrorCode::ConnectionRefused,
                     QCoreApplication::translate("SyncBridge::Source", "Nothing is accepting connections at %1. Is PostgreSQL running there, and is the port right?").arg(where), detail);
    if (message.contains(QLatin1String("could not translate host name")) || message.contains(QLatin1String("Name or service not known")))
        return Error(ErrorCode::HostNotFound, QCoreApplication::translate("SyncBridge::Source", "The host name '%1' cannot be resolved. Check the spelling or your DNS.").arg(instance.host),
                     detail);
    if (message.contains(QLatin1String("timeout expired")))
        return Error(ErrorCode::Timeout, QCoreApplication::translate("SyncBridge::Source", "The server at %1 did not answer in time. Check the network and firewall.").arg(where), detail);
    return Error(ErrorCode::SourceFailure, QCoreApplication::translate("SyncBridge::Source", "Cannot connect to %1.").arg(where), detail);
}

Error sourceQueryError(const std::exception &exception, const QString &what)
{
    // 57P01-03: the server is shutting down or restarting; 08xxx: the connection itself failed. The
    // source is only read, so a commit cut off by a lost connection ("in doubt") lost nothing either.
    const auto *sqlFailure = dynamic_cast<const pqxx::sql_error *>(&exception);
    const std::string state = sqlFailure ? sqlFailure->sqlstate() : std::string();
    if (dynamic_cast<const pqxx::broken_connection *>(&exception) || dynamic_cast<const pqxx::in_doubt_error *>(&exception)
        || state.rfind("57P", 0) == 0 || state.rfind("08", 0) == 0)
        return Error(ErrorCode::ConnectionLost, QCoreApplication::translate("SyncBridge::Source", "The connection to the database broke while %1.").arg(what),
                     QString::fromUtf8(exception.what()).trimmed());
    // 57014: cancelled (statement_timeout, an administrator); 40001: a serialization failure, which
    // is also how a standby cancels a read that conflicts with replay. A read repeated on a fresh
    // session gets the same rows, so these are retried like a broken connection.
    if (state == "57014" || state == "40001")
        return Error(ErrorCode::ConnectionLost,
            QCoreApplication::translate(
                "SyncBridge::Source", "The database cancelled the read while %1 (a statement timeout or a conflict with recovery).")
                .arg(what),
            QString::fromUtf8(exception.what()).trimmed());
    return Error(ErrorCode::SourceFailure, QCoreApplication::translate("SyncBridge::Source", "The database failed while %1.").arg(what), QString::fromUtf8(exception.what()).trimmed());
}

Result<std::unique_ptr<PgSession>> PgSession::openInstance(const Database &database, const DatabaseInstance &instance,
                                                           const QString &password, int connectTimeoutSeconds)
{
    try {
        auto connection = std::make_unique<pqxx::connection>(libpqConnectionString(database, instance, password, connectTimeoutSeconds));
        qCInfo(lcSource).noquote() << "connected to" << instance.name << QStringLiteral("(%1:%2)").arg(instance.host).arg(instance.port);
        return std::unique_ptr<PgSession>(new PgSession(std::move(connection), instance));
    } catch (const pqxx::broken_connection &failure) {
        return classifyConnectionFailure(QString::fromUtf8(failure.what()), database, instance);
    } catch (const std::exception &failure) {
        return classifyConnectionFailure(QString::fromUtf8(failure.what()), database, instance);
    }
}

Result<std::unique_ptr<PgSession>> PgSession::open(const Database &database, const PasswordLookup &passwords, int connectTimeoutSeconds)
{
    if (database.instances.isEmpty())
        return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Source", "The database '%1' has no instances to connect to.").arg(database.name));
    QList<FailedAttempt> failures;
    for (const DatabaseInstance &instance : failoverOrder(database.instances)) {
        QString password;
        if (!instance.secretRef.isEmpty()) {
            auto secret = passwords(instance);
            if (!secret) {
                failures.append({instance.name, secret.error()});
                continue;
            }
            password = *secret;
        }
        auto session = openInstance(database, instance, password, connectTimeoutSeconds);
        if (session) {
            (*session)->m_failedAttempts = failures;
            if (!failures.isEmpty())
                qCWarning(lcSource).noquote() << "failed over to" << instance.name << "after" << failures.size() << "failed instance(s)";
            return session;
        }
        qCWarning(lcSource).noquote() << "instance" << instance.name << "unavailable:" << session.error().toString();
        failures.append({instance.name, session.error()});
    }
    if (failures.size() == 1)
        return failures.constFirst().error;
    QStringList lines;
    for (const FailedAttempt &failure : std::as_const(failures))
        lines << QStringLiteral("%1: %2").arg(failure.instanceName, failure.error.message());
    return Error(failures.constFirst().error.code(),
                 QCoreApplication::translate("SyncBridge::Source", "No instance of '%1' accepted a connection:\n%2").arg(database.name, lines.join(QLatin1Char('\n'))));
}

QString PgSession::serverVersion() const
{
    const int version = m_connection->server_version();
    return QStringLiteral("PostgreSQL %1.%2").arg(version / 10000).arg(version % 10000);
}

} // namespace SyncBridge

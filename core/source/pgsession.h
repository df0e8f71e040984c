#pragma once

#include "common/result.h"
#include "model/connection.h"
#include "source/passwordlookup.h"

#include <pqxx/connection>

#include <functional>
#include <memory>

namespace SyncBridge {

struct FailedAttempt {
    QString instanceName;
    Error error;
};

// One libpqxx connection to one instance of a database, owned by one thread.
class PgSession
{
public:
    // Tries the database's instances in failover order (primary, standby, replica; by priority
    // within a role) and returns the first that accepts; the error lists every attempt.
    static Result<std::unique_ptr<PgSession>> open(const Database &database, const PasswordLookup &passwords,
                                                   int connectTimeoutSeconds = 5);
    static Result<std::unique_ptr<PgSession>> openInstance(const Database &database, const DatabaseInstance &instance,
                                                           const QString &password, int connectTimeoutSeconds = 5);

    pqxx::connection &connection() { return *m_connection; }
    const DatabaseInstance &instance() const { return m_instance; }
    const QList<FailedAttempt> &failedAttempts() const { return m_failedAttempts; }
    QString serverVersion() const;

private:
    PgSession(std::unique_ptr<pqxx::connection> connection, DatabaseInstance instance);

    std::unique_ptr<pqxx::connection> m_connection;
    DatabaseInstance m_instance;
    QList<FailedAttempt> m_failedAttempts;
};

// The order in which instances are tried.
QList<DatabaseInstance> failoverOrder(QList<DatabaseInstance> instances);

// Turns a libpq/libpqxx failure into an Error a person can act on.
Error classifyConnectionFailure(const QString &libpqMessage, const Database &database, const DatabaseInstance &instance);
Error sourceQueryError(const std::exception &exception, const QString &what);

} // namespace SyncBridge

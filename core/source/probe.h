#pragma once

#include "common/result.h"
#include "model/catalog.h"
#include "model/connection.h"

#include <functional>

namespace SyncBridge {

// libpqxx-free entry points for the UI and the CLI. Both block: call them on a worker thread.

struct ProbeReport {
    QString instanceName;           // the instance that answered
    QString serverVersion;          // "PostgreSQL 15.18"
    QStringList failedInstances;    // "name: reason" for instances tried before it
};

// Connects to one instance with the given password and reports the server version.
Result<ProbeReport> probeInstance(const Database &database, const DatabaseInstance &instance, const QString &password,
                                  int connectTimeoutSeconds = 5);

// Connects in failover order, using passwords to get each instance's password, and introspects.
struct IntrospectionReport {
    ProbeReport connection;
    QList<TableInfo> tables;
};
Result<IntrospectionReport> introspectDatabase(const Database &database,
                                               const std::function<Result<QString>(const DatabaseInstance &)> &passwords,
                                               int connectTimeoutSeconds = 5);

} // namespace SyncBridge

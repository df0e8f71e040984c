#include "source/probe.h"

#include "source/introspector.h"
#include "source/pgsession.h"

namespace SyncBridge {
namespace {

ProbeReport reportFor(const PgSession &session)
{
    ProbeReport report;
    report.instanceName = session.instance().name;
    report.serverVersion = session.serverVersion();
    for (const FailedAttempt &failure : session.failedAttempts())
        report.failedInstances << QStringLiteral("%1: %2").arg(failure.instanceName, failure.error.message());
    return report;
}

} // namespace

Result<ProbeReport> probeInstance(const Database &database, const DatabaseInstance &instance, const QString &password,
                                  int connectTimeoutSeconds)
{
    auto session = PgSession::openInstance(database, instance, password, connectTimeoutSeconds);
    if (!session)
        return session.error();
    return reportFor(**session);
}

Result<IntrospectionReport> introspectDatabase(const Database &database,
                                               const std::function<Result<QString>(const DatabaseInstance &)> &passwords,
                                               int connectTimeoutSeconds)
{
    auto session = PgSession::open(database, passwords, connectTimeoutSeconds);
    if (!session)
        return session.error();
    auto tables = introspectTables((*session)->connection());
    if (!tables)
        return tables.error();
    return IntrospectionReport{reportFor(**session), *tables};
}

} // namespace SyncBridge

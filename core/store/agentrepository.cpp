#include "store/agentrepository.h"

#include "store/metastore.h"
#include "store/sql.h"

#include <QCoreApplication>

namespace SyncBridge {
namespace {

const QString agentColumns = QStringLiteral("name, host, pid, version, started_at, heartbeat_at, paused, running");

AgentRecord agentFromQuery(const QSqlQuery &query)
{
    AgentRecord agent;
    agent.name = query.value(0).toString();
    agent.host = query.value(1).toString();
    agent.pid = query.value(2).toLongLong();
    agent.version = query.value(3).toString();
    agent.startedAt = fromStoredTime(query.value(4));
    agent.heartbeatAt = fromStoredTime(query.value(5));
    agent.paused = query.value(6).toInt() != 0;
    const QString running = query.value(7).toString();
    agent.running = running.isEmpty() ? QStringList() : running.split(QLatin1Char('\n'));
    return agent;
}

} // namespace

Result<void> AgentRepository::registerAgent(const AgentRecord &self, qint64 staleAfterMs, qint64 replacingPid)
{
    const QSqlDatabase db = m_store.connection();
    const QString now = databaseNowSql(db);
    // The conflict's WHERE decides atomically: a live agent of that name keeps it.
    auto taken = execute(db,
        QStringLiteral("INSERT INTO agents (name, host, pid, version, started_at, heartbeat_at, paused, running)"
                       " VALUES (?, ?, ?, ?, %1, %1, ?, NULL) ON CONFLICT (name) DO UPDATE SET host = excluded.host,"
                       " pid = excluded.pid, version = excluded.version, started_at = excluded.started_at,"
                       " heartbeat_at = excluded.heartbeat_at, paused = excluded.paused, running = NULL"
                       " WHERE agents.heartbeat_at < %1 - ? OR (agents.host = excluded.host AND agents.pid IN (excluded.pid, ?))")
            .arg(now),
        {self.name, emptyIfNull(self.host), self.pid, emptyIfNull(self.version), self.paused ? 1 : 0, staleAfterMs, replacingPid});
    if (!taken)
        return taken.error();
    auto holder = agent(self.name);
    if (!holder)
        return holder.error();
    if (*holder && (*holder)->host == self.host && (*holder)->pid == self.pid)
        return success();
    const AgentRecord other = holder->value_or(AgentRecord());
    return Error(ErrorCode::Busy,
        QCoreApplication::translate(
            "SyncBridge::Store", "An agent named '%1' is already running on %2 (pid %3); start this one with another name (--name).")
            .arg(self.name, other.host)
            .arg(other.pid));
}

Result<bool> AgentRepository::heartbeat(const AgentRecord &self)
{
    const QSqlDatabase db = m_store.connection();
    auto query = execute(db,
        QStringLiteral("UPDATE agents SET heartbeat_at = %1, paused = ?, running = ? WHERE name = ? AND host = ? AND pid = ?")
            .arg(databaseNowSql(db)),
        {self.paused ? 1 : 0, nullIfEmpty(self.running.join(QLatin1Char('\n'))), self.name, self.host, self.pid});
    if (!query)
        return query.error();
    return query->numRowsAffected() > 0;
}

Result<void> AgentRepository::deregister(const AgentRecord &self)
{
    auto query = execute(m_store.connection(), QStringLiteral("DELETE FROM agents WHERE name = ? AND host = ? AND pid = ?"),
        {self.name, self.host, self.pid});
    return query ? success() : Result<void>(query.error());
}

Result<std::optional<AgentRecord>> AgentRepository::agent(const QString &name) const
{
    auto query = execute(m_store.connection(), QStringLiteral("SELECT %1 FROM agents WHERE name = ?").arg(agentColumns), {name});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<AgentRecord>();
    return std::optional<AgentRecord>(agentFromQuery(*query));
}

Result<QList<AgentRecord>> AgentRepository::agents() const
{
    auto query = execute(m_store.connection(), QStringLiteral("SELECT %1 FROM agents ORDER BY name").arg(agentColumns));
    if (!query)
        return query.error();
    QList<AgentRecord> agents;
    while (query->next())
        agents << agentFromQuery(*query);
    return agents;
}

Result<QDateTime> AgentRepository::databaseNow() const
{
    const QSqlDatabase db = m_store.connection();
    auto query = execute(db, QStringLiteral("SELECT %1").arg(databaseNowSql(db)));
    if (!query)
        return query.error();
    if (!query->next())
        return Error(ErrorCode::StoreFailure, QStringLiteral("The database did not tell its time."));
    return fromStoredTime(query->value(0));
}

} // namespace SyncBridge

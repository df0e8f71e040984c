#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace SyncBridge {

class MetaStore;

// One scheduling agent of the fleet sharing the meta-store (the `agents` table). Its times are the
// database's clock, so agents on machines whose clocks disagree compare one time.
struct AgentRecord {
    QString name; // unique in the store: the agent's --name, the host name by default
    QString host;
    qint64 pid = 0;
    QString version;
    QDateTime startedAt;
    QDateTime heartbeatAt;
    bool paused = false;
    QStringList running; // the names of the definitions it runs now
};

class AgentRepository
{
public:
    explicit AgentRepository(const MetaStore &store)
        : m_store(store)
    {
    }

    // Registers `self` under its name, in one statement: refused (ErrorCode::Busy, naming the holder)
    // while another live process has the name — one that heart-beat within `staleAfterMs`, unless it
    // is `replacingPid` on the same host (known to have ended).
    Result<void> registerAgent(const AgentRecord &self, qint64 staleAfterMs, qint64 replacingPid = 0);
    // Stamps the heartbeat with the database's clock (and what it runs); false when the row is no
    // longer this process's (another took the name after this one stopped heart-beating).
    Result<bool> heartbeat(const AgentRecord &self);
    Result<void> deregister(const AgentRecord &self);
    Result<std::optional<AgentRecord>> agent(const QString &name) const;
    Result<QList<AgentRecord>> agents() const; // by name
    // The database's clock now (agents measure their clock against it).
    Result<QDateTime> databaseNow() const;

private:
    const MetaStore &m_store;
};

} // namespace SyncBridge

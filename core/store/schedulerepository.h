#pragma once

#include "common/result.h"
#include "model/enums.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

namespace SyncBridge {

class MetaStore;

// What an agent needs of a definition with a schedule, read for every definition in one statement.
struct ScheduledDefinition {
    qint64 id = 0;
    QString name;
    bool enabled = true;
    QString cron;
    QString timeZone;
    MissedRunPolicy missed = MissedRunPolicy::CatchUpOnce;
    bool paused = false;
    QDateTime changedAt;      // when the definition (its schedule) was last saved
    QDateTime lastOccurrence; // the latest occurrence any agent claimed; invalid before the first
    bool streams = false;     // a CDC definition: the agent streams it continuously, in sessions
    QList<qint64> dependsOn;  // the definitions its lookups reference: their due runs go first
};

// A mark that changes whenever a definition is added, saved or removed, so an agent polls one cheap
// statement instead of reading every definition.
struct DefinitionsMark {
    qint64 count = 0;
    qint64 latestChange = 0;
    bool operator==(const DefinitionsMark &other) const { return count == other.count && latestChange == other.latestChange; }
    bool operator!=(const DefinitionsMark &other) const { return !(*this == other); }
};

class ScheduleRepository
{
public:
    explicit ScheduleRepository(const MetaStore &store)
        : m_store(store)
    {
    }

    Result<QList<ScheduledDefinition>> scheduledDefinitions() const;
    Result<DefinitionsMark> definitionsMark() const;
    // Pauses one definition's schedule (the delete circuit breaker held deletions back in a scheduled
    // run); saved as a change of the definition, so every agent reads it again.
    Result<void> pauseSchedule(qint64 definitionId, const QDateTime &now);

private:
    const MetaStore &m_store;
};

} // namespace SyncBridge

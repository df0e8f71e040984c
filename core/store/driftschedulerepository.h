#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace SyncBridge {

class MetaStore;

// A definition whose drift is checked on a schedule (docs/drift.md, "Scheduled checks").
struct DriftCheckSchedule {
    qint64 definitionId = 0;
    QString name;
    bool enabled = true;
    QString cron;
    QString timeZone;
};

// The scheduled drift checks and their claims: an occurrence is checked by the one agent whose
// claim the primary key let in, whatever the number of agents sharing the store.
class DriftScheduleRepository
{
public:
    explicit DriftScheduleRepository(const MetaStore &store)
        : m_store(store)
    {
    }

    Result<QList<DriftCheckSchedule>> schedules() const;
    // True when this agent took the occurrence; false when another agent had it.
    Result<bool> claim(qint64 definitionId, const QDateTime &occurrenceAt, const QString &agent);
    // The check's run (type DRIFT) and its outcome ("IN_SYNC", "DRIFT", "FAILED").
    Result<void> finish(qint64 definitionId, const QDateTime &occurrenceAt, qint64 runId, const QString &outcome);

private:
    const MetaStore &m_store;
};

} // namespace SyncBridge

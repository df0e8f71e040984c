#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "model/runtime.h"

#include <QHash>
#include <QList>
#include <QMap>

#include <optional>

namespace SyncBridge {

class MetaStore;

struct RunFilter {
    qint64 definitionId = 0;            // 0 = every definition
    std::optional<RunStatus> status;
    std::optional<bool> dryRun;         // true: previews only; false: everything but previews
    std::optional<RunType> type;        // only runs of this type (e.g. the drift checks)
    QDateTime from;                     // started at or after; invalid = open
    QDateTime to;                       // started before; invalid = open
    int limit = 100;
    int offset = 0;
};

// Run history: runs, their events and metrics.
class RunRepository
{
public:
    // Times not given by the caller (run start, event and metric times) come from clock.
    explicit RunRepository(const MetaStore &store, const Clock &clock = Clock::system()) : m_store(store), m_clock(clock) {}

    Result<qint64> startRun(SyncRun &run);
    Result<void> updateRun(const SyncRun &run);     // counters, status, finish time, message
    Result<SyncRun> run(qint64 id) const;
    Result<QList<SyncRun>> runs(const RunFilter &filter) const;     // newest first
    Result<qint64> countRuns(const RunFilter &filter) const;

    Result<qint64> addEvent(RunEvent &event);
    Result<QList<RunEvent>> events(qint64 runId) const;
    // The events of these types of several runs in one query (a page of run history), by run id.
    Result<QHash<qint64, QList<RunEvent>>> eventsOfType(const QList<qint64> &runIds, const QStringList &types) const;
    // Rows per target list and action ("Active projects" → {"create": 12, "failed": 1}), replaced as a whole.
    using ListCounts = QMap<QString, QMap<QString, qint64>>;
    Result<void> saveListCounts(qint64 runId, const ListCounts &counts);
    Result<ListCounts> listCounts(qint64 runId) const;
    Result<void> addMetric(const RunMetric &metric);
    Result<QList<RunMetric>> metrics(qint64 runId) const;

private:
    const MetaStore &m_store;
    const Clock &m_clock;
};

} // namespace SyncBridge

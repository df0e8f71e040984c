#include "sync/runrecord.h"

#include "common/logging.h"
#include "graph/governor.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "store/scheduleclaimrepository.h"
#include "sync/interruptedruns.h"
#include "sync/syncjob.h"

#include <QHostInfo>

namespace SyncBridge {

void stampRunOrigin(SyncRun &run, const RunOptions &options)
{
    run.agentName = options.agentName.isEmpty() ? QHostInfo::localHostName() : options.agentName;
    run.trigger = options.trigger;
}

Result<void> attachRunToOccurrence(MetaStore &store, const SyncRun &run, const RunOptions &options)
{
    if (!options.occurrence.isValid() || run.id == 0)
        return success();
    return ScheduleClaimRepository(store).attachRun(run.definitionId, options.occurrence, run.id);
}

void recordRunEvent(MetaStore &store, const Clock &clock, qint64 runId, EventSeverity severity, const QString &type, const QString &message,
    const QJsonObject &payload)
{
    if (runId == 0)
        return;
    RunEvent event;
    event.runId = runId;
    event.severity = severity;
    event.type = type;
    event.message = message;
    event.payload = payload;
    if (const auto added = RunRepository(store, clock).addEvent(event); !added)
        qCWarning(lcSync).noquote() << "cannot record event:" << added.error().toString();
}

void recordRunInterrupted(MetaStore &store, qint64 runId, const QString &why, const Clock &clock)
{
    if (runId == 0)
        return;
    if (const auto marked = markRunInterrupted(store, runId, why, clock); !marked)
        qCWarning(lcSync).noquote() << "cannot record the interrupted run:" << marked.error().toString();
}

QJsonObject runErrorPayload(const std::optional<Error> &error)
{
    if (!error)
        return {};
    return {{QStringLiteral("errorKind"), errorCodeName(error->code())}, {QStringLiteral("detail"), error->detail()}};
}

qint64 ruSpentSince(const Governor *governor, qint64 ruAtStart)
{
    return governor ? qMax<qint64>(0, governor->view().spentToday - ruAtStart) : 0;
}

double itemsPerSecond(const RunCounters &counters, qint64 startedMs, const QDateTime &now)
{
    const double seconds = qMax<qint64>(1, now.toMSecsSinceEpoch() - startedMs) / 1000.0;
    return (counters.created + counters.updated + counters.deleted) / seconds;
}

} // namespace SyncBridge

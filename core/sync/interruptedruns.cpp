#include "sync/interruptedruns.h"

#include "store/metastore.h"
#include "store/runrepository.h"

#include <QCoreApplication>
#include <QHostInfo>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#endif

namespace SyncBridge {
namespace {

// Whether a process of this host with that id exists. Unknown (true) where it cannot be asked.
bool processExists(qint64 pid)
{
#ifdef Q_OS_UNIX
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno != ESRCH);
#else
    Q_UNUSED(pid)
    return true;
#endif
}

// "<host>:<pid>" split; pid 0 when the agent is not of that form.
std::pair<QString, qint64> hostAndPid(const QString &agent)
{
    const int colon = int(agent.lastIndexOf(QLatin1Char(':')));
    bool numeric = false;
    const qint64 pid = colon > 0 ? agent.mid(colon + 1).toLongLong(&numeric) : 0;
    return numeric ? std::make_pair(agent.left(colon), pid) : std::make_pair(agent, qint64(0));
}

} // namespace

QString thisAgent()
{
    return QStringLiteral("%1:%2").arg(QHostInfo::localHostName()).arg(QCoreApplication::applicationPid());
}

bool agentHasEnded(const QString &agent)
{
    const auto [host, pid] = hostAndPid(agent);
    return pid > 0 && host == QHostInfo::localHostName() && !processExists(pid);
}

QString agentText(const QString &agent)
{
    const auto [host, pid] = hostAndPid(agent);
    return pid > 0 ? QCoreApplication::translate("SyncBridge::Sync", "%1 (pid %2)").arg(host).arg(pid) : agent;
}

Result<void> markRunInterrupted(MetaStore &store, qint64 runId, const QString &why, const Clock &clock)
{
    RunRepository runs(store, clock);
    auto run = runs.run(runId);
    if (!run)
        return run.error().code() == ErrorCode::NotFound ? success() : Result<void>(run.error());
    if (run->status != RunStatus::Running)
        return success();
    run->status = RunStatus::Interrupted;
    run->finishedAt = clock.nowUtc();
    run->message = why;
    if (auto updated = runs.updateRun(*run); !updated)
        return updated;
    RunEvent event;
    event.runId = run->id;
    event.severity = EventSeverity::Warning;
    event.type = QStringLiteral("run-interrupted");
    event.message = why;
    auto added = runs.addEvent(event);
    return added ? success() : Result<void>(added.error());
}

Result<int> markInterruptedRuns(MetaStore &store, qint64 definitionId, const Clock &clock)
{
    RunFilter filter;
    filter.definitionId = definitionId;
    filter.status = RunStatus::Running;
    filter.limit = 10000;
    auto running = RunRepository(store, clock).runs(filter);
    if (!running)
        return running.error();
    int marked = 0;
    for (const SyncRun &run : std::as_const(*running)) {
        if (!agentHasEnded(run.agent))
            continue;
        const auto [host, pid] = hostAndPid(run.agent);
        const QString why = QCoreApplication::translate("SyncBridge::Sync",
            "Interrupted: the process on %1 (pid %2) ended before the run finished; noticed at %3 UTC. "
            "What it committed is kept; the next run resolves its unconfirmed writes.")
                                .arg(host)
                                .arg(pid)
                                .arg(clock.nowUtc().toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        if (auto updated = markRunInterrupted(store, run.id, why, clock); !updated)
            return updated.error();
        ++marked;
    }
    return marked;
}

} // namespace SyncBridge

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

} // namespace

QString thisAgent()
{
    return QStringLiteral("%1:%2").arg(QHostInfo::localHostName()).arg(QCoreApplication::applicationPid());
}

Result<int> markInterruptedRuns(MetaStore &store, qint64 definitionId, const Clock &clock)
{
    RunRepository runs(store, clock);
    RunFilter filter;
    filter.definitionId = definitionId;
    filter.status = RunStatus::Running;
    filter.limit = 10000;
    auto running = runs.runs(filter);
    if (!running)
        return running.error();
    const QString host = QHostInfo::localHostName();
    int marked = 0;
    for (SyncRun run : std::as_const(*running)) {
        const int colon = int(run.agent.lastIndexOf(QLatin1Char(':')));
        bool numeric = false;
        const qint64 pid = colon > 0 ? run.agent.mid(colon + 1).toLongLong(&numeric) : 0;
        if (!numeric || run.agent.left(colon) != host || processExists(pid))
            continue;
        run.status = RunStatus::Interrupted;
        run.finishedAt = clock.nowUtc();
        run.message = QCoreApplication::translate("SyncBridge::Sync",
            "Interrupted: the process on %1 (pid %2) ended before the run finished; noticed at %3 UTC. "
            "What it committed is kept; the next run resolves its unconfirmed writes.")
                          .arg(host)
                          .arg(pid)
                          .arg(run.finishedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        if (auto updated = runs.updateRun(run); !updated)
            return updated.error();
        RunEvent event;
        event.runId = run.id;
        event.severity = EventSeverity::Warning;
        event.type = QStringLiteral("run-interrupted");
        event.message = run.message;
        if (auto added = runs.addEvent(event); !added)
            return added.error();
        ++marked;
    }
    return marked;
}

} // namespace SyncBridge

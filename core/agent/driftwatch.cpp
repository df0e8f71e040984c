#include "agent/driftwatch.h"

#include "agent/storethread.h"
#include "common/logging.h"
#include "drift/driftcheckrunner.h"
#include "schedule/cronschedule.h"
#include "store/driftschedulerepository.h"
#include "store/metastore.h"

namespace SyncBridge {

DriftWatch::DriftWatch(std::shared_ptr<MetaStore> store, SecretStore &secrets, GovernorRegistry &governors, QString agentName,
    const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_agentName(std::move(agentName))
    , m_clock(clock)
    , m_runner(new DriftCheckRunner(m_store, &secrets, &governors, this))
{
    connect(&m_poll, &QTimer::timeout, this, &DriftWatch::poll);
    connect(m_runner, &DriftCheckRunner::finished, this, &DriftWatch::onChecked);
}

DriftWatch::~DriftWatch()
{
    stop();
}

void DriftWatch::start(int pollIntervalMs)
{
    m_stopped = false;
    if (!m_thread)
        m_thread = std::make_unique<StoreThread>(m_store);
    m_poll.start(pollIntervalMs);
    poll();
}

void DriftWatch::stop()
{
    m_stopped = true;
    m_poll.stop();
    m_queue.clear();
    m_runner->cancel();
}

bool DriftWatch::isChecking() const
{
    return m_runner->isRunning();
}

void DriftWatch::poll()
{
    if (m_polling || m_stopped)
        return;
    m_polling = true;
    m_thread->run(
        this, [store = m_store]() { return DriftScheduleRepository(*store).schedules(); },
        [this](const Result<QList<DriftCheckSchedule>> &schedules) {
            m_polling = false;
            if (!schedules) {
                qCWarning(lcAgent).noquote() << "drift checks: cannot read their schedules:" << schedules.error().toString();
                return;
            }
            schedulesRead(*schedules);
        });
}

void DriftWatch::schedulesRead(const QList<DriftCheckSchedule> &schedules)
{
    const QDateTime now = m_clock.nowUtc();
    QSet<qint64> seen;
    for (const DriftCheckSchedule &schedule : schedules) {
        seen.insert(schedule.definitionId);
        const QString times = schedule.cron + QLatin1Char('|') + schedule.timeZone;
        auto parsed = CronSchedule::parse(schedule.cron, schedule.timeZone);
        if (!schedule.enabled || !parsed) {
            m_next.remove(schedule.definitionId);
            continue;
        }
        if (m_cronOf.value(schedule.definitionId) != times || !m_next.contains(schedule.definitionId)) {
            // New, or new times: the first occurrence from now on (nothing before it is caught up).
            m_cronOf.insert(schedule.definitionId, times);
            if (const auto next = parsed->next(now))
                m_next.insert(schedule.definitionId, *next);
            continue;
        }
        const QDateTime due = m_next.value(schedule.definitionId);
        if (due > now)
            continue;
        // Due (several, if the agent slept: one check, for the latest passed occurrence's claim).
        QDateTime occurrence = due;
        for (auto later = parsed->next(occurrence); later && *later <= now; later = parsed->next(occurrence))
            occurrence = *later;
        if (const auto next = parsed->next(now))
            m_next.insert(schedule.definitionId, *next);
        else
            m_next.remove(schedule.definitionId);
        const Due check{schedule.definitionId, schedule.name, occurrence};
        m_thread->run(
            this,
            [store = m_store, check, agent = m_agentName]() {
                return DriftScheduleRepository(*store).claim(check.definitionId, check.occurrence, agent);
            },
            [this, check](const Result<bool> &taken) {
                if (!taken)
                    qCWarning(lcAgent).noquote()
                        << "drift checks: cannot claim the check of" << check.name << ":" << taken.error().toString();
                else if (*taken)
                    claimed(check);
            });
    }
    for (auto it = m_next.begin(); it != m_next.end();) // definitions deleted or unscheduled
        it = seen.contains(it.key()) ? std::next(it) : m_next.erase(it);
}

void DriftWatch::claimed(const Due &due)
{
    if (m_stopped)
        return;
    m_queue.append(due);
    checkNext();
}

void DriftWatch::checkNext()
{
    if (m_stopped || m_runner->isRunning() || m_queue.isEmpty())
        return;
    m_current = m_queue.takeFirst();
    qCInfo(lcAgent).noquote() << "agent" << m_agentName << "checks the drift of" << m_current->name << "for"
                              << m_current->occurrence.toString(Qt::ISODate);
    m_runner->start(m_current->definitionId);
}

void DriftWatch::onChecked(const DriftReport &report, const std::optional<Error> &error)
{
    if (!m_current)
        return;
    const Due due = *m_current;
    m_current.reset();
    const QString outcome = error ? QStringLiteral("FAILED") : report.inSync() ? QStringLiteral("IN_SYNC") : QStringLiteral("DRIFT");
    m_thread->run(
        this,
        [store = m_store, due, runId = report.runId, outcome]() {
            return DriftScheduleRepository(*store).finish(due.definitionId, due.occurrence, runId, outcome);
        },
        [](const Result<void> &finished) {
            if (!finished)
                qCWarning(lcAgent).noquote() << "drift checks: cannot record a check's end:" << finished.error().toString();
        });
    // What a check found or why it failed is told once, by whoever listens (the headless agent's
    // console, the tray), and kept in run history: no log line of its own besides.
    if (error) {
        emit failed(due.definitionId, due.name, *error);
    } else {
        emit checked(due.definitionId, due.name, report);
        const bool hadDrift = m_lastHadDrift.value(due.definitionId, false);
        m_lastHadDrift.insert(due.definitionId, !report.inSync());
        if (!report.inSync()) {
            emit driftFound(due.definitionId, due.name, report);
        } else if (hadDrift) {
            emit recovered(due.definitionId, due.name);
        }
    }
    checkNext();
}

} // namespace SyncBridge

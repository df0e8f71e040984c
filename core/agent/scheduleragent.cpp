#include "agent/scheduleragent.h"

#include "agent/nextrun.h"
#include "agent/storethread.h"
#include "common/logging.h"
#include "schedule/missedruns.h"
#include "store/metastore.h"
#include "store/scheduleclaimrepository.h"
#include "sync/interruptedruns.h"
#include "sync/runcontroller.h"

#include <QCoreApplication>
#include <QHostInfo>

#include <algorithm>

namespace SyncBridge {
namespace {

// The longest the agent sleeps without a heartbeat waking it anyway (QTimer takes an int).
constexpr qint64 longestSleepMs = 60 * 60 * 1000;

struct Loaded {
    QList<ScheduledDefinition> definitions;
    DefinitionsMark mark;
};

Result<Loaded> loadSchedules(MetaStore &store)
{
    ScheduleRepository schedules(store);
    auto mark = schedules.definitionsMark(); // before the read: a change in between is read again next time
    if (!mark)
        return mark.error();
    auto definitions = schedules.scheduledDefinitions();
    if (!definitions)
        return definitions.error();
    return Loaded{*definitions, *mark};
}

struct Beat {
    bool stillOurs = true;
    std::optional<DefinitionsMark> mark;
    QDateTime askedAt, databaseNow, answeredAt;
};

} // namespace

SchedulerAgent::SchedulerAgent(std::shared_ptr<MetaStore> store, RunController &runs, AgentOptions options, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_runs(runs)
    , m_options(std::move(options))
    , m_clock(m_options.clock ? *m_options.clock : static_cast<const Clock &>(m_databaseClock))
{
    m_self.name = m_options.name.isEmpty() ? QHostInfo::localHostName() : m_options.name;
    m_self.host = QHostInfo::localHostName();
    m_self.pid = QCoreApplication::applicationPid();
    m_self.version = QCoreApplication::applicationVersion();
    m_wake.setSingleShot(true);
    m_wake.setTimerType(Qt::PreciseTimer);
    connect(&m_wake, &QTimer::timeout, this, &SchedulerAgent::checkNow);
    m_heartbeat.setInterval(int(m_options.heartbeatIntervalMs));
    connect(&m_heartbeat, &QTimer::timeout, this, &SchedulerAgent::heartbeat);
    connect(&m_runs, &RunController::finished, this, &SchedulerAgent::onRunFinished);
}

SchedulerAgent::~SchedulerAgent()
{
    m_storeThread.reset(); // its answers are for this object
}

void SchedulerAgent::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Starting;
    m_storeThread = std::make_unique<StoreThread>(m_store);
    m_storeThread->run(
        this,
        [store = m_store, self = m_self, staleAfterMs = m_options.claimTtlMs]() -> Result<Loaded> {
            AgentRepository agents(*store);
            auto previous = agents.agent(self.name);
            if (!previous)
                return previous.error();
            // An agent of this name whose process ended on this host need not be waited out.
            const qint64 ended = *previous && (*previous)->host == self.host
                    && agentHasEnded(QStringLiteral("%1:%2").arg((*previous)->host).arg((*previous)->pid))
                ? (*previous)->pid
                : 0;
            if (auto registered = agents.registerAgent(self, staleAfterMs, ended); !registered)
                return registered.error();
            return loadSchedules(*store);
        },
        [this](const Result<Loaded> &loaded) {
            if (!loaded) {
                m_state = State::Stopped;
                qCWarning(lcAgent).noquote() << "agent" << m_self.name << "cannot start:" << loaded.error().toString();
                emit failed(loaded.error());
                return;
            }
            m_mark = loaded->mark;
            apply(loaded->definitions);
            const bool stopping = m_state == State::Stopping;
            m_state = State::Active;
            if (stopping) { // stop() came while it registered
                stop();
                return;
            }
            m_onceNow = m_clock.nowUtc();
            m_heartbeat.start();
            qCInfo(lcAgent).noquote() << "agent" << m_self.name << "started on" << m_self.host << "with" << m_entries.size()
                                      << "scheduled definitions";
            emit started();
            checkNow();
            rescueOrphans(true);
        });
}

void SchedulerAgent::runDueOnce()
{
    m_once = true;
    start();
}

void SchedulerAgent::apply(const QList<ScheduledDefinition> &definitions)
{
    QMap<qint64, Entry> entries;
    for (const ScheduledDefinition &definition : definitions) {
        Entry entry;
        entry.definition = definition;
        entry.lastRun = lastScheduledRun(definition);
        const auto known = m_entries.constFind(definition.id);
        if (known != m_entries.cend()) {
            // What this agent claimed may be newer than what it read (a claim lost to another agent too).
            if (known->lastRun > entry.lastRun)
                entry.lastRun = known->lastRun;
            if (known->definition.cron == definition.cron && known->definition.timeZone == definition.timeZone)
                entry.schedule = known->schedule;
        }
        if (!entry.schedule) {
            auto schedule = CronSchedule::parse(definition.cron, definition.timeZone);
            if (schedule)
                entry.schedule = *schedule;
            else
                qCWarning(lcAgent).noquote() << "definition" << definition.name << "is not scheduled:" << schedule.error().toString();
        }
        entries.insert(definition.id, entry);
    }
    m_entries = std::move(entries);
}

void SchedulerAgent::checkNow()
{
    if (m_state != State::Active)
        return;
    const QDateTime now = m_once ? m_onceNow : m_clock.nowUtc();
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        Entry &entry = *it;
        const qint64 id = it.key();
        if (m_paused || !entry.schedule || !entry.definition.enabled || entry.definition.paused)
            continue;
        if (entry.next && *entry.next > now && !entry.waiting)
            continue; // the common case: not due yet, nothing computed
        if (m_claiming.contains(id) || m_inFlight.contains(id))
            continue;
        const ScheduleDecision decision = decideRun(*entry.schedule, entry.lastRun, now, entry.definition.missed);
        entry.next = decision.next;
        entry.waiting = false;
        if (!decision.runNow)
            continue;
        if (m_runs.isRunning(id) || slotsUsed() >= m_options.maxConcurrentRuns) {
            entry.waiting = true; // looked at again when a run ends
            continue;
        }
        claim(id, *decision.runNow, decision.catchUp);
    }
    finishIfDone();
    wakeForNext(now);
}

void SchedulerAgent::wakeForNext(const QDateTime &now)
{
    if (m_state != State::Active || m_once)
        return;
    std::optional<QDateTime> earliest;
    for (const Entry &entry : std::as_const(m_entries)) {
        if (entry.next && !entry.waiting && (!earliest || *entry.next < *earliest))
            earliest = entry.next;
    }
    if (!earliest) {
        m_wake.stop();
        return;
    }
    m_wake.start(int(std::clamp(now.msecsTo(*earliest), qint64(0), longestSleepMs)));
}

void SchedulerAgent::rescueOrphans(bool ownToo)
{
    m_storeThread->run(
        this,
        [store = m_store, self = m_self, ownToo]() -> Result<QList<ScheduleClaim>> {
            auto open = ScheduleClaimRepository(*store).openClaims();
            if (!open)
                return open.error();
            auto agents = AgentRepository(*store).agents();
            if (!agents)
                return agents.error();
            QList<ScheduleClaim> orphans;
            for (const ScheduleClaim &claim : std::as_const(*open)) {
                const auto holder
                    = std::find_if(agents->cbegin(), agents->cend(), [&](const AgentRecord &agent) { return agent.name == claim.agent; });
                // Ours from before this process (a crash, then a start under the same name); another's
                // whose lease lapsed; or one of this host's whose process ended — not waited out.
                const bool dead = claim.agent == self.name ? ownToo
                                                           : claim.lapsed || holder == agents->cend()
                        || (holder->host == self.host && agentHasEnded(QStringLiteral("%1:%2").arg(holder->host).arg(holder->pid)));
                if (dead)
                    orphans << claim;
            }
            return orphans;
        },
        [this](const Result<QList<ScheduleClaim>> &orphans) {
            if (!orphans) {
                qCWarning(lcAgent).noquote() << "cannot look for claims of dead agents:" << orphans.error().toString();
                return;
            }
            for (const ScheduleClaim &orphan : std::as_const(*orphans)) {
                const qint64 id = orphan.definitionId;
                const auto entry = m_entries.constFind(id);
                if (m_state != State::Active || m_paused || entry == m_entries.cend() || !entry->definition.enabled
                    || entry->definition.paused || m_claiming.contains(id) || m_inFlight.contains(id) || m_runs.isRunning(id)
                    || slotsUsed() >= m_options.maxConcurrentRuns)
                    continue; // looked at again at the next heartbeat
                claim(id, orphan.occurrenceAt, orphan.catchUp, orphan);
            }
        });
}

void SchedulerAgent::claim(qint64 definitionId, const QDateTime &occurrence, bool catchUp, const std::optional<ScheduleClaim> &orphan)
{
    m_claiming.insert(definitionId);
    m_storeThread->run(
        this,
        [store = m_store, definitionId, occurrence, catchUp, orphan, agent = m_self.name,
            ttlMs = m_options.claimTtlMs]() -> Result<ClaimResult> {
            ScheduleClaimRepository claims(*store);
            auto claimed = orphan ? claims.rescue(*orphan, agent, ttlMs) : claims.claim(definitionId, occurrence, agent, catchUp, ttlMs);
            if (claimed && claimed->rescued && claimed->rescued->runId > 0) {
                const QString why = QCoreApplication::translate("SyncBridge::Agent",
                    "Interrupted: the agent %1 stopped renewing its claim on this scheduled run; the agent %2 took the run over.")
                                        .arg(claimed->rescued->agent, agent);
                if (auto marked = markRunInterrupted(*store, claimed->rescued->runId, why); !marked)
                    return marked.error();
            }
            return claimed;
        },
        [this, definitionId, occurrence, catchUp](const Result<ClaimResult> &claimed) {
            m_claiming.remove(definitionId);
            if (!claimed) {
                qCWarning(lcAgent).noquote() << "cannot claim a scheduled run:" << claimed.error().toString();
                finishIfDone();
                return;
            }
            if (auto entry = m_entries.find(definitionId); entry != m_entries.end() && occurrence > entry->lastRun)
                entry->lastRun = occurrence; // run here or elsewhere: either way it is taken
            if (!claimed->claimed) {
                qCDebug(lcAgent) << "occurrence" << occurrence << "of definition" << definitionId << "is another agent's";
                checkNow();
                return;
            }
            if (claimed->rescued)
                qCInfo(lcAgent).noquote() << "agent" << m_self.name << "takes over the run of definition" << definitionId << "claimed by"
                                          << claimed->rescued->agent;
            startRun(definitionId, occurrence, catchUp);
            checkNow();
        });
}

void SchedulerAgent::startRun(qint64 definitionId, const QDateTime &occurrence, bool catchUp)
{
    const QString name = m_entries.value(definitionId).definition.name;
    const RunTrigger trigger = catchUp ? RunTrigger::CatchUp : RunTrigger::Scheduled;
    auto release = [this, definitionId, occurrence](const QString &outcome) {
        m_storeThread->run(
            this,
            [store = m_store, definitionId, occurrence, agent = m_self.name, outcome]() {
                return ScheduleClaimRepository(*store).finish(definitionId, occurrence, agent, 0, outcome);
            },
            [](const Result<void> &finished) {
                if (!finished)
                    qCWarning(lcAgent).noquote() << "cannot record a claim's end:" << finished.error().toString();
            });
    };
    if (m_state != State::Active) {
        // Stopping: give the occurrence back, so another agent (or this one, restarted) runs it.
        m_storeThread->run(
            this,
            [store = m_store, definitionId, occurrence, agent = m_self.name]() {
                return ScheduleClaimRepository(*store).release(definitionId, occurrence, agent);
            },
            [](const Result<void> &) {});
        return;
    }
    RunOptions options;
    options.trigger = trigger;
    options.agentName = m_self.name;
    options.occurrence = occurrence;
    if (auto started = m_runs.start(definitionId, options); !started) {
        qCWarning(lcAgent).noquote() << "scheduled run of" << name << "not started:" << started.error().toString();
        release(QStringLiteral("NOT_STARTED"));
        return;
    }
    m_inFlight.insert(definitionId, InFlight{occurrence, trigger, name});
    qCInfo(lcAgent).noquote() << "agent" << m_self.name << "started" << enumName(trigger).toLower() << "run of" << name << "for"
                              << occurrence.toString(Qt::ISODate);
    emit runStarted(definitionId, trigger);
}

void SchedulerAgent::onRunFinished(qint64 definitionId, const RunOutcome &outcome)
{
    const auto flight = m_inFlight.constFind(definitionId);
    if (flight == m_inFlight.cend()) {
        if (m_state == State::Active)
            checkNow(); // a manual run ended: an occurrence may have waited for it
        return;
    }
    const InFlight run = *flight;
    m_inFlight.erase(flight);
    const qint64 held = outcome.dryRun ? 0 : outcome.heldBackDeletes;
    qCInfo(lcAgent).noquote() << "agent" << m_self.name << "finished" << enumName(run.trigger).toLower() << "run of" << run.definitionName
                              << "as" << enumName(outcome.status)
                              << (held > 0 ? QStringLiteral("(%1 deletions held back)").arg(held) : QString());
    m_storeThread->run(
        this,
        [store = m_store, definitionId, run, outcome, held, agent = m_self.name, now = m_clock.nowUtc()]() -> Result<void> {
            if (auto finished
                = ScheduleClaimRepository(*store).finish(definitionId, run.occurrence, agent, outcome.runId, enumName(outcome.status));
                !finished)
                return finished;
            // The breaker held deletions back and nobody was there to say yes: later runs would hold
            // them back again; pausing makes a person look before the schedule goes on.
            if (held > 0)
                return ScheduleRepository(*store).pauseSchedule(definitionId, now);
            return success();
        },
        [this, definitionId, held](const Result<void> &recorded) {
            if (!recorded)
                qCWarning(lcAgent).noquote() << "cannot record a scheduled run's end:" << recorded.error().toString();
            if (held > 0) {
                if (auto entry = m_entries.find(definitionId); entry != m_entries.end())
                    entry->definition.paused = true;
                emit deletionsHeld(definitionId, held);
            }
            finishIfDone();
        });
    emit runFinished(definitionId, outcome, run.trigger);
    checkNow();
}

void SchedulerAgent::heartbeat()
{
    if (m_state != State::Active)
        return;
    AgentRecord self = m_self;
    self.paused = m_paused;
    for (const InFlight &run : std::as_const(m_inFlight))
        self.running << run.definitionName;
    m_storeThread->run(
        this,
        [store = m_store, self, ttlMs = m_options.claimTtlMs]() -> Result<Beat> {
            Beat beat;
            AgentRepository agents(*store);
            auto ours = agents.heartbeat(self);
            if (!ours)
                return ours.error();
            beat.stillOurs = *ours;
            if (auto renewed = ScheduleClaimRepository(*store).renew(self.name, ttlMs); !renewed)
                return renewed.error();
            auto mark = ScheduleRepository(*store).definitionsMark();
            if (!mark)
                return mark.error();
            beat.mark = *mark;
            beat.askedAt = QDateTime::currentDateTimeUtc();
            auto databaseNow = agents.databaseNow();
            if (!databaseNow)
                return databaseNow.error();
            beat.databaseNow = *databaseNow;
            beat.answeredAt = QDateTime::currentDateTimeUtc();
            return beat;
        },
        [this](const Result<Beat> &beat) {
            if (!beat) {
                qCWarning(lcAgent).noquote() << "heartbeat failed (tried again in" << m_options.heartbeatIntervalMs / 1000
                                             << "s):" << beat.error().toString();
                return;
            }
            m_databaseClock.measure(beat->databaseNow, beat->askedAt, beat->answeredAt);
            if (!beat->stillOurs)
                qCWarning(lcAgent).noquote() << "agent" << m_self.name << "was taken over by another process of that name";
            rescueOrphans(false);
            if (m_state != State::Active || !beat->mark || *beat->mark == m_mark) {
                checkNow(); // a clock that jumped (a laptop woken) is noticed here
                return;
            }
            m_storeThread->run(
                this, [store = m_store]() { return loadSchedules(*store); },
                [this](const Result<Loaded> &loaded) {
                    if (!loaded) {
                        qCWarning(lcAgent).noquote() << "cannot read the schedules:" << loaded.error().toString();
                        return;
                    }
                    m_mark = loaded->mark;
                    apply(loaded->definitions);
                    checkNow();
                });
        });
}

void SchedulerAgent::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    qCInfo(lcAgent).noquote() << "agent" << m_self.name << (paused ? "paused" : "resumed");
    emit pausedChanged(paused);
    heartbeat(); // the Agents view shows it
    if (!paused)
        checkNow();
}

std::optional<QDateTime> SchedulerAgent::nextRun(qint64 definitionId) const
{
    const auto entry = m_entries.constFind(definitionId);
    if (entry == m_entries.cend())
        return std::nullopt;
    ScheduledDefinition definition = entry->definition;
    definition.lastOccurrence = entry->lastRun;
    return nextScheduledRun(definition, m_clock.nowUtc());
}

void SchedulerAgent::stop()
{
    if (m_state == State::Idle || m_state == State::Stopped) {
        m_state = State::Stopped;
        emit stopped();
        return;
    }
    if (m_state == State::Stopping)
        return;
    const bool registered = m_state == State::Active;
    m_state = State::Stopping;
    m_wake.stop();
    m_heartbeat.stop();
    qCInfo(lcAgent).noquote() << "agent" << m_self.name << "stops;" << m_inFlight.size() << "runs finish what is in flight";
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it)
        m_runs.cancel(it.key());
    if (!registered)
        return; // start() is still registering: its answer sees Stopping and ends there
    finishIfDone();
}

void SchedulerAgent::finishIfDone()
{
    if (m_state == State::Active && m_once && m_inFlight.isEmpty() && m_claiming.isEmpty()) {
        const bool waiting = std::any_of(m_entries.cbegin(), m_entries.cend(), [](const Entry &entry) { return entry.waiting; });
        if (!waiting)
            stop();
        return;
    }
    if (m_state != State::Stopping || !m_inFlight.isEmpty() || !m_claiming.isEmpty())
        return;
    m_state = State::Stopped; // once: what follows runs after the claims' records, in order
    m_storeThread->run(
        this, [store = m_store, self = m_self]() { return AgentRepository(*store).deregister(self); },
        [this](const Result<void> &deregistered) {
            if (!deregistered)
                qCWarning(lcAgent).noquote() << "cannot deregister (the entry goes stale):" << deregistered.error().toString();
            qCInfo(lcAgent).noquote() << "agent" << m_self.name << "stopped";
            emit stopped();
        });
}

} // namespace SyncBridge

// SchedulerAgent: registering, looking at the schedules, heartbeats, rescuing dead agents' claims, pause and
// stop. A claimed occurrence's way through its run to its record: claimedrun.cpp.
#include "agent/scheduleragent.h"

#include "model/dependencyorder.h"

#include "agent/nextrun.h"
#include "agent/storethread.h"
#include "common/logging.h"
#include "model/dependencyorder.h"
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

// The database's time and this machine's just before and after asking for it.
struct ClockReading {
    QDateTime askedAt, databaseNow, answeredAt;
};

Result<ClockReading> readDatabaseClock(MetaStore &store)
{
    ClockReading reading;
    reading.askedAt = QDateTime::currentDateTimeUtc();
    auto databaseNow = AgentRepository(store).databaseNow();
    if (!databaseNow)
        return databaseNow.error();
    reading.databaseNow = *databaseNow;
    reading.answeredAt = QDateTime::currentDateTimeUtc();
    return reading;
}

struct Registered {
    Loaded loaded;
    ClockReading clock;
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

// An agent of this host whose process ended: its name and claims need not be waited out.
bool endedHere(const AgentRecord &agent, const QString &host)
{
    return agent.host == host && agentHasEnded(QStringLiteral("%1:%2").arg(agent.host).arg(agent.pid));
}

struct Beat {
    bool stillOurs = true;
    std::optional<DefinitionsMark> mark;
    ClockReading clock;
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
        [store = m_store, self = m_self, staleAfterMs = m_options.claimTtlMs]() -> Result<Registered> {
            AgentRepository agents(*store);
            auto previous = agents.agent(self.name);
            if (!previous)
                return previous.error();
            const qint64 ended = *previous && endedHere(**previous, self.host) ? (*previous)->pid : 0;
            if (auto registered = agents.registerAgent(self, staleAfterMs, ended); !registered)
                return registered.error();
            auto clock = readDatabaseClock(*store);
            if (!clock)
                return clock.error();
            auto loaded = loadSchedules(*store);
            if (!loaded)
                return loaded.error();
            return Registered{*loaded, *clock};
        },
        [this](const Result<Registered> &registered) {
            if (!registered) {
                m_state = State::Stopped;
                qCWarning(lcAgent).noquote() << "agent" << m_self.name << "cannot start:" << registered.error().toString();
                emit failed(registered.error());
                return;
            }
            m_databaseClock.measure(registered->clock.databaseNow, registered->clock.askedAt, registered->clock.answeredAt);
            m_mark = registered->loaded.mark;
            apply(registered->loaded.definitions);
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
            rescueOrphans(true); // before the first look: --once waits for it
            checkNow();
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
    QHash<qint64, QList<qint64>> dependsOn;
    for (const ScheduledDefinition &definition : definitions)
        dependsOn.insert(definition.id, definition.dependsOn);
    m_order = dependencyOrder(m_entries.keys(), dependsOn);
}

bool SchedulerAgent::waitsForDependency(const Entry &entry) const
{
    return std::any_of(entry.definition.dependsOn.cbegin(), entry.definition.dependsOn.cend(),
        [this](qint64 id) { // a streamed (CDC) definition never ends its run: nothing waits for it
            return !streams(id) && (m_claiming.contains(id) || m_inFlight.contains(id) || m_runs.isRunning(id));
        });
}

void SchedulerAgent::checkNow()
{
    if (m_state != State::Active)
        return;
    const QDateTime now = m_once ? m_onceNow : m_clock.nowUtc();
    for (const qint64 id : std::as_const(m_order)) { // a definition's due run is claimed before those that depend on it
        Entry &entry = m_entries[id];
        if (m_paused || !entry.schedule || !entry.definition.enabled || entry.definition.paused)
            continue;
        if (entry.next && *entry.next > now && !entry.waiting)
            continue; // the common case: not due yet, nothing computed
        if (m_claiming.contains(id) || m_inFlight.contains(id))
            continue;
        if (streams(id)) {
            startSession(id, entry, now);
            continue;
        }
        const ScheduleDecision decision = decideRun(*entry.schedule, entry.lastRun, now, entry.definition.missed);
        entry.next = decision.next;
        entry.waiting = false;
        if (!decision.runNow)
            continue;
        if (m_runs.isRunning(id) || slotsUsed() >= m_options.maxConcurrentRuns || waitsForDependency(entry)) {
            entry.waiting = true; // looked at again when a run ends
            continue;
        }
        claim(id, *decision.runNow, decision.catchUp);
    }
    finishIfDone();
    wakeForNext(now);
}

void SchedulerAgent::startSession(qint64 id, Entry &entry, const QDateTime &now)
{
    entry.waiting = false;
    if (entry.streamAfter.isValid() && entry.streamAfter > now) {
        entry.next = entry.streamAfter;
        return;
    }
    entry.next = std::nullopt; // none while a session streams: the next one starts when it ends
    if (m_runs.isRunning(id) || slotsUsed() >= m_options.maxConcurrentRuns) {
        entry.waiting = true;
        return;
    }
    // Each session is an occurrence of its own, claimed like any other: one agent streams it.
    QDateTime occurrence = now;
    occurrence.setTime(QTime(now.time().hour(), now.time().minute(), now.time().second()));
    if (entry.lastRun.isValid() && occurrence <= entry.lastRun)
        occurrence = entry.lastRun.addSecs(1);
    claim(id, occurrence, false);
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
    if (m_lookingForOrphans)
        return;
    m_lookingForOrphans = true;
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
                const bool dead
                    = claim.agent == self.name ? ownToo : claim.lapsed || holder == agents->cend() || endedHere(*holder, self.host);
                if (dead)
                    orphans << claim;
            }
            return orphans;
        },
        [this](const Result<QList<ScheduleClaim>> &orphans) {
            m_lookingForOrphans = false;
            if (!orphans) {
                qCWarning(lcAgent).noquote() << "cannot look for claims of dead agents:" << orphans.error().toString();
                finishIfDone();
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
            finishIfDone();
        });
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
            auto clock = readDatabaseClock(*store);
            if (!clock)
                return clock.error();
            beat.clock = *clock;
            return beat;
        },
        [this](const Result<Beat> &beat) {
            if (!beat) {
                qCWarning(lcAgent).noquote() << "heartbeat failed (tried again in" << m_options.heartbeatIntervalMs / 1000
                                             << "s):" << beat.error().toString();
                return;
            }
            m_databaseClock.measure(beat->clock.databaseNow, beat->clock.askedAt, beat->clock.answeredAt);
            if (!beat->stillOurs)
                qCWarning(lcAgent).noquote() << "agent" << m_self.name << "was taken over by another process of that name";
            if (m_state == State::Active)
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
    if (m_state == State::Active && m_once && !isBusy()) {
        const bool waiting = std::any_of(m_entries.cbegin(), m_entries.cend(), [](const Entry &entry) { return entry.waiting; });
        if (!waiting)
            stop();
        return;
    }
    if (m_state != State::Stopping || isBusy())
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

#pragma once

#include "agent/agentclock.h"
#include "common/error.h"
#include "model/enums.h"
#include "schedule/cronschedule.h"
#include "store/agentrepository.h"
#include "store/scheduleclaimrepository.h"
#include "store/schedulerepository.h"
#include "sync/runprogress.h"

#include <QHash>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

namespace SyncBridge {

class MetaStore;
class RunController;
class StoreThread;

struct AgentOptions {
    QString name;                       // unique in the store; empty: this host's name
    int maxConcurrentRuns = 4;          // runs of this agent at once; due occurrences beyond wait for a slot
    const Clock *clock = nullptr;       // "now" for schedules; null: this machine's clock corrected to the database's
    qint64 heartbeatIntervalMs = 15000; // heartbeat, claim renewal and the poll for changed definitions
    qint64 claimTtlMs = 60000;          // a claim (or name) not renewed this long is taken over by another agent
    // A scheduled CDC definition streams continuously, in sessions of this length, each claimed and
    // recorded as a run of its own (so run records, leases and claims stay bounded); after a session
    // that failed or was cancelled, the next one starts this much later.
    int streamSessionSeconds = 15 * 60;
    qint64 streamRetryMs = 60000;
};

// A scheduling agent (docs/schedules.md, "Agents"): it runs every due scheduled definition of the
// meta-store through a RunController — trigger SCHEDULED, or CATCH_UP for one late occurrence after
// downtime — with at most maxConcurrentRuns at once. Several agents may share one store (desktop or
// headless, on several machines): each occurrence is claimed in the store first (schedule_claims),
// so it runs exactly once across them; a dead agent's claim is rescued once its lease lapsed and its
// run marked INTERRUPTED.
//
// Cheap when idle: it reads the scheduled definitions once, computes each one's next occurrence and
// sleeps until the earliest; every heartbeat it polls one cheap mark and reads the definitions again
// only when it changed. Definitions disabled or with a paused schedule are left alone; a run whose
// deletions the circuit breaker held back pauses its definition's schedule (deletionsHeld). An
// enabled CDC definition with a schedule is not run at its occurrences but streams all the time, one
// session after another (AgentOptions::streamSessionSeconds); runDueOnce() drains it instead.
//
// Lives on the RunController's thread (the GUI's or the CLI's main thread), which never waits for the
// store: its SQL runs on a thread of its own. Signals arrive on that thread.
class SchedulerAgent : public QObject
{
    Q_OBJECT

public:
    SchedulerAgent(std::shared_ptr<MetaStore> store, RunController &runs, AgentOptions options = {}, QObject *parent = nullptr);
    // Deregisters nothing and waits for nothing but the store work in hand: call stop() first (the
    // runs themselves go with their RunController).
    ~SchedulerAgent() override;

    // Registers the agent and starts looking at the schedules: `started`, or `failed` (its name is
    // taken by a live agent, the store cannot be reached) and nothing more.
    void start();
    // Runs what is due now and stops when it has finished (`stopped`): syncbridge-cli agent --once.
    void runDueOnce();
    // Cancels the runs in flight — each finishes what is on the wire and commits it —, records their
    // outcome on their claims, deregisters and emits `stopped`.
    void stop();
    // Looks at the schedules now (after the clock moved: a test's manual clock, a laptop woken).
    void checkNow();

    // Pausing the whole agent starts no new run (runs in flight go on); resuming looks at once.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    QString name() const { return m_self.name; }
    // The name of a definition the agent schedules (for log lines); empty for others.
    QString definitionName(qint64 definitionId) const { return m_entries.value(definitionId).definition.name; }
    int scheduledCount() const { return int(m_entries.size()); }
    bool isActive() const { return m_state == State::Active; }
    int runningCount() const { return int(m_inFlight.size()); }
    // Claiming or running something (a claim's outcome may still be on its way to the store).
    bool isBusy() const { return !m_inFlight.isEmpty() || !m_claiming.isEmpty() || m_lookingForOrphans; }
    // When this agent would start the definition's next scheduled run (now, if one is due); nothing
    // for a definition it does not schedule (no schedule, disabled, paused).
    std::optional<QDateTime> nextRun(qint64 definitionId) const;

signals:
    void started();
    void failed(const SyncBridge::Error &error);
    void runStarted(qint64 definitionId, SyncBridge::RunTrigger trigger);
    void runFinished(qint64 definitionId, const SyncBridge::RunOutcome &outcome, SyncBridge::RunTrigger trigger);
    // A scheduled run's circuit breaker held `deletions` back; the definition's schedule is now paused.
    void deletionsHeld(qint64 definitionId, qint64 deletions);
    void pausedChanged(bool paused);
    void stopped();

private:
    enum class State { Idle, Starting, Active, Stopping, Stopped };
    struct Entry {
        ScheduledDefinition definition;
        std::optional<CronSchedule> schedule; // none: the cron does not parse (warned once)
        QDateTime lastRun;                    // the latest occurrence claimed (by any agent), or when the schedule was saved
        std::optional<QDateTime> next;        // the first occurrence after the last look
        bool waiting = false;                 // due, but no slot was free (or a manual run of it was going)
        QDateTime streamAfter;                // a streamed definition: no session before this (one failed)
    };
    struct InFlight {
        QDateTime occurrence;
        RunTrigger trigger = RunTrigger::Scheduled;
        QString definitionName;
    };

    void apply(const QList<ScheduledDefinition> &definitions);
    void heartbeat();
    void claim(qint64 definitionId, const QDateTime &occurrence, bool catchUp, const std::optional<ScheduleClaim> &orphan = {});
    void rescueOrphans(bool ownToo);
    void startRun(qint64 definitionId, const QDateTime &occurrence, bool catchUp);
    bool streams(qint64 definitionId) const { return !m_once && m_entries.value(definitionId).definition.streams; }
    void startSession(qint64 id, Entry &entry, const QDateTime &now); // scheduleragent.cpp: a streamed definition's next session
    void onRunFinished(qint64 definitionId, const RunOutcome &outcome);
    void finishIfDone();
    void wakeForNext(const QDateTime &now);
    int slotsUsed() const { return int(m_inFlight.size() + m_claiming.size()); }
    // A definition it depends on is being claimed or runs: its lookups would wait for rows being written.
    bool waitsForDependency(const Entry &entry) const;

    std::shared_ptr<MetaStore> m_store;
    RunController &m_runs;
    AgentOptions m_options;
    DatabaseCorrectedClock m_databaseClock;
    const Clock &m_clock;
    AgentRecord m_self;
    std::unique_ptr<StoreThread> m_storeThread;
    State m_state = State::Idle;
    bool m_paused = false;
    bool m_once = false;
    bool m_lookingForOrphans = false; // --once waits for the dead agents' claims it may rescue
    QDateTime m_onceNow;              // --once: what is due at this moment, and nothing after
    DefinitionsMark m_mark;
    QMap<qint64, Entry> m_entries; // by definition id
    QList<qint64> m_order;         // m_entries' ids, each after the definitions it depends on (dependencyOrder)
    QHash<qint64, InFlight> m_inFlight;
    QSet<qint64> m_claiming;
    QTimer m_wake;
    QTimer m_heartbeat;
};

} // namespace SyncBridge

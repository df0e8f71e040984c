// SchedulerAgent: one occurrence's way from its claim in the store through its run to the record of
// its outcome on the claim (and, when the breaker held deletions back, the paused schedule). Looking
// at the schedules, heartbeats, rescue, pause and stop: scheduleragent.cpp.
#include "agent/scheduleragent.h"
#include "agent/storethread.h"

#include "common/logging.h"
#include "store/metastore.h"
#include "store/scheduleclaimrepository.h"
#include "sync/interruptedruns.h"
#include "sync/runcontroller.h"

#include <QCoreApplication>

namespace SyncBridge {

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
                finishIfDone(); // stopping: this claim was what it waited for
                return;
            }
            if (claimed->rescued)
                qCInfo(lcAgent).noquote() << "agent" << m_self.name << "takes over the run of definition" << definitionId << "claimed by"
                                          << claimed->rescued->agent;
            startRun(definitionId, occurrence, catchUp);
            checkNow();
            finishIfDone();
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
    if (streams(definitionId)) { // a session of a CDC definition's stream (checkNow starts the next)
        options.cdcStreaming = RunOptions::CdcStreaming::Follow;
        options.followSeconds = m_options.streamSessionSeconds;
    }
    if (auto started = m_runs.start(definitionId, options); !started) {
        qCWarning(lcAgent).noquote() << "scheduled run of" << name << "not started:" << started.error().toString();
        release(QStringLiteral("NOT_STARTED"));
        if (auto entry = m_entries.find(definitionId); entry != m_entries.end() && streams(definitionId))
            entry->streamAfter = m_clock.nowUtc().addMSecs(m_options.streamRetryMs);
        return;
    }
    m_inFlight.insert(definitionId, InFlight{occurrence, trigger, name});
    qCInfo(lcAgent).noquote() << "agent" << m_self.name << "started" << enumName(trigger).toLower() << "run of" << name << "for"
                              << occurrence.toString(Qt::ISODate);
    emit runStarted(definitionId, trigger);
    heartbeat(); // the Agents view shows what it runs now
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
    // A session that failed (the source down) or was cancelled is not started again at once.
    if (auto entry = m_entries.find(definitionId); entry != m_entries.end() && streams(definitionId)
        && (outcome.status == RunStatus::Failed || outcome.status == RunStatus::Cancelled))
        entry->streamAfter = m_clock.nowUtc().addMSecs(m_options.streamRetryMs);
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
    heartbeat();
    checkNow();
}

} // namespace SyncBridge

#pragma once

#include "store/metastore.h"
#include "store/runrepository.h"
#include "store/scheduleclaimrepository.h"
#include "sync/interruptedruns.h"
#include "sync/syncjob.h"

#include <QTimer>

#include <memory>

namespace SyncBridge::Test {

// A light run for the scheduling agent's suites: it records itself in the run history as a push run
// does (trigger, agent, the claim's run id) and ends at once — or, `untilCancelled`, when cancelled —
// so hundreds of occurrences can run without SharePoint while the claims go through the real store.
class RecordingJob : public SyncJob
{
public:
    enum class Ending { AtOnce, WhenCancelled, HoldingDeletes };

    RecordingJob(std::shared_ptr<MetaStore> store, qint64 definitionId, RunOptions options, Ending ending)
        : m_store(std::move(store))
        , m_definitionId(definitionId)
        , m_options(std::move(options))
        , m_ending(ending)
    {
    }

    void start() override
    {
        m_run.definitionId = m_definitionId;
        m_run.agent = thisAgent();
        m_run.agentName = m_options.agentName;
        m_run.trigger = m_options.trigger;
        RunRepository runs(*m_store);
        if (!runs.startRun(m_run).ok())
            return finish(RunStatus::Failed);
        if (m_options.occurrence.isValid()
            && !ScheduleClaimRepository(*m_store).attachRun(m_definitionId, m_options.occurrence, m_run.id).ok())
            return finish(RunStatus::Failed);
        if (m_ending == Ending::AtOnce)
            QTimer::singleShot(0, this, [this]() { finish(RunStatus::Succeeded); });
        else if (m_ending == Ending::HoldingDeletes)
            QTimer::singleShot(0, this, [this]() { finish(RunStatus::PartiallyFailed, 3); });
    }
    void cancel() override { finish(RunStatus::Cancelled); }
    void setMassDeleteApproval(MassDeleteApproval) override { }

private:
    void finish(RunStatus status, qint64 heldBackDeletes = 0)
    {
        if (m_finished)
            return;
        m_finished = true;
        m_run.status = status;
        m_run.finishedAt = QDateTime::currentDateTimeUtc();
        if (m_run.id > 0)
            (void)RunRepository(*m_store).updateRun(m_run);
        RunOutcome outcome;
        outcome.runId = m_run.id;
        outcome.status = status;
        outcome.heldBackDeletes = heldBackDeletes;
        emit finished(outcome);
    }

    std::shared_ptr<MetaStore> m_store;
    const qint64 m_definitionId;
    const RunOptions m_options;
    const Ending m_ending;
    SyncRun m_run;
    bool m_finished = false;
};

} // namespace SyncBridge::Test

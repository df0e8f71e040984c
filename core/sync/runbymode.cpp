#include "sync/runbymode.h"

#include "drift/repairrun.h"
#include "store/definitionrepository.h"
#include "sync/pull/pullrun.h"
#include "sync/push/pushrun.h"
#include "sync/twoway/twowayrun.h"

namespace SyncBridge {

RunByMode::RunByMode(std::shared_ptr<MetaStore> store, SecretStore &secrets, GovernorSource governors, qint64 definitionId,
    RunOptions options, QObject *parent)
    : SyncJob(parent)
    , m_store(std::move(store))
    , m_secrets(secrets)
    , m_governors(std::move(governors))
    , m_definitionId(definitionId)
    , m_options(std::move(options))
{
}

void RunByMode::start()
{
    // A definition that cannot be read is PushRun's to report (it records the failed run). A preview
    // of the editor's unsaved state goes by the mode as edited: a definition being changed to
    // TWO_WAY must not be planned as a push.
    const auto definition = DefinitionRepository(*m_store).byId(m_definitionId);
    std::optional<SyncMode> mode;
    if (m_options.definition)
        mode = m_options.definition->mode;
    else if (definition)
        mode = definition->mode;
    if (m_options.repair)
        m_job = new RepairRun(m_store, m_secrets, m_governors, m_definitionId, m_options, Clock::system(), this);
    else if (mode == SyncMode::Pull)
        m_job = new PullRun(m_store, m_secrets, m_governors, m_definitionId, m_options, Clock::system(), this);
    else if (mode == SyncMode::TwoWay)
        m_job = new TwoWayRun(m_store, m_secrets, m_governors, m_definitionId, m_options, Clock::system(), this);
    else
        m_job = new PushRun(m_store, m_secrets, m_governors, m_definitionId, m_options, Clock::system(), this);
    m_job->setMassDeleteApproval(m_approve);
    connect(m_job, &SyncJob::progress, this, &SyncJob::progress);
    connect(m_job, &SyncJob::finished, this, &SyncJob::finished);
    m_job->start();
    if (m_cancelled)
        m_job->cancel();
}

void RunByMode::cancel()
{
    m_cancelled = true;
    if (m_job)
        m_job->cancel();
}

void RunByMode::setMassDeleteApproval(MassDeleteApproval approve)
{
    m_approve = std::move(approve);
    if (m_job)
        m_job->setMassDeleteApproval(m_approve);
}

} // namespace SyncBridge

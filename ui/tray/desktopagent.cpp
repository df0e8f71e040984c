#include "tray/desktopagent.h"

#include "common/uilogging.h"
#include "common/uisettings.h"
#include "tray/trayicon.h"

#include "agent/driftwatch.h"
#include "agent/scheduleragent.h"
#include "common/clock.h"
#include "sync/runcontroller.h"

namespace SyncBridge {

DesktopAgent::DesktopAgent(AppContext context, TrayIcon *tray, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_tray(tray)
{
    connect(m_tray, &TrayIcon::pauseRequested, this, [this](bool paused) {
        if (m_agent)
            m_agent->setPaused(paused); // the tray follows pausedChanged
    });
    apply();
}

DesktopAgent::~DesktopAgent()
{
    m_driftWatch.reset(); // cancels a check under way and waits for its thread
    // Only the agent: the window's other parts (tray, pages) may already be gone.
    if (m_agent)
        m_agent.release()->stop(); // our child now: deleted with us, waiting only for its store work
}

void DesktopAgent::apply()
{
    const bool wanted = UiSettings::runSchedules.value() && m_context.store && m_context.runs;
    const QString name = UiSettings::agentName.value().trimmed();
    if (m_agent && (!wanted || name != m_name))
        stop();
    if (!wanted || m_agent)
        return;
    AgentOptions options;
    options.name = name;
    options.clock = m_clock;
    m_name = name;
    m_agent = std::make_unique<SchedulerAgent>(m_context.store, *m_context.runs, options, this);
    SchedulerAgent *agent = m_agent.get();
    connect(agent, &SchedulerAgent::runFinished, m_tray, [this](qint64 definitionId, const RunOutcome &outcome, RunTrigger trigger) {
        m_tray->runFinished(definitionId, outcome, trigger != RunTrigger::Manual);
    });
    connect(agent, &SchedulerAgent::deletionsHeld, m_tray, &TrayIcon::deletionsHeld);
    connect(agent, &SchedulerAgent::pausedChanged, m_tray, &TrayIcon::setSchedulesPaused);
    connect(agent, &SchedulerAgent::pausedChanged, this, &DesktopAgent::pausedChanged);
    connect(agent, &SchedulerAgent::started, this, [this]() {
        m_tray->setSchedulesAvailable(true);
        emit changed({});
    });
    connect(agent, &SchedulerAgent::failed, this, [this](const Error &error) {
        qCWarning(lcUi).noquote() << "the scheduling agent did not start:" << error.message() << error.detail();
        emit changed(error.message());
    });
    agent->start();
    if (m_context.secrets) {
        m_driftWatch = std::make_unique<DriftWatch>(
            m_context.store, *m_context.secrets, m_context.runs->governors(), agent->name(), m_clock ? *m_clock : Clock::system());
        connect(m_driftWatch.get(), &DriftWatch::driftFound, m_tray, &TrayIcon::driftFound);
        connect(m_driftWatch.get(), &DriftWatch::recovered, m_tray, &TrayIcon::driftGone);
        // The tray tells drift found; a failed check has no notification, so the log tells it.
        connect(m_driftWatch.get(), &DriftWatch::failed, this, [](qint64, const QString &definition, const Error &error) {
            qCWarning(lcUi).noquote() << "the scheduled drift check of" << definition << "failed:" << error.message();
        });
        m_driftWatch->start();
    }
}

void DesktopAgent::stop()
{
    m_driftWatch.reset();
    if (!m_agent)
        return;
    // Runs in flight finish what is on the wire and are recorded, then the agent gives up its name
    // and goes; destroyed earlier (the window closing), it waits only for the store work in hand.
    SchedulerAgent *stopping = m_agent.release();
    connect(stopping, &SchedulerAgent::stopped, stopping, &QObject::deleteLater);
    stopping->stop();
    if (m_tray) {
        m_tray->setSchedulesAvailable(false);
        m_tray->setSchedulesPaused(false);
    }
    emit pausedChanged(false);
    emit changed({});
}

} // namespace SyncBridge

#pragma once

#include "appcontext.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace SyncBridge {

class Clock;
class DriftWatch;
class SchedulerAgent;
class TrayIcon;

// The GUI as a scheduling agent: runs a SchedulerAgent (core/agent) on the window's RunController
// while "Run scheduled syncs on this computer" is on, under the agent name of the settings, and
// connects it to the tray — its runs' outcomes and held deletions become notifications, its pause
// is the tray's Pause/Resume schedules. Beside it, the scheduled drift checks (DriftWatch), whose
// findings are notifications too.
class DesktopAgent : public QObject
{
    Q_OBJECT

public:
    DesktopAgent(AppContext context, TrayIcon *tray, QObject *parent = nullptr);
    ~DesktopAgent() override;

    // The running agent, or nullptr while the setting is off.
    SchedulerAgent *agent() const { return m_agent.get(); }
    DriftWatch *driftWatch() const { return m_driftWatch.get(); }
    // Where the next agent takes "now" from (tests drive it); null: the database-corrected clock.
    void setClock(const Clock *clock) { m_clock = clock; }

public slots:
    // Follows the settings: starts the agent, restarts it under a new name, or stops it.
    void apply();

signals:
    // The agent started, stopped or could not start (with why): the Agents view and status bar follow.
    void changed(const QString &problem);
    // The agent paused or resumed (stopping it resumes: nothing is paused then).
    void pausedChanged(bool paused);

private:
    void stop();

    AppContext m_context;
    QPointer<TrayIcon> m_tray; // a sibling in the window: it may go first
    std::unique_ptr<SchedulerAgent> m_agent;
    std::unique_ptr<DriftWatch> m_driftWatch;
    QString m_name; // the name m_agent runs under
    const Clock *m_clock = nullptr;
};

} // namespace SyncBridge

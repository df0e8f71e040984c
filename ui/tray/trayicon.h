#pragma once

#include "appcontext.h"
#include "tray/runnotifier.h"

#include "model/definition.h"

#include <QObject>

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace SyncBridge {

struct RunOutcome;

// The tray-resident SyncBridge: a QSystemTrayIcon whose icon follows the Nextcloud desktop client's
// states, a tooltip saying the state in words, and a menu — Open SyncBridge, Run Sync Now ▸ (each
// enabled definition), Pause/Resume schedules, Quit. Scheduled runs' failures, recoveries and held
// deletions become desktop notifications (RunNotifier decides which) when the setting allows.
class TrayIcon : public QObject
{
    Q_OBJECT

public:
    enum class State { Ok, Syncing, Paused, Warning, Error };
    Q_ENUM(State)

    explicit TrayIcon(AppContext context, QObject *parent = nullptr);
    ~TrayIcon() override;

    // A tray host is there (not under offscreen, nor in a desktop without one).
    static bool isAvailable();

    State state() const { return m_state; }
    QString toolTip() const;
    QMenu *menu() const { return m_menu; }
    QSystemTrayIcon *icon() const { return m_icon; }
    QAction *pauseAction() const { return m_pause; }
    bool schedulesPaused() const { return m_paused; }

public slots:
    // Reads the definitions (names, enabled) on the store's thread: the menu and notifications name them.
    void reloadDefinitions();
    // What the agent says: its schedules are paused or resumed.
    void setSchedulesPaused(bool paused);
    // Whether this computer runs the schedules (an agent is active): Pause/Resume is offered only then.
    void setSchedulesAvailable(bool available);
    // A run of the agent finished; scheduled is false for runs started by hand.
    void runFinished(qint64 definitionId, const SyncBridge::RunOutcome &outcome, bool scheduled);
    // The circuit breaker held a scheduled run's deletions back (its schedule is paused).
    void deletionsHeld(qint64 definitionId, qint64 deletions);
    // The slot guardian (SlotWatch): a CDC definition's slot changed its verdict.
    void slotAlerted(const SyncBridge::SlotAlert &alert, const QString &name, const SyncBridge::SlotHealth &health);

signals:
    void openRequested();
    void runNowRequested(qint64 definitionId);
    // Pause (true) or resume (false) the schedules: the agent answers with setSchedulesPaused().
    void pauseRequested(bool paused);
    void quitRequested();
    // A notification was shown (or would have been, without a tray host): tests and logs see it.
    void notified(const SyncBridge::Notification &notification);

private:
    void notify(const Notification &notification);
    void updateState();
    void fillRunMenu();
    QString nameOf(qint64 definitionId) const;

    AppContext m_context;
    RunNotifier m_notifier;
    QList<SyncDefinition> m_definitions;
    QSystemTrayIcon *m_icon;
    QMenu *m_menu;
    QMenu *m_runMenu;
    QAction *m_pause;
    State m_state = State::Ok;
    bool m_paused = false;
};

} // namespace SyncBridge

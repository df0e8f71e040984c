#include "tray/trayicon.h"

#include "common/backgroundtask.h"
#include "common/uilogging.h"
#include "common/uiresources.h"
#include "common/uisettings.h"

#include "store/definitionrepository.h"
#include "sync/runcontroller.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

namespace SyncBridge {
namespace {

QString iconPath(TrayIcon::State state)
{
    switch (state) {
    case TrayIcon::State::Ok:
        return QStringLiteral(":/icons/tray-ok.svg");
    case TrayIcon::State::Syncing:
        return QStringLiteral(":/icons/tray-syncing.svg");
    case TrayIcon::State::Paused:
        return QStringLiteral(":/icons/tray-paused.svg");
    case TrayIcon::State::Warning:
        return QStringLiteral(":/icons/tray-warning.svg");
    case TrayIcon::State::Error:
        return QStringLiteral(":/icons/tray-error.svg");
    }
    return {};
}

} // namespace

TrayIcon::TrayIcon(AppContext context, QObject *parent)
    : QObject(parent)
    , m_context(std::move(context))
    , m_icon((ensureUiResources(), new QSystemTrayIcon(this)))
    , m_menu(new QMenu)
    , m_runMenu(new QMenu(tr("Run Sync Now"), m_menu))
{
    m_menu->setObjectName(QStringLiteral("trayMenu"));
    m_runMenu->setObjectName(QStringLiteral("trayRunMenu"));
    m_runMenu->setIcon(QIcon(QStringLiteral(":/icons/run.svg")));
    connect(m_menu->addAction(QIcon(QStringLiteral(":/icons/syncbridge.svg")), tr("Open SyncBridge")), &QAction::triggered, this,
        &TrayIcon::openRequested);
    m_menu->addMenu(m_runMenu);
    m_pause = m_menu->addAction(tr("Pause schedules"));
    m_pause->setObjectName(QStringLiteral("trayPause"));
    connect(m_pause, &QAction::triggered, this, [this]() { emit pauseRequested(!m_paused); });
    setSchedulesAvailable(false);
    m_menu->addSeparator();
    connect(m_menu->addAction(tr("Quit SyncBridge")), &QAction::triggered, this, &TrayIcon::quitRequested);
    m_icon->setContextMenu(m_menu);
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            emit openRequested();
    });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayIcon::openRequested);
    if (m_context.runs) {
        connect(m_context.runs, &RunController::progress, this, &TrayIcon::updateState);
        connect(m_context.runs, &RunController::finished, this, &TrayIcon::updateState);
    }
    fillRunMenu();
    updateState();
    m_icon->show();
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a QMenu has no QObject parent here: the tray icon only points at it
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::reloadDefinitions()
{
    runInBackground(
        this, m_context.storePool, [store = m_context.store]() { return DefinitionRepository(*store).all(); },
        [this](Result<QList<SyncDefinition>> definitions) {
            if (!definitions) {
                qCWarning(lcUi) << "tray: cannot read the definitions:" << definitions.error().message();
                return;
            }
            m_definitions = *definitions;
            fillRunMenu();
            updateState();
        });
}

void TrayIcon::fillRunMenu()
{
    m_runMenu->clear();
    for (const SyncDefinition &definition : std::as_const(m_definitions)) {
        if (!definition.enabled)
            continue;
        QAction *run = m_runMenu->addAction(definition.name);
        connect(run, &QAction::triggered, this, [this, id = definition.id]() { emit runNowRequested(id); });
    }
    if (m_runMenu->isEmpty())
        m_runMenu->addAction(tr("No enabled definitions"))->setEnabled(false);
}

void TrayIcon::setSchedulesPaused(bool paused)
{
    m_paused = paused;
    m_pause->setText(paused ? tr("Resume schedules") : tr("Pause schedules"));
    updateState();
}

void TrayIcon::setSchedulesAvailable(bool available)
{
    m_pause->setEnabled(available);
    m_pause->setToolTip(
        available ? QString() : tr("This computer runs no schedules: turn on \"Run scheduled syncs on this computer\" in Settings."));
}

void TrayIcon::runFinished(qint64 definitionId, const RunOutcome &outcome, bool scheduled)
{
    if (outcome.dryRun)
        return;
    const QString reason = outcome.error ? outcome.error->message() : outcome.message;
    if (const std::optional<Notification> notification
        = m_notifier.runFinished(definitionId, nameOf(definitionId), outcome.status, reason, scheduled))
        notify(*notification);
    updateState();
}

void TrayIcon::deletionsHeld(qint64 definitionId, qint64 deletions)
{
    notify(m_notifier.deletionsHeld(definitionId, nameOf(definitionId), deletions));
    updateState();
}

void TrayIcon::slotAlerted(const SlotAlert &alert, const QString &name, const SlotHealth &health)
{
    notify(m_notifier.slotChanged(alert, name, health.findings.join(QLatin1Char(' '))));
    updateState();
}

void TrayIcon::notify(const Notification &notification)
{
    qCInfo(lcUi).noquote() << "notification:" << notification.title << "-" << notification.message;
    if (!UiSettings::notifications.value())
        return;
    const bool good = notification.kind == Notification::Kind::Recovered || notification.kind == Notification::Kind::SlotRecovered;
    const auto icon = good ? QSystemTrayIcon::Information : QSystemTrayIcon::Warning;
    if (m_icon->isVisible() && QSystemTrayIcon::supportsMessages())
        m_icon->showMessage(notification.title, notification.message, icon);
    emit notified(notification);
}

QString TrayIcon::nameOf(qint64 definitionId) const
{
    for (const SyncDefinition &definition : m_definitions) {
        if (definition.id == definitionId)
            return definition.name;
    }
    return tr("Definition %1").arg(definitionId);
}

QString TrayIcon::toolTip() const
{
    switch (m_state) {
    case State::Syncing: {
        const int running = m_context.runs ? int(m_context.runs->running().size()) : 0;
        return tr("SyncBridge — syncing (%n run(s))", nullptr, running);
    }
    case State::Paused:
        return tr("SyncBridge — schedules paused");
    case State::Error: {
        QStringList names;
        for (const qint64 id : m_notifier.failing())
            names << nameOf(id);
        names.sort();
        return tr("SyncBridge — failed: %1").arg(names.join(QStringLiteral(", ")));
    }
    case State::Warning:
        return tr("SyncBridge — a sync needs your attention");
    case State::Ok:
        break;
    }
    return tr("SyncBridge — up to date");
}

void TrayIcon::updateState()
{
    // Nextcloud's order: what happens now, then what the user chose, then what went wrong.
    State state = State::Ok;
    if (m_context.runs && !m_context.runs->running().isEmpty())
        state = State::Syncing;
    else if (m_paused)
        state = State::Paused;
    else if (m_notifier.hasFailures())
        state = State::Error;
    else if (m_notifier.hasWarnings())
        state = State::Warning;
    m_state = state;
    m_icon->setIcon(QIcon(iconPath(state)));
    m_icon->setToolTip(toolTip());
}

} // namespace SyncBridge

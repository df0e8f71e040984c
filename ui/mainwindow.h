#pragma once

#include "appcontext.h"

#include "model/definitionjson.h"
#include "store/definitionrepository.h"

#include <QMainWindow>

#include <functional>

class QListWidget;
class QStackedWidget;

namespace SyncBridge {

class CatalogPage;
class ConflictsPage;
class ConnectionsPage;
class DefinitionsPage;
class DesktopAgent;
class SlotWatch;
class NavigationPage;
class OverviewPage;
class RunsPage;
class SettingsPage;
class TrayIcon;
struct MassDeleteCheck;

// The main window: a navigation rail on the left, one page per entry on the right. Pages appear
// as their features exist (ARCHITECTURE.md §8 lists the full set); each is a NavigationPage.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(AppContext context, QWidget *parent = nullptr);
    ~MainWindow() override;

    OverviewPage *overviewPage() const { return m_overview; }
    ConnectionsPage *connectionsPage() const { return m_connections; }
    RunsPage *runsPage() const { return m_runs; }
    ConflictsPage *conflictsPage() const { return m_conflicts; }
    CatalogPage *catalogPage() const { return m_catalog; }
    DefinitionsPage *definitionsPage() const { return m_definitions; }
    SettingsPage *settingsPage() const { return m_settings; }
    TrayIcon *tray() const { return m_tray; }
    DesktopAgent *desktopAgent() const { return m_agent; }
    SlotWatch *slotWatch() const { return m_slotWatch; }
    QListWidget *navigationRail() const { return m_rail; }

    void showPage(QWidget *page);
    // Brings the window to the front (a second launch asks for this).
    void raiseToFront();
    // Validates a definitions file and imports all of it or nothing (the store's thread does the work).
    // Replacing synced definitions whose key or cursor changes asks first (see StateChange).
    void importDefinitions(const QString &path);
    // The tray's Quit: closes for real (asking first as closing does), never into the tray.
    void quitFromTray();

signals:
    // The window closed for real (not into the tray): the application quits.
    void closed();

protected:
    // With "Keep running in the tray" on and a tray there, closing hides the window into the tray.
    // Otherwise closing asks first while runs go (let them finish, cancel them, keep running in the
    // tray, or quit now: the runs are then recorded INTERRUPTED), then every page with unsaved work
    // (NavigationPage::leave).
    void closeEvent(QCloseEvent *event) override;

private:
    void showRow(int row);
    void leavePages(int from, std::function<void()> proceed);
    void askBeforeClosingMidRun();
    void runImport(const QString &path, DefinitionRepository::StateChange stateChange);
    void confirmImportReset(const QString &path, const QList<ValidationIssue> &resets);
    void showImportProblems(bool nothingImported, const QString &title, const QString &text, const QList<ValidationIssue> &problems);
    void addPage(NavigationPage *page);
    void askMassDelete(const MassDeleteCheck &check, std::function<void(bool)> answer);

    AppContext m_context;
    QListWidget *m_rail;
    QStackedWidget *m_pages;
    OverviewPage *m_overview;
    ConnectionsPage *m_connections;
    CatalogPage *m_catalog;
    DefinitionsPage *m_definitions;
    RunsPage *m_runs;
    ConflictsPage *m_conflicts;
    SettingsPage *m_settings;
    TrayIcon *m_tray;
    SlotWatch *m_slotWatch = nullptr;     // the slot guardian of the CDC definitions: card badges, tray notifications
    DesktopAgent *m_agent = nullptr;      // this computer's scheduling agent (Settings)
    QList<NavigationPage *> m_navigation; // in rail order: row i shows m_navigation[i]
    int m_shownRow = -1;                  // the page shown: the rail may already point elsewhere while it is asked
    bool m_closeApproved = false;         // every page agreed to the window closing
    bool m_closeAnyway = false;           // "Quit now": close without asking
    bool m_closeWhenIdle = false;         // close once the last run has finished
    bool m_quitting = false;              // the tray's Quit: close for real
};

} // namespace SyncBridge

#include "mainwindow.h"

#include "catalog/catalogpage.h"
#include "common/backgroundtask.h"
#include "common/focusringstyle.h"
#include "common/uiresources.h"
#include "common/uisettings.h"
#include "conflicts/conflictspage.h"
#include "connections/connectionspage.h"
#include "definitions/definitionspage.h"
#include "navigationpage.h"
#include "overview/overviewpage.h"
#include "runs/runspage.h"
#include "settings/settingspage.h"
#include "tray/desktopagent.h"
#include "tray/trayicon.h"

#include "agent/slotwatch.h"
#include "secrets/secretstore.h"
#include "store/definitionimporter.h"
#include "store/metastore.h"
#include "sync/runcontroller.h"

#include <QAction>
#include <QCloseEvent>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStatusBar>

namespace SyncBridge {

MainWindow::MainWindow(AppContext context, QWidget *parent)
    : QMainWindow(parent)
    , m_context(std::move(context))
    , m_rail(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_overview((ensureUiResources(), new OverviewPage(m_context, this)))
    , m_connections(new ConnectionsPage(m_context, this))
    , m_catalog(new CatalogPage(m_context, this))
    , m_definitions(new DefinitionsPage(m_context, this))
    , m_runs(new RunsPage(m_context, this))
    , m_conflicts(new ConflictsPage(m_context, this))
    , m_settings(new SettingsPage(this))
    , m_tray(new TrayIcon(m_context, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    installFocusRingStyle();
    setWindowTitle(tr("SyncBridge"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/syncbridge.svg")));

    m_rail->setObjectName(QStringLiteral("navigationRail"));
    m_rail->setViewMode(QListView::IconMode);
    m_rail->setFlow(QListView::TopToBottom);
    m_rail->setMovement(QListView::Static);
    m_rail->setWrapping(false);   // icon mode wraps into columns by default: one column, top to bottom
    m_rail->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_rail->setIconSize(QSize(28, 28));
    m_rail->setGridSize(QSize(96, 64));
    m_rail->setFixedWidth(100);
    m_rail->setFrameShape(QFrame::NoFrame);
    m_rail->setStyleSheet(QStringLiteral("QListWidget { background: palette(window); border-right: 1px solid palette(mid); }"));

    // The one list of pages: its order is the rail's and the shortcuts' (Ctrl+1 is the first).
    const QList<NavigationPage *> pages = {m_overview, m_connections, m_catalog, m_definitions, m_runs, m_conflicts, m_settings};
    for (NavigationPage *page : pages)
        addPage(page);
    connect(m_rail, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_shownRow < 0 || row == m_shownRow || row < 0) {
            showRow(row);
            return;
        }
        // The page shown may hold unsaved work: it is asked first, and the rail waits for its answer.
        {
            const QSignalBlocker blocker(m_rail);
            m_rail->setCurrentRow(m_shownRow);
        }
        m_navigation.at(m_shownRow)->leave([this, row]() {
            const QSignalBlocker blocker(m_rail);
            m_rail->setCurrentRow(row);
            showRow(row);
        });
    });
    const auto askForImport = [this]() {
        auto *dialog = new QFileDialog(this, tr("Import sync definitions"), QString(), tr("Definitions (*.json)"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::importDefinitions);
        dialog->open();
    };
    connect(m_overview, &OverviewPage::importRequested, this, askForImport);
    connect(m_definitions, &DefinitionsPage::importRequested, this, askForImport);
    connect(m_definitions, &DefinitionsPage::saved, m_overview, &OverviewPage::reload);
    // The welcome's guided steps open the existing dialogs and pages.
    connect(m_overview, &OverviewPage::addDatabaseRequested, this, [this]() {
        showPage(m_connections);
        m_connections->addDatabase();
    });
    connect(m_overview, &OverviewPage::addSharePointRequested, this, [this]() {
        showPage(m_connections);
        m_connections->addSharePointConnection();
    });
    connect(m_overview, &OverviewPage::newDefinitionRequested, this, [this]() {
        // Started once the page has read the catalog it shows (the tables to choose from).
        connect(m_definitions, &DefinitionsPage::loaded, m_definitions, &DefinitionsPage::createDefinition, Qt::SingleShotConnection);
        showPage(m_definitions);
    });
    connect(m_connections, &ConnectionsPage::saved, m_overview, &OverviewPage::reload);
    connect(m_catalog, &CatalogPage::definitionFromListRequested, this,
        [this](qint64 databaseId, const TableInfo &table, const SyncTarget &target) {
            showPage(m_definitions);
            m_definitions->createDefinitionFor(databaseId, table, target);
        });
    const auto runNow = [this](qint64 definitionId) {
        m_overview->startRun(definitionId, false);
        m_overview->openRunDialog(definitionId);
    };
    connect(m_definitions, &DefinitionsPage::runNowRequested, this, runNow);
    connect(m_conflicts, &ConflictsPage::runNowRequested, this, runNow);
    connect(m_conflicts, &ConflictsPage::decided, m_overview, &OverviewPage::refreshConflictCounts);
    connect(m_overview, &OverviewPage::conflictsRequested, this, [this](qint64 definitionId) {
        showPage(m_conflicts);
        m_conflicts->showDefinition(definitionId);
    });
    if (m_context.runs)
        m_context.runs->setMassDeleteApproval([this](qint64, const MassDeleteCheck &check, RunController::MassDeleteAnswer answer) {
            askMassDelete(check, std::move(answer));
        });
    if (m_context.runs)
        connect(m_context.runs, &RunController::finished, this, [this]() {
            if (m_closeWhenIdle && m_context.runs->running().isEmpty())
                QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection); // after the pages saw the outcome
        });
    connect(m_tray, &TrayIcon::openRequested, this, &MainWindow::raiseToFront);
    connect(m_tray, &TrayIcon::runNowRequested, m_overview, [this](qint64 definitionId) { m_overview->startRun(definitionId, false); });
    connect(m_tray, &TrayIcon::quitRequested, this, &MainWindow::quitFromTray);
    connect(m_overview, &OverviewPage::loaded, m_tray, &TrayIcon::reloadDefinitions); // the Run Sync Now menu follows the definitions
    if (m_context.runs)
        connect(m_context.runs, &RunController::finished, m_tray,
            [this](qint64 definitionId, const RunOutcome &outcome) { m_tray->runFinished(definitionId, outcome, false); });
    if (m_context.store && m_context.secrets) {
        // The slot guardian: every CDC slot read at start, every five minutes and after each run.
        m_slotWatch = new SlotWatch(m_context.store, *m_context.secrets, std::chrono::minutes(5), this);
        connect(m_slotWatch, &SlotWatch::checked, m_overview, &OverviewPage::setSlotHealth);
        connect(m_slotWatch, &SlotWatch::alerted, m_tray, &TrayIcon::slotAlerted);
        if (m_context.runs)
            connect(m_context.runs, &RunController::finished, m_slotWatch, &SlotWatch::checkNow);
        m_slotWatch->start();
    }
    m_agent = new DesktopAgent(m_context, m_tray, this); // after the line above: its scheduled outcomes come second
    connect(m_settings, &SettingsPage::changed, m_agent, &DesktopAgent::apply);
    connect(m_agent, &DesktopAgent::pausedChanged, m_overview, &OverviewPage::setSchedulesPausedHere);
    connect(m_agent, &DesktopAgent::changed, this, [this](const QString &problem) {
        if (!problem.isEmpty())
            statusBar()->showMessage(tr("Scheduled syncs do not run on this computer: %1").arg(problem));
        m_overview->reload(); // the Agents view
    });
    m_overview->reload();
    m_rail->setCurrentRow(qBound(0, UiSettings::currentPage.value(), m_pages->count() - 1));

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_rail);
    layout->addWidget(m_pages, 1);
    setCentralWidget(central);

    auto *storeLabel = new QLabel(tr("Meta-store: %1").arg(m_context.store->location().describe()), this);
    storeLabel->setObjectName(QStringLiteral("storeLabel"));
    statusBar()->addWidget(storeLabel, 1);
    statusBar()->addPermanentWidget(new QLabel(tr("Secrets: %1").arg(m_context.secrets->backendName()), this));

    resize(1100, 700);
    restoreGeometry(UiSettings::mainWindowGeometry.value());
    restoreState(UiSettings::mainWindowState.value());
}

MainWindow::~MainWindow()
{
    UiSettings::mainWindowGeometry.setValue(saveGeometry());
    UiSettings::mainWindowState.setValue(saveState());
    UiSettings::currentPage.setValue(m_rail->currentRow());
}

void MainWindow::askBeforeClosingMidRun()
{
    if (findChild<QMessageBox *>(QStringLiteral("closeWhileRunning")))
        return; // already asking
    auto *question = new QMessageBox(QMessageBox::Question, tr("A sync is running"),
        tr("Quitting now stops the running sync where it is: what it wrote is kept, the run is recorded as interrupted, and the "
           "next run finishes its work."),
        QMessageBox::NoButton, this);
    question->setObjectName(QStringLiteral("closeWhileRunning"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *finish = question->addButton(tr("Quit when it has finished"), QMessageBox::AcceptRole);
    finish->setObjectName(QStringLiteral("finishThenQuit"));
    QPushButton *cancel = question->addButton(tr("Cancel the run and quit"), QMessageBox::DestructiveRole);
    cancel->setObjectName(QStringLiteral("cancelAndQuit"));
    QPushButton *quit = question->addButton(tr("Quit now"), QMessageBox::DestructiveRole);
    quit->setObjectName(QStringLiteral("quitNow"));
    QPushButton *tray = nullptr;
    if (TrayIcon::isAvailable()) {
        tray = question->addButton(tr("Keep running in the tray"), QMessageBox::AcceptRole);
        tray->setObjectName(QStringLiteral("keepRunningInTray"));
    }
    QPushButton *stay = question->addButton(tr("Keep working"), QMessageBox::RejectRole);
    stay->setObjectName(QStringLiteral("keepWorking"));
    question->setDefaultButton(finish);
    question->setEscapeButton(stay);
    connect(question, &QMessageBox::finished, this, [this, question, finish, cancel, quit, tray]() {
        QAbstractButton *chosen = question->clickedButton();
        if (tray && chosen == tray) {
            m_quitting = false;
            hide(); // the runs go on; the tray's Open brings the window back
        } else if (chosen == quit) {
            m_closeAnyway = true;
            QMetaObject::invokeMethod(this, &QWidget::close, Qt::QueuedConnection);
        } else if (chosen == cancel) {
            m_closeWhenIdle = true;
            for (const qint64 definitionId : m_context.runs->running())
                m_overview->cancelRun(definitionId);
            statusBar()->showMessage(tr("Stopping the run; SyncBridge quits once what it wrote is recorded."));
        } else if (chosen == finish) {
            m_closeWhenIdle = true;
            statusBar()->showMessage(tr("SyncBridge quits when the run has finished."));
        } else {
            m_quitting = false; // "Keep working": a later close may go into the tray again
        }
    });
    question->open();
}

void MainWindow::addPage(NavigationPage *page)
{
    const int row = m_rail->count();
    const QKeySequence shortcut(Qt::CTRL | Qt::Key(Qt::Key_1 + row));
    const QString title = page->title();
    auto *item = new QListWidgetItem(page->icon(), title, m_rail);
    item->setTextAlignment(Qt::AlignHCenter | Qt::AlignBottom);
    item->setToolTip(tr("%1 (%2)").arg(title, shortcut.toString(QKeySequence::NativeText)));
    m_pages->addWidget(page->widget());
    m_navigation.append(page);
    auto *action = new QAction(title, this);
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, [this, row]() { m_rail->setCurrentRow(row); });
    addAction(action);
}

void MainWindow::showPage(QWidget *page)
{
    m_rail->setCurrentRow(m_pages->indexOf(page));
}

void MainWindow::showRow(int row)
{
    m_shownRow = row;
    m_pages->setCurrentIndex(row);
    if (row >= 0 && row < m_navigation.size())
        m_navigation.at(row)->activated();
}

void MainWindow::leavePages(int from, std::function<void()> proceed)
{
    if (from >= m_navigation.size()) {
        proceed();
        return;
    }
    m_navigation.at(from)->leave([this, from, proceed = std::move(proceed)]() mutable { leavePages(from + 1, std::move(proceed)); });
}

void MainWindow::quitFromTray()
{
    m_quitting = true;
    // A question (the running syncs, a page's unsaved work) needs the window: one asked from a
    // window hidden in the tray would never be seen, and SyncBridge would never quit.
    raiseToFront();
    close();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!m_quitting && !m_closeAnyway && !m_closeWhenIdle && UiSettings::keepRunningInTray.value() && TrayIcon::isAvailable()) {
        event->ignore();
        hide(); // runs and schedules go on in the tray
        return;
    }
    // First the runs (finish, cancel, or quit now), then every page with unsaved work.
    if (!m_closeAnyway && m_context.runs && !m_context.runs->running().isEmpty()) {
        event->ignore();
        askBeforeClosingMidRun();
        return;
    }
    if (m_closeApproved) {
        QMainWindow::closeEvent(event);
        emit closed();
        return;
    }
    // Pages that ask answer later: the window stays open until every page agreed, then closes again.
    auto asked = std::make_shared<bool>(false);
    auto agreed = std::make_shared<bool>(false);
    leavePages(0, [this, asked, agreed]() {
        *agreed = true;
        if (*asked) {
            m_closeApproved = true;
            close();
        }
    });
    *asked = true;
    if (*agreed) {
        m_closeApproved = true;
        QMainWindow::closeEvent(event);
        emit closed();
        return;
    }
    event->ignore();
}

void MainWindow::askMassDelete(const MassDeleteCheck &check, std::function<void(bool)> answer)
{
    // The run's worker waits for the answer; the window does not (the dialog opens with open()).
    auto *question = new QMessageBox(QMessageBox::Warning, tr("Delete %n item(s)?", nullptr, int(check.deletions)),
        tr("This run would delete %L1 of the %n item(s) in '%2' (%3 %), more than the definition allows without asking (%4 %).\n\n"
           "Rows gone from the source usually mean they were deleted on purpose — but a wrong filter or an emptied table looks the same. "
           "Check the source before you confirm.",
            nullptr, int(check.items))
            .arg(check.deletions)
            .arg(check.listName)
            .arg(100.0 * double(check.deletions) / double(qMax<qint64>(1, check.items)), 0, 'f', 1)
            .arg(100.0 * check.limit, 0, 'f', 0),
        QMessageBox::NoButton, this);
    question->setObjectName(QStringLiteral("massDeleteQuestion"));
    question->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = question->addButton(tr("Delete them"), QMessageBox::DestructiveRole);
    QPushButton *keep = question->addButton(tr("Keep the items"), QMessageBox::RejectRole);
    question->setDefaultButton(keep);
    connect(question, &QMessageBox::finished, question, [question, remove, answer = std::move(answer)]() { answer(question->clickedButton() == remove); });
    question->open();
}

void MainWindow::importDefinitions(const QString &path)
{
    runImport(path, DefinitionRepository::StateChange::Refuse);
}

void MainWindow::runImport(const QString &path, DefinitionRepository::StateChange stateChange)
{
    runInBackground(
        this, m_context.storePool,
        [store = m_context.store, secrets = m_context.secrets, path, stateChange]() -> Result<ImportOutcome> {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                return Error(ErrorCode::Io, tr("Cannot read %1: %2").arg(path, file.errorString()));
            // On the store's worker: the definitions are checked against their tables as they are now.
            const PasswordLookup passwords = [secrets](const DatabaseInstance &instance) -> Result<QString> {
                return instance.secretRef.isEmpty() ? Result<QString>(QString()) : readSecretBlocking(*secrets, instance.secretRef);
            };
            return SyncBridge::importDefinitions(*store, file.readAll(), stateChange, passwords);
        },
        [this, path](Result<ImportOutcome> outcome) {
            if (outcome && outcome->ok()) {
                statusBar()->showMessage(
                    tr("Definitions imported from %1: %L2 new, %L3 replaced.").arg(path).arg(outcome->created).arg(outcome->replaced),
                    8000);
                m_overview->reload();
                m_definitions->reload();
                if (!outcome->warnings.isEmpty())
                    showImportProblems(false, tr("Imported, with advice"),
                        tr("Imported from %1, with %n warning(s) worth a look.", nullptr, int(outcome->warnings.size())).arg(path),
                        outcome->warnings);
                return;
            }
            if (outcome && outcome->issues.isEmpty() && !outcome->resetsToConfirm.isEmpty()) {
                confirmImportReset(path, outcome->resetsToConfirm);
                return;
            }
            QList<ValidationIssue> problems;
            if (!outcome)
                problems.append({path, outcome.error().message()});
            else
                problems = outcome->issues;
            showImportProblems(true, tr("Nothing was imported"),
                tr("%n problem(s) in %1; nothing was imported.", nullptr, int(problems.size())).arg(path), problems);
        });
}

void MainWindow::confirmImportReset(const QString &path, const QList<ValidationIssue> &resets)
{
    QStringList reasons;
    for (const ValidationIssue &reset : resets)
        reasons << reset.message;
    auto *question = new QMessageBox(QMessageBox::Warning, tr("Reset the sync position?"),
        tr("The import changes how %n synced definition(s) read or identify their rows. Importing resets their sync position: the next "
           "run reads every row again and matches rows to the items they made, so nothing is duplicated.",
            nullptr, int(resets.size())),
        QMessageBox::Cancel, this);
    question->setObjectName(QStringLiteral("confirmImportReset"));
    question->setDetailedText(reasons.join(QLatin1Char('\n')));
    question->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *reset = question->addButton(tr("Import and Reset"), QMessageBox::AcceptRole);
    question->setDefaultButton(QMessageBox::Cancel);
    connect(question, &QMessageBox::finished, this, [this, question, reset, path]() {
        if (question->clickedButton() == reset)
            runImport(path, DefinitionRepository::StateChange::Reset);
        else
            statusBar()->showMessage(tr("Nothing was imported from %1.").arg(path), 8000);
    });
    question->open();
}

void MainWindow::showImportProblems(bool nothingImported, const QString &title, const QString &text, const QList<ValidationIssue> &problems)
{
    QStringList lines;
    for (const ValidationIssue &issue : problems)
        lines << QStringLiteral("%1: %2").arg(issue.path, issue.message);
    auto *box = new QMessageBox(nothingImported ? QMessageBox::Warning : QMessageBox::Information, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("importProblems"));
    box->setDetailedText(lines.join(QLatin1Char('\n')));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void MainWindow::raiseToFront()
{
    if (isMinimized())
        showNormal();
    show();
    raise();
    activateWindow();
}

} // namespace SyncBridge

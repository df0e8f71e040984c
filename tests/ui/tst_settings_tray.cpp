// The Settings page and the tray, offscreen, over the demo environment (real PostgreSQL, the real
// emulator, a SQLite meta-store): "Start at login" writes and removes the XDG autostart entry (HOME
// and XDG_CONFIG_HOME point into a throwaway folder), the tray's menu lists the enabled definitions
// and pauses the schedules, and the notifier's decisions on run outcomes (fail → recover) and on the
// slot guardian's verdicts (warning → OK).
#include "demowindow.h"
#include "testpaths.h"

#include "agent/scheduleragent.h"
#include "mainwindow.h"
#include "manualclock.h"
#include "overview/agentsview.h"
#include "overview/definitioncard.h"
#include "overview/overviewpage.h"
#include "settings/autostart.h"
#include "settings/settingspage.h"
#include "tray/desktopagent.h"
#include "tray/runnotifier.h"
#include "tray/trayicon.h"

#include "common/uisettings.h"
#include "store/definitionrepository.h"
#include "sync/cdc/slotalerts.h"
#include "sync/runcontroller.h"

#include <QAction>
#include <QCheckBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestSettingsTray : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;
    DemoWindow m_ui;
    MainWindow *m_window = nullptr;

    QStringList runMenuEntries() const
    {
        QStringList entries;
        for (QAction *action : m_window->tray()->menu()->findChild<QMenu *>(QStringLiteral("trayRunMenu"))->actions())
            entries << action->text();
        return entries;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_home.isValid());
        // The autostart entry goes under the config folder: a throwaway one (QStandardPaths' test
        // mode puts it under $HOME/.qttest/config, the real one under $XDG_CONFIG_HOME).
        qputenv("HOME", m_home.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toUtf8());
        qRegisterMetaType<Notification>();
        qRegisterMetaType<RunOutcome>();
        QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0")); // as main() sets it: the agent reports it
        QString error;
        QVERIFY2(m_ui.start(&error), qPrintable(error));
        QVERIFY2(m_ui.demo().importDefinitionsFile(demoDefinitionPath(), &error), qPrintable(error));
        m_window = m_ui.openWindow();
        m_window->resize(1000, 640);
        m_window->show();
    }

    void cleanupTestCase() { m_ui.stop(); }

    void startAtLoginWritesAndRemovesTheAutostartEntry()
    {
        SettingsPage *page = m_window->settingsPage();
        m_window->showPage(page);
        const QString entry = autostartEntryPath();
        QVERIFY2(entry.startsWith(m_home.path()), qPrintable(entry));
        QVERIFY(entry.endsWith(QStringLiteral("/autostart/syncbridge.desktop")));
        QVERIFY(!QFile::exists(entry));
        QVERIFY(!page->startAtLoginCheck()->isChecked());

        page->startAtLoginCheck()->click();
        QVERIFY(QFile::exists(entry));
        QFile file(entry);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        QVERIFY2(text.contains(QStringLiteral("[Desktop Entry]"))
                && text.contains(QStringLiteral("Exec=\"%1\" --tray").arg(QCoreApplication::applicationFilePath())),
            qPrintable(text));
        QVERIFY2(
            text.contains(QStringLiteral("\nIcon=io.github.syncbridge.SyncBridge\n")), qPrintable(text)); // the icon the package installs
        QProcess validate; // the Desktop Entry Specification, as desktop environments read it
        validate.start(QStringLiteral("desktop-file-validate"), {entry});
        QVERIFY(validate.waitForFinished());
        QVERIFY2(validate.exitStatus() == QProcess::NormalExit && validate.exitCode() == 0,
            qPrintable(QString::fromUtf8(validate.readAllStandardOutput() + validate.readAllStandardError())));
        QVERIFY(UiSettings::startAtLogin.value());

        page->keepRunningInTrayCheck()->click();
        page->runSchedulesCheck()->click();
        page->agentNameEdit()->setText(QStringLiteral("desk-42"));
        emit page->agentNameEdit()->editingFinished();
        QVERIFY(UiSettings::keepRunningInTray.value());
        QCOMPARE(UiSettings::agentName.value(), QStringLiteral("desk-42"));
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("settings-page.png"))));

        page->startAtLoginCheck()->click();
        QVERIFY(!QFile::exists(entry));
        QVERIFY(!UiSettings::startAtLogin.value());

        // The file is the truth: an entry written by hand shows as on when the page is shown again.
        QVERIFY(setStartAtLogin(true, QStringLiteral("/opt/syncbridge/bin/syncbridge")).ok());
        page->activated();
        QVERIFY(page->startAtLoginCheck()->isChecked());
        QVERIFY(setStartAtLogin(false, {}).ok());
        page->keepRunningInTrayCheck()->click();
        page->runSchedulesCheck()->click(); // off again: the agent tests turn it on with their clock
        QVERIFY(!UiSettings::runSchedules.value());
        QTRY_VERIFY(m_window->desktopAgent()->agent() == nullptr);
    }

    void theTrayMenuListsTheEnabledDefinitionsAndPausesTheSchedules()
    {
        TrayIcon *tray = m_window->tray();
        QTRY_COMPARE(runMenuEntries(), QStringList{QStringLiteral("Demo projects to SharePoint")});
        QCOMPARE(tray->state(), TrayIcon::State::Ok);
        QCOMPARE(tray->toolTip(), QStringLiteral("SyncBridge — up to date"));

        // No agent on this computer: nothing to pause.
        QVERIFY(!tray->pauseAction()->isEnabled());
        QVERIFY(m_window->desktopAgent()->agent() == nullptr);
        m_window->settingsPage()->runSchedulesCheck()->click();
        QTRY_VERIFY(m_window->desktopAgent()->agent() && m_window->desktopAgent()->agent()->isActive());
        QVERIFY(tray->pauseAction()->isEnabled());

        tray->pauseAction()->trigger();
        QVERIFY(m_window->desktopAgent()->agent()->isPaused()); // the agent's pause
        QTRY_COMPARE(tray->state(), TrayIcon::State::Paused);
        QCOMPARE(tray->pauseAction()->text(), QStringLiteral("Resume schedules"));
        QCOMPARE(tray->toolTip(), QStringLiteral("SyncBridge — schedules paused"));

        // The menu and its Run Sync Now submenu side by side, as they open.
        tray->menu()->adjustSize();
        QMenu *runMenu = tray->menu()->findChild<QMenu *>(QStringLiteral("trayRunMenu"));
        runMenu->adjustSize();
        const QPixmap menu = tray->menu()->grab(), submenu = runMenu->grab();
        QPixmap both(menu.width() + submenu.width() - 4, qMax(menu.height(), submenu.height() + 22));
        both.fill(Qt::transparent);
        QPainter painter(&both);
        painter.drawPixmap(0, 0, menu);
        painter.drawPixmap(menu.width() - 4, 22, submenu);
        painter.end();
        QVERIFY(both.save(QDir(artifactDirectory()).filePath(QStringLiteral("tray-menu.png"))));
        tray->pauseAction()->trigger();
        QVERIFY(!m_window->desktopAgent()->agent()->isPaused());
        QTRY_COMPARE(tray->state(), TrayIcon::State::Ok);
        m_window->settingsPage()->runSchedulesCheck()->click();
        QTRY_VERIFY(m_window->desktopAgent()->agent() == nullptr);
        QVERIFY(!tray->pauseAction()->isEnabled());

        // Run Sync Now from the menu starts that definition's run.
        QSignalSpy finished(m_ui.runs(), &RunController::finished);
        runMenu->actions().constFirst()->trigger();
        QVERIFY(finished.wait(60000));
        const qint64 demoId = DefinitionRepository(*m_ui.demo().store()).byName(QStringLiteral("Demo projects to SharePoint"))->id;
        QCOMPARE(finished.at(0).at(0).toLongLong(), demoId);

        // A disabled definition is not offered.
        auto stored = DefinitionRepository(*m_ui.demo().store()).byName(QStringLiteral("Demo projects to SharePoint"));
        QVERIFY(stored.ok());
        SyncDefinition disabled = *stored;
        disabled.enabled = false;
        QVERIFY(DefinitionRepository(*m_ui.demo().store()).save(disabled).ok());
        tray->reloadDefinitions();
        QTRY_COMPARE(runMenuEntries(), QStringList{QStringLiteral("No enabled definitions")});
        disabled.enabled = true;
        QVERIFY(DefinitionRepository(*m_ui.demo().store()).save(disabled).ok());
        tray->reloadDefinitions();
        QTRY_COMPARE(runMenuEntries(), QStringList{QStringLiteral("Demo projects to SharePoint")});
    }

    void aFailedScheduledRunNotifiesAndTheNextSuccessNotifiesRecovery()
    {
        // The demo definition every minute; the agent's clock 90 s on from when it was saved: one
        // occurrence is due. The source table is renamed away, so the run fails at its start.
        DefinitionRepository definitions(*m_ui.demo().store());
        SyncDefinition definition = definitions.byName(QStringLiteral("Demo projects to SharePoint")).value();
        definition.scheduleCron = QStringLiteral("* * * * *");
        definition.scheduleTimeZone = QStringLiteral("UTC");
        QVERIFY(definitions.save(definition).ok());
        QVERIFY(m_ui.demo().postgres().query(QStringLiteral("demo"), QStringLiteral("ALTER TABLE projects RENAME TO projects_away")).ok());
        ManualClock clock(QDateTime::currentDateTimeUtc().addSecs(90));
        m_window->desktopAgent()->setClock(&clock);
        TrayIcon *tray = m_window->tray();
        QSignalSpy notified(tray, &TrayIcon::notified);
        m_window->settingsPage()->runSchedulesCheck()->click();
        QTRY_VERIFY_WITH_TIMEOUT(notified.count() >= 1, 60000);
        auto first = notified.at(0).at(0).value<Notification>();
        QCOMPARE(first.kind, Notification::Kind::Failed);
        QCOMPARE(first.title, QStringLiteral("Scheduled sync failed: Demo projects to SharePoint"));
        QVERIFY2(!first.message.isEmpty(), "the reason");
        QTRY_COMPARE(tray->state(), TrayIcon::State::Error);
        QVERIFY2(tray->toolTip().contains(QStringLiteral("Demo projects to SharePoint")), qPrintable(tray->toolTip()));
        QCOMPARE(notified.count(), 1);

        // The Agents view lists this computer's agent under its name, with what it runs.
        AgentsView *agents = m_window->overviewPage()->agentsView();
        m_window->showPage(m_window->overviewPage());
        agents->reload();
        QTRY_VERIFY(!agents->tree()->findItems(QStringLiteral("desk-42"), Qt::MatchExactly).isEmpty());
        QTreeWidgetItem *row = agents->tree()->findItems(QStringLiteral("desk-42"), Qt::MatchExactly).constFirst();
        QCOMPARE(row->text(1), QSysInfo::machineHostName());
        QCOMPARE(row->text(2), QStringLiteral("0.1.0"));
        QCOMPARE(row->text(4), QStringLiteral("idle"));
        QTRY_VERIFY(agents->height() >= agents->sizeHint().height()); // laid out before the picture
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("agents-view.png"))));

        // The table is back; the next minute's run succeeds: "works again".
        QVERIFY(m_ui.demo().postgres().query(QStringLiteral("demo"), QStringLiteral("ALTER TABLE projects_away RENAME TO projects")).ok());
        clock.advance(60 * 1000);
        m_window->desktopAgent()->agent()->checkNow();
        QTRY_VERIFY_WITH_TIMEOUT(notified.count() >= 2, 120000);
        const auto second = notified.at(1).at(0).value<Notification>();
        QCOMPARE(second.kind, Notification::Kind::Recovered);
        QCOMPARE(second.title, QStringLiteral("Demo projects to SharePoint works again"));
        QTRY_COMPARE(tray->state(), TrayIcon::State::Ok);

        // Paused from the tray: the card says the schedule waits on this computer.
        const auto scheduleLine
            = [this]() { return m_window->overviewPage()->cards().constFirst()->findChild<QLabel *>(QStringLiteral("schedule"))->text(); };
        QTRY_VERIFY(scheduleLine().startsWith(QStringLiteral("Next run ")));
        tray->pauseAction()->trigger();
        QTRY_VERIFY2(scheduleLine().endsWith(QStringLiteral(" — schedules paused on this computer")), qPrintable(scheduleLine()));
        tray->pauseAction()->trigger();
        QTRY_VERIFY2(scheduleLine().endsWith(QStringLiteral("(UTC)")), qPrintable(scheduleLine()));
        // The agent stays on: closing the window with it running must be clean (cleanupTestCase).
    }

    void theNotifierSaysFailureOnceAndThenRecovery()
    {
        RunNotifier notifier;
        QVERIFY(!notifier.runFinished(1, QStringLiteral("Nightly"), RunStatus::Failed, QStringLiteral("down"), false)); // by hand: seen
        const auto failed
            = notifier.runFinished(1, QStringLiteral("Nightly"), RunStatus::Failed, QStringLiteral("SharePoint is down"), true);
        QVERIFY(failed);
        QCOMPARE(failed->kind, Notification::Kind::Failed);
        QCOMPARE(failed->title, QStringLiteral("Scheduled sync failed: Nightly"));
        QCOMPARE(failed->message, QStringLiteral("SharePoint is down"));
        QVERIFY(notifier.hasFailures());
        QVERIFY(
            !notifier.runFinished(1, QStringLiteral("Nightly"), RunStatus::Failed, QStringLiteral("still down"), true)); // once per streak
        QVERIFY(!notifier.runFinished(1, QStringLiteral("Nightly"), RunStatus::Cancelled, {}, true));
        QVERIFY(!notifier.runFinished(2, QStringLiteral("Other"), RunStatus::Succeeded, {}, true)); // nothing to recover from
        const auto recovered = notifier.runFinished(1, QStringLiteral("Nightly"), RunStatus::Succeeded, {}, true);
        QVERIFY(recovered);
        QCOMPARE(recovered->kind, Notification::Kind::Recovered);
        QVERIFY(!notifier.hasFailures());
        QVERIFY(!notifier.runFinished(1, QStringLiteral("Nightly"), RunStatus::Succeeded, {}, true)); // said once
        const Notification held = notifier.deletionsHeld(3, QStringLiteral("Archive"), 1200);
        QCOMPARE(held.kind, Notification::Kind::DeletionsHeld);
        QVERIFY2(held.message.contains(QStringLiteral("1,200 item(s)")) || held.message.contains(QStringLiteral("1200 item(s)")),
            qPrintable(held.message));
        QVERIFY(notifier.hasWarnings());
    }

    void aSlotEnteringWarningNotifiesOnceAndItsRecoveryToo()
    {
        // As the window's SlotWatch does: each reading goes through SlotAlerts, a change reaches the tray.
        TrayIcon *tray = m_window->tray();
        QSignalSpy notified(tray, &TrayIcon::notified);
        SlotAlerts alerts;
        const auto read = [&](SlotSeverity severity, const QStringList &findings) {
            if (const auto alert = alerts.observe(42, severity))
                tray->slotAlerted(*alert, QStringLiteral("Orders CDC"), SlotHealth{severity, findings});
        };
        read(SlotSeverity::Ok, {});
        QCOMPARE(notified.count(), 0);
        const QString behind = QStringLiteral("The slot is 1.5 GiB behind the server's WAL.");
        read(SlotSeverity::Warning, {behind});
        QCOMPARE(notified.count(), 1);
        const auto warned = notified.at(0).at(0).value<Notification>();
        QCOMPARE(warned.kind, Notification::Kind::SlotAlert);
        QCOMPARE(warned.definitionId, qint64(42));
        QCOMPARE(warned.title, QStringLiteral("Replication slot Warning: Orders CDC"));
        QCOMPARE(warned.message, behind);
        read(SlotSeverity::Warning, {behind}); // every five minutes the same: said once
        QCOMPARE(notified.count(), 1);
        read(SlotSeverity::Ok, {});
        QCOMPARE(notified.count(), 2);
        const auto recovered = notified.at(1).at(0).value<Notification>();
        QCOMPARE(recovered.kind, Notification::Kind::SlotRecovered);
        QCOMPARE(recovered.title, QStringLiteral("Replication slot OK again: Orders CDC"));

        // While a slot is not OK the icon has something to show.
        RunNotifier notifier;
        QVERIFY(!notifier.hasWarnings());
        notifier.slotChanged({7, SlotSeverity::Ok, SlotSeverity::Lost}, QStringLiteral("Lost one"), behind);
        QVERIFY(notifier.hasWarnings());
        notifier.slotChanged({7, SlotSeverity::Lost, SlotSeverity::Ok}, QStringLiteral("Lost one"), {});
        QVERIFY(!notifier.hasWarnings());
    }
};

QTEST_MAIN(TestSettingsTray)
#include "tst_settings_tray.moc"

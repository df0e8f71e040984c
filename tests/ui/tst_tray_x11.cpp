// The tray under a real X server (tests/support/with-xvfb.sh: Xvfb with trayer as the tray host),
// over the demo environment: the tray icon docks, closing the window with "Keep running in the
// tray" on leaves SyncBridge in the tray, closing it mid-run with the setting off asks first (and
// offers the tray) instead of quitting, and a notification shows as the tray's balloon.
#include "demowindow.h"
#include "testpaths.h"

#include "overview/definitioncard.h"
#include "overview/overviewpage.h"
#include "tray/trayicon.h"

#include "common/uisettings.h"
#include "store/runrepository.h"

#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSystemTrayIcon>
#include <QTest>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestTrayX11 : public QObject
{
    Q_OBJECT

private:
    DemoWindow m_ui;
    MainWindow *m_window = nullptr;

    void blockSharePoint(bool blocked)
    {
        QCOMPARE(m_ui.demo()
                     .emulator()
                     .admin("PATCH", QStringLiteral("/config"),
                         {{QStringLiteral("throttling"), QJsonObject{{QStringLiteral("blocked"), blocked}}}})
                     .status,
            200);
    }

    DefinitionCard *demoCard() const
    {
        for (DefinitionCard *card : m_window->overviewPage()->cards()) {
            if (card->findChild<QLabel *>(QStringLiteral("cardTitle"))->text() == QLatin1String("Demo projects to SharePoint"))
                return card;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        if (QGuiApplication::platformName() != QLatin1String("xcb"))
            QSKIP("needs a real X server: run through tests/support/with-xvfb.sh (ctest does)");
        QApplication::setQuitOnLastWindowClosed(false); // as main() does: the window hides into the tray
        qRegisterMetaType<Notification>();
        QString error;
        QVERIFY2(m_ui.start(&error), qPrintable(error));
        QVERIFY2(m_ui.demo().importDefinitionsFile(demoDefinitionPath(), &error), qPrintable(error));
        m_window = m_ui.openWindow();
        QSignalSpy loaded(m_window->overviewPage(), &OverviewPage::loaded);
        m_window->resize(1100, 700);
        m_window->show();
        QVERIFY(loaded.wait());
        QTRY_VERIFY(demoCard() != nullptr);
    }

    void cleanupTestCase() { m_ui.stop(); }

    void theTrayIconDocks()
    {
        QTRY_VERIFY_WITH_TIMEOUT(TrayIcon::isAvailable(), 15000); // trayer took the tray selection
        QTRY_VERIFY(m_window->tray()->icon()->isVisible());
        QVERIFY(m_window->tray()->icon()->geometry().isValid()); // docked: the tray host gave it a place
    }

    void closingWithTheSettingOnKeepsRunningInTheTray()
    {
        UiSettings::keepRunningInTray.setValue(true);
        QVERIFY(m_window->isVisible());
        QSignalSpy closed(m_window, &MainWindow::closed);
        QVERIFY(!m_window->close()); // hidden, not closed
        QVERIFY(!m_window->isVisible());
        QCOMPARE(closed.count(), 0);
        QVERIFY(m_window->tray()->icon()->isVisible());
        emit m_window->tray()->openRequested(); // the tray's "Open SyncBridge"
        QTRY_VERIFY(m_window->isVisible());
        UiSettings::keepRunningInTray.setValue(false);
    }

    void closingMidRunWithTheSettingOffAsksFirst()
    {
        blockSharePoint(true); // the run waits for SharePoint: it is still going when the window closes
        m_window->overviewPage()->startRun(demoCard()->definitionId(), false);
        QTRY_VERIFY(!m_ui.runs()->running().isEmpty());
        QSignalSpy closed(m_window, &MainWindow::closed);
        QVERIFY(!m_window->close());
        QVERIFY(m_window->isVisible()); // not quit: it asks
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = m_window->findChild<QMessageBox *>(QStringLiteral("closeWhileRunning"))));
        QPushButton *tray = question->findChild<QPushButton *>(QStringLiteral("keepRunningInTray"));
        QVERIFY(tray != nullptr); // a tray is there: it is offered
        QVERIFY(question->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("close-while-running-tray.png"))));
        QTest::mouseClick(tray, Qt::LeftButton);
        QTRY_VERIFY(!m_window->isVisible());
        QCOMPARE(closed.count(), 0);
        QVERIFY(!m_ui.runs()->running().isEmpty());                        // the run goes on in the tray
        QTRY_COMPARE(m_window->tray()->state(), TrayIcon::State::Syncing); // at its first progress

        blockSharePoint(false);
        QTRY_VERIFY_WITH_TIMEOUT(m_ui.runs()->running().isEmpty(), 120000);
        m_window->raiseToFront();
        QTRY_VERIFY(m_window->isVisible());
    }

    void aNotificationShowsAsTheTraysMessage()
    {
        UiSettings::notifications.setValue(true);
        QSignalSpy notified(m_window->tray(), &TrayIcon::notified);
        RunOutcome failed;
        failed.status = RunStatus::Failed;
        failed.error = Error(ErrorCode::ConnectionRefused, QStringLiteral("SharePoint did not answer (connection refused)."));
        m_window->tray()->runFinished(demoCard()->definitionId(), failed, true);
        QCOMPARE(notified.count(), 1);
        QCOMPARE(m_window->tray()->state(), TrayIcon::State::Error);
        QWidget *balloon = nullptr;
        const auto findBalloon = [&]() {
            for (QWidget *widget : QApplication::topLevelWidgets()) {
                if (widget->isVisible() && QByteArray(widget->metaObject()->className()) == "QBalloonTip")
                    balloon = widget;
            }
            return balloon != nullptr;
        };
        QTRY_VERIFY(findBalloon()); // Qt's own message balloon next to the docked icon
        QVERIFY(balloon->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("tray-notification.png"))));
    }
};

QTEST_MAIN(TestTrayX11)
#include "tst_tray_x11.moc"

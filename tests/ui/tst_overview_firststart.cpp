// A first start: the store knows no connection and no definition. The Overview welcomes with the
// guided path (database → SharePoint → definition → preview → run); each step opens the existing
// dialog or page, and the step indicator follows what the store holds as the path is walked — with
// the real PostgreSQL and emulator behind it. The empty Definitions page shows no red errors.
#include "demowindow.h"
#include "testpaths.h"

#include "connections/connectionspage.h"
#include "connections/databasedialog.h"
#include "connections/sharepointdialog.h"
#include "definitions/definitionspage.h"
#include "mainwindow.h"
#include "overview/overviewpage.h"
#include "overview/welcomepanel.h"

#include "store/connectionrepository.h"
#include "sync/runcontroller.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestOverviewFirstStart : public QObject
{
    Q_OBJECT

private:
    DemoWindow m_ui;
    MainWindow *m_window = nullptr;

    WelcomePanel *welcome() const { return m_window->overviewPage()->welcome(); }

    QList<bool> stepsDone() const
    {
        QList<bool> done;
        for (int step = 0; step < WelcomePanel::StepCount; ++step)
            done << welcome()->isDone(WelcomePanel::Step(step));
        return done;
    }

    void reloadOverview()
    {
        QSignalSpy loaded(welcome(), &WelcomePanel::loaded);
        m_window->overviewPage()->reload();
        QVERIFY(loaded.wait());
    }

    template<typename Dialog> void clickOpens(WelcomePanel::Step step, QWidget *page)
    {
        m_window->showPage(m_window->overviewPage());
        QTRY_VERIFY(welcome()->isVisible());
        QTest::mouseClick(welcome()->button(step), Qt::LeftButton);
        Dialog *dialog = nullptr;
        QTRY_VERIFY((dialog = m_window->findChild<Dialog *>()) != nullptr);
        QVERIFY(dialog->isVisible());
        QVERIFY(page->isVisible());
        dialog->reject();
        QTRY_VERIFY(m_window->findChild<Dialog *>() == nullptr);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_ui.start(&error), qPrintable(error));
        // A first start: the demo's connections are taken out of the store before the window opens.
        ConnectionRepository connections(*m_ui.demo().store());
        QVERIFY(connections.removeDatabase(m_ui.demo().database().id).ok());
        QVERIFY(connections.removeSharePointConnection(m_ui.demo().sharePointConnection().id).ok());
        m_window = m_ui.openWindow();
        QSignalSpy loaded(welcome(), &WelcomePanel::loaded);
        m_window->show();
        QVERIFY(loaded.wait());
    }

    void cleanupTestCase() { m_ui.stop(); }

    void aFirstStartWelcomesWithTheSteps()
    {
        QVERIFY(welcome()->isVisible());
        QCOMPARE(stepsDone(), QList<bool>(WelcomePanel::StepCount, false));
        for (const WelcomePanel::Step step : {WelcomePanel::DatabaseStep, WelcomePanel::SharePointStep, WelcomePanel::DefinitionStep})
            QVERIFY(welcome()->button(step)->isVisible() && welcome()->button(step)->isEnabled());
        QCOMPARE(welcome()->button(WelcomePanel::DatabaseStep)->text(), QStringLiteral("Add a database…"));
        QCOMPARE(welcome()->button(WelcomePanel::SharePointStep)->text(), QStringLiteral("Add a SharePoint connection…"));
        QCOMPARE(welcome()->button(WelcomePanel::DefinitionStep)->text(), QStringLiteral("New definition"));
        QVERIFY(!welcome()->button(WelcomePanel::PreviewStep)->isEnabled());                               // needs a definition first
        QVERIFY(welcome()->stepLabel(WelcomePanel::DatabaseStep)->text().contains(QStringLiteral("<b>"))); // the next step
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("first-start.png"))));
    }

    void eachWelcomeActionOpensItsDialog()
    {
        clickOpens<DatabaseDialog>(WelcomePanel::DatabaseStep, m_window->connectionsPage());
        clickOpens<SharePointDialog>(WelcomePanel::SharePointStep, m_window->connectionsPage());

        m_window->showPage(m_window->overviewPage());
        QTest::mouseClick(welcome()->button(WelcomePanel::DefinitionStep), Qt::LeftButton);
        DefinitionsPage *definitions = m_window->definitionsPage();
        QTRY_VERIFY(definitions->isVisible());
        QTRY_COMPARE(definitions->list()->count(), 1);
        QVERIFY(definitions->list()->item(0)->text().startsWith(QStringLiteral("New definition")));
        definitions->deleteSelected(); // never saved: dropped
        QTRY_COMPARE(definitions->list()->count(), 0);
    }

    void anEmptyDefinitionsPageShowsNoErrors()
    {
        DefinitionsPage *definitions = m_window->definitionsPage();
        m_window->showPage(m_window->overviewPage());
        QSignalSpy loaded(definitions, &DefinitionsPage::loaded);
        m_window->showPage(definitions); // read again as a user coming to the page finds it
        QVERIFY(loaded.wait());
        QCOMPARE(definitions->list()->count(), 0);
        QStringList red;
        for (const QLabel *label : definitions->findChildren<QLabel *>()) {
            if (label->isVisibleTo(definitions) && !label->text().isEmpty() && label->styleSheet().contains(QStringLiteral("#c62828")))
                red << label->text();
        }
        QVERIFY2(red.isEmpty(), qPrintable(red.join(QStringLiteral(" | "))));
        QVERIFY(definitions->message().contains(QStringLiteral("No definitions yet")));
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("definitions-empty.png"))));
    }

    void theGuidedPathAdvancesWithWhatIsDone()
    {
        m_window->showPage(m_window->overviewPage());
        // database and SharePoint connection (as the dialogs save them)
        ConnectionRepository connections(*m_ui.demo().store());
        Database database = m_ui.demo().database();
        database.id = 0;
        for (DatabaseInstance &instance : database.instances)
            instance.id = 0;
        QVERIFY(connections.saveDatabase(database).ok());
        reloadOverview();
        QCOMPARE(stepsDone(), (QList<bool>{true, false, false, false, false}));
        QVERIFY(welcome()->stepLabel(WelcomePanel::SharePointStep)->text().contains(QStringLiteral("<b>")));
        SharePointConnection sharePoint = m_ui.demo().sharePointConnection();
        sharePoint.id = 0;
        QVERIFY(connections.saveSharePointConnection(sharePoint).ok());
        reloadOverview();
        QCOMPARE(stepsDone(), (QList<bool>{true, true, false, false, false}));

        // a definition (imported here; the editor's Save does the same)
        QSignalSpy loaded(welcome(), &WelcomePanel::loaded);
        m_window->importDefinitions(demoDefinitionPath());
        QVERIFY(loaded.wait());
        QCOMPARE(stepsDone(), (QList<bool>{true, true, true, false, false}));
        QVERIFY(welcome()->button(WelcomePanel::PreviewStep)->isEnabled());

        // Preview from the welcome: a dry run in the run dialog, then the step is ticked
        QSignalSpy finished(m_ui.runs(), &RunController::finished);
        QTest::mouseClick(welcome()->button(WelcomePanel::PreviewStep), Qt::LeftButton);
        QVERIFY(finished.wait(180000));
        QTRY_COMPARE(stepsDone(), (QList<bool>{true, true, true, true, false}));
        QVERIFY(welcome()->isVisible());
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("first-start-guided.png"))));
    }
};

QTEST_MAIN(TestOverviewFirstStart)
#include "tst_overview_firststart.moc"

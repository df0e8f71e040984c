// What the Overview and Runs suites share: the demo (a real PostgreSQL with the demo data, the real
// Graph emulator, a real SQLite meta-store) in a main window on the Overview, and the helpers that
// drive its cards, block SharePoint and read the run history.
#pragma once

#include "demowindow.h"
#include "englishplurals.h"
#include "runhistory.h"
#include "testpaths.h"

#include "mainwindow.h"
#include "overview/definitioncard.h"
#include "overview/overviewpage.h"
#include "runs/budgetbar.h"
#include "runs/rundialog.h"
#include "runs/runprogressview.h"
#include "runs/runsmodel.h"
#include "runs/runspage.h"

#include "secrets/secretstore.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "sync/interruptedruns.h"
#include "sync/runcontroller.h"
#include "sync/runtext.h"

#include <QAbstractButton>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QHostInfo>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <QTranslator>
#include <QTreeWidget>

namespace SyncBridge::Test {

class OverviewTestBase : public QObject
{
protected:
    DemoWindow m_ui;
    DemoEnvironment &m_demo = m_ui.demo();
    PostgresFixture &m_postgres = m_demo.postgres();
    EmulatorProcess &m_emulator = m_demo.emulator();
    std::shared_ptr<MetaStore> m_store;
    RunController *m_runs = nullptr;
    MainWindow *m_window = nullptr;

    // English plural forms, then the window on the Overview page (settings cleared).
    void openOverview()
    {
        QVERIFY(installEnglishPlurals(this));
        qRegisterMetaType<RunOutcome>();
        QString error;
        QVERIFY2(m_ui.start(&error), qPrintable(error)); // also clears QSettings: the window opens on the Overview page
        m_store = m_demo.store();
        showWindow();
    }

    // A window over the running services, shown on the Overview once its cards are loaded.
    void showWindow()
    {
        m_window = m_ui.openWindow();
        m_runs = m_ui.runs();
        QSignalSpy overviewLoaded(overview(), &OverviewPage::loaded);
        m_window->resize(1280, 800);
        m_window->show();
        QVERIFY(overviewLoaded.wait());
    }

    OverviewPage *overview() const { return m_window->overviewPage(); }
    RunsPage *runsPage() const { return m_window->runsPage(); }
    QString sql(const QString &statement) { return m_postgres.query(QStringLiteral("demo"), statement).value(); }

    DefinitionCard *card(const QString &name) const
    {
        for (DefinitionCard *card : overview()->cards()) {
            if (card->findChild<QLabel *>(QStringLiteral("cardTitle"))->text() == name)
                return card;
        }
        return nullptr;
    }

    void screenshot(const QString &name) { QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(name))); }

    // Clicks Run Sync Now (or Dry run) on a card and waits for the run's end.
    RunOutcome runFromCard(const QString &definition, bool dryRun = false)
    {
        QSignalSpy finished(m_runs, &RunController::finished);
        DefinitionCard *target = card(definition);
        QTest::mouseClick(dryRun ? target->dryRunButton() : target->runButton(), Qt::LeftButton);
        if (!finished.wait(180000))
            return {};
        return finished.constFirst().at(1).value<RunOutcome>();
    }

    void blockSharePoint(bool blocked)
    {
        QCOMPARE(m_emulator
                     .admin("PATCH", QStringLiteral("/config"),
                         {{QStringLiteral("throttling"), QJsonObject{{QStringLiteral("blocked"), blocked}}}})
                     .status,
            200);
    }

    // Graph requests (and batch items) the emulator refused so far: while it is blocked, every one it got.
    int refusedSoFar() { return m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("throttled")).toInt(); }

    std::optional<SyncRun> newestRun(qint64 definitionId)
    {
        RunFilter filter;
        filter.definitionId = definitionId;
        filter.limit = 1;
        const auto runs = RunRepository(*m_store).runs(filter);
        return runs && !runs->isEmpty() ? std::optional<SyncRun>(runs->constFirst()) : std::nullopt;
    }

    // Starts the demo push from its card while SharePoint answers 503 to everything, and waits
    // until the run is recorded and waits for SharePoint; *runId is the run's id.
    void startRunDuringAnOutage(qint64 *runId)
    {
        blockSharePoint(true);
        DefinitionCard *demo = card(QStringLiteral("Demo projects to SharePoint"));
        const std::optional<SyncRun> before = newestRun(demo->definitionId());
        QTest::mouseClick(demo->runButton(), Qt::LeftButton);
        const auto started = [&]() {
            const std::optional<SyncRun> now = newestRun(demo->definitionId());
            return now && (!before || now->id != before->id) && now->status == RunStatus::Running;
        };
        QTRY_VERIFY_WITH_TIMEOUT(started(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(refusedSoFar() > 0, 30000);
        *runId = newestRun(demo->definitionId())->id;
    }

    // A fresh window and services over the same store (after one was closed).
    void reopenWindow()
    {
        m_ui.stop();
        QSettings().clear(); // the window opens on the Overview, not on the page the last one was left on
        showWindow();
        if (QTest::currentTestFailed())
            return;
        if (!card(QStringLiteral("Demo projects to SharePoint"))) { // the slot runs on its own
            QSignalSpy loaded(overview(), &OverviewPage::loaded);
            m_window->importDefinitions(demoDefinitionPath());
            QVERIFY(loaded.wait());
        }
    }
};

} // namespace SyncBridge::Test

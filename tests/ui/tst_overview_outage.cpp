// Runs while SharePoint is down, and the window closed mid-run, driven through the Overview's cards
// and the run dialog against the real emulator answering 503 to everything: Cancel stops at once and
// sends nothing more, the wait counts down on the card and in the dialog and is one run event,
// closing asks first (cancel and quit, or quit now and the run is INTERRUPTED), and a run left open
// by a process that ended shows as interrupted.
#include "overviewtestbase.h"

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestOverviewOutage : public OverviewTestBase
{
    Q_OBJECT

private slots:
    void initTestCase() { openOverview(); }

    void cleanupTestCase() { m_ui.stop(); }

    void cancelDuringAnOutageStopsAtOnce()
    {
        // SharePoint down (503, Retry-After 60 s) while the run finds its lists: Cancel says
        // "Stopping…" at once, sends nothing more, and the run ends CANCELLED within seconds.
        reopenWindow(); // a governor of its own: the outage's pause stays with this one
        DefinitionCard *demo = card(QStringLiteral("Demo projects to SharePoint"));
        const int height = demo->height();
        QSignalSpy finished(m_runs, &RunController::finished);
        qint64 runId = 0;
        startRunDuringAnOutage(&runId);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(demo->cancelButton()->isEnabled());
        QVERIFY(demo->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("card-outage-before-cancel.png"))));

        const int refusedBefore = refusedSoFar();
        QTest::mouseClick(demo->cancelButton(), Qt::LeftButton);
        QVERIFY2(demo->statusText().contains(QStringLiteral("Stopping…")), qPrintable(demo->statusText())); // at once, not after the wait
        QVERIFY(!demo->cancelButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000); // far less than the Retry-After it waited for
        QCOMPARE(finished.constFirst().at(1).value<RunOutcome>().status, RunStatus::Cancelled);
        QTRY_VERIFY(demo->statusText().contains(QStringLiteral("Cancelled")));
        QVERIFY(!demo->cancelButton()->isVisible());
        QCOMPARE(refusedSoFar(), refusedBefore); // no request after Cancel
        QCOMPARE(RunRepository(*m_store).run(runId)->status, RunStatus::Cancelled);
        QCOMPARE(demo->height(), height);
        QVERIFY(demo->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("card-outage-after-cancel.png"))));
        blockSharePoint(false);
    }

    void theWaitIsShownWithALiveCountdownOnTheCardAndInTheRunDialog()
    {
        reopenWindow();
        DefinitionCard *demo = card(QStringLiteral("Demo projects to SharePoint"));
        const int height = demo->height();
        qint64 runId = 0;
        startRunDuringAnOutage(&runId);
        if (QTest::currentTestFailed())
            return;
        const auto waitShown
            = [&]() { return demo->progressView()->waitText().contains(QStringLiteral("SharePoint unavailable (503) — retrying in ")); };
        QTRY_VERIFY_WITH_TIMEOUT(waitShown(), 10000);
        const QString first = demo->progressView()->waitText();
        QTRY_VERIFY_WITH_TIMEOUT(demo->progressView()->waitText() != first && waitShown(), 5000); // it counts down
        QCOMPARE(demo->height(), height);
        overview()->openRunDialog(demo->definitionId());
        RunDialog *dialog = overview()->runDialog(demo->definitionId());
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->progressView()->waitText().contains(QStringLiteral("SharePoint unavailable (503)")));
        QVERIFY(dialog->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("run-dialog-outage.png"))));
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("overview-outage.png"))));
        // The wait is in the run's events once, however many calls wait.
        const auto events = RunRepository(*m_store).events(runId);
        QCOMPARE(std::count_if(
                     events->cbegin(), events->cend(), [](const RunEvent &e) { return e.type == QLatin1String("service-unavailable"); }),
            1);

        QSignalSpy finished(m_runs, &RunController::finished);
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QCOMPARE(dialog->heading()->text(), QStringLiteral("Stopping…"));
        QVERIFY(demo->statusText().contains(QStringLiteral("Stopping…"))); // the card says so too
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 10000);
        QTRY_COMPARE(dialog->heading()->text(), QStringLiteral("Cancelled"));
        QVERIFY(dialog->progressView()->waitText().isEmpty());
        QVERIFY(!dialog->times()->text().isEmpty());
        dialog->close();
        blockSharePoint(false);
    }

    void closingTheWindowMidRunAsksAndCancellingQuitsOnceTheRunIsRecorded()
    {
        QApplication::setQuitOnLastWindowClosed(false); // the suite goes on after the window closes
        reopenWindow();
        qint64 runId = 0;
        startRunDuringAnOutage(&runId);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!m_window->close()); // not at once: it asks
        QVERIFY(m_window->isVisible());
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = m_window->findChild<QMessageBox *>(QStringLiteral("closeWhileRunning"))));
        QVERIFY(question->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("close-while-running.png"))));
        QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("cancelAndQuit")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_window->isVisible(), 10000);
        QCOMPARE(RunRepository(*m_store).run(runId)->status, RunStatus::Cancelled);
        QVERIFY(m_runs->running().isEmpty());
        blockSharePoint(false);
    }

    void quittingNowMidRunRecordsTheRunInterrupted()
    {
        reopenWindow();
        qint64 runId = 0;
        startRunDuringAnOutage(&runId);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(!m_window->close());
        QMessageBox *question = nullptr;
        QTRY_VERIFY((question = m_window->findChild<QMessageBox *>(QStringLiteral("closeWhileRunning"))));
        QTest::mouseClick(question->findChild<QPushButton *>(QStringLiteral("quitNow")), Qt::LeftButton);
        QTRY_VERIFY(!m_window->isVisible());
        m_ui.stop(); // what main() does after the window closed: the services go, the run with them
        const SyncRun run = RunRepository(*m_store).run(runId).value();
        QCOMPARE(run.status, RunStatus::Interrupted); // not RUNNING for ever
        QVERIFY(run.finishedAt.isValid());
        blockSharePoint(false);
        reopenWindow();
    }

    void aRunLeftOpenByAProcessThatEndedShowsInterrupted()
    {
        // A SyncBridge of this host that was killed mid-run left its run RUNNING: the GUI marks it
        // INTERRUPTED when it starts (AppServices), and the card says so.
        if (!card(QStringLiteral("Demo projects to SharePoint")))
            reopenWindow(); // the slot runs on its own: import the demo definition
        const qint64 id = card(QStringLiteral("Demo projects to SharePoint"))->definitionId();
        SyncRun left;
        left.definitionId = id;
        left.status = RunStatus::Running;
        left.agent = thisAgent().section(QLatin1Char(':'), 0, -2) + QStringLiteral(":4194303"); // no such process
        QVERIFY(RunRepository(*m_store).startRun(left).ok());
        reopenWindow();
        QTRY_COMPARE(RunRepository(*m_store).run(left.id)->status, RunStatus::Interrupted);
        QTRY_VERIFY2(card(QStringLiteral("Demo projects to SharePoint"))->statusText().contains(QStringLiteral("Interrupted")),
            qPrintable(card(QStringLiteral("Demo projects to SharePoint"))->statusText()));
    }
};

QTEST_MAIN(TestOverviewOutage)
#include "tst_overview_outage.moc"

// The Overview and Runs pages driven through their widgets against a real PostgreSQL with the demo
// data, the real Graph emulator and a real SQLite meta-store: import definitions, Run Sync Now with
// progress on the card and in the run dialog, failed rows with their errors, the delete breaker's
// question as a dialog, run history with filters, lazy loading, events, retry queue and chart, and the
// card's texts (a preview apart from the last sync, numbers and summaries in the reader's language).
// Runs during an outage and closing the window mid-run are in tst_overview_outage.
#include "overviewtestbase.h"

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestOverviewRuns : public OverviewTestBase
{
    Q_OBJECT

private slots:
    void initTestCase() { openOverview(); }

    void cleanupTestCase()
    {
        m_ui.stop();
    }

    void emptyOverviewSaysWhatToDo()
    {
        QCOMPARE(m_window->navigationRail()->currentRow(), 0);
        QVERIFY(overview()->cards().isEmpty());
        auto *empty = overview()->findChild<QLabel *>(QStringLiteral("emptyState"));
        QVERIFY(empty->isVisible());
        QVERIFY(empty->text().contains(QStringLiteral("No sync definitions yet")));
        QVERIFY(overview()->findChild<QPushButton *>(QStringLiteral("importDefinitions"))->isVisible());
        screenshot(QStringLiteral("overview-empty.png"));
    }

    void importShowsACardPerDefinition()
    {
        for (const QString &file : {demoDefinitionPath(), testDataPath(QStringLiteral("ui-definitions.json"))}) {
            QSignalSpy loaded(overview(), &OverviewPage::loaded);
            m_window->importDefinitions(file);
            QVERIFY(loaded.wait());
        }
        QCOMPARE(overview()->cards().size(), 2);
        DefinitionCard *team = card(QStringLiteral("Team assignments"));
        QVERIFY(team);
        // The next run of "0 */2 * * *" in Europe/Berlin, in local time (the hour depends on now).
        const QLabel *schedule = team->findChild<QLabel *>(QStringLiteral("schedule"));
        QVERIFY2(schedule->text().startsWith(QStringLiteral("Next run ")) && schedule->text().endsWith(QStringLiteral("Europe/Berlin)")),
            qPrintable(schedule->text()));
        QVERIFY2(schedule->toolTip().contains(QStringLiteral("cron 0 */2 * * *")), qPrintable(schedule->toolTip()));
        QVERIFY(team->statusText().contains(QStringLiteral("Never run")));
        QVERIFY(card(QStringLiteral("Demo projects to SharePoint"))->runButton()->isEnabled());
        QVERIFY(!team->cancelButton()->isVisible());

        // a broken file: nothing is imported, the problems are listed
        const QString broken = m_demo.path(QStringLiteral("broken.json"));
        QFile file(broken);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"format": "syncbridge.definitions/1", "definitions": [{"name": "", "mode": "SIDEWAYS"}]})");
        file.close();
        m_window->importDefinitions(broken);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = m_window->findChild<QMessageBox *>()) != nullptr);
        QVERIFY(box->text().contains(QStringLiteral("nothing was imported")));
        QVERIFY(box->detailedText().contains(QStringLiteral("$.definitions[0]")));
        box->close();
        QCOMPARE(overview()->cards().size(), 2);
    }

    void runSyncNowShowsProgressThenTheResult()
    {
        // Slow the emulator down a little so the run can be watched (and photographed) while it goes.
        QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("fixedMs"), 40}}}}).status, 200);
        DefinitionCard *demo = card(QStringLiteral("Demo projects to SharePoint"));
        QSignalSpy finished(m_runs, &RunController::finished);
        QTest::mouseClick(demo->runButton(), Qt::LeftButton);
        QVERIFY(!demo->runButton()->isEnabled());
        QVERIFY(demo->cancelButton()->isVisible());
        QTest::mouseClick(demo->detailsButton(), Qt::LeftButton);
        RunDialog *dialog = overview()->runDialog(demo->definitionId());
        QVERIFY(dialog && dialog->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(demo->progressView()->findChild<QLabel *>(QStringLiteral("count_created"))->text() != QLatin1String("0"), 60000);
        QVERIFY(demo->progressView()->isVisible());
        QVERIFY(demo->progressView()->summary().contains(QStringLiteral("items/s")));
        QVERIFY(dialog->progressView()->findChild<QLabel *>(QStringLiteral("count_ru_spent"))->text() != QLatin1String("0"));
        screenshot(QStringLiteral("overview-running.png"));
        QVERIFY(dialog->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("run-dialog-running.png"))));
        overview()->startRun(demo->definitionId(), false);   // a second start while it runs is refused, with a reason
        QVERIFY2(overview()->message().contains(QStringLiteral("already running")), qPrintable(overview()->message()));

        QVERIFY(finished.wait(180000));
        m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("fixedMs"), 0}}}});
        const RunOutcome outcome = finished.constFirst().at(1).value<RunOutcome>();
        QCOMPARE(outcome.status, RunStatus::Succeeded);
        QCOMPARE(outcome.counters.created, 5000);
        QCOMPARE(m_emulator.itemCount(QStringLiteral("Large projects")) + m_emulator.itemCount(QStringLiteral("Active projects")) + m_emulator.itemCount(QStringLiteral("Other projects")), 5000);
        QVERIFY(demo->statusText().contains(QStringLiteral("Succeeded")));
        QVERIFY(demo->runButton()->isEnabled());
        QVERIFY(!demo->progressView()->isVisible());
        QTRY_COMPARE(dialog->findChild<QLabel *>(QStringLiteral("failuresTitle"))->text(), QStringLiteral("No row failed."));
        QCOMPARE(dialog->progressView()->findChild<QLabel *>(QStringLiteral("count_created"))->text(), QLocale().toString(5000));
        dialog->close();
    }

    void failedRowsAreListedWithTheirErrors()
    {
        sql(QStringLiteral("UPDATE projects SET budget_amount = 'NaN' WHERE id = 3"));
        const RunOutcome outcome = runFromCard(QStringLiteral("Demo projects to SharePoint"));
        QCOMPARE(outcome.status, RunStatus::PartiallyFailed);
        QCOMPARE(outcome.counters.failed, 1);
        DefinitionCard *demo = card(QStringLiteral("Demo projects to SharePoint"));
        QVERIFY(demo->statusText().contains(QStringLiteral("Partly failed")));
        QTest::mouseClick(demo->detailsButton(), Qt::LeftButton);
        RunDialog *dialog = overview()->runDialog(demo->definitionId());
        QTRY_COMPARE(dialog->failures()->topLevelItemCount(), 1);
        QCOMPARE(dialog->failures()->topLevelItem(0)->text(0), QStringLiteral("id=3"));
        QVERIFY2(dialog->failures()->topLevelItem(0)->text(1).contains(QStringLiteral("NaN cannot be stored")), qPrintable(dialog->failures()->topLevelItem(0)->text(1)));
        QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("failuresTitle"))->text().contains(QStringLiteral("retry queue")));
        QVERIFY(dialog->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("run-dialog-failures.png"))));
        dialog->close();
    }

    void aRunOfTheHistoryShowsItsRowsPerListAndFailedRowsOnce()
    {
        // The two runs above, opened from the history: their rows per list and action come from the
        // store (sync_run_lists), not from a live outcome.
        DefinitionCard *demo = card(QStringLiteral("Demo projects to SharePoint"));
        RunFilter pushes;
        pushes.definitionId = demo->definitionId();
        pushes.dryRun = false;
        const auto runs = RunRepository(*m_store).runs(pushes);
        QVERIFY(runs.ok() && runs->size() >= 2);
        const auto first = std::find_if(runs->cbegin(), runs->cend(), [](const SyncRun &run) { return run.counters.created == 5000; });
        QVERIFY(first != runs->cend());
        RunDialog dialog(m_ui.services()->context(), demo->definitionId(), QStringLiteral("Demo projects to SharePoint"));
        dialog.showRun(first->id);
        QTRY_VERIFY(dialog.perList()->topLevelItemCount() == 3);
        qint64 created = 0;
        for (int row = 0; row < 3; ++row)
            created += QLocale().toLongLong(dialog.perList()->topLevelItem(row)->text(1));
        QCOMPARE(created, 5000);

        RunDialog failed(m_ui.services()->context(), demo->definitionId(), QStringLiteral("Demo projects to SharePoint"));
        failed.showRun(runs->constFirst().id); // the newest: one row failed (NaN), in the list its route names
        QTRY_VERIFY(failed.perList()->topLevelItemCount() > 0);
        qint64 failedRows = 0;
        for (int row = 0; row < failed.perList()->topLevelItemCount(); ++row)
            failedRows += QLocale().toLongLong(failed.perList()->topLevelItem(row)->text(5));
        QCOMPARE(failedRows, 1);
        QTRY_VERIFY(failed.findChild<QLabel *>(QStringLiteral("failuresTitle"))->text().startsWith(QStringLiteral("1 row failed;")));
        QVERIFY(dialog.grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("run-dialog-history.png"))));
    }

    void deleteBreakerAsksInADialog()
    {
        QCOMPARE(runFromCard(QStringLiteral("Team assignments")).counters.created, 3000);
        sql(QStringLiteral("DELETE FROM project_assignments WHERE project_id % 5 < 2"));
        const int left = sql(QStringLiteral("SELECT count(*) FROM project_assignments")).toInt();
        QVERIFY(left > 1000 && left < 2400);   // more than 20 % gone, most still there
        // The question arrives while the run's worker waits; it runs its own event loop, so a timer
        // (not a waiting test) finds it there and declines.
        QString asked;
        QTimer poll;
        poll.setInterval(100);
        connect(&poll, &QTimer::timeout, this, [&]() {
            auto *question = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!question || question->objectName() != QLatin1String("massDeleteQuestion"))
                return;
            poll.stop();
            asked = question->text();
            question->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("mass-delete-question.png")));
            for (QAbstractButton *button : question->buttons()) {
                if (button->text() == QLatin1String("Keep the items"))
                    button->click();
            }
        });
        poll.start();
        const RunOutcome outcome = runFromCard(QStringLiteral("Team assignments"));
        QVERIFY2(outcome.status == RunStatus::PartiallyFailed, qPrintable(outcome.message));
        QCOMPARE(outcome.counters.rowsRead, left);
        QCOMPARE(outcome.counters.deleted, 0);
        QVERIFY2(asked.contains(QStringLiteral("delete %1 of the 3000 items in 'Team assignments'").arg(QLocale().toString(3000 - left))),
            qPrintable(asked));
        QCOMPARE(m_emulator.itemCount(QStringLiteral("Team assignments")), 3000);
    }

    void runHistoryFiltersLoadsLazilyAndShowsDetails()
    {
        const qint64 teamId = card(QStringLiteral("Team assignments"))->definitionId();
        QVERIFY(addRunHistory(*m_store, teamId, 2000, QDateTime::currentDateTimeUtc().addDays(-1)).ok());
        // (a run that finished earlier may have a reload of its own in flight: wait for the last one)
        m_window->showPage(runsPage());
        // The tenant's budget use as the shared ledger holds it: the run above spent thousands of RU.
        QTRY_VERIFY2(
            runsPage()->budgetBar()->text().startsWith(QStringLiteral("Demo tenant: ")), qPrintable(runsPage()->budgetBar()->text()));
        QVERIFY2(
            !runsPage()->budgetBar()->text().startsWith(QStringLiteral("Demo tenant: 0 of")), qPrintable(runsPage()->budgetBar()->text()));
        QVERIFY(runsPage()->budgetBar()->text().contains(QStringLiteral("of 1,200,000 RU today")));
        screenshot(QStringLiteral("runs-budget.png"));
        RunsModel *model = runsPage()->model();
        QTRY_COMPARE(model->totalRuns(), 2004);
        QTRY_COMPARE(model->rowCount(), RunsModel::pageSize);   // lazily: one page
        QSignalSpy loaded(model, &RunsModel::loaded);
        QVERIFY(model->canFetchMore({}));
        model->fetchMore({});
        QTRY_COMPARE(model->rowCount(), 2 * RunsModel::pageSize);
        // newest first: the breaker run of Team assignments
        QCOMPARE(model->data(model->index(0, RunsModel::DefinitionColumn)).toString(), QStringLiteral("Team assignments"));
        QCOMPARE(model->data(model->index(0, RunsModel::StatusColumn)).toString(), QStringLiteral("Partly failed"));
        // started by hand in this window: who and why, in words
        QCOMPARE(model->headerData(RunsModel::TriggerColumn, Qt::Horizontal).toString(), QStringLiteral("Trigger"));
        QCOMPARE(model->data(model->index(0, RunsModel::TriggerColumn)).toString(), QStringLiteral("Manual"));
        QCOMPARE(model->data(model->index(0, RunsModel::AgentColumn)).toString(), QHostInfo::localHostName());

        // filter: failed runs only (every 10th generated one)
        loaded.clear();
        runsPage()->statusFilter()->setCurrentIndex(runsPage()->statusFilter()->findData(int(RunStatus::Failed)));
        QVERIFY(loaded.wait());
        QCOMPARE(model->totalRuns(), 200);
        for (int row = 0; row < model->rowCount(); ++row)
            QCOMPARE(model->runAt(row)->status, RunStatus::Failed);

        // filter: one definition, any status, the last 3 days
        loaded.clear();
        runsPage()->statusFilter()->setCurrentIndex(0);
        QVERIFY(loaded.wait());
        loaded.clear();
        runsPage()->definitionFilter()->setCurrentIndex(runsPage()->definitionFilter()->findText(QStringLiteral("Demo projects to SharePoint")));
        QVERIFY(loaded.wait());
        QCOMPARE(model->totalRuns(), 2);
        loaded.clear();
        runsPage()->definitionFilter()->setCurrentIndex(runsPage()->definitionFilter()->findText(QStringLiteral("Team assignments")));
        QVERIFY(loaded.wait());
        loaded.clear();
        runsPage()->fromFilter()->setDate(QDate::currentDate().addDays(-3));
        QVERIFY(loaded.wait());
        const qint64 threeDays = *RunRepository(*m_store).countRuns([&] {
            RunFilter filter;
            filter.definitionId = teamId;
            filter.from = QDate::currentDate().addDays(-3).startOfDay();
            return filter;
        }());
        QCOMPARE(model->totalRuns(), threeDays);
        QVERIFY(threeDays > 2 && threeDays < 2002);

        // the selected (newest) run's events: the breaker held deletions back
        QSignalSpy events(runsPage(), &RunsPage::eventsLoaded);
        runsPage()->table()->selectRow(1);
        runsPage()->table()->selectRow(0);
        QVERIFY(events.wait());
        bool heldBack = false;
        for (int i = 0; i < runsPage()->events()->topLevelItemCount(); ++i)
            heldBack
                = heldBack || runsPage()->events()->topLevelItem(i)->data(1, Qt::UserRole).toString() == QLatin1String("deletes-held-back");
        QVERIFY(heldBack);

        // throughput chart over the filtered runs
        const auto chartPoints = [this]() {
            const auto series = runsPage()->chart()->chart()->series();
            return series.isEmpty() ? -1 : qobject_cast<QScatterSeries *>(series.constLast())->count();
        };
        QTRY_COMPARE(chartPoints(), int(threeDays));
        runsPage()->detailTabs()->setCurrentIndex(2);
        screenshot(QStringLiteral("runs-page.png"));
        runsPage()->detailTabs()->setCurrentIndex(0);
    }

    void retryNowRunsTheQueuedRowsFirst()
    {
        QSignalSpy loaded(runsPage()->model(), &RunsModel::loaded);
        runsPage()->fromFilter()->setDate(runsPage()->fromFilter()->minimumDate());
        runsPage()->definitionFilter()->setCurrentIndex(runsPage()->definitionFilter()->findText(QStringLiteral("Demo projects to SharePoint")));
        QTRY_VERIFY(loaded.count() > 0 && runsPage()->model()->filter().from.isNull());
        runsPage()->table()->selectRow(1);
        QTRY_COMPARE(runsPage()->retryQueue()->topLevelItemCount(), 1);
        QCOMPARE(runsPage()->retryQueue()->topLevelItem(0)->text(0), QStringLiteral("id=3"));
        QVERIFY(runsPage()->retryNowButton()->isEnabled());
        runsPage()->detailTabs()->setCurrentIndex(1);
        screenshot(QStringLiteral("runs-retry-queue.png"));

        sql(QStringLiteral("UPDATE projects SET budget_amount = 1000 WHERE id = 3"));
        QSignalSpy finished(m_runs, &RunController::finished);
        QTest::mouseClick(runsPage()->retryNowButton(), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.constFirst().at(1).value<RunOutcome>().status, RunStatus::Succeeded);
        QTRY_COMPARE(runsPage()->model()->totalRuns(), 3);   // the page reloads after the run
        runsPage()->table()->selectRow(0);
        QTRY_COMPARE(runsPage()->retryQueue()->topLevelItemCount(), 0);
        QVERIFY(!runsPage()->retryNowButton()->isEnabled());
    }

    void aFailedRunSaysWhatToDoFirstAndTheDetailsSecond()
    {
        // A client secret the tenant refuses: people read what to check; the HTTP status comes
        // second, selectable for a bug report.
        QVERIFY(writeSecretBlocking(m_demo.secrets(), QStringLiteral("sharepoint/demo"), QStringLiteral("not-the-secret")).ok());
        const RunOutcome outcome = runFromCard(QStringLiteral("Team assignments"), true);
        QVERIFY(writeSecretBlocking(m_demo.secrets(), QStringLiteral("sharepoint/demo"), QStringLiteral("demo-secret")).ok());
        QCOMPARE(outcome.status, RunStatus::Failed);
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->code(), ErrorCode::AuthenticationFailed);
        QVERIFY2(outcome.message.contains(QStringLiteral("client secret")), qPrintable(outcome.message));
        QVERIFY2(!outcome.message.contains(QStringLiteral("HTTP")), qPrintable(outcome.message));

        DefinitionCard *team = card(QStringLiteral("Team assignments"));
        QTest::mouseClick(team->detailsButton(), Qt::LeftButton);
        RunDialog *dialog = overview()->runDialog(team->definitionId());
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->technicalDetails()->isVisible());
        const QString details = dialog->technicalDetails()->text();
        QVERIFY2(
            details.contains(QStringLiteral("authentication-failed")) && details.contains(QStringLiteral("HTTP 401")), qPrintable(details));
        QVERIFY(dialog->progressView()->summary().contains(outcome.message));
        QVERIFY(dialog->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("run-dialog-failed.png"))));
        dialog->close();
    }

    void theRunDialogNamesEveryPhaseInTheUsersLanguage()
    {
        // Phases are an enum with translated names: none reaches the person as an identifier or in English.
        const QList<RunPhase> steps
            = {RunPhase::Connecting, RunPhase::Resolving, RunPhase::Recovering, RunPhase::Retrying, RunPhase::Pushing, RunPhase::Planning,
                RunPhase::CheckingDuplicates, RunPhase::Confirming, RunPhase::Deleting, RunPhase::WaitingForBudget};
        QStringList english;
        for (const RunPhase step : steps)
            english << runPhaseText(step);
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(SYNCBRIDGE_GERMAN_QM)));
        QCoreApplication::installTranslator(&german);
        RunDialog dialog(m_ui.services()->context(), 0, QStringLiteral("Demo projects to SharePoint"));
        dialog.show();
        auto *phase = dialog.progressView()->findChild<QLabel *>(QStringLiteral("phase"));
        for (int i = 0; i < steps.size(); ++i) {
            RunProgress progress;
            progress.phase = steps.at(i);
            dialog.setProgress(progress);
            QVERIFY2(!phase->text().isEmpty() && phase->text() != runPhaseId(steps.at(i)) && phase->text() != english.at(i),
                qPrintable(phase->text()));
        }
        RunProgress recovering;
        recovering.phase = RunPhase::Recovering;
        recovering.counters.rowsRead = 120;
        recovering.estimatedRows = 5000;
        dialog.setProgress(recovering);
        QCOMPARE(phase->text(), QStringLiteral("Kläre Schreibvorgänge, die ein früherer Lauf nicht abgeschlossen hat"));
        QVERIFY(dialog.grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("run-dialog-german-phase.png"))));
        QCoreApplication::removeTranslator(&german);
        QCOMPARE(runPhaseText(RunPhase::Recovering), QStringLiteral("Resolving writes an earlier run left unfinished"));
    }

    void aDefinitionOnlyPreviewedShowsNoSyncAndTheCardKeepsItsHeight()
    {
        SyncDefinition definition;
        definition.id = 4711;
        definition.name = QStringLiteral("Previewed only");
        definition.source.table = QStringLiteral("projects");
        DefinitionCard previewed(definition);
        previewed.resize(480, previewed.height());
        const int height = previewed.height();
        SyncRun preview;
        preview.type = RunType::DryRun;
        preview.status = RunStatus::Succeeded;
        preview.startedAt = QDateTime::currentDateTimeUtc();
        preview.counters.rowsRead = 5000;
        preview.message = storedRunSummary({RunSummary::Kind::DryRun, 0, {}, 0});
        previewed.setLastRuns(std::nullopt, preview);
        QVERIFY2(!previewed.statusText().contains(QStringLiteral("Succeeded")), qPrintable(previewed.statusText()));
        QVERIFY(previewed.statusText().contains(QStringLiteral("Never synced")));
        QVERIFY2(previewed.previewText().contains(QStringLiteral("Succeeded")) && previewed.previewText().contains(QStringLiteral("5,000")),
            qPrintable(previewed.previewText()));
        // A dry run finishing on the card is a preview too.
        RunOutcome outcome;
        outcome.dryRun = true;
        outcome.status = RunStatus::Succeeded;
        outcome.counters.rowsRead = 12;
        outcome.message = QStringLiteral("planned");
        previewed.setRunning(true);
        RunProgress going;
        going.phase = RunPhase::Planning;
        going.counters.rowsRead = 3000;
        going.estimatedRows = 5000;
        going.wait = {ServiceWait::Reason::Budget, 0, QDateTime::currentDateTimeUtc().addSecs(18)};
        previewed.setProgress(going);
        QCOMPARE(previewed.height(), height);
        // Bar and counts from one source: 3,000 of 5,000 rows is 60 %.
        QCOMPARE(previewed.progressView()->bar()->value(), 600);
        QVERIFY2(
            previewed.progressView()->bar()->text().contains(QStringLiteral("3,000")), qPrintable(previewed.progressView()->bar()->text()));
        QVERIFY(previewed.progressView()->waitText().startsWith(QStringLiteral("Waiting for the resource-unit budget — 1")));
        previewed.setOutcome(outcome);
        QCOMPARE(previewed.height(), height);
        QVERIFY(previewed.statusText().contains(QStringLiteral("Never synced")));
        QVERIFY(previewed.previewText().contains(QStringLiteral("planned")));
    }

    void numbersFollowTheLocaleAndSummariesTheReadersLanguage()
    {
        // A run's summary is stored as data and rendered when read: the German UI shows German with
        // German numbers; a summary stored as an English sentence before stays readable as it is.
        SyncRun run;
        run.type = RunType::Push;
        run.status = RunStatus::Succeeded;
        run.startedAt = QDateTime::currentDateTimeUtc();
        run.counters.rowsRead = 5000;
        run.counters.created = 4988;
        run.counters.failed = 12;
        run.message = storedRunSummary({RunSummary::Kind::Sync, 0, {}, 0});
        QVERIFY(!run.message.contains(QStringLiteral("created"))); // data, not a sentence
        QCOMPARE(runMessageText(run), QStringLiteral("Read 5,000 rows: 4,988 created, 0 updated, 0 moved, 0 unchanged, 12 failed."));

        QTranslator german;
        QVERIFY(german.load(QStringLiteral(SYNCBRIDGE_GERMAN_QM)));
        QCoreApplication::installTranslator(&german);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const QString inGerman = runMessageText(run);
        SyncRun cancelled = run;
        cancelled.message = storedRunSummary({RunSummary::Kind::Cancelled, 0, {}, 0});
        const QString cancelledInGerman = runMessageText(cancelled);
        SyncDefinition definition;
        definition.id = 4712;
        definition.name = QStringLiteral("Deutsch");
        DefinitionCard card(definition);
        card.setLastRun(run);
        RunProgressView view(RunProgressView::Detail::Full);
        RunProgress progress;
        progress.phase = RunPhase::Pushing;
        progress.counters.created = 5000;
        view.setProgress(progress);
        const QString created = view.findChild<QLabel *>(QStringLiteral("count_created"))->text();
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        QCoreApplication::removeTranslator(&german);
        // The summary's numerus forms are new strings the catalogue translates after lupdate; the
        // numbers are German already, and a summary the catalogue holds is German.
        QVERIFY2(inGerman.contains(QStringLiteral("5.000")) && inGerman.contains(QStringLiteral("4.988")), qPrintable(inGerman));
        QCOMPARE(cancelledInGerman, QStringLiteral("Abgebrochen; alles bisher Geschriebene ist vermerkt."));
        QVERIFY2(card.statusText().contains(inGerman), qPrintable(card.statusText()));
        QCOMPARE(created, QStringLiteral("5.000"));

        SyncRun old = run;
        old.message = QStringLiteral("Read 3 row(s): 3 created, 0 updated, 0 moved, 0 unchanged, 0 failed.");
        QCOMPARE(runMessageText(old), old.message);
    }
};

QTEST_MAIN(TestOverviewRuns)
#include "tst_overview_runs.moc"

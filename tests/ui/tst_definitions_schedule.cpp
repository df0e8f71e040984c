// The definition editor's Schedule tab: the cron text's error (field and position) shown when typing
// pauses and never taking the focus, presets writing the cron, the next runs in the schedule's zone
// and in local time across a DST change (the suite runs with TZ=Asia/Tokyo), and a schedule saved
// with the definition into the real meta-store.
#include "demowindow.h"
#include "manualclock.h"
#include "testpaths.h"

#include "catalog/catalogpage.h"
#include "definitions/definitioneditor.h"
#include "definitions/definitionform.h"
#include "definitions/definitionspage.h"
#include "definitions/scheduleeditor.h"
#include "mainwindow.h"
#include "overview/definitioncard.h"
#include "overview/nextruntext.h"
#include "overview/overviewpage.h"

#include "store/definitionrepository.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
#include <QTimeEdit>
#include <QTreeWidget>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestDefinitionsSchedule : public QObject
{
    Q_OBJECT

private:
    DemoWindow m_ui;
    MainWindow *m_window = nullptr;

    DefinitionsPage *definitions() const { return m_window->definitionsPage(); }
    DefinitionEditor *editor() const { return definitions()->editor(); }
    ScheduleEditor *schedule() const { return editor()->schedule(); }

    void choosePreset(ScheduleEditor::Preset preset)
    {
        QComboBox *combo = schedule()->presetCombo();
        combo->setCurrentIndex(combo->findData(int(preset)));
        emit combo->activated(combo->currentIndex()); // as a click on the entry does
    }

    QString appliedCron() const
    {
        SyncDefinition definition;
        schedule()->applyTo(definition);
        return definition.scheduleCron;
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(qgetenv("TZ"), QByteArray("Asia/Tokyo")); // set by CTest: local time differs from the schedules' zones
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); // 24-hour times to compare
        QString error;
        QVERIFY2(m_ui.start(&error), qPrintable(error));
        QVERIFY2(m_ui.demo().importDefinitionsFile(demoDefinitionPath(), &error), qPrintable(error));
        m_window = m_ui.openWindow();
        m_window->resize(1100, 760);
        // The table catalogued, as an admin does before designing (a definition is saved against it).
        CatalogPage *catalog = m_window->catalogPage();
        QSignalSpy catalogLoaded(catalog, &CatalogPage::loaded);
        m_window->showPage(catalog);
        m_window->show();
        QVERIFY(catalogLoaded.wait());
        m_window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_window)); // typing goes where the focus is
        QSignalSpy refreshed(catalog, &CatalogPage::refreshed);
        catalog->tree()->setCurrentItem(
            catalog->tree()->findItems(QStringLiteral("Demo projects"), Qt::MatchExactly | Qt::MatchRecursive).value(0));
        QTest::mouseClick(catalog->refreshButton(), Qt::LeftButton);
        QVERIFY(refreshed.wait(30000));
        QSignalSpy loaded(definitions(), &DefinitionsPage::loaded);
        m_window->showPage(definitions());
        QVERIFY(loaded.wait());
        definitions()->list()->setCurrentRow(0);
        QTRY_VERIFY(!editor()->definition().name.isEmpty());
        editor()->setCurrentWidget(schedule());
    }

    void cleanupTestCase() { m_ui.stop(); }

    void anInvalidCronShowsItsFieldAndPositionOncePausedAndKeepsTheFocus()
    {
        schedule()->cronEdit()->clear();
        schedule()->cronEdit()->setFocus();
        QTRY_COMPARE(QApplication::focusWidget(), schedule()->cronEdit());
        QTest::keyClick(schedule()->cronEdit(), Qt::Key_0);
        QVERIFY(schedule()->cronError()->isHidden()); // not after the first character
        QTest::keyClicks(schedule()->cronEdit(), QStringLiteral(" 2 * * mon,fro"));
        QTRY_VERIFY(schedule()->cronError()->isVisible()); // typing paused
        const QString message = schedule()->cronError()->text();
        QVERIFY2(message.contains(QStringLiteral("day-of-week")) && message.contains(QStringLiteral("at 13")), qPrintable(message));
        QCOMPARE(QApplication::focusWidget(), schedule()->cronEdit());
        QCOMPARE(schedule()->cronEdit()->text(), QStringLiteral("0 2 * * mon,fro"));
        QCOMPARE(schedule()->cronEdit()->cursorPosition(), 15);
        // The definition check refuses it as the import does: Save keeps it as a draft.
        QVERIFY(definitions()->form()->problems().size() > 0);
        QCOMPARE(definitions()->saveButton()->text(), QStringLiteral("Save as draft"));
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("schedule-invalid-cron.png"))));

        QTest::keyClick(schedule()->cronEdit(), Qt::Key_Backspace);
        QTest::keyClick(schedule()->cronEdit(), Qt::Key_Backspace);
        QTest::keyClicks(schedule()->cronEdit(), QStringLiteral("ri"));
        QVERIFY(schedule()->cronError()->isHidden()); // a fixed text says so at once
        QTRY_COMPARE(appliedCron(), QStringLiteral("0 2 * * mon,fri"));
        QCOMPARE(schedule()->description()->text(), QStringLiteral("At 02:00 on Monday, Friday"));
    }

    void presetsWriteTheCron()
    {
        schedule()->timeEdit()->setTime(QTime(2, 30));
        choosePreset(ScheduleEditor::Preset::Hourly);
        QCOMPARE(schedule()->cronEdit()->text(), QStringLiteral("0 * * * *"));
        choosePreset(ScheduleEditor::Preset::Daily);
        QCOMPARE(schedule()->cronEdit()->text(), QStringLiteral("30 2 * * *"));
        choosePreset(ScheduleEditor::Preset::Weekdays);
        QCOMPARE(schedule()->cronEdit()->text(), QStringLiteral("30 2 * * 1-5"));
        schedule()->timeEdit()->setTime(QTime(6, 15));
        QCOMPARE(schedule()->cronEdit()->text(), QStringLiteral("15 6 * * 1-5"));
        QCOMPARE(appliedCron(), QStringLiteral("15 6 * * 1-5"));
        choosePreset(ScheduleEditor::Preset::Manual);
        QCOMPARE(appliedCron(), QString());
        // Typed text that is a preset shows as that preset.
        schedule()->cronEdit()->setText(QStringLiteral("45 23 * * *"));
        schedule()->applyPendingEdits();
        QCOMPARE(ScheduleEditor::Preset(schedule()->presetCombo()->currentData().toInt()), ScheduleEditor::Preset::Daily);
        QCOMPARE(schedule()->timeEdit()->time(), QTime(23, 45));
    }

    void nextRunsAreShownInTheSchedulesZoneAndInLocalTimeAcrossDst()
    {
        ManualClock clock(QDateTime(QDate(2026, 3, 7), QTime(12, 0), Qt::UTC));
        schedule()->setClock(&clock);
        schedule()->timeZoneCombo()->setCurrentText(QStringLiteral("America/New_York"));
        schedule()->cronEdit()->setText(QStringLiteral("30 2 * * *"));
        schedule()->applyPendingEdits();
        QTableWidget *runs = schedule()->nextRuns();
        QCOMPARE(runs->horizontalHeaderItem(0)->text(), QStringLiteral("In America/New_York"));
        QCOMPARE(runs->horizontalHeaderItem(1)->text(), QStringLiteral("Local time (Asia/Tokyo)"));
        // 02:30 does not happen on 8 March in New York (spring gap): it runs at 03:00 EDT = 16:00 JST.
        const QString first = runs->item(0, 0)->text();
        QVERIFY2(first.contains(QStringLiteral("08/03/2026 03:00")) && first.contains(QStringLiteral("EDT")), qPrintable(first));
        QVERIFY2(runs->item(0, 1)->text().contains(QStringLiteral("08/03/2026 16:00")), qPrintable(runs->item(0, 1)->text()));
        QVERIFY2(runs->item(1, 0)->text().contains(QStringLiteral("09/03/2026 02:30")), qPrintable(runs->item(1, 0)->text()));
        QVERIFY2(runs->item(1, 1)->text().contains(QStringLiteral("09/03/2026 15:30")), qPrintable(runs->item(1, 1)->text()));
        QVERIFY(runs->item(4, 0) != nullptr);
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("schedule-next-runs.png"))));
        schedule()->setClock(&Clock::system());
    }

    void theScheduleIsSavedWithTheDefinition()
    {
        schedule()->timeZoneCombo()->setCurrentText(QStringLiteral("Europe/Berlin"));
        schedule()->timeEdit()->setTime(QTime(2, 30));
        choosePreset(ScheduleEditor::Preset::Weekdays);
        schedule()->missedCombo()->setCurrentIndex(schedule()->missedCombo()->findData(int(MissedRunPolicy::Skip)));
        schedule()->pausedCheck()->setChecked(true);
        // The drift check's own times: an error is said under the field and nothing is saved of it;
        // valid times are said in words in the schedule's zone.
        QLineEdit *drift = schedule()->driftCheckEdit();
        drift->setText(QStringLiteral("0 6 * * mo"));
        emit drift->editingFinished();
        QVERIFY2(schedule()->driftCheckDescription()->text().contains(QStringLiteral("day-of-week")),
            qPrintable(schedule()->driftCheckDescription()->text()));
        SyncDefinition applied;
        schedule()->applyTo(applied);
        QVERIFY(applied.driftCheckCron.isEmpty());
        drift->setText(QStringLiteral("0 6 * * 1"));
        emit drift->editingFinished();
        QVERIFY2(schedule()->driftCheckDescription()->text().contains(QStringLiteral("Europe/Berlin")),
            qPrintable(schedule()->driftCheckDescription()->text()));
        QVERIFY(editor()->isModified());
        const qint64 id = editor()->definition().id;
        QSignalSpy saved(definitions(), &DefinitionsPage::saved);
        QTest::mouseClick(definitions()->saveButton(), Qt::LeftButton);
        QVERIFY(saved.wait(15000));
        const auto stored = DefinitionRepository(*m_ui.demo().store()).byId(id);
        QVERIFY(stored.ok());
        QCOMPARE(stored->scheduleCron, QStringLiteral("30 2 * * 1-5"));
        QCOMPARE(stored->scheduleTimeZone, QStringLiteral("Europe/Berlin"));
        QCOMPARE(stored->missedRuns, MissedRunPolicy::Skip);
        QVERIFY(stored->schedulePaused);
        QCOMPARE(stored->driftCheckCron, QStringLiteral("0 6 * * 1"));
        QVERIFY(!editor()->isModified());
    }

    void theOverviewCardShowsTheNextRun()
    {
        // Saved above: weekdays at 02:30 in Berlin, paused.
        m_window->showPage(m_window->overviewPage());
        QTRY_VERIFY(!m_window->overviewPage()->cards().isEmpty());
        const auto scheduleLine
            = [this]() { return m_window->overviewPage()->cards().constFirst()->findChild<QLabel *>(QStringLiteral("schedule"))->text(); };
        QTRY_COMPARE(scheduleLine(), QStringLiteral("Schedule paused"));

        SyncDefinition definition = DefinitionRepository(*m_ui.demo().store()).byId(editor()->definition().id).value();
        definition.schedulePaused = false;
        // Friday 6 March 2026, 12:00 UTC = 21:00 in Tokyo: the next weekday 02:30 in Berlin is Monday 01:30 UTC = 10:30 JST.
        const QDateTime friday(QDate(2026, 3, 6), QTime(12, 0), Qt::UTC);
        QCOMPARE(nextRunText(definition, friday), QStringLiteral("Next run Mon 10:30 (Mon 02:30 Europe/Berlin)"));
        definition.scheduleTimeZone = QStringLiteral("Asia/Tokyo");
        definition.scheduleCron = QStringLiteral("30 22 * * *");
        QCOMPARE(nextRunText(definition, friday), QStringLiteral("Next run 22:30 (Asia/Tokyo)"));
        definition.scheduleCron.clear();
        QCOMPARE(nextRunText(definition, friday), QStringLiteral("Manual runs only"));
    }
};

QTEST_MAIN(TestDefinitionsSchedule)
#include "tst_definitions_schedule.moc"

// The Runs page read by someone new to it, in German at the window's default size: the run table's
// columns show their whole text, event types are words, and a selected event is shown in full in
// the detail pane. The history is written straight into the real meta-store (no run is needed).
#include "demowindow.h"
#include "runhistory.h"
#include "testpaths.h"

#include "mainwindow.h"
#include "runs/runsmodel.h"
#include "runs/runspage.h"

#include "store/definitionrepository.h"
#include "store/runrepository.h"

#include <QHeaderView>
#include <QJsonObject>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>
#include <QTranslator>
#include <QTreeWidget>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestRuns : public QObject
{
    Q_OBJECT

private:
    DemoWindow m_ui;
    MainWindow *m_window = nullptr;
    QTranslator m_german;
    QString m_longMessage;

    RunsPage *runsPage() const { return m_window->runsPage(); }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_ui.start(&error), qPrintable(error));
        QVERIFY2(m_ui.demo().importDefinitionsFile(demoDefinitionPath(), &error), qPrintable(error));
        const MetaStore &store = *m_ui.demo().store();
        const qint64 definitionId = DefinitionRepository(store).all()->constFirst().id;
        QVERIFY(addRunHistory(store, definitionId, 30, QDateTime::currentDateTimeUtc().addSecs(-3600)).ok());
        // The newest run: partly failed, with a wait and a row SharePoint refused at length.
        SyncRun run;
        run.definitionId = definitionId;
        run.status = RunStatus::PartiallyFailed;
        run.finishedAt = QDateTime::currentDateTimeUtc();
        run.counters.rowsRead = 5000;
        run.counters.failed = 1;
        QVERIFY(RunRepository(store).startRun(run).ok());
        QVERIFY(RunRepository(store).updateRun(run).ok());
        RunEvent wait;
        wait.runId = run.id;
        wait.severity = EventSeverity::Warning;
        wait.type = QStringLiteral("throttled");
        wait.message = QStringLiteral("SharePoint throttled the run (429); it waits until 07:31 UTC.");
        QVERIFY(RunRepository(store).addEvent(wait).ok());
        m_longMessage = QStringLiteral("Row id=3: the field Budget cannot hold the value NaN (not a number); ")
                            .repeated(4)
                            .append(QStringLiteral("fix the source row or map the column with a transform."));
        RunEvent failed;
        failed.runId = run.id;
        failed.severity = EventSeverity::Error;
        failed.type = QStringLiteral("item-failed");
        failed.message = m_longMessage;
        failed.payload = {{QStringLiteral("identity"), QStringLiteral("id=3")}, {QStringLiteral("list"), QStringLiteral("Active projects")},
            {QStringLiteral("error"), QStringLiteral("invalidRequest")}, {QStringLiteral("status"), 400}};
        QVERIFY(RunRepository(store).addEvent(failed).ok());

        // German as the GUI loads it, before the window makes its texts.
        QVERIFY(m_german.load(QStringLiteral(SYNCBRIDGE_GERMAN_QM)));
        QCoreApplication::installTranslator(&m_german);
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        m_window = m_ui.openWindow(); // its default size
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window));
    }

    void cleanupTestCase()
    {
        m_ui.stop();
        QCoreApplication::removeTranslator(&m_german);
        QLocale::setDefault(QLocale::c());
    }

    void columnsShowTheirWholeTextAtTheDefaultSizeInGerman()
    {
        m_window->showPage(runsPage());
        QTRY_VERIFY(runsPage()->model()->rowCount() > 30);
        const QHeaderView *header = runsPage()->table()->horizontalHeader();
        const QFontMetrics metrics = runsPage()->table()->fontMetrics();
        const int margins = 2 * runsPage()->table()->style()->pixelMetric(QStyle::PM_HeaderMargin);
        for (const int column : {int(RunsModel::StatusColumn), int(RunsModel::TypeColumn), int(RunsModel::StartedColumn),
                 int(RunsModel::DurationColumn), int(RunsModel::ProcessedColumn), int(RunsModel::FailedColumn)}) {
            const QString title = runsPage()->model()->headerData(column, Qt::Horizontal).toString();
            QVERIFY2(header->fontMetrics().horizontalAdvance(title) + margins <= header->sectionSize(column),
                qPrintable(QStringLiteral("%1: %2 px").arg(title).arg(header->sectionSize(column))));
            for (int row = 0; row < runsPage()->model()->rowCount(); ++row) {
                const QString text = runsPage()->model()->data(runsPage()->model()->index(row, column)).toString();
                QVERIFY2(metrics.horizontalAdvance(text) < header->sectionSize(column),
                    qPrintable(QStringLiteral("%1 in a column of %2 px").arg(text).arg(header->sectionSize(column))));
            }
        }
        // the columns fit beside the definition's name without a horizontal scroll bar
        QVERIFY(header->length() <= runsPage()->table()->viewport()->width());
    }

    void eventTypesAreWordsAndTheDetailPaneShowsAnEventInFull()
    {
        QTreeWidget *events = runsPage()->events();
        QTRY_COMPARE(events->topLevelItemCount(), 2);
        QStringList types;
        for (int i = 0; i < events->topLevelItemCount(); ++i)
            types << events->topLevelItem(i)->text(1);
        QVERIFY2(
            !types.contains(QStringLiteral("item-failed")) && !types.contains(QStringLiteral("throttled")), qPrintable(types.join(',')));
        QVERIFY2(!types.at(1).contains(QLatin1Char('-')) && types.at(1).contains(QLatin1Char(' ')), qPrintable(types.at(1)));

        // the type is read whole; the message gets the room (on main it had ~100 px beside wide Row and Graph error columns)
        QVERIFY(events->fontMetrics().horizontalAdvance(types.at(1)) < events->header()->sectionSize(1));
        QVERIFY2(events->header()->sectionSize(2) > events->viewport()->width() / 3,
            qPrintable(QString::number(events->header()->sectionSize(2))));

        events->setCurrentItem(events->topLevelItem(1));
        const QString detail = runsPage()->eventDetail()->toPlainText();
        QVERIFY2(detail.contains(m_longMessage), qPrintable(detail));
        QVERIFY2(detail.contains(QStringLiteral("id=3")) && detail.contains(QStringLiteral("Active projects")), qPrintable(detail));
        QVERIFY(detail.contains(types.at(1)));
        QVERIFY(m_window->grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("runs-page-german.png"))));
    }
};

QTEST_MAIN(TestRuns)
#include "tst_runs.moc"

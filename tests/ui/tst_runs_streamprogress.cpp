// A continuous CDC run's progress as the run dialog (Full) and the Overview's card (Compact) draw it:
// no end to show, so the bar is busy and the line says how far behind the stream is (bytes and
// seconds), how fast changes go out, and how many wait in the process.
#include "testpaths.h"

#include "runs/runprogressview.h"

#include <QDir>
#include <QLabel>
#include <QProgressBar>
#include <QTest>
#include <QVBoxLayout>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestRunsStreamProgress : public QObject
{
    Q_OBJECT

    static RunProgress streaming()
    {
        RunProgress progress;
        progress.phase = RunPhase::Pushing;
        progress.counters.created = 930;
        progress.counters.updated = 28;
        progress.counters.deleted = 2;
        progress.estimatedRows = 5000; // a stream has no end: not shown as a share of the table
        StreamProgress stream;
        stream.lagBytes = 3 * 1024 * 1024;
        stream.lagSeconds = 2.5;
        stream.changesPerSecond = 48;
        stream.queued = 20;
        stream.delivered = 960;
        progress.stream = stream;
        return progress;
    }

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void aContinuousRunShowsItsLagRateAndQueue()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(new QLabel(QStringLiteral("Run dialog (Full), then the Overview card (Compact):")));
        auto *full = new RunProgressView(RunProgressView::Detail::Full);
        auto *compact = new RunProgressView(RunProgressView::Detail::Compact);
        layout->addWidget(full);
        layout->addWidget(compact);
        for (RunProgressView *view : {full, compact}) {
            view->setProgress(streaming());
            // "%n change(s) queued" reads "20 changes queued" once the lead refreshes the English plurals (translations/*.ts).
            QVERIFY2(view->summary().startsWith(QStringLiteral("3.00 MiB behind (2.5 s) · 48 changes/s · 20 change")),
                qPrintable(view->summary()));
            QCOMPARE(view->bar()->maximum(), 0); // busy, not "960 of about 5,000 rows"
        }
        // A drain of the same definition shows the usual rate and share again.
        RunProgress drain = streaming();
        drain.stream.reset();
        compact->setProgress(drain);
        QVERIFY2(compact->summary().contains(QLatin1String("items/s")), qPrintable(compact->summary()));
        QCOMPARE(compact->bar()->maximum(), 1000);
        compact->setProgress(streaming());

        window.resize(560, window.sizeHint().height());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.grab().save(QDir(artifactDirectory()).filePath(QStringLiteral("cdc-stream-progress.png"))));
    }
};

QTEST_MAIN(TestRunsStreamProgress)
#include "tst_runs_streamprogress.moc"

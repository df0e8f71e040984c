// Issue 14's preview figure: a 5,000-row preview in which every row is an update, so the current
// values of 5,000 items are read from their three lists (paged, $select of the mapped columns) and
// compared field by field. Measured: the dry run on its worker thread (what the person waits for
// while the GUI stays free), and what the GUI thread does with the answer — the model takes the
// rows, the action filter narrows them, and every Changes cell of the view is drawn once. Medians
// of three rounds, printed; the real PostgreSQL, emulator and meta-store.
#include "demoenvironment.h"
#include "testpaths.h"

#include "definitions/previewmodel.h"

#include "store/definitionrepository.h"
#include "sync/runcontroller.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {
constexpr int rounds = 3;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}
} // namespace

class BenchPreview : public QObject
{
    Q_OBJECT

    DemoEnvironment m_demo{{QStringLiteral("Demo projects"), QStringLiteral("Demo tenant")}};

    RunOutcome run(RunController &runs, qint64 id, const RunOptions &options)
    {
        QSignalSpy finished(&runs, &RunController::finished);
        if (!runs.start(id, options).ok() || !finished.wait(600000))
            return {};
        return finished.first().at(1).value<RunOutcome>();
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<RunOutcome>();
        QString error;
        QVERIFY2(m_demo.start(&error), qPrintable(error));
        QVERIFY2(m_demo.importDefinitionsFile(demoDefinitionPath(), &error), qPrintable(error));
    }

    void fiveThousandUpdatesPreviewed()
    {
        const qint64 id = DefinitionRepository(*m_demo.store()).byName(QStringLiteral("Demo projects to SharePoint"))->id;
        RunController runs(m_demo.store(), m_demo.secrets());
        QCOMPARE(run(runs, id, {}).counters.created, 5000);
        // Every row changes its name (and the trigger its updated_at): 5,000 updates, two fields each old → new.
        QVERIFY(m_demo.postgres().query(QStringLiteral("demo"), QStringLiteral("UPDATE projects SET name = name || ' (2)'")).ok());

        RunOptions preview;
        preview.dryRun = true;
        preview.previewRows = 100000;
        QList<double> worker, model, filter, draw;
        for (int round = 0; round < rounds; ++round) {
            QElapsedTimer timer;
            timer.start();
            const RunOutcome outcome = run(runs, id, preview);
            worker << double(timer.elapsed());
            QCOMPARE(outcome.preview.size(), 5000);
            QVERIFY(std::all_of(outcome.preview.cbegin(), outcome.preview.cend(), [](const PreviewRow &row) {
                return row.action == QLatin1String("update") && row.currentKnown && row.changes.size() == 2; // name and updated_at
            }));

            PreviewModel rows;
            PreviewFilter filtered;
            filtered.setSourceModel(&rows);
            timer.restart();
            rows.setRows(outcome.preview);
            model << double(timer.nsecsElapsed()) / 1e6;
            timer.restart();
            // Each filter asked for its rows, as the view does at once.
            filtered.setAction(QStringLiteral("update"));
            const int updates = filtered.rowCount();
            filtered.setList(QStringLiteral("Active projects"));
            const int active = filtered.rowCount();
            filtered.setList({});
            const int all = filtered.rowCount();
            filter << double(timer.nsecsElapsed()) / 1e6;
            QCOMPARE(updates, 5000);
            QVERIFY(active > 0 && active < 5000);
            QCOMPARE(all, 5000);
            timer.restart();
            qsizetype characters = 0;
            for (int row = 0; row < filtered.rowCount(); ++row)
                characters += filtered.index(row, PreviewModel::ChangesColumn).data().toString().size();
            draw << double(timer.nsecsElapsed()) / 1e6;
            QVERIFY(characters > 0);
        }
        qInfo().noquote() << QStringLiteral(
            "preview of 5,000 updates (%1 rounds, medians): dry run with the current values read %2 ms "
            "(worker thread); on the GUI thread: model %3 ms, three filters %4 ms, all 5,000 Changes texts %5 ms")
                                 .arg(rounds)
                                 .arg(median(worker), 0, 'f', 0)
                                 .arg(median(model), 0, 'f', 2)
                                 .arg(median(filter), 0, 'f', 1)
                                 .arg(median(draw), 0, 'f', 1);
    }
};

QTEST_MAIN(BenchPreview)
#include "bench_preview.moc"

// Issue 6's figure: the Runs page opens a history of 100,000 runs in under a second. Measured from
// asking the page to load until the first page of runs is in the table and painted, on the real
// SQLite meta-store; then a status filter and a further page. Medians of five rounds, printed.
#include "runhistory.h"

#include "mainwindow.h"
#include "runs/runsmodel.h"
#include "runs/runspage.h"

#include "secrets/memorysecretstore.h"
#include "store/connectionrepository.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {
constexpr int historySize = 100000;
constexpr int rounds = 5;

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}
} // namespace

class BenchRunHistory : public QObject
{
    Q_OBJECT

private slots:
    void openingOneHundredThousandRuns()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("SyncBridgeBench"));
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QTemporaryDir dir;
        auto store = MetaStore::open(*StoreLocation::parse(dir.filePath(QStringLiteral("store.db"))));
        QVERIFY(store.ok());
        Database database;
        database.name = QStringLiteral("Bench");
        database.databaseName = QStringLiteral("bench");
        DatabaseInstance instance;
        instance.name = QStringLiteral("primary");
        instance.host = QStringLiteral("127.0.0.1");
        instance.port = 5432;
        instance.userName = QStringLiteral("bench");
        database.instances << instance;
        QVERIFY(ConnectionRepository(**store).saveDatabase(database).ok());
        SyncDefinition definition;
        definition.name = QStringLiteral("Projects");
        definition.source.databaseId = database.id;
        definition.source.table = QStringLiteral("projects");
        definition.cursorColumn = QStringLiteral("updated_at");
        QVERIFY(DefinitionRepository(**store).save(definition).ok());
        QElapsedTimer fill;
        fill.start();
        QVERIFY(addRunHistory(**store, definition.id, historySize, QDateTime::currentDateTimeUtc()).ok());
        qInfo("generated %d runs in %.1f s", historySize, fill.elapsed() / 1000.0);

        MemorySecretStore secrets;
        QThreadPool pool;
        pool.setMaxThreadCount(1);
        AppContext context;
        context.store = *store;
        context.secrets = &secrets;
        context.storePool = &pool;
        {
            MainWindow window(context);
            window.resize(1280, 800);
            window.show();
            RunsPage *page = window.runsPage();
            window.showPage(page);
            QList<double> open, filter, more;
            for (int round = 0; round < rounds; ++round) {
                QSignalSpy loaded(page->model(), &RunsModel::loaded);
                QElapsedTimer timer;
                timer.start();
                page->reload();
                QVERIFY(loaded.wait(30000));
                page->table()->viewport()->repaint();
                open << timer.elapsed();
                QCOMPARE(page->model()->totalRuns(), historySize);
                QCOMPARE(page->model()->rowCount(), RunsModel::pageSize);

                loaded.clear();
                timer.restart();
                page->statusFilter()->setCurrentIndex(page->statusFilter()->findData(int(RunStatus::Failed)));
                QVERIFY(loaded.wait(30000));
                page->table()->viewport()->repaint();
                filter << timer.elapsed();
                QCOMPARE(page->model()->totalRuns(), historySize / 10);

                QSignalSpy inserted(page->model(), &QAbstractItemModel::rowsInserted);
                timer.restart();
                page->model()->fetchMore({});
                QVERIFY(inserted.wait(30000));
                more << timer.elapsed();
                QCOMPARE(page->model()->rowCount(), 2 * RunsModel::pageSize);
                page->statusFilter()->setCurrentIndex(0);
                QTRY_COMPARE_WITH_TIMEOUT(page->model()->totalRuns(), historySize, 30000);
            }
            qInfo("Runs page with %d runs: opens (count + first %d runs, painted) in %.0f ms; status filter %.0f ms; next page %.0f ms (medians of %d)",
                  historySize, RunsModel::pageSize, median(open), median(filter), median(more), rounds);
        }
        pool.start([store = *store]() { store->releaseThreadConnection(); });
        pool.waitForDone();
    }
};

QTEST_MAIN(BenchRunHistory)
#include "bench_runhistory.moc"

// Leases of the tenant's shared budget as a process takes them (issue 12): the GUI thread's Graph
// calls (GraphClients, as the Catalog page and provisioning make them) never wait for the
// meta-store — the ledger is asked on a thread of its own while the call waits on the event loop;
// a day other processes spent is a daily wait, which a run reports. Real parts: the emulator
// process, a SQLite meta-store, the product's registry, clients and governor.
#include "emulatorprocess.h"
#include "manualclock.h"

#include "graph/budgetledger.h"
#include "graph/governor.h"
#include "graph/governorregistry.h"
#include "graph/graphclient.h"
#include "graph/graphclients.h"
#include "graph/ledgerthread.h"
#include "secrets/memorysecretstore.h"
#include "store/budgetrepository.h"
#include "store/connectionrepository.h"
#include "store/metastore.h"

#include <QAtomicInt>
#include <QCoreApplication>
#include <QMutex>
#include <QScopeGuard>
#include <QSemaphore>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <optional>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {

// The store's ledger behind a gate: it notes which threads call it, and holds every call until the
// test opens the gate — as a busy store (another process's transaction, a slow network) would.
class GatedLedger final : public BudgetLedger
{
public:
    explicit GatedLedger(std::shared_ptr<BudgetLedger> ledger)
        : m_ledger(std::move(ledger))
    {
    }

    Result<BudgetLease> lease(const BudgetLeaseRequest &request) override
    {
        {
            const QMutexLocker lock(&m_mutex);
            m_callers << QThread::currentThread();
        }
        // A call on the test's (the GUI) thread is let through: holding it would hang the test
        // instead of failing it.
        if (QThread::currentThread() != QCoreApplication::instance()->thread()) {
            m_held.ref();
            m_gate.acquire();
            m_gate.release();
            m_held.deref();
        }
        return m_ledger->lease(request);
    }
    void threadEnds() override { m_ledger->threadEnds(); }

    void open() { m_gate.release(); }
    int held() const { return m_held.loadAcquire(); }
    QList<QThread *> callers() const
    {
        const QMutexLocker lock(&m_mutex);
        return m_callers;
    }

private:
    std::shared_ptr<BudgetLedger> m_ledger;
    QSemaphore m_gate;
    QAtomicInt m_held;
    mutable QMutex m_mutex;
    QList<QThread *> m_callers;
};

} // namespace

class TestBudgetLeases : public QObject
{
    Q_OBJECT

private:
    EmulatorProcess m_emulator;
    QTemporaryDir m_dir;
    std::shared_ptr<MetaStore> m_store;
    MemorySecretStore m_secrets;
    SharePointConnection m_connection;

private slots:
    void initTestCase()
    {
        QVERIFY(m_emulator.start());
        auto store = MetaStore::open(*StoreLocation::parse(m_dir.filePath(QStringLiteral("store.db"))));
        QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().toString()));
        m_store = *store;
        m_connection = m_emulator.sharePointConnection();
        QVERIFY(ConnectionRepository(*m_store).saveSharePointConnection(m_connection).ok());
        QVERIFY(m_connection.id > 0); // the registry shares the budget of stored connections only
        QVERIFY(writeSecretBlocking(m_secrets, m_connection.secretRef, QStringLiteral("demo-secret")).ok());
    }

    void cleanupTestCase() { m_store->releaseThreadConnection(); }

    void aGuiCallWaitsForItsLeaseOnTheEventLoop()
    {
        auto ledger = std::make_shared<GatedLedger>(std::make_shared<BudgetRepository>(m_store));
        {
            GovernorRegistry governors(ledger);
            const auto openAtTheEnd = qScopeGuard([&]() { ledger->open(); }); // before the registry records what was spent
            GraphClients clients(governors, m_secrets);
            std::optional<GraphResponse> answer;
            GraphRequest request;
            request.url = QStringLiteral("/sites/root");
            clients.clientFor(m_connection).send(request, [&](GraphResponse response) { answer = response; });
            // send() came back while the ledger holds the lease request, and this thread's event
            // loop goes on (QTRY_ spins it) until the lease comes.
            QTRY_COMPARE(ledger->held(), 1);
            QVERIFY(!answer);
            ledger->open();
            QTRY_VERIFY(answer);
            QCOMPARE(answer->status, 200);
            QCOMPARE(governors.governorFor(m_connection)->view().spentToday, 1);
        } // the registry records what was spent, on the ledger's thread as well
        const QList<QThread *> callers = ledger->callers();
        QVERIFY(callers.size() >= 2); // the lease, and recording it at the end
        QVERIFY2(!callers.contains(QThread::currentThread()), "the store was asked on the GUI thread");
        QCOMPARE(BudgetRepository(m_store).usage(m_connection.id, QDateTime::currentDateTimeUtc())->spentToday, 1);
    }

    void aDaySpentByOtherProcessesIsADailyWait_data()
    {
        QTest::addColumn<qint64>("reservedByOthers"); // RU other processes leased in the last minute
        QTest::addColumn<qint64>("ruPerDay");
        QTest::addColumn<qint64>("dailyRenewsInMs"); // what the governor's view says
        QTest::addColumn<qint64>("waitMs");          // what a request is told to wait
        // 08:00 UTC: the day renews in 16 h.
        QTest::newRow("the day is spent") << qint64(1000) << qint64(1000) << qint64(16 * 3600 * 1000) << qint64(16 * 3600 * 1000);
        // The minute, not the day: a short wait until the other leases leave the last 60 s (plus their life).
        QTest::newRow("only the minute is full") << qint64(1250) << qint64(1200000) << qint64(0) << qint64(65000);
    }

    void aDaySpentByOtherProcessesIsADailyWait()
    {
        QFETCH(qint64, reservedByOthers);
        QFETCH(qint64, ruPerDay);
        QFETCH(qint64, dailyRenewsInMs);
        QFETCH(qint64, waitMs);
        ManualClock clock; // 08:00 UTC
        SharePointConnection connection = m_emulator.sharePointConnection(QString::fromLatin1(QTest::currentDataTag()));
        QVERIFY(ConnectionRepository(*m_store).saveSharePointConnection(connection).ok()); // a budget of its own
        auto budget = std::make_shared<BudgetRepository>(m_store);
        QCOMPARE(
            budget->lease({connection.id, clock.nowUtc(), reservedByOthers, reservedByOthers, ruPerDay, 0, 0})->granted, reservedByOthers);
        GovernorSettings settings;
        settings.ruPerDay = ruPerDay;
        auto ledger = std::make_shared<LedgerThread>(budget);
        Governor governor(settings, clock);
        governor.shareBudget(ledger, connection.id);
        QVERIFY(governor.tryAcquire(2) > 0); // a lease is asked …
        ledger->drain();                     // … and refused
        QCOMPARE(governor.tryAcquire(2), waitMs);
        QCOMPARE(governor.view().dailyRenewsInMs, dailyRenewsInMs); // what a run's budget-wait reports
    }
};

QTEST_GUILESS_MAIN(TestBudgetLeases)
#include "tst_budgetleases.moc"

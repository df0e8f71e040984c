// What processes sharing one meta-store hold, against a real store on the driver
// SYNCBRIDGE_TEST_STORE selects (storetestbase.h): run leases, column locks, the tenant's budget
// leases, schedule claims and agent names — each a compare-and-set the store decides.
#include "manualclock.h"
#include "storetestbase.h"

#include "graph/governor.h"
#include "graph/ledgerthread.h"
#include "store/agentrepository.h"
#include "store/budgetrepository.h"
#include "store/columnlockrepository.h"
#include "store/definitionrepository.h"
#include "store/leaserepository.h"
#include "store/scheduleclaimrepository.h"

#include <QTest>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestStoreLeases : public StoreTestBase
{
    Q_OBJECT

private slots:
    void initTestCase() { startServerIfAsked(); }
    void init() { openFreshStore(); }
    void cleanup() { m_store.reset(); }

    void aRunLeaseHasOneHolderUntilItIsGivenBackOrRunsOut()
    {
        const auto [databaseId, connectionId] = addConnections();
        SyncDefinition definition = sampleDefinition(databaseId, connectionId);
        QVERIFY(DefinitionRepository(*m_store).save(definition).ok());
        LeaseRepository leases(*m_store);
        const QDateTime t0(QDate(2026, 12, 2), QTime(10, 0), Qt::UTC);
        const qint64 minute = 60 * 1000;

        QVERIFY(!leases.holder(definition.id)->has_value());
        QCOMPARE(leases.acquire(definition.id, QStringLiteral("a"), QStringLiteral("host-a:1"), t0, minute)->token, QStringLiteral("a"));
        QVERIFY(leases.setRun(definition.id, QStringLiteral("a"), 42).ok());
        // a second run, while the first renews, finds it holding the lease
        const auto refused = leases.acquire(definition.id, QStringLiteral("b"), QStringLiteral("host-b:2"), t0.addSecs(30), minute);
        QCOMPARE(refused->token, QStringLiteral("a"));
        QCOMPARE(refused->agent, QStringLiteral("host-a:1"));
        QCOMPARE(refused->runId, 42);
        QCOMPARE(refused->acquiredAt, t0);
        QVERIFY(*leases.renew(definition.id, QStringLiteral("a"), t0.addSecs(45), minute)); // now runs out at 10:01:45
        QCOMPARE(leases.acquire(definition.id, QStringLiteral("b"), QStringLiteral("host-b:2"), t0.addSecs(90), minute)->token,
            QStringLiteral("a"));
        // the holder stops renewing: past its expiry the lease is taken over, and the old holder learns it lost it
        QCOMPARE(leases.acquire(definition.id, QStringLiteral("b"), QStringLiteral("host-b:2"), t0.addSecs(106), minute)->token,
            QStringLiteral("b"));
        QVERIFY(!*leases.renew(definition.id, QStringLiteral("a"), t0.addSecs(107), minute));
        QCOMPARE(leases.holder(definition.id)->value().runId, 0);
        // a holder known to be dead is replaced at once; giving the lease back frees it
        QCOMPARE(
            leases.acquire(definition.id, QStringLiteral("c"), QStringLiteral("host-b:3"), t0.addSecs(110), minute, QStringLiteral("b"))
                ->token,
            QStringLiteral("c"));
        QVERIFY(leases.release(definition.id, QStringLiteral("b"), t0.addSecs(110)).ok()); // not its lease any more: nothing happens
        QCOMPARE(leases.holder(definition.id)->value().token, QStringLiteral("c"));
        QVERIFY(leases.release(definition.id, QStringLiteral("c"), t0.addSecs(111)).ok());
        QVERIFY(!leases.holder(definition.id)->has_value());

        // Until when a holder's writes may land: kept when its lease is taken over, and a lease given
        // back before that stays as an expired lease of no run, which the next run takes at once.
        QCOMPARE(leases.acquire(definition.id, QStringLiteral("d"), QStringLiteral("host-b:4"), t0.addSecs(120), minute)->token,
            QStringLiteral("d"));
        QVERIFY(!leases.holder(definition.id)->value().writesLandBy.isValid());
        QVERIFY(leases.setWritesLandBy(definition.id, QStringLiteral("d"), t0.addSecs(300)).ok());
        const auto takenOver
            = leases.acquire(definition.id, QStringLiteral("e"), QStringLiteral("host-b:5"), t0.addSecs(130), minute, QStringLiteral("d"));
        QCOMPARE(takenOver->token, QStringLiteral("e"));
        QCOMPARE(takenOver->writesLandBy, t0.addSecs(300));
        QVERIFY(leases.setRun(definition.id, QStringLiteral("e"), 43).ok());
        QVERIFY(leases.release(definition.id, QStringLiteral("e"), t0.addSecs(140)).ok());
        const RunLeaseHolder left = leases.holder(definition.id)->value();
        QCOMPARE(left.runId, 0);
        QCOMPARE(left.writesLandBy, t0.addSecs(300));
        const auto next = leases.acquire(definition.id, QStringLiteral("f"), QStringLiteral("host-b:6"), t0.addSecs(141), minute);
        QCOMPARE(next->token, QStringLiteral("f"));
        QCOMPARE(next->writesLandBy, t0.addSecs(300));
        QVERIFY(leases.setWritesLandBy(definition.id, QStringLiteral("f"), {}).ok()); // answered
        QVERIFY(leases.release(definition.id, QStringLiteral("f"), t0.addSecs(150)).ok());
        QVERIFY(!leases.holder(definition.id)->has_value());
    }

    // One writer of a column's choices at a time: a live lock of another token refuses, one that ran
    // out is taken over, and only its holder gives it back.
    void aColumnLockHasOneHolderUntilItIsGivenBackOrRunsOut()
    {
        ColumnLockRepository locks(*m_store);
        const QDateTime t0(QDate(2026, 12, 3), QTime(10, 0), Qt::UTC);
        const qint64 minute = 60 * 1000;
        const QString list = QStringLiteral("list-1"), status = QStringLiteral("Status");
        QVERIFY(*locks.tryLock(list, status, QStringLiteral("a"), QStringLiteral("host-a:1"), t0, minute));
        QVERIFY(!*locks.tryLock(list, status, QStringLiteral("b"), QStringLiteral("host-b:2"), t0.addSecs(59), minute));
        QVERIFY(*locks.tryLock(list, QStringLiteral("Tags"), QStringLiteral("b"), QStringLiteral("host-b:2"), t0.addSecs(1), minute));
        QVERIFY(locks.unlock(list, status, QStringLiteral("b")).ok()); // not b's: a keeps it
        QVERIFY(!*locks.tryLock(list, status, QStringLiteral("c"), QStringLiteral("host-c:3"), t0.addSecs(2), minute));
        QVERIFY(*locks.tryLock(list, status, QStringLiteral("c"), QStringLiteral("host-c:3"), t0.addSecs(61), minute)); // a's ran out
        QVERIFY(locks.unlock(list, status, QStringLiteral("c")).ok());
        QVERIFY(*locks.tryLock(list, status, QStringLiteral("a"), QStringLiteral("host-a:1"), t0.addSecs(62), minute));
    }

    void budgetLeasesStayWithinTheMinuteAndTheDay()
    {
        const qint64 connection = addConnections().second;
        QVERIFY(connection > 0);
        BudgetRepository budget(m_store);
        Test::ManualClock clock; // 08:00:00 UTC
        const auto lease = [&](qint64 wanted, qint64 spent = 0, qint64 unused = 0) {
            return budget.lease({connection, clock.nowUtc(), wanted, 300, 1000, spent, unused}).value();
        };
        QCOMPARE(lease(80).granted, 80);
        const BudgetLease second = lease(80);
        QCOMPARE(second.granted, 80);
        QCOMPARE(second.full, BudgetLease::Full::Nothing);
        clock.advance(30000);
        QCOMPARE(lease(80).granted, 80);
        const BudgetLease partial = lease(80, 200); // 200 RU spent so far are recorded
        QCOMPARE(partial.granted, 60);              // the minute holds 300
        const BudgetLease none = lease(80);
        QCOMPARE(none.granted, 0);
        QCOMPARE(none.full, BudgetLease::Full::Minute);
        QCOMPARE(none.retryInMs, 35000);        // when the first lease leaves the last minute
        QCOMPARE(lease(20, 0, 20).granted, 20); // RU given back are room again
        clock.advance(35000);
        QCOMPARE(lease(200).granted, 160); // the first two leases left the window
        clock.advance(65000);
        QCOMPARE(lease(300).granted, 300);
        QCOMPARE(lease(300, 100).granted, 0); // … but the day holds 1,000, and 980 are reserved
        const BudgetLease dayFull = lease(300);
        QCOMPARE(dayFull.full, BudgetLease::Full::Day);         // a run reports this wait (budget-wait)
        QCOMPARE(dayFull.retryInMs, 16 * 3600 * 1000 - 130000); // the next UTC day
        const BudgetUsage used = budget.usage(connection, clock.nowUtc()).value();
        QCOMPARE(used.spentToday, 300);
        QCOMPARE(used.admittedLastMinute, 300); // leased at the last step; spending is not the measure
        clock.advance(16 * 3600 * 1000);
        QCOMPARE(lease(80).granted, 80);
        QCOMPARE(budget.usage(connection, clock.nowUtc())->spentToday, 0);
    }

    void theLastMinuteShowsWhatWasAdmittedNeverMoreThanTheBudget()
    {
        // Spending is recorded when a process next leases: two leases' spending recorded 20 s apart
        // lie in one minute although the leases were granted 70 s apart. The figure shown is what
        // the governors were admitted, which the minute budget bounds.
        const qint64 connection = addConnections().second;
        BudgetRepository budget(m_store);
        Test::ManualClock clock;
        const auto lease = [&](qint64 wanted, qint64 spent = 0) {
            return budget.lease({connection, clock.nowUtc(), wanted, 100, 100000, spent, 0}).value();
        };
        QCOMPARE(lease(100).granted, 100);
        clock.advance(55000);
        lease(0, 100); // the first lease's spending is recorded now
        clock.advance(15000);
        QCOMPARE(lease(100).granted, 100); // the first lease has left the counted minute
        clock.advance(5000);
        lease(0, 100);
        clock.advance(1000);
        const BudgetUsage used = budget.usage(connection, clock.nowUtc()).value();
        QCOMPARE(used.spentToday, 200);
        QCOMPARE(used.admittedLastMinute, 100);
    }

    void budgetLeasesFromManyThreadsNeverOverbook()
    {
        // Four threads, four connections, leasing at once: the store serialises them, so what they
        // are granted together is exactly the minute's budget.
        const qint64 connection = addConnections().second;
        auto budget = std::make_shared<BudgetRepository>(m_store);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QList<std::pair<qint64, Qt::HANDLE>> granted = onOwnThreads<std::pair<qint64, Qt::HANDLE>>(4, [&]() {
            qint64 sum = 0;
            for (int i = 0; i < 40; ++i) {
                auto lease = budget->lease({connection, now, 10, 250, 1000000, 0, 0});
                if (lease)
                    sum += lease->granted;
            }
            m_store->releaseThreadConnection();
            return std::pair{sum, QThread::currentThreadId()};
        });
        qint64 total = 0;
        for (const auto &[sum, thread] : granted) {
            QVERIFY(thread != QThread::currentThreadId()); // four threads, none of them this one
            total += sum;
        }
        QCOMPARE(total, 250);
    }

    void governorsOfTwoProcessesShareOneBudget()
    {
        // Two governors as two processes would have them, one store: within any 60 s they admit no
        // more than the minute budget together, and the store's day is what they spent.
        const qint64 connection = addConnections().second;
        auto budget = std::make_shared<BudgetRepository>(m_store);
        Test::ManualClock clock;
        GovernorSettings settings;
        settings.ruPerWindow = 600;
        const std::shared_ptr<LedgerThread> ledgers[2] = {std::make_shared<LedgerThread>(budget), std::make_shared<LedgerThread>(budget)};
        Governor first(settings, clock);
        Governor second(settings, clock);
        first.shareBudget(ledgers[0], connection);
        second.shareBudget(ledgers[1], connection);
        QList<QPair<qint64, qint64>> spends; // (time, cost)
        qint64 spent[2] = {0, 0};
        for (qint64 t = 0; t < 4 * 60000; t += 100) {
            for (int g = 0; g < 2; ++g) {
                Governor &governor = g == 0 ? first : second;
                for (int i = 0; i < 50; ++i) {
                    qint64 wait = governor.tryAcquire(40);
                    if (wait != 0) {
                        ledgers[g]->drain(); // a lease asked on the ledger's thread has come back
                        wait = governor.tryAcquire(40);
                    }
                    if (wait != 0)
                        break;
                    governor.release(200);
                    spent[g] += 40;
                    spends.append({clock.nowUtc().toMSecsSinceEpoch(), 40});
                }
            }
            clock.advance(100);
        }
        first.settle();
        second.settle();
        qint64 worst = 0;
        qint64 inWindow = 0;
        for (int right = 0, left = 0; right < spends.size(); ++right) {
            inWindow += spends[right].second;
            while (spends[right].first - spends[left].first >= 60000)
                inWindow -= spends[left++].second;
            worst = qMax(worst, inWindow);
        }
        QVERIFY2(worst <= 600, qPrintable(QString::number(worst)));
        QVERIFY2(spent[0] > 0 && spent[1] > 0, "both processes got their turn");
        QVERIFY2(spent[0] + spent[1] >= 3 * 600, qPrintable(QString::number(spent[0] + spent[1]))); // and used the budget
        QCOMPARE(budget->usage(connection, clock.nowUtc())->spentToday, spent[0] + spent[1]);
    }

    // The claims' compare-and-set and the database clock's SQL, on both drivers (the agent itself:
    // tst_scheduleragent).
    void aScheduleOccurrenceIsClaimedOnceAndRescuedOnlyWhenItsLeaseLapsed()
    {
        const auto [databaseId, connectionId] = addConnections();
        SyncDefinition definition = sampleDefinition(databaseId, connectionId);
        QVERIFY(DefinitionRepository(*m_store).save(definition).ok());
        ScheduleClaimRepository claims(*m_store);
        const QDateTime occurrence(QDate(2026, 12, 2), QTime(2, 30), Qt::UTC);
        const qint64 minute = 60 * 1000;

        QVERIFY(claims.claim(definition.id, occurrence, QStringLiteral("a"), false, minute)->claimed);
        QVERIFY(!claims.claim(definition.id, occurrence, QStringLiteral("a"), false, minute)->claimed);
        QVERIFY(!claims.claim(definition.id, occurrence, QStringLiteral("b"), true, minute)->claimed);
        const ScheduleClaim held = claims.claimOf(definition.id, occurrence)->value();
        QCOMPARE(held.agent, QStringLiteral("a"));
        QVERIFY(!held.catchUp);
        const QDateTime databaseNow = AgentRepository(*m_store).databaseNow().value();
        QVERIFY(qAbs(held.claimedAt.msecsTo(databaseNow)) < 60 * minute); // stamped by the database's clock
        QCOMPARE(held.claimedAt.msecsTo(held.leaseUntil), minute);
        QVERIFY(!claims.openClaims()->constFirst().lapsed);

        // A claim read as an orphan is taken over once; a second rescuer finds it changed.
        QVERIFY(claims.rescue(held, QStringLiteral("b"), minute)->claimed);
        QVERIFY(!claims.rescue(held, QStringLiteral("c"), minute)->claimed);
        QVERIFY(claims.attachRun(definition.id, occurrence, 7).ok());
        QVERIFY(claims.finish(definition.id, occurrence, QStringLiteral("a"), 0, QStringLiteral("SUCCEEDED")).ok()); // not a's any more
        QVERIFY(claims.claimOf(definition.id, occurrence)->value().outcome.isEmpty());
        QVERIFY(claims.finish(definition.id, occurrence, QStringLiteral("b"), 7, QStringLiteral("SUCCEEDED")).ok());
        QCOMPARE(claims.claimOf(definition.id, occurrence)->value().outcome, QStringLiteral("SUCCEEDED"));
        QVERIFY(claims.openClaims()->isEmpty());
        QVERIFY(!claims.claim(definition.id, occurrence, QStringLiteral("c"), false, 0)->claimed); // ran: never again

        // A lease of 0 ms lapses at once by the database's clock: another agent's claim rescues it.
        const QDateTime next = occurrence.addDays(1);
        QVERIFY(claims.claim(definition.id, next, QStringLiteral("a"), false, -1)->claimed);
        QTRY_VERIFY(claims.openClaims()->constFirst().lapsed);
        const auto rescued = claims.claim(definition.id, next, QStringLiteral("b"), false, minute);
        QVERIFY(rescued->claimed);
        QCOMPARE(rescued->rescued->agent, QStringLiteral("a"));
        QCOMPARE(claims.claims(definition.id)->size(), 2);

        for (int day = 1; day <= 1000; ++day) { // one clock reading per statement, however the clock ticks
            QVERIFY(claims.claim(definition.id, occurrence.addDays(-day), QStringLiteral("a"), false, minute)->claimed);
            const ScheduleClaim other = claims.claimOf(definition.id, occurrence.addDays(-day))->value();
            QCOMPARE(other.claimedAt.msecsTo(other.leaseUntil), minute);
        }
    }

    void anAgentNameHasOneLiveHolder()
    {
        AgentRepository agents(*m_store);
        AgentRecord a{QStringLiteral("nightly"), QStringLiteral("host-a"), 11, QStringLiteral("0.1.0"), {}, {}, false, {}};
        AgentRecord b{QStringLiteral("nightly"), QStringLiteral("host-b"), 22, QStringLiteral("0.1.0"), {}, {}, false, {}};
        QVERIFY(agents.registerAgent(a, 60000).ok());
        QCOMPARE(agents.registerAgent(b, 60000).error().code(), ErrorCode::Busy);
        a.running = QStringList{QStringLiteral("Projects"), QStringLiteral("Orders")};
        QVERIFY(*agents.heartbeat(a));
        QVERIFY(!*agents.heartbeat(b));
        const AgentRecord listed = agents.agents()->constFirst();
        QCOMPARE(listed.host, QStringLiteral("host-a"));
        QCOMPARE(listed.running, a.running);
        QVERIFY(listed.heartbeatAt.isValid());
        QVERIFY(agents.registerAgent(b, -1).ok()); // a's heartbeat is older than "stale after -1 ms"
        QCOMPARE(agents.agents()->constFirst().host, QStringLiteral("host-b"));
        QVERIFY(agents.deregister(b).ok());
        QVERIFY(agents.agents()->isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestStoreLeases)
#include "tst_storeleases.moc"

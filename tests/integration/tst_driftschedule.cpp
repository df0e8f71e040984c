// Scheduled drift checks (docs/drift.md, "Scheduled checks") against a real PostgreSQL and the
// emulator: two agents' DriftWatches share the store and a clock the test moves; each occurrence
// of the definition's drift-check times is checked once, by one of them; a check that finds drift
// is announced, and so is the next one in sync.
#include "drifttestbase.h"
#include "manualclock.h"

#include "agent/driftwatch.h"
#include "graph/governorregistry.h"
#include "store/budgetrepository.h"
#include "store/definitionrepository.h"
#include "store/runrepository.h"

#include <QRegularExpression>
#include <QSignalSpy>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestDriftSchedule : public DriftTestBase
{
    Q_OBJECT

private:
    qint64 driftRuns()
    {
        RunFilter filter;
        filter.type = RunType::Drift;
        auto count = RunRepository(*m_store).countRuns(filter);
        return count ? *count : -1;
    }

private slots:
    void initTestCase() { startDrift(); }

    void aTeamChecksEachOccurrenceOnceAndTellsDriftAndItsEnd()
    {
        DefinitionRepository definitions(*m_store);
        auto definition = definitions.byName(definitionName);
        QVERIFY(definition);
        definition->driftCheckCron = QStringLiteral("0 * * * *");
        definition->scheduleTimeZone = QStringLiteral("America/New_York");
        QVERIFY(definitions.save(*definition).ok());

        ManualClock clock(QDateTime(QDate(2026, 3, 1), QTime(15, 30), Qt::UTC)); // 10:30 in New York
        GovernorRegistry governors(std::make_shared<BudgetRepository>(m_store));
        DriftWatch first(m_store, m_secrets, governors, QStringLiteral("agent-a"), clock);
        DriftWatch second(m_store, m_secrets, governors, QStringLiteral("agent-b"), clock);
        QSignalSpy checkedFirst(&first, &DriftWatch::checked), checkedSecond(&second, &DriftWatch::checked);
        QSignalSpy driftFirst(&first, &DriftWatch::driftFound), driftSecond(&second, &DriftWatch::driftFound);
        QSignalSpy recoveredFirst(&first, &DriftWatch::recovered), recoveredSecond(&second, &DriftWatch::recovered);
        const auto checks = [&]() { return checkedFirst.size() + checkedSecond.size(); };
        first.start(50);
        second.start(50);

        QTest::qWait(500);
        QCOMPARE(checks(), 0); // 11:00 is not due yet, and 10:00 passed before the agents started: never caught up
        QCOMPARE(driftRuns(), 0);

        clock.set(QDateTime(QDate(2026, 3, 1), QTime(16, 0, 20), Qt::UTC));
        QTRY_COMPARE_WITH_TIMEOUT(checks(), 1, 60000);
        QTest::qWait(500); // both agents polled the due occurrence many times meanwhile
        QCOMPARE(checks(), 1);
        QCOMPARE(driftRuns(), 1);
        const DriftReport first11 = (checkedFirst.isEmpty() ? checkedSecond : checkedFirst).first().at(2).value<DriftReport>();
        QVERIFY(first11.inSync());
        QCOMPARE(driftFirst.size() + driftSecond.size(), 0);

        // Someone deletes an item: the 12:00 check finds it missing and says so — once, by its signal
        // (the headless agent's console line, the tray's notification), not also as a log warning.
        QTest::failOnWarning(QRegularExpression(QStringLiteral("drift check of .* found")));
        const QJsonArray active = items(QStringLiteral("D Active"));
        QVERIFY(!active.isEmpty());
        QCOMPARE(deleteItem(QStringLiteral("D Active"), active.first().toObject().value(QStringLiteral("id")).toString()), 204);
        clock.set(QDateTime(QDate(2026, 3, 1), QTime(17, 0, 5), Qt::UTC));
        QTRY_COMPARE_WITH_TIMEOUT(driftFirst.size() + driftSecond.size(), 1, 60000);
        const DriftReport found = (driftFirst.isEmpty() ? driftSecond : driftFirst).first().at(2).value<DriftReport>();
        QCOMPARE(found.totals.value(DriftClass::Missing), 1);
        QCOMPARE(found.differences(), 1);
        QCOMPARE(checks(), 2);

        // Repaired: the 13:00 check is in sync, and the agent that saw the drift says it is gone.
        QCOMPARE(repair(false).status, RunStatus::Succeeded);
        clock.set(QDateTime(QDate(2026, 3, 1), QTime(18, 0, 5), Qt::UTC));
        QTRY_COMPARE_WITH_TIMEOUT(checks(), 3, 60000);
        QTest::qWait(300);
        QCOMPARE(checks(), 3);
        QCOMPARE(driftRuns(), 3);
        // "recovered" comes from the agent that saw the drift, if it also ran this check; either way
        // no agent announces a recovery it did not see begin.
        QVERIFY(recoveredFirst.size() + recoveredSecond.size() <= 1);
        if (driftFirst.size() == 1 && checkedFirst.size() >= 2 && checkedFirst.last().at(2).value<DriftReport>().inSync())
            QCOMPARE(recoveredFirst.size(), 1);
        first.stop();
        second.stop();
    }
};

QTEST_GUILESS_MAIN(TestDriftSchedule)
#include "tst_driftschedule.moc"

// Cancelling a run while SharePoint is down or throttling (issue 14): every wait ends at once, no
// request is sent after the cancel, what was answered stays committed, the run is recorded
// CANCELLED — in the CLI through SIGINT/SIGTERM too — and waits are recorded as a few events, not
// one per request.
#include "pushoptions.h"
#include "pushtestbase.h"

#include "store/leaserepository.h"
#include "store/runrepository.h"
#include "sync/runcontroller.h"

#include <QElapsedTimer>
#include <QProcess>

#include <csignal>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestRunCancel : public PushTestBase
{
    Q_OBJECT

    void configure(const QJsonObject &change) { QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"), change).status, 200); }

    void blockSharePoint(bool blocked) { configure({{QStringLiteral("throttling"), QJsonObject{{QStringLiteral("blocked"), blocked}}}}); }

    // Graph requests (and batch items) the emulator refused so far: while it is blocked, every one it got.
    int refusedSoFar() { return m_emulator.admin("GET", QStringLiteral("/stats")).json().value(QStringLiteral("throttled")).toInt(); }

    std::optional<SyncRun> newestRun(const QString &definition)
    {
        RunFilter filter;
        filter.definitionId = idOf(definition);
        filter.limit = 1;
        const auto runs = RunRepository(*m_store).runs(filter);
        if (!runs || runs->isEmpty())
            return std::nullopt;
        return runs->constFirst();
    }

    int eventsOf(qint64 runId, const QString &type)
    {
        const auto events = RunRepository(*m_store).events(runId);
        return int(std::count_if(events->cbegin(), events->cend(), [&](const RunEvent &event) { return event.type == type; }));
    }

private slots:
    void initTestCase()
    {
        startWith({definitionJson(QStringLiteral("Interrupted by a signal"), QStringLiteral("I ")),
            definitionJson(QStringLiteral("Cancelled in a wait"), QStringLiteral("W "))});
        // The storm runs over 300 rows: long enough for many refusals, short enough for the suite.
        QVERIFY(m_postgres
                    .query(QStringLiteral("demo"),
                        QStringLiteral("CREATE TABLE storm_projects (LIKE projects INCLUDING ALL);"
                                       "INSERT INTO storm_projects OVERRIDING SYSTEM VALUE SELECT * FROM projects WHERE id <= 300"))
                    .ok());
        QJsonObject storm = definitionJson(QStringLiteral("Storm"), QStringLiteral("S "));
        storm.insert(QStringLiteral("source"),
            QJsonObject{{QStringLiteral("database"), QStringLiteral("Demo")}, {QStringLiteral("table"), QStringLiteral("storm_projects")}});
        importDefinitionsJson({storm});
    }

    void init()
    {
        blockSharePoint(false);
        configure({{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), 0}, {QStringLiteral("randomMaxMs"), 0}}},
            {QStringLiteral("faults"), QJsonObject{{QStringLiteral("errorRate"), 0}}}});
    }

    void sigintDuringAnOutageCancelsTheRunAndExitsWithinTenSeconds()
    {
        // Mid-push, SharePoint goes down (every request 503, Retry-After 60 s); Ctrl+C.
        configure({{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), 10}, {QStringLiteral("randomMaxMs"), 30}}}});
        const QString name = QStringLiteral("Interrupted by a signal");
        const qint64 id = idOf(name);
        QProcess cli;
        startCli(cli, name);
        QTRY_VERIFY_WITH_TIMEOUT(LedgerRepository(*m_store).entries(id)->size() > 200, 120000);
        blockSharePoint(true);
        // Told at once (the emulator refuses every item of a batch, Retry-After 60 s), not after the wait.
        QTRY_VERIFY_WITH_TIMEOUT(newestRun(name) && eventsOf(newestRun(name)->id, QStringLiteral("service-unavailable")) > 0, 30000);
        const qint64 runId = newestRun(name)->id;
        QCOMPARE(newestRun(name)->status, RunStatus::Running);

        // Batches already on the wire when the outage began are answered (refused) after the first;
        // then the run waits out the Retry-After. Count from there.
        int refusedBefore = refusedSoFar();
        for (int unchanged = 0; unchanged < 5;) {
            QTest::qWait(100);
            const int refused = refusedSoFar();
            unchanged = refused == refusedBefore ? unchanged + 1 : 0;
            refusedBefore = refused;
        }
        QCOMPARE(newestRun(name)->status, RunStatus::Running);
        QElapsedTimer stopping;
        stopping.start();
        ::kill(pid_t(cli.processId()), SIGINT);
        QVERIFY2(cli.waitForFinished(10000), "syncbridge-cli was still running 10 s after SIGINT");
        qInfo("syncbridge-cli exited %lld ms after SIGINT", stopping.elapsed());
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
        QVERIFY2(cli.exitCode() == 130, qPrintable(QStringLiteral("exit %1: %2").arg(cli.exitCode()).arg(err)));
        QVERIFY2(err.contains(QStringLiteral("Stopping the run")), qPrintable(err));
        QVERIFY2(QString::fromUtf8(cli.readAllStandardOutput()).contains(QStringLiteral(": CANCELLED")), "the CLI names the outcome");
        QCOMPARE(refusedSoFar(), refusedBefore); // nothing was sent after the signal

        const SyncRun run = RunRepository(*m_store).run(runId).value();
        QCOMPARE(run.status, RunStatus::Cancelled);
        QVERIFY(run.finishedAt.isValid());
        QVERIFY(run.counters.created > 0); // what was answered before the outage stays committed
        QVERIFY2(!LeaseRepository(*m_store).holder(id)->has_value(), "the run lease is given back");

        // SharePoint back: the next run delivers the rest, each row exactly once.
        blockSharePoint(false);
        configure({{QStringLiteral("latency"), QJsonObject{{QStringLiteral("randomMinMs"), 0}, {QStringLiteral("randomMaxMs"), 0}}}});
        const RunOutcome next = push(name);
        QVERIFY2(next.status == RunStatus::Succeeded, qPrintable(next.message));
        verifyExactlyOnce(name, QStringLiteral("I "));
    }

    void cancelEndsARetryAfterWaitAtOnceAndSendsNothingMore()
    {
        // The run waits for a 60 s Retry-After (SharePoint down from the start): cancel ends it now.
        blockSharePoint(true);
        RunController controller(m_store, m_secrets);
        const qint64 id = idOf(QStringLiteral("Cancelled in a wait"));
        std::optional<ServiceWait> shown;
        std::optional<RunOutcome> outcome;
        connect(&controller, &RunController::progress, this, [&](qint64, const RunProgress &progress) {
            if (progress.wait.isWaiting())
                shown = progress.wait;
        });
        connect(&controller, &RunController::finished, this, [&](qint64, const RunOutcome &finished) { outcome = finished; });
        QVERIFY(controller.start(id).ok());
        QTRY_VERIFY_WITH_TIMEOUT(shown.has_value(), 30000);
        QCOMPARE(shown->reason, ServiceWait::Reason::ServiceUnavailable);
        QCOMPARE(shown->status, 503);
        QVERIFY(QDateTime::currentDateTimeUtc().secsTo(shown->until) > 30); // the emulator's Retry-After: a minute

        const int refusedBefore = refusedSoFar();
        controller.cancel(id);
        // Far less than the Retry-After the run was waiting for.
        QTRY_VERIFY_WITH_TIMEOUT(outcome.has_value(), 10000);
        QCOMPARE(outcome->status, RunStatus::Cancelled);
        QVERIFY(!controller.isRunning(id));
        QCOMPARE(refusedSoFar(), refusedBefore);
        QCOMPARE(RunRepository(*m_store).run(outcome->runId)->status, RunStatus::Cancelled);
        QCOMPARE(eventsOf(outcome->runId, QStringLiteral("service-unavailable")), 1);
    }

    void retriesAndThrottlingAreRecordedAsAFewEventsNotOnePerRequest()
    {
        // A storm of 503s and 429s with a short Retry-After on 30 % of the requests.
        configure({{QStringLiteral("faults"),
            QJsonObject{{QStringLiteral("errorRate"), 0.3}, {QStringLiteral("errorStatuses"), QJsonArray{429, 503}},
                {QStringLiteral("retryAfterSeconds"), 2}}}});
        QCOMPARE(m_emulator.admin("POST", QStringLiteral("/stats/reset")).status, 204);
        QList<ServiceWait> waits;
        const RunOutcome outcome = push(QStringLiteral("Storm"), pushOptions(500), {}, [&](const RunProgress &progress) {
            if (progress.wait.isWaiting())
                waits << progress.wait;
        });
        configure({{QStringLiteral("faults"), QJsonObject{{QStringLiteral("errorRate"), 0}}}});
        QVERIFY2(outcome.status == RunStatus::Succeeded || outcome.status == RunStatus::PartiallyFailed, qPrintable(outcome.message));
        QVERIFY2(!outcome.message.startsWith(QLatin1Char('{')), qPrintable(outcome.message)); // rendered, not the stored data
        // Refused by the injected faults and by the emulator's own throttling (requests and batch items).
        const QJsonObject stats = m_emulator.admin("GET", QStringLiteral("/stats")).json();
        const int refused = stats.value(QStringLiteral("injectedFailures")).toInt() + stats.value(QStringLiteral("throttled")).toInt();
        const int recorded
            = eventsOf(outcome.runId, QStringLiteral("service-unavailable")) + eventsOf(outcome.runId, QStringLiteral("throttled"));
        qInfo("%d requests refused, %d waits shown, %d wait events", refused, int(waits.size()), recorded);
        QVERIFY2(refused >= 5, "the storm happened");
        QVERIFY(!waits.isEmpty()); // the waits were shown while the run went on
        QVERIFY(recorded >= 1);
        QVERIFY2(recorded < refused, "one event per wait (at most one per kind every 30 s), not one per refused request");
    }
};

QTEST_GUILESS_MAIN(TestRunCancel)
#include "tst_runcancel.moc"

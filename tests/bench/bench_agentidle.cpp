// Issue 15's figure: an idle scheduling agent with 1,000 scheduled definitions uses under 1 % of a
// core. The definitions' next occurrences are an hour away; the agent (its real clock, the default
// heartbeat) sleeps on its event loop for the measured wall period, heart-beating against a real
// PostgreSQL meta-store. CPU from getrusage (every thread of this process: the agent's and its store
// thread) over the wall time, printed as % of one core. SYNCBRIDGE_BENCH_SECONDS changes the period.
#include "postgresfixture.h"
#include "scheduleddefinitions.h"

#include "agent/scheduleragent.h"
#include "secrets/memorysecretstore.h"
#include "store/metastore.h"
#include "store/storelocation.h"
#include "sync/runcontroller.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

#include <sys/resource.h>

using namespace SyncBridge;

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

} // namespace

class BenchAgentIdle : public QObject
{
    Q_OBJECT

    Test::PostgresFixture m_postgres;

private slots:
    void anIdleAgentWithAThousandSchedulesUsesUnderOnePercentOfACore()
    {
        QVERIFY(m_postgres.start().ok());
        qputenv("PGPASSWORD", m_postgres.password().toUtf8());
        QVERIFY(m_postgres.createDatabase(QStringLiteral("meta")).ok());
        auto store = MetaStore::open(m_postgres.metaStoreLocation(QStringLiteral("meta")));
        QVERIFY(store.ok());
        // Daily at the minute an hour from now: nothing due while measured.
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QDateTime due = now.addSecs(3600);
        const QString cron = QStringLiteral("%1 %2 * * *").arg(due.time().minute()).arg(due.time().hour());
        QCOMPARE(Test::addScheduledDefinitions(**store, 1000, cron, now).size(), 1000);

        MemorySecretStore secrets;
        RunController runs(*store, secrets);
        SchedulerAgent agent(*store, runs, AgentOptions{});
        QSignalSpy started(&agent, &SchedulerAgent::started);
        agent.start();
        QVERIFY(started.wait(30000));
        QCOMPARE(agent.scheduledCount(), 1000);
        QCOMPARE(agent.nextRun(1), std::optional<QDateTime>(QDateTime(due.date(), QTime(due.time().hour(), due.time().minute()), Qt::UTC)));

        const int seconds
            = qEnvironmentVariableIsSet("SYNCBRIDGE_BENCH_SECONDS") ? qEnvironmentVariableIntValue("SYNCBRIDGE_BENCH_SECONDS") : 20;
        QEventLoop idle;
        QTimer::singleShot(seconds * 1000, &idle, &QEventLoop::quit);
        QElapsedTimer wall;
        const double cpuBefore = cpuSeconds();
        wall.start();
        idle.exec();
        const double cpu = cpuSeconds() - cpuBefore;
        const double share = 100.0 * cpu / (double(wall.elapsed()) / 1000.0);
        qInfo("idle agent, 1,000 scheduled definitions, %.1f s wall: %.3f s CPU = %.3f %% of a core (target < 1 %%)",
            double(wall.elapsed()) / 1000.0, cpu, share);
        QCOMPARE(agent.runningCount(), 0);
        QVERIFY2(share < 1.0, qPrintable(QStringLiteral("%1 % of a core").arg(share)));

        QSignalSpy stopped(&agent, &SchedulerAgent::stopped);
        agent.stop();
        QVERIFY(stopped.wait(30000));
    }
};

QTEST_GUILESS_MAIN(BenchAgentIdle)
#include "bench_agentidle.moc"

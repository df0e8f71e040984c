// CDC end to end: changes committed in PostgreSQL, streamed through the slot (pgoutput) and written
// to the emulator (no latency, no throttling) by `run`s of a CDC definition. Prints medians of three
// rounds: inserts/s and updates/s (N changes in transactions of 100), the slot's lag in bytes before
// a run and after it, and commit-to-item latency of one change by a one-off run (process-internal:
// connecting, resolving and draining included). Against a continuous run (RunOptions::cdcStreaming):
// commit-to-item latency p50/p99 at 10 changes/s for SYNCBRIDGE_BENCH_CDC_SECONDS (default 60), the
// sustained rate of an unthrottled stream, and under a 1,250 RU/min budget with 50 changes/s the
// slot's lag over time and how long it takes to drain once the writes stop.
// SYNCBRIDGE_BENCH_CDC_ROWS sets N (default 5,000).
#include "../integration/pulltestbase.h"

#include <QElapsedTimer>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <utility>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {
double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

double percentile(QList<double> values, double share)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(qMin(values.size() - 1, qsizetype(share * double(values.size()))));
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// When the stream had delivered how many changes: the progress a continuous run reports after each batch.
struct Deliveries {
    QList<std::pair<qint64, qint64>> at; // (ms since epoch, changes delivered)
    void note(const RunProgress &progress)
    {
        if (progress.stream && (at.isEmpty() || progress.stream->delivered > at.last().second))
            at.append({nowMs(), progress.stream->delivered});
    }
    // When the k-th change (1-based, in commit order) was in SharePoint; -1 if never.
    qint64 whenDelivered(qint64 k) const
    {
        const auto found = std::lower_bound(at.cbegin(), at.cend(), k, [](const auto &entry, qint64 n) { return entry.second < n; });
        return found == at.cend() ? -1 : found->first;
    }
};
} // namespace

class BenchCdc : public PullTestBase
{
    Q_OBJECT

    qint64 slotLag()
    {
        return sql(QStringLiteral("SELECT coalesce(max(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn)), 0)::bigint"
                                  " FROM pg_replication_slots WHERE slot_name LIKE 'syncbridge_cdc_%'"))
            .trimmed()
            .toLongLong();
    }

    // Commits `rows` changes in transactions of 100 (a procedure-style DO block commits in its loop).
    void commitInBatches(const QString &change, int rows)
    {
        sql(QStringLiteral("DO $$ BEGIN FOR b IN 0..%1 LOOP %2; COMMIT; END LOOP; END $$").arg((rows - 1) / 100).arg(change));
    }

    // Inserts rows from..from+count-1, one per transaction, `perSecond` a second on a fixed schedule
    // (written_at = the insert's clock, just before its commit), on a thread of its own; in DO blocks
    // of 10 s each (psql's limit in the fixture is a minute).
    std::unique_ptr<QThread> writeAtRate(int from, int count, int perSecond)
    {
        std::unique_ptr<QThread> writer(QThread::create([this, from, count, perSecond]() {
            for (int chunk = from; chunk < from + count; chunk += 10 * perSecond) {
                sql(QStringLiteral(
                    "DO $$ DECLARE started timestamptz := clock_timestamp(); BEGIN FOR i IN 0..%2 LOOP"
                    " PERFORM pg_sleep(greatest(0, extract(epoch FROM started + i * interval '1 second' / %3 - clock_timestamp())));"
                    " INSERT INTO bench_cdc (id, name, written_at) VALUES (%1 + i, 'rate ' || i, clock_timestamp()); COMMIT;"
                    " END LOOP; END $$")
                        .arg(chunk)
                        .arg(qMin(10 * perSecond, from + count - chunk) - 1)
                        .arg(perSecond));
            }
        }));
        return writer;
    }

    // A continuous run (until idle) of the bench definition; `streaming` is called once when it streams.
    RunOutcome stream(Deliveries &deliveries, const std::function<void()> &streaming, qint64 *maxQueued = nullptr)
    {
        RunOptions options = pushOptions(500);
        options.cdcStreaming = RunOptions::CdcStreaming::UntilIdle;
        bool started = false;
        return push(QStringLiteral("Bench"), options, {}, [&](const RunProgress &progress) {
            deliveries.note(progress);
            if (progress.stream && maxQueued)
                *maxQueued = qMax(*maxQueued, progress.stream->queued);
            if (progress.stream && !started) {
                started = true;
                streaming();
            }
        });
    }

private slots:
    void initTestCase()
    {
        startWith({});
        sql(QStringLiteral("CREATE TABLE bench_cdc (id int PRIMARY KEY, code text GENERATED ALWAYS AS ('r' || id) STORED, name text NOT "
                           "NULL, amount numeric(12,2), active bool, due date,"
                           " updated_at timestamptz NOT NULL DEFAULT now(), written_at timestamptz)"));
        QJsonArray mappings{pullMapping(QStringLiteral("code"), QStringLiteral("Title"), QStringLiteral("PUSH_ONLY"), true)};
        for (const char *column : {"name", "amount", "active", "due"})
            mappings.append(pullMapping(QLatin1String(column), QLatin1String(column), QStringLiteral("PUSH_ONLY")));
        importDefinitionsJson({syncDefinitionJson(
            QStringLiteral("Bench"), QStringLiteral("CDC"), QStringLiteral("bench_cdc"), QStringLiteral("B Bench"), mappings)});
        const RunOutcome first = push(QStringLiteral("Bench"));
        QVERIFY2(first.status == RunStatus::Succeeded, qPrintable(described(first)));
    }

    void changesPerSecondAndLag()
    {
        const int rows
            = qEnvironmentVariableIsSet("SYNCBRIDGE_BENCH_CDC_ROWS") ? qEnvironmentVariableIntValue("SYNCBRIDGE_BENCH_CDC_ROWS") : 5000;
        QList<double> insertRates, updateRates, lagBefore, lagAfter;
        for (int round = 0; round < 3; ++round) {
            const int base = round * rows;
            commitInBatches(
                QStringLiteral("INSERT INTO bench_cdc (id, name, amount, active, due) SELECT i, 'row ' || i, i * 1.25, i % 2 = 0,"
                               " date '2026-01-01' + i % 365 FROM generate_series(%1 + b * 100, %1 + b * 100 + 99) i WHERE i < %2")
                    .arg(base)
                    .arg(base + rows),
                rows);
            lagBefore << double(slotLag());
            QElapsedTimer timer;
            timer.start();
            const RunOutcome inserted = push(QStringLiteral("Bench"));
            const double insertSeconds = timer.elapsed() / 1000.0;
            QVERIFY2(inserted.status == RunStatus::Succeeded, qPrintable(described(inserted)));
            QCOMPARE(inserted.counters.created, qint64(rows));
            lagAfter << double(slotLag());
            insertRates << rows / insertSeconds;

            commitInBatches(
                QStringLiteral("UPDATE bench_cdc SET name = name || '+' WHERE id >= %1 + b * 100 AND id < least(%1 + b * 100 + 100, %2)")
                    .arg(base)
                    .arg(base + rows),
                rows);
            timer.restart();
            const RunOutcome updated = push(QStringLiteral("Bench"));
            const double updateSeconds = timer.elapsed() / 1000.0;
            QVERIFY2(updated.status == RunStatus::Succeeded, qPrintable(described(updated)));
            QCOMPARE(updated.counters.updated, qint64(rows));
            updateRates << rows / updateSeconds;
            qInfo("round %d: %d inserts in %.2f s, %d updates in %.2f s; slot lag %.0f bytes before the run, %.0f after", round + 1, rows,
                insertSeconds, rows, updateSeconds, lagBefore.last(), lagAfter.last());
        }
        qInfo("CDC to the emulator, medians of 3: %.0f inserts/s, %.0f updates/s (%d changes, transactions of 100); slot lag %.0f bytes "
              "before a run, %.0f after it",
            median(insertRates), median(updateRates), rows, median(lagBefore), median(lagAfter));
    }

    void commitToItemLatencyOfAOneOffRun()
    {
        QList<double> latencies;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer timer;
            timer.start();
            sql(QStringLiteral("INSERT INTO bench_cdc (id, name) VALUES (%1, 'latency')").arg(1000000 + i));
            const RunOutcome outcome = push(QStringLiteral("Bench"));
            QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(described(outcome)));
            QCOMPARE(outcome.counters.created, qint64(1));
            latencies << double(timer.elapsed());
        }
        qInfo("commit to item by a one-off CDC run (in process, one change): median %.0f ms of 5", median(latencies));
    }

    void commitToItemLatencyOfAContinuousRunAtTenChangesPerSecond()
    {
        const int seconds
            = qEnvironmentVariableIsSet("SYNCBRIDGE_BENCH_CDC_SECONDS") ? qEnvironmentVariableIntValue("SYNCBRIDGE_BENCH_CDC_SECONDS") : 60;
        const int from = 2000000;
        const int count = seconds * 10;
        Deliveries deliveries;
        std::unique_ptr<QThread> writer = writeAtRate(from, count, 10);
        const RunOutcome outcome = stream(deliveries, [&]() { writer->start(); });
        QVERIFY(writer->wait(60000));
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(described(outcome)));
        QCOMPARE(outcome.counters.created, qint64(count));
        const QStringList written = sql(QStringLiteral("SELECT (extract(epoch FROM written_at) * 1000)::bigint FROM bench_cdc"
                                                       " WHERE id >= %1 ORDER BY written_at")
                                            .arg(from))
                                        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(written.size(), count);
        QList<double> latencies;
        for (int k = 0; k < count; ++k) {
            const qint64 delivered = deliveries.whenDelivered(k + 1);
            QVERIFY(delivered > 0);
            latencies << double(delivered - written.at(k).trimmed().toLongLong());
        }
        qInfo("commit to item, continuous run, %d changes at 10/s (one per transaction): p50 %.0f ms, p99 %.0f ms, max %.0f ms", count,
            percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(latencies, 1.0));
    }

    void sustainedChangesPerSecondOfAContinuousRun()
    {
        const int rows = 20000;
        const int from = 3000000;
        QList<double> rates;
        for (int round = 0; round < 3; ++round) {
            const int base = from + round * rows;
            Deliveries deliveries;
            qint64 startedMs = 0;
            std::unique_ptr<QThread> writer(QThread::create([&]() {
                commitInBatches(
                    QStringLiteral("INSERT INTO bench_cdc (id, name) SELECT i, 'sustained ' || i FROM generate_series(%1 + b * 100,"
                                   " %1 + b * 100 + 99) i")
                        .arg(base),
                    rows);
            }));
            const RunOutcome outcome = stream(deliveries, [&]() {
                startedMs = nowMs();
                writer->start();
            });
            QVERIFY(writer->wait(60000));
            QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(described(outcome)));
            QCOMPARE(outcome.counters.created, qint64(rows));
            const double seconds = (deliveries.whenDelivered(rows) - startedMs) / 1000.0;
            rates << rows / seconds;
            qInfo(
                "round %d: %d inserts (transactions of 100, committed as fast as PostgreSQL takes them) streamed into SharePoint in %.2f s",
                round + 1, rows, seconds);
        }
        qInfo("sustained, continuous run, unthrottled: median %.0f changes/s of 3 (first commit to last item)", median(rates));
    }

    void lagUnderABudgetOf1250RuPerMinuteAt50ChangesPerSecond()
    {
        const int seconds = 30;
        const int from = 4000000;
        const int count = seconds * 50;
        GovernorSettings budget; // the licence band: 1,250 RU a minute
        budget.ruPerWindow = 1250;
        std::shared_ptr<Governor> unlimited = std::exchange(m_governor, std::make_shared<Governor>(budget));
        Deliveries deliveries;
        qint64 maxQueued = 0;
        QList<std::pair<qint64, qint64>> lag; // (s since the writes began, bytes)
        qint64 writesBeganMs = 0;
        qint64 writesEndedMs = 0;
        std::unique_ptr<QThread> writer = writeAtRate(from, count, 50);
        connect(writer.get(), &QThread::finished, this, [&]() { writesEndedMs = nowMs(); });
        QTimer sampling;
        connect(&sampling, &QTimer::timeout, this, [&]() { lag.append({(nowMs() - writesBeganMs) / 1000, slotLag()}); });
        const RunOutcome outcome = stream(
            deliveries,
            [&]() {
                writesBeganMs = nowMs();
                writer->start();
                sampling.start(5000);
            },
            &maxQueued);
        sampling.stop();
        m_governor = unlimited;
        QVERIFY(writer->wait(60000));
        QVERIFY2(outcome.status == RunStatus::Succeeded, qPrintable(described(outcome)));
        QCOMPARE(outcome.counters.created, qint64(count));
        QStringList samples;
        qint64 peak = 0;
        for (const auto &[second, bytes] : std::as_const(lag)) {
            samples << QStringLiteral("%1 s: %2").arg(second).arg(bytes);
            peak = qMax(peak, bytes);
        }
        const double drainSeconds = (deliveries.whenDelivered(count) - writesEndedMs) / 1000.0;
        qInfo("1,250 RU/min, %d changes at 50/s for %d s: slot lag every 5 s [%s] bytes; peak %lld bytes; at most %lld changes queued in"
              " the process; drained to 0 %.1f s after the writes stopped; %lld RU spent",
            count, seconds, qPrintable(samples.join(QStringLiteral(", "))), peak, maxQueued, drainSeconds, outcome.counters.ruSpent);
    }
};

QTEST_GUILESS_MAIN(BenchCdc)
#include "bench_cdc.moc"

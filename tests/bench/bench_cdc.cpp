// CDC end to end: changes committed in PostgreSQL, streamed through the slot (pgoutput) and written
// to the emulator (no latency, no throttling) by `run`s of a CDC definition. Prints medians of three
// rounds: inserts/s and updates/s (N changes in transactions of 100), the slot's lag in bytes before
// a run and after it, and commit-to-item latency of one change by a one-off run (process-internal:
// connecting, resolving and draining included — not the continuous agent mode, which is not built yet).
// SYNCBRIDGE_BENCH_CDC_ROWS sets N (default 5,000).
#include "../integration/pulltestbase.h"

#include <QElapsedTimer>

#include <algorithm>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {
double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}
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

private slots:
    void initTestCase()
    {
        startWith({});
        sql(QStringLiteral("CREATE TABLE bench_cdc (id int PRIMARY KEY, code text GENERATED ALWAYS AS ('r' || id) STORED, name text NOT "
                           "NULL, amount numeric(12,2), active bool, due date,"
                           " updated_at timestamptz NOT NULL DEFAULT now())"));
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
};

QTEST_GUILESS_MAIN(BenchCdc)
#include "bench_cdc.moc"

// The push engine's figures (issue 5), printed, not asserted beyond "every row arrived":
//  1. 100,000 rows × 10 columns pushed by syncbridge-cli to the emulator with no latency and no
//     throttling: items per second, engine CPU time per row, peak RSS of the process, HTTP requests
//     and RU per created item.
//  2. A no-change incremental run over the same table grown to 1,000,000 rows: wall time.
//     SYNCBRIDGE_BENCH_PUSH_ROWS sets the row count of the first push (default 100,000).
//  3. Reading the grown table: keyset pages (a query per page) against COPY streaming (a statement
//     per window of pages), side by side, medians of three rounds each.
//  4. 5,000 rows with 50 ms emulated latency per request: items per second.
//  5. 30,000 rows against a tenant limited to 30,000 RU per minute: RU/s as a share of that
//     ceiling and the share of throttled requests.
//  6. FULL_SCAN (a table without a change timestamp): a run over 100,000 rows none of which
//     changed — what every scan costs (docs/definitions.md, choosing a cursor strategy).
// The engine runs as its own process (syncbridge-cli run), so its CPU and memory are its own.
#include "emulatorprocess.h"
#include "postgresfixture.h"
#include "testpaths.h"

#include "source/changereader.h"
#include "source/introspector.h"
#include "source/pgsession.h"
#include "source/sourcereader.h"
#include "store/connectionrepository.h"
#include "store/definitionimporter.h"
#include "store/metastore.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/resource.h>

using namespace SyncBridge;
using namespace SyncBridge::Test;

namespace {

// SYNCBRIDGE_BENCH_PUSH_ROWS=1000000 measures the peak RSS of a million-row push (about 8 minutes).
const int rowCount = qEnvironmentVariableIntValue("SYNCBRIDGE_BENCH_PUSH_ROWS") > 0 ? qEnvironmentVariableIntValue("SYNCBRIDGE_BENCH_PUSH_ROWS") : 100000;
const int grownRowCount = qMax(1000000, rowCount);
constexpr int latencyRowCount = 5000;
constexpr int throttledRowCount = 30000;
constexpr int throttledRuPerMinute = 30000;   // two RU per create: the push needs two full windows
constexpr int scanRowCount = 100000;

struct ProcessFigures {
    int exitCode = -1;
    double wallSeconds = 0;
    double cpuSeconds = 0;
    long peakRssKiB = 0;
    QByteArray output;
};

double cpuSecondsOfReapedChildren()
{
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

// The kernel's high-water mark of a running process's resident set (VmHWM), 0 once it has gone.
long highWaterRssKiB(qint64 pid)
{
    QFile status(QStringLiteral("/proc/%1/status").arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLong();
    }
    return 0;
}

QJsonObject definitionJson(const QString &name, const QString &table, const QString &list, const QString &connection = QStringLiteral("Emulator"))
{
    QJsonArray mappings{QJsonObject{{QStringLiteral("source"), QStringLiteral("code")}, {QStringLiteral("target"), QStringLiteral("Title")},
                                    {QStringLiteral("direction"), QStringLiteral("PUSH_ONLY")}, {QStringLiteral("key"), true}}};
    for (const char *column : {"name", "status", "amount", "quantity", "ratio", "active", "start_date", "tags", "updated_at"})
        mappings.append(QJsonObject{{QStringLiteral("source"), QLatin1String(column)}, {QStringLiteral("target"), QLatin1String(column)},
                                    {QStringLiteral("direction"), QStringLiteral("PUSH_ONLY")}});
    return QJsonObject{
        {QStringLiteral("name"), name},
        {QStringLiteral("source"), QJsonObject{{QStringLiteral("database"), QStringLiteral("Bench")}, {QStringLiteral("table"), table}}},
        {QStringLiteral("key"), QJsonObject{{QStringLiteral("strategy"), QStringLiteral("PRIMARY_KEY")}, {QStringLiteral("columns"), QJsonArray{QStringLiteral("id")}}}},
        {QStringLiteral("cursor"), QJsonObject{{QStringLiteral("strategy"), QStringLiteral("UPDATED_AT")}, {QStringLiteral("column"), QStringLiteral("updated_at")}}},
        {QStringLiteral("targetStrategy"), QStringLiteral("SINGLE")},
        {QStringLiteral("targets"), QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("Main")}, {QStringLiteral("connection"), connection},
                                                           {QStringLiteral("site"), QStringLiteral("contoso.sharepoint.com:/sites/pmo")},
                                                           {QStringLiteral("list"), list}}}},
        {QStringLiteral("mappings"), mappings}};
}

// Rows first..last of the bench table's shape; updated_at counts seconds from `epoch`.
QString insertRows(const QString &table, int first, int last, const QString &epoch)
{
    return QStringLiteral("INSERT INTO %1 SELECT g, 'B-' || g, 'Row ' || g || ' – ünïcode', (ARRAY['Active','Closed','Planned'])[g %% 3 + 1], g * 1.25, g %% 1000, g / 7.0, "
                          "g %% 2 = 0, date '2020-01-01' + g %% 2000, ARRAY['alpha','beta'], timestamptz '%2' + g * interval '1 second' "
                          "FROM generate_series(%3, %4) g")
        .arg(table, epoch)
        .arg(first)
        .arg(last)
        .replace(QStringLiteral("%%"), QStringLiteral("%"));
}

} // namespace

class BenchPush : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    PostgresFixture m_postgres;
    EmulatorProcess m_emulator;

    QString sql(const QString &statement)
    {
        auto result = m_postgres.query(QStringLiteral("bench"), statement);
        if (!result)
            qFatal("%s", qPrintable(result.error().message()));
        return *result;
    }

    // trace: the engine's debug log with timestamps, to see where a run's time goes.
    ProcessFigures runCli(const QString &definition, bool trace = false)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        if (trace) {
            environment.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("syncbridge.*.debug=true"));
            environment.insert(QStringLiteral("QT_MESSAGE_PATTERN"), QStringLiteral("%{time process} %{category}: %{message}"));
        }
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("xdg")));
        environment.insert(QStringLiteral("SYNCBRIDGE_SECRET_POSTGRES_BENCH"), m_postgres.password());
        environment.insert(QStringLiteral("SYNCBRIDGE_SECRET_SHAREPOINT_BENCH"), QStringLiteral("demo-secret"));
        QProcess cli;
        cli.setProcessEnvironment(environment);
        ProcessFigures figures;
        const double cpuBefore = cpuSecondsOfReapedChildren();
        QElapsedTimer timer;
        timer.start();
        cli.start(cliPath(), {QStringLiteral("--store"), m_dir.filePath(QStringLiteral("store.db")), QStringLiteral("--secrets"), QStringLiteral("env"),
                              QStringLiteral("run"), definition, QStringLiteral("--page-size"), QStringLiteral("1000")});
        while (!cli.waitForFinished(100))
            figures.peakRssKiB = qMax(figures.peakRssKiB, highWaterRssKiB(cli.processId()));
        figures.wallSeconds = timer.elapsed() / 1000.0;
        figures.cpuSeconds = cpuSecondsOfReapedChildren() - cpuBefore;
        figures.exitCode = cli.exitCode();
        figures.output = cli.readAllStandardOutput().trimmed() + cli.readAllStandardError().trimmed();
        return figures;
    }

    void resetStats() { m_emulator.admin("POST", QStringLiteral("/stats/reset")); }

    // HTTP requests the engine sent (authenticated Graph calls, a $batch counting once, and token
    // requests), and RU spent.
    std::pair<qint64, qint64> requestsAndRu()
    {
        const QJsonObject stats = m_emulator.admin("GET", QStringLiteral("/stats")).json();
        qint64 requests = stats.value(QStringLiteral("requestsByKind")).toObject().value(QStringLiteral("token")).toInteger();
        const QJsonObject agents = stats.value(QStringLiteral("userAgents")).toObject();
        for (auto it = agents.constBegin(); it != agents.constEnd(); ++it)
            requests += it.value().toInteger();
        return {requests, qint64(stats.value(QStringLiteral("ruSpent")).toDouble())};
    }


private slots:
    void initTestCase()
    {
        QVERIFY(m_postgres.start().ok());
        QVERIFY(m_postgres.createDatabase(QStringLiteral("bench")).ok());
        const QString columns = QStringLiteral("(id bigint PRIMARY KEY, code text NOT NULL, name text, status text, amount numeric(14,2), quantity integer, "
                                               "ratio double precision, active boolean, start_date date, tags text[], updated_at timestamptz NOT NULL)");
        sql(QStringLiteral("CREATE TABLE bench_rows %1").arg(columns));
        sql(QStringLiteral("CREATE TABLE bench_latency %1").arg(columns));
        sql(QStringLiteral("CREATE TABLE bench_throttled %1").arg(columns));
        sql(QStringLiteral("CREATE TABLE bench_scan %1").arg(columns));
        sql(insertRows(QStringLiteral("bench_scan"), 1, scanRowCount, QStringLiteral("2026-01-01")));
        sql(insertRows(QStringLiteral("bench_rows"), 1, rowCount, QStringLiteral("2026-01-01")));
        sql(insertRows(QStringLiteral("bench_latency"), 1, latencyRowCount, QStringLiteral("2026-01-01")));
        sql(insertRows(QStringLiteral("bench_throttled"), 1, throttledRowCount, QStringLiteral("2026-01-01")));
        sql(QStringLiteral("CREATE INDEX ON bench_rows (updated_at, id)"));
        sql(QStringLiteral("ANALYZE"));

        QString error;
        QVERIFY2(m_emulator.start({}, &error), qPrintable(error));
        QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("throttling"), QJsonObject{{QStringLiteral("ruPerMinute"), 100000000}, {QStringLiteral("ruPerDay"), 1000000000}}}}).status, 200);

        auto store = MetaStore::open(*StoreLocation::parse(m_dir.filePath(QStringLiteral("store.db"))));
        QVERIFY(store.ok());
        ConnectionRepository connections(**store);
        Database database = m_postgres.databaseConnection(QStringLiteral("bench"), QStringLiteral("Bench"));
        database.instances[0].secretRef = QStringLiteral("postgres/bench");
        QVERIFY(connections.saveDatabase(database).ok());
        SharePointConnection sharePoint = m_emulator.sharePointConnection(QStringLiteral("Emulator"), QStringLiteral("sharepoint/bench"));
        sharePoint.ruPerMinute = 100000000;
        sharePoint.ruPerDay = 1000000000;   // a million-row push spends 2,000,000 RU, past the default daily budget
        QVERIFY(connections.saveSharePointConnection(sharePoint).ok());
        SharePointConnection limited = m_emulator.sharePointConnection(QStringLiteral("Throttled"), QStringLiteral("sharepoint/bench"));
        limited.ruPerMinute = throttledRuPerMinute;
        limited.ruPerDay = 1000000000;
        QVERIFY(connections.saveSharePointConnection(limited).ok());
        QJsonObject scan = definitionJson(QStringLiteral("Scan"), QStringLiteral("bench_scan"), QStringLiteral("Scan"));
        scan.insert(QStringLiteral("cursor"), QJsonObject{{QStringLiteral("strategy"), QStringLiteral("FULL_SCAN")}});
        const QJsonObject document{{QStringLiteral("definitions"),
            QJsonArray{scan, definitionJson(QStringLiteral("Throughput"), QStringLiteral("bench_rows"), QStringLiteral("Throughput")),
                definitionJson(QStringLiteral("Latency"), QStringLiteral("bench_latency"), QStringLiteral("Latency")),
                definitionJson(QStringLiteral("Throttled"), QStringLiteral("bench_throttled"), QStringLiteral("Throttled"),
                    QStringLiteral("Throttled"))}}};
        auto imported = importDefinitions(**store, QJsonDocument(document).toJson());
        QVERIFY(imported.ok());
        for (const ValidationIssue &issue : std::as_const(imported->issues))
            qWarning("%s: %s", qPrintable(issue.path), qPrintable(issue.message));
        QVERIFY(imported->ok());
    }

    void throughputAndNoChangeRun()
    {
        resetStats();
        const ProcessFigures push = runCli(QStringLiteral("Throughput"));
        QVERIFY2(push.exitCode == 0, push.output.constData());
        QCOMPARE(m_emulator.itemCount(QStringLiteral("Throughput")), rowCount);
        const auto [requests, ru] = requestsAndRu();
        qInfo("push %d rows x 10 columns, no latency: %.1f s wall, %.0f items/s, engine CPU %.1f us/row, peak RSS %.0f MB, "
              "%.4f HTTP requests and %.2f RU per created item",
              rowCount, push.wallSeconds, rowCount / push.wallSeconds, push.cpuSeconds * 1e6 / rowCount, push.peakRssKiB / 1024.0,
              double(requests) / rowCount, double(ru) / rowCount);

        // Grow the table to 1,000,000 rows whose timestamps lie behind the cursor: they stand in for
        // rows an earlier run synced, so the no-change run faces the full table and reads nothing.
        if (grownRowCount > rowCount)
            sql(insertRows(QStringLiteral("bench_rows"), rowCount + 1, grownRowCount, QStringLiteral("2025-01-01")));
        sql(QStringLiteral("ANALYZE bench_rows"));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM bench_rows")).toInt(), grownRowCount);
        resetStats();
        const ProcessFigures noChange = runCli(QStringLiteral("Throughput"), true);
        QVERIFY2(noChange.exitCode == 0, noChange.output.constData());
        QVERIFY2(noChange.output.contains("Read 0 rows"), noChange.output.constData());
        const auto [noChangeRequests, noChangeRu] = requestsAndRu();
        qInfo("no-change incremental run over %d rows: %.2f s wall (process start to exit), %lld HTTP requests, %lld RU",
              grownRowCount, noChange.wallSeconds, noChangeRequests, noChangeRu);
        for (const QByteArray &line : noChange.output.split('\n'))
            qInfo("  no-change run: %s", line.constData());
    }

    void fullScanRunOverUnchangedRows()
    {
        // The first scan creates every item; the second reads every row again, finds each one's
        // content hash in the ledger and marks it as seen: no item write.
        const ProcessFigures first = runCli(QStringLiteral("Scan"));
        QVERIFY2(first.exitCode == 0, first.output.constData());
        QCOMPARE(m_emulator.itemCount(QStringLiteral("Scan")), scanRowCount);
        resetStats();
        const ProcessFigures again = runCli(QStringLiteral("Scan"));
        QVERIFY2(again.exitCode == 0, again.output.constData());
        const auto [requests, ru] = requestsAndRu();
        qInfo("FULL_SCAN run over %d unchanged rows: %.1f s wall (process start to exit), engine CPU %.1f us/row, peak RSS %.0f MB, "
              "%lld HTTP requests, %lld RU",
            scanRowCount, again.wallSeconds, again.cpuSeconds * 1e6 / scanRowCount, again.peakRssKiB / 1024.0, requests, ru);
        for (const QByteArray &line : again.output.split('\n'))
            qInfo("  scan run: %s", line.constData());
    }

    void sourceReadPagesVersusCopy()
    {
        Database database = m_postgres.databaseConnection(QStringLiteral("bench"));
        auto session = PgSession::openInstance(database, database.instances.first(), m_postgres.password());
        QVERIFY(session.ok());
        auto tables = introspectTables((*session)->connection());
        QVERIFY(tables.ok());
        const auto table = std::find_if(tables->cbegin(), tables->cend(), [](const TableInfo &t) { return t.name == QLatin1String("bench_rows"); });
        QVERIFY(table != tables->cend());
        ChangeQuery query;
        query.schema = table->schema;
        query.table = table->name;
        query.columns = table->columns;
        query.keyColumns = {QStringLiteral("id")};
        query.cursorColumn = QStringLiteral("updated_at");
        query.pageSize = 1000;
        database.instances[0].secretRef = QStringLiteral("bench");
        auto reader = SourceReader::open(database, [this](const DatabaseInstance &) -> Result<QString> { return m_postgres.password(); }, [](const QString &) {});
        QVERIFY(reader.ok());
        const auto readAll = [&](const std::function<Result<ChangePage>(const ChangeQuery &)> &read) {
            ChangeQuery next = query;
            qint64 rows = 0;
            while (true) {
                auto page = read(next);
                if (!page)
                    qFatal("%s", qPrintable(page.error().toString()));
                rows += page->rows.size();
                if (!page->more)
                    return rows;
                next.afterCursor = page->rows.last().cursorValue;
                next.afterKey = page->rows.last().keyValues;
            }
        };
        QList<double> paged, streamed;
        for (int round = 0; round < 3; ++round) {
            QElapsedTimer timer;
            timer.start();
            QCOMPARE(readAll([&](const ChangeQuery &q) { return readChanges((*session)->connection(), q); }), grownRowCount);
            paged << timer.elapsed() / 1000.0;
            timer.restart();
            QCOMPARE(readAll([&](const ChangeQuery &q) { return (*reader)->changes(q); }), grownRowCount);
            streamed << timer.elapsed() / 1000.0;
        }
        std::sort(paged.begin(), paged.end());
        std::sort(streamed.begin(), streamed.end());
        qInfo("reading %d rows in pages of 1000: keyset queries %.2f s (%.0f rows/s), COPY streaming %.2f s (%.0f rows/s), %.2fx; medians of 3",
              grownRowCount, paged.at(1), grownRowCount / paged.at(1), streamed.at(1), grownRowCount / streamed.at(1), paged.at(1) / streamed.at(1));
    }

    void throughputUnderThrottling()
    {
        QVERIFY(m_emulator.reset());
        QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("throttling"), QJsonObject{{QStringLiteral("ruPerMinute"), throttledRuPerMinute},
                                                                                                                {QStringLiteral("ruPerDay"), 1000000000}}}}).status, 200);
        const ProcessFigures push = runCli(QStringLiteral("Throttled"));
        QVERIFY2(push.exitCode == 0, push.output.constData());
        QCOMPARE(m_emulator.itemCount(QStringLiteral("Throttled")), throttledRowCount);
        const QJsonObject stats = m_emulator.admin("GET", QStringLiteral("/stats")).json();
        const double ru = stats.value(QStringLiteral("ruSpent")).toDouble();
        const qint64 throttled = qint64(stats.value(QStringLiteral("throttled")).toDouble());
        const qint64 itemRequests = stats.value(QStringLiteral("requestsByKind")).toObject().value(QStringLiteral("items.create")).toInteger();
        const double ceiling = throttledRuPerMinute / 60.0;
        qInfo("push %d rows at a %d RU/min limit: %.1f s wall, %.0f RU/s = %.1f %% of the %.0f RU/s ceiling; throttled %lld of %lld item requests (%.2f %%)",
              throttledRowCount, throttledRuPerMinute, push.wallSeconds, ru / push.wallSeconds, 100.0 * ru / push.wallSeconds / ceiling, ceiling, throttled,
              itemRequests, 100.0 * double(throttled) / double(qMax<qint64>(1, itemRequests)));
        m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("throttling"), QJsonObject{{QStringLiteral("ruPerMinute"), 100000000}}}});
    }

    void throughputWithLatency()
    {
        QCOMPARE(m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("fixedMs"), 50}}}}).status, 200);
        const ProcessFigures push = runCli(QStringLiteral("Latency"));
        m_emulator.admin("PATCH", QStringLiteral("/config"), {{QStringLiteral("latency"), QJsonObject{{QStringLiteral("fixedMs"), 0}}}});
        QVERIFY2(push.exitCode == 0, push.output.constData());
        QCOMPARE(m_emulator.itemCount(QStringLiteral("Latency")), latencyRowCount);
        qInfo("push %d rows with 50 ms latency per request: %.1f s wall, %.0f items/s", latencyRowCount, push.wallSeconds, latencyRowCount / push.wallSeconds);
    }
};

QTEST_GUILESS_MAIN(BenchPush)
#include "bench_push.moc"

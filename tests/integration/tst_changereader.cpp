// Keyset paging against a real PostgreSQL with the demo data: every row exactly once although
// groups of rows share a timestamp across page boundaries (the seed's "> cursor LIMIT n" loses them).
#include "postgresfixture.h"
#include "testpaths.h"

#include "source/changereader.h"
#include "source/introspector.h"
#include "source/pgsession.h"
#include "source/sourcereader.h"

#include <QSet>
#include <QTest>

using namespace SyncBridge;

class TestChangeReader : public QObject
{
    Q_OBJECT

private:
    Test::PostgresFixture m_postgres;
    std::unique_ptr<PgSession> m_session;
    QList<TableInfo> m_tables;

    const TableInfo &table(const QString &name) const
    {
        return *std::find_if(m_tables.cbegin(), m_tables.cend(), [&](const TableInfo &t) { return t.name == name; });
    }

    ChangeQuery queryFor(const TableInfo &info, const QString &cursor, int pageSize)
    {
        ChangeQuery query;
        query.schema = info.schema;
        query.table = info.name;
        query.columns = info.columns;
        query.keyColumns = info.primaryKey();
        query.cursorColumn = cursor;
        query.pageSize = pageSize;
        return query;
    }

    // Reads to the end; returns the key texts in order and the number of queries.
    QStringList readAll(ChangeQuery query, int *pages)
    {
        QStringList keys;
        *pages = 0;
        while (true) {
            auto page = readChanges(m_session->connection(), query);
            if (!page) {
                qWarning("%s", qPrintable(page.error().toString()));
                return {};
            }
            ++*pages;
            for (const SourceRow &row : page->rows)
                keys << row.keyValues.join(QLatin1Char('|'));
            if (!page->more || page->rows.isEmpty())
                return keys;
            query.afterCursor = page->rows.last().cursorValue;
            query.afterKey = page->rows.last().keyValues;
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_postgres.start().ok());
        QVERIFY(m_postgres.createDatabase(QStringLiteral("demo")).ok());
        QVERIFY(m_postgres.runSqlFile(QStringLiteral("demo"), Test::demoSqlPath()).ok());
        QVERIFY(m_postgres.query(QStringLiteral("demo"), QStringLiteral(
            "CREATE SCHEMA \"Odd Schema\"; CREATE TABLE \"Odd Schema\".\"select\" (\"from\" int PRIMARY KEY, \"when\" timestamptz NOT NULL,"
            " \"na\"\"me\" text, price money); INSERT INTO \"Odd Schema\".\"select\" SELECT i, timestamptz '2026-03-01 00:00:00+02' + (i / 4) * interval '1 hour',"
            " 'n' || i, i * 1.5 FROM generate_series(1, 50) i")).ok());
        Database database = m_postgres.databaseConnection(QStringLiteral("demo"));
        auto session = PgSession::openInstance(database, database.instances.first(), m_postgres.password());
        QVERIFY(session.ok());
        m_session = std::move(*session);
        auto tables = introspectTables(m_session->connection());
        QVERIFY(tables.ok());
        m_tables = *tables;
    }

    void everyRowOnceAcrossEqualTimestamps_data()
    {
        QTest::addColumn<int>("pageSize");
        for (int size : {1, 7, 100, 999, 5000})
            QTest::newRow(qPrintable(QStringLiteral("page %1").arg(size))) << size;
    }

    void everyRowOnceAcrossEqualTimestamps()
    {
        QFETCH(int, pageSize);
        int pages = 0;
        const QStringList keys = readAll(queryFor(table(QStringLiteral("projects")), QStringLiteral("updated_at"), pageSize), &pages);
        QCOMPARE(keys.size(), 5000);
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), 5000);
        QCOMPARE(pages, 5000 / pageSize + 1);
    }

    void theSeedsWayLosesRows()
    {
        // What "updated_at > cursor LIMIT 7" does on the same rows: pages that end inside a group of
        // equal timestamps lose the rest of the group. The keyset test above would catch that.
        auto all = readChanges(m_session->connection(), queryFor(table(QStringLiteral("projects")), QStringLiteral("updated_at"), 5000));
        QVERIFY(all.ok());
        int seen = 0;
        QString last;
        for (int start = 0; start < all->rows.size();) {
            int taken = 0;
            int i = start;
            while (i < all->rows.size() && all->rows.at(i).cursorValue.value() <= last)
                ++i;   // "> cursor" skips everything at or before the last timestamp
            for (; i < all->rows.size() && taken < 7; ++i, ++taken)
                ++seen;
            if (taken == 0)
                break;
            last = all->rows.at(i - 1).cursorValue.value();
            start = i;
        }
        QVERIFY2(seen < 5000, qPrintable(QString::number(seen)));
    }

    void fullScanByCompositeKey()
    {
        int pages = 0;
        const QStringList keys = readAll(queryFor(table(QStringLiteral("project_assignments")), {}, 250), &pages);
        QCOMPARE(keys.size(), 3000);
        QCOMPARE(QSet<QString>(keys.cbegin(), keys.cend()).size(), 3000);
        QCOMPARE(keys.first(), QStringLiteral("1|ana@example.com"));
    }

    void awkwardIdentifiersAndTypes()
    {
        const TableInfo &odd = table(QStringLiteral("select"));
        ChangeQuery query = queryFor(odd, QStringLiteral("when"), 3);
        QVERIFY(changeQuerySql(query).contains(QStringLiteral("FROM \"Odd Schema\".\"select\"")));
        QVERIFY(changeQuerySql(query).contains(QStringLiteral("src.\"na\"\"me\"::text")));
        QVERIFY(changeQuerySql(query).contains(QStringLiteral("ORDER BY src.\"when\", src.\"from\"")));
        int pages = 0;
        QCOMPARE(readAll(query, &pages).size(), 50);
        auto first = readChanges(m_session->connection(), query);
        QVERIFY(first.ok());
        const SourceRow &row = first->rows.first();
        QCOMPARE(*row.values.value(QStringLiteral("when")), QStringLiteral("2026-02-28 22:00:00+00"));   // UTC, ISO
        QCOMPARE(*row.values.value(QStringLiteral("price")), QStringLiteral("1.50"));                   // money as numeric
        QCOMPARE(*row.values.value(QStringLiteral("na\"me")), QStringLiteral("n1"));
        // a value that tries to break out of the parameter stays a value
        query.afterCursor = QStringLiteral("2026-01-01'); DROP TABLE projects; --");
        query.afterKey = {QStringLiteral("1")};
        auto hostile = readChanges(m_session->connection(), query);
        QVERIFY(!hostile.ok());
        QVERIFY(hostile.error().detail().contains(QStringLiteral("invalid input syntax")));
        QCOMPARE(*m_postgres.query(QStringLiteral("demo"), QStringLiteral("SELECT count(*) FROM projects")), QStringLiteral("5000"));
    }

    void streamingReadsTheSameRowsAsPages_data()
    {
        QTest::addColumn<int>("pageSize");
        QTest::addColumn<int>("window");
        QTest::newRow("window a multiple of the page") << 100 << 1000;
        QTest::newRow("window ends mid-page") << 300 << 1000;
        QTest::newRow("one window") << 500 << 20000;
        QTest::newRow("window of one page") << 7 << 7;
    }

    void streamingReadsTheSameRowsAsPages()
    {
        // COPY streaming hands out the rows keyset paging does, in the same order, with the same
        // text values (NULLs, unicode, arrays, escapes included), whatever the window size.
        QFETCH(int, pageSize);
        QFETCH(int, window);
        const ChangeQuery query = queryFor(table(QStringLiteral("projects")), QStringLiteral("updated_at"), 5000);
        auto expected = readChanges(m_session->connection(), query);
        QVERIFY(expected.ok());
        Database database = m_postgres.databaseConnection(QStringLiteral("demo"));
        database.instances.first().secretRef = QStringLiteral("database/demo");
        auto reader = SourceReader::open(database, [this](const DatabaseInstance &) -> Result<QString> { return m_postgres.password(); },
                                         [](const QString &) {});
        QVERIFY(reader.ok());
        (*reader)->setStreamWindow(window);
        ChangeQuery paged = query;
        paged.pageSize = pageSize;
        QList<SourceRow> streamed;
        int pages = 0;
        while (true) {
            auto page = (*reader)->changes(paged);
            QVERIFY2(page.ok(), qPrintable(page.ok() ? QString() : page.error().toString()));
            QVERIFY(++pages < 5000);
            streamed += page->rows;
            if (!page->more)
                break;
            paged.afterCursor = page->rows.last().cursorValue;
            paged.afterKey = page->rows.last().keyValues;
        }
        QCOMPARE(streamed.size(), expected->rows.size());
        for (int i = 0; i < streamed.size(); ++i) {
            QCOMPARE(streamed.at(i).keyValues, expected->rows.at(i).keyValues);
            QCOMPARE(streamed.at(i).values, expected->rows.at(i).values);
        }
    }

    void streamingKeepsAwkwardTextIntact()
    {
        QVERIFY(m_postgres.query(QStringLiteral("demo"), QStringLiteral(
            "CREATE TABLE awkward (id int PRIMARY KEY, t text, a text[]); INSERT INTO awkward VALUES"
            " (1, E'tab\\there\\nnew line\\\\back slash\\r', ARRAY['x\ty', NULL, 'q\"uote']), (2, NULL, NULL), (3, '', '{}'), (4, '\\N', NULL)")).ok());
        auto tables = introspectTables(m_session->connection());
        QVERIFY(tables.ok());
        m_tables = *tables;
        const ChangeQuery query = queryFor(table(QStringLiteral("awkward")), {}, 10);
        auto expected = readChanges(m_session->connection(), query);
        QVERIFY(expected.ok());
        QCOMPARE(expected->rows.size(), 4);
        QCOMPARE(*expected->rows.first().values.value(QStringLiteral("t")), QStringLiteral("tab\there\nnew line\\back slash\r"));
        auto stream = ChangeStream::open(m_session->connection(), query, 10);
        QVERIFY(stream.ok());
        auto page = (*stream)->next(10);
        QVERIFY(page.ok());
        QCOMPARE(page->rows.size(), 4);
        for (int i = 0; i < 4; ++i) {
            for (const QString &column : {QStringLiteral("t"), QStringLiteral("a")})
                QCOMPARE(page->rows.at(i).values.value(column).value_or(QStringLiteral("<NULL>")),
                         expected->rows.at(i).values.value(column).value_or(QStringLiteral("<NULL>")));
        }
        QVERIFY(!page->rows.at(1).values.value(QStringLiteral("t")).has_value());
        QCOMPARE(*page->rows.at(3).values.value(QStringLiteral("t")), QStringLiteral("\\N"));
    }

    void rowsByKey()
    {
        const ChangeQuery query = queryFor(table(QStringLiteral("project_assignments")), {}, 10);
        auto rows = readRowsByKey(m_session->connection(), query,
                                  {{QStringLiteral("7"), QStringLiteral("chen@example.com")}, {QStringLiteral("9999"), QStringLiteral("nobody@example.com")}});
        QVERIFY(rows.ok());
        QCOMPARE(rows->size(), 1);
        QCOMPARE(*rows->first().values.value(QStringLiteral("role")), QStringLiteral("Analyst"));
    }
};

QTEST_GUILESS_MAIN(TestChangeReader)
#include "tst_changereader.moc"

// Sessions, failover and introspection against a real PostgreSQL loaded with the demo schema.
#include "postgresfixture.h"
#include "testpaths.h"

#include "source/introspector.h"
#include "source/pgsession.h"
#include "source/probe.h"

#include <QTest>

using namespace SyncBridge;

class TestSource : public QObject
{
    Q_OBJECT

private:
    Test::PostgresFixture m_postgres;

    PasswordLookup passwords() const
    {
        const QString password = m_postgres.password();
        return [password](const DatabaseInstance &) -> Result<QString> { return password; };
    }

    Database demo() const
    {
        Database database = m_postgres.databaseConnection(QStringLiteral("demo"), QStringLiteral("Demo projects"));
        database.instances[0].secretRef = QStringLiteral("postgres/test");
        return database;
    }

private slots:
    void initTestCase()
    {
        auto started = m_postgres.start();
        QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().toString()));
        QVERIFY(m_postgres.createDatabase(QStringLiteral("demo")).ok());
        auto loaded = m_postgres.runSqlFile(QStringLiteral("demo"), Test::demoSqlPath());
        QVERIFY2(loaded.ok(), loaded.ok() ? "" : qPrintable(loaded.error().toString()));
    }

    void demoDataIsAsDocumented()
    {
        QCOMPARE(*m_postgres.query(QStringLiteral("demo"), QStringLiteral("SELECT count(*) FROM projects")), QStringLiteral("5000"));
        QCOMPARE(*m_postgres.query(QStringLiteral("demo"), QStringLiteral("SELECT count(DISTINCT status) FROM projects")), QStringLiteral("5"));
        QCOMPARE(*m_postgres.query(QStringLiteral("demo"), QStringLiteral("SELECT min(budget_amount) || '/' || max(budget_amount) FROM projects")),
                 QStringLiteral("0.00/5000000.00"));
        QVERIFY(m_postgres.query(QStringLiteral("demo"), QStringLiteral("SELECT count(*) FROM projects WHERE manager_email IS NULL"))->toInt() > 0);
        QVERIFY(m_postgres.query(QStringLiteral("demo"), QStringLiteral("SELECT count(*) FROM projects WHERE name ~ '[^[:ascii:]]'"))->toInt() > 1000);
        // equal timestamps exist, so keyset paging has something to prove
        QVERIFY(m_postgres.query(QStringLiteral("demo"), QStringLiteral("SELECT count(*) - count(DISTINCT updated_at) FROM projects"))->toInt() > 1000);
        // the trigger maintains updated_at
        const QString before = *m_postgres.query(QStringLiteral("demo"), QStringLiteral("SELECT updated_at FROM projects WHERE id = 10"));
        QVERIFY(m_postgres.query(QStringLiteral("demo"), QStringLiteral("UPDATE projects SET name = name || '!' WHERE id = 10")).ok());
        QVERIFY(*m_postgres.query(QStringLiteral("demo"), QStringLiteral("SELECT updated_at FROM projects WHERE id = 10")) != before);
    }

    void connectsAndReportsVersion()
    {
        auto report = probeInstance(demo(), demo().instances.first(), m_postgres.password());
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().toString()));
        QVERIFY(report->serverVersion.startsWith(QStringLiteral("PostgreSQL 1")));
    }

    void wrongPasswordRefusedPortAndMissingDatabaseAreDistinct()
    {
        const Database database = demo();
        auto badPassword = probeInstance(database, database.instances.first(), QStringLiteral("wrong"));
        QVERIFY(!badPassword.ok());
        QCOMPARE(badPassword.error().code(), ErrorCode::AuthenticationFailed);
        QVERIFY(badPassword.error().message().contains(QStringLiteral("rejected the password")));
        QVERIFY(!badPassword.error().toString().contains(QStringLiteral("wrong")));  // never echo the password

        DatabaseInstance closed = database.instances.first();
        closed.port = Test::PostgresFixture::freeLoopbackPort();
        auto refused = probeInstance(database, closed, m_postgres.password());
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::ConnectionRefused);
        QVERIFY(refused.error().message().contains(QString::number(closed.port)));

        Database missing = database;
        missing.databaseName = QStringLiteral("no_such_db");
        auto noDatabase = probeInstance(missing, missing.instances.first(), m_postgres.password());
        QVERIFY(!noDatabase.ok());
        QCOMPARE(noDatabase.error().code(), ErrorCode::DatabaseMissing);
        QVERIFY(noDatabase.error().message().contains(QStringLiteral("no_such_db")));

        QVERIFY(badPassword.error().message() != refused.error().message());
    }

    void failsOverToTheNextInstance()
    {
        Database database = demo();
        DatabaseInstance dead = database.instances.first();
        dead.name = QStringLiteral("dead-primary");
        dead.port = Test::PostgresFixture::freeLoopbackPort();
        database.instances.first().name = QStringLiteral("standby");
        database.instances.first().role = InstanceRole::Standby;
        database.instances.prepend(dead);

        auto session = PgSession::open(database, passwords());
        QVERIFY2(session.ok(), session.ok() ? "" : qPrintable(session.error().toString()));
        QCOMPARE((*session)->instance().name, QStringLiteral("standby"));
        QCOMPARE((*session)->failedAttempts().size(), 1);
        QCOMPARE((*session)->failedAttempts().first().error.code(), ErrorCode::ConnectionRefused);

        database.instances.removeLast();
        auto none = PgSession::open(database, passwords());
        QVERIFY(!none.ok());
        QCOMPARE(none.error().code(), ErrorCode::ConnectionRefused);
    }

    void missingSecretSkipsThatInstance()
    {
        Database database = demo();
        auto session = PgSession::open(database, [](const DatabaseInstance &) -> Result<QString> {
            return Error(ErrorCode::SecretNotFound, QStringLiteral("no secret"));
        });
        QVERIFY(!session.ok());
        QCOMPARE(session.error().code(), ErrorCode::SecretNotFound);
    }

    void introspectsTheDemoSchema()
    {
        auto report = introspectDatabase(demo(), passwords());
        QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().toString()));
        QCOMPARE(report->tables.size(), 2);
        const TableInfo &assignments = report->tables.at(0);
        const TableInfo &projects = report->tables.at(1);
        QCOMPARE(projects.qualifiedName(), QStringLiteral("public.projects"));
        QCOMPARE(projects.rowEstimate, 5000);
        QCOMPARE(projects.columns.size(), 9);
        QCOMPARE(projects.primaryKey(), QStringList{QStringLiteral("id")});

        const ColumnInfo *id = projects.column(QStringLiteral("id"));
        QVERIFY(id && id->identity && !id->nullable);
        const ColumnInfo *code = projects.column(QStringLiteral("project_code"));
        QCOMPARE(code->maxLength, 20);
        QCOMPARE(code->dataType, QStringLiteral("character varying(20)"));
        const ColumnInfo *status = projects.column(QStringLiteral("status"));
        QVERIFY(status->isEnum);
        QCOMPARE(status->enumLabels, (QStringList{QStringLiteral("Planned"), QStringLiteral("Active"), QStringLiteral("On Hold"),
                                                  QStringLiteral("Completed"), QStringLiteral("Cancelled")}));
        QCOMPARE(status->defaultExpression, QStringLiteral("'Planned'::project_status"));
        QCOMPARE(projects.column(QStringLiteral("budget_amount"))->dataType, QStringLiteral("numeric(14,2)"));
        QVERIFY(projects.column(QStringLiteral("tags"))->isArray);
        QVERIFY(projects.column(QStringLiteral("manager_email"))->nullable);
        QVERIFY(projects.hasIndexLeadingWith(QStringLiteral("updated_at")));
        QVERIFY(!projects.hasIndexLeadingWith(QStringLiteral("name")));
        bool uniqueCode = false;
        for (const ConstraintInfo &constraint : projects.constraints)
            uniqueCode |= constraint.kind == ConstraintInfo::Kind::Unique && constraint.columns == QStringList{QStringLiteral("project_code")};
        QVERIFY(uniqueCode);

        QCOMPARE(assignments.name, QStringLiteral("project_assignments"));
        QCOMPARE(assignments.primaryKey(), (QStringList{QStringLiteral("project_id"), QStringLiteral("employee_email")}));
    }

    void awkwardIdentifiersAreIntrospected()
    {
        QVERIFY(m_postgres.query(QStringLiteral("demo"),
                                 QStringLiteral("CREATE SCHEMA \"Odd Schema\"; CREATE TABLE \"Odd Schema\".\"select\" (\"from\" int PRIMARY KEY, \"na\"\"me\" text)")).ok());
        auto report = introspectDatabase(demo(), passwords());
        QVERIFY(report.ok());
        const auto found = std::find_if(report->tables.cbegin(), report->tables.cend(),
                                        [](const TableInfo &t) { return t.schema == QLatin1String("Odd Schema"); });
        QVERIFY(found != report->tables.cend());
        QCOMPARE(found->name, QStringLiteral("select"));
        QCOMPARE(found->primaryKey(), QStringList{QStringLiteral("from")});
        QCOMPARE(found->columns.at(1).name, QStringLiteral("na\"me"));
    }
};

QTEST_GUILESS_MAIN(TestSource)
#include "tst_source.moc"

#pragma once

// What the meta-store suites share: a fresh store per test on the driver SYNCBRIDGE_TEST_STORE
// selects — "sqlite" (a temporary file) or "postgres" (a throwaway server from PostgresFixture) — and
// the connections and definition to hang records on.
#include "postgresfixture.h"

#include "model/definition.h"
#include "store/connectionrepository.h"
#include "store/metastore.h"

#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <functional>
#include <memory>
#include <vector>

namespace SyncBridge::Test {

// Runs work on `count` threads of its own at once and returns what each returned. Not
// QtConcurrent::run: waiting for a future whose task no pool thread has taken yet runs the task on
// the waiting thread (Qt's work stealing), so a "worker" could be the test's own thread — sharing,
// and then releasing, its store connection.
template<typename T> QList<T> onOwnThreads(int count, const std::function<T()> &work)
{
    std::vector<T> results(size_t(count), T{});
    std::vector<std::unique_ptr<QThread>> threads;
    for (int i = 0; i < count; ++i) {
        threads.emplace_back(QThread::create([&results, &work, i]() { results[size_t(i)] = work(); }));
        threads.back()->start();
    }
    for (const std::unique_ptr<QThread> &thread : threads)
        thread->wait();
    return QList<T>(results.cbegin(), results.cend());
}

class StoreTestBase : public QObject
{
    Q_OBJECT

protected:
    std::shared_ptr<MetaStore> m_store;
    QTemporaryDir m_dir;
    std::unique_ptr<Test::PostgresFixture> m_postgres;
    int m_storeNumber = 0;

    Result<std::shared_ptr<MetaStore>> freshStore()
    {
        ++m_storeNumber;
        if (qEnvironmentVariable("SYNCBRIDGE_TEST_STORE") != QLatin1String("postgres"))
            return MetaStore::open(*StoreLocation::parse(m_dir.filePath(QStringLiteral("store%1.db").arg(m_storeNumber))));
        const QString name = QStringLiteral("meta%1").arg(m_storeNumber);
        auto created = m_postgres->createDatabase(name);
        if (!created)
            return created.error();
        StoreLocation location;
        location.driver = StoreLocation::Driver::Postgres;
        location.host = m_postgres->host();
        location.port = m_postgres->port();
        location.databaseName = name;
        location.userName = m_postgres->superuser();
        return MetaStore::open(location);
    }

    SyncDefinition sampleDefinition(qint64 databaseId, qint64 connectionId)
    {
        SyncDefinition d;
        d.name = QStringLiteral("Projects");
        d.source = {databaseId, QStringLiteral("Demo projects"), QStringLiteral("public"), QStringLiteral("projects")};
        d.keyColumns = {QStringLiteral("id")};
        d.cursorColumn = QStringLiteral("updated_at");
        d.targetStrategy = TargetStrategy::Conditional;
        d.scheduleCron = QStringLiteral("0 * * * *");
        d.scheduleTimeZone = QStringLiteral("Europe/Berlin");
        d.missedRuns = MissedRunPolicy::Skip;
        d.schedulePaused = true;
        d.targets = {SyncTarget{0, QStringLiteral("Active"), connectionId, QStringLiteral("Demo tenant"),
                         QStringLiteral("contoso:/sites/pmo"), QStringLiteral("Active projects"), {}, {}},
            SyncTarget{0, QStringLiteral("Archive"), connectionId, QStringLiteral("Demo tenant"), QStringLiteral("contoso:/sites/pmo"),
                QStringLiteral("Archive"), {}, {}}};
        d.sharding.rules = {ShardingRule{QJsonValue(QStringLiteral("status == 'Active'")), QStringLiteral("Active")}};
        d.sharding.defaultTargetName = QStringLiteral("Archive");
        d.mappings = {FieldMapping{0, QStringLiteral("project_code"), QStringLiteral("Title"), FieldDirection::PushOnly, false, true, {},
                          FieldKind::Value, {}, QStringLiteral("name"), false, true},
            FieldMapping{0, QStringLiteral("name"), QStringLiteral("ProjectName"), FieldDirection::Bidirectional, false, false,
                QStringLiteral("TRIM"), FieldKind::Lookup, QStringLiteral("Names"), {}, true, false},
            FieldMapping{0, QStringLiteral("updated_at"), QStringLiteral("Modified"), FieldDirection::PullOnly, true, false, {},
                FieldKind::Person, {}, {}, false, false}};
        return d;
    }

    // A database and a SharePoint connection to hang definitions on.
    std::pair<qint64, qint64> addConnections()
    {
        ConnectionRepository connections(*m_store);
        Database database;
        database.name = QStringLiteral("Demo projects");
        database.databaseName = QStringLiteral("demo");
        database.instances = {DatabaseInstance{0, 0, QStringLiteral("primary"), QStringLiteral("db1"), 5432, QStringLiteral("app"),
            InstanceRole::Primary, 0, QStringLiteral("prefer"), QStringLiteral("postgres/abc")}};
        if (!connections.saveDatabase(database))
            return {0, 0};
        SharePointConnection sharePoint;
        sharePoint.name = QStringLiteral("Demo tenant");
        sharePoint.tenantId = QStringLiteral("contoso");
        sharePoint.clientId = QStringLiteral("client");
        if (!connections.saveSharePointConnection(sharePoint))
            return {0, 0};
        return {database.id, sharePoint.id};
    }

    // initTestCase: the PostgreSQL server when the suite runs on it.
    void startServerIfAsked()
    {
        if (qEnvironmentVariable("SYNCBRIDGE_TEST_STORE") == QLatin1String("postgres")) {
            m_postgres = std::make_unique<Test::PostgresFixture>();
            auto started = m_postgres->start();
            QVERIFY2(started.ok(), started.ok() ? "" : qPrintable(started.error().toString()));
            // The documented way to give the meta-store its password: libpq's environment, never the URL.
            qputenv("PGPASSWORD", m_postgres->password().toUtf8());
        }
    }

    // init: each test its own empty store.
    void openFreshStore()
    {
        auto store = freshStore();
        QVERIFY2(store.ok(), store.ok() ? "" : qPrintable(store.error().toString()));
        m_store = *store;
    }
};

} // namespace SyncBridge::Test

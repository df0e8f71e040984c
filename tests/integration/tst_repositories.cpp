// The meta-store repositories against a real store, on the driver SYNCBRIDGE_TEST_STORE selects
// (storetestbase.h): migrations, connections, the catalog, definitions and their import, the ledger,
// runs and conflicts. What processes sharing a store hold (leases, claims, locks): tst_storeleases.
#include "manualclock.h"
#include "storetestbase.h"
#include "testpaths.h"

#include "store/catalogrepository.h"
#include "store/conflictrepository.h"
#include "store/connectionrepository.h"
#include "store/definitionimporter.h"
#include "store/definitionrepository.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/migrations.h"
#include "store/runrepository.h"

#include <QFile>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

using namespace SyncBridge;
using namespace SyncBridge::Test;

class TestRepositories : public StoreTestBase
{
    Q_OBJECT

private slots:
    void initTestCase() { startServerIfAsked(); }
    void init() { openFreshStore(); }

    void cleanup() { m_store.reset(); }

    void driverIsTheOneAskedFor()
    {
        const bool postgres = qEnvironmentVariable("SYNCBRIDGE_TEST_STORE") == QLatin1String("postgres");
        QCOMPARE(m_store->isPostgres(), postgres);
        QCOMPARE(m_store->connection().driverName(), postgres ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"));
        if (!postgres) {
            QSqlQuery pragma(m_store->connection());
            QVERIFY(pragma.exec(QStringLiteral("PRAGMA journal_mode")) && pragma.next());
            QCOMPARE(pragma.value(0).toString(), QStringLiteral("wal"));
            QVERIFY(pragma.exec(QStringLiteral("PRAGMA foreign_keys")) && pragma.next());
            QCOMPARE(pragma.value(0).toInt(), 1);
        }
    }

    void migrationsAreVersionedAndIdempotent()
    {
        QCOMPARE(m_store->schemaVersion(), latestSchemaVersion());
        QSqlDatabase db = m_store->connection();
        auto again = applyMigrations(db, m_store->isPostgres());
        QVERIFY(again.ok());
        QCOMPARE(*again, latestSchemaVersion());
        QSqlQuery count(db);
        QVERIFY(count.exec(QStringLiteral("SELECT COUNT(*) FROM schema_migrations")) && count.next());
        QCOMPARE(count.value(0).toInt(), migrations().size());
    }

    void refusesNewerSchema()
    {
        QSqlDatabase db = m_store->connection();
        QSqlQuery insert(db);
        QVERIFY(insert.exec(QStringLiteral("INSERT INTO schema_migrations (version, description, applied_at) VALUES (999, 'future', 0)")));
        auto outcome = applyMigrations(db, m_store->isPostgres());
        QVERIFY(!outcome.ok());
        QVERIFY(outcome.error().message().contains(QStringLiteral("newer SyncBridge")));
    }

    void applicationsAndDatabases()
    {
        ConnectionRepository repository(*m_store);
        Application application{0, QStringLiteral("PMO"), QStringLiteral("Project office")};
        QVERIFY(repository.saveApplication(application).ok());
        QVERIFY(application.id > 0);

        Database database;
        database.applicationId = application.id;
        database.name = QStringLiteral("Projects DB");
        database.databaseName = QStringLiteral("projects");
        database.instances = {
            DatabaseInstance{0, 0, QStringLiteral("primary"), QStringLiteral("db1"), 5432, QStringLiteral("app"), InstanceRole::Primary, 0, QStringLiteral("require"), QStringLiteral("postgres/1")},
            DatabaseInstance{0, 0, QStringLiteral("standby"), QStringLiteral("db2"), 5433, QStringLiteral("app"), InstanceRole::Standby, 1, QStringLiteral("require"), QStringLiteral("postgres/2")},
        };
        QVERIFY(repository.saveDatabase(database).ok());
        QVERIFY(database.instances.at(0).id > 0 && database.instances.at(1).id > 0);

        auto loaded = repository.databaseByName(QStringLiteral("Projects DB"));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->applicationId, application.id);
        QCOMPARE(loaded->instances.size(), 2);
        QCOMPARE(loaded->instances.at(1).role, InstanceRole::Standby);
        QCOMPARE(loaded->instances.at(1).port, 5433);
        QCOMPARE(loaded->instances.at(1).secretRef, QStringLiteral("postgres/2"));

        // Editing: drop the standby, rename the primary, add a replica.
        Database edited = *loaded;
        edited.instances.removeLast();
        edited.instances[0].name = QStringLiteral("main");
        edited.instances << DatabaseInstance{0, 0, QStringLiteral("replica"), QStringLiteral("db3"), 5434, QStringLiteral("ro"), InstanceRole::Replica, 0, QStringLiteral("prefer"), {}};
        QVERIFY(repository.saveDatabase(edited).ok());
        auto reloaded = repository.database(database.id);
        QVERIFY(reloaded.ok());
        QCOMPARE(reloaded->instances.size(), 2);
        QCOMPARE(reloaded->instances.at(0).name, QStringLiteral("main"));
        QCOMPARE(reloaded->instances.at(0).id, database.instances.at(0).id);
        QCOMPARE(reloaded->instances.at(1).name, QStringLiteral("replica"));

        Database duplicate;
        duplicate.name = QStringLiteral("Projects DB");
        duplicate.databaseName = QStringLiteral("x");
        auto clash = repository.saveDatabase(duplicate);
        QVERIFY(!clash.ok());
        QCOMPARE(clash.error().code(), ErrorCode::AlreadyExists);

        QVERIFY(repository.removeDatabase(database.id).ok());
        QCOMPARE(repository.databaseByName(QStringLiteral("Projects DB")).error().code(), ErrorCode::NotFound);
        QSqlQuery orphans(m_store->connection());
        QVERIFY(orphans.exec(QStringLiteral("SELECT COUNT(*) FROM database_instances")) && orphans.next());
        QCOMPARE(orphans.value(0).toInt(), 0);  // cascaded
    }

    void sharePointConnectionsHoldNoSecret()
    {
        ConnectionRepository repository(*m_store);
        SharePointConnection connection;
        connection.name = QStringLiteral("Contoso");
        connection.tenantId = QStringLiteral("contoso.onmicrosoft.com");
        connection.clientId = QStringLiteral("535fb089-9ff3-47b6-9bfb-4f1264799865");
        connection.secretRef = QStringLiteral("sharepoint/7f0c");
        connection.ruPerMinute = 2500;
        QVERIFY(repository.saveSharePointConnection(connection).ok());
        auto loaded = repository.sharePointConnectionByName(QStringLiteral("Contoso"));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->ruPerMinute, 2500);
        QCOMPARE(loaded->secretRef, QStringLiteral("sharepoint/7f0c"));
        QCOMPARE(loaded->graphBaseUrl, QStringLiteral("https://graph.microsoft.com/v1.0"));
    }

    void catalogAndSchemaSnapshots()
    {
        const auto [databaseId, connectionId] = addConnections();
        QVERIFY(databaseId > 0 && connectionId > 0);
        CatalogRepository catalog(*m_store);
        TableInfo table;
        table.schema = QStringLiteral("public");
        table.name = QStringLiteral("projects");
        table.rowEstimate = 5000;
        table.columns = {ColumnInfo{1, QStringLiteral("id"), QStringLiteral("bigint"), QStringLiteral("int8"), false, false, {}, false, true, false, {}, -1}};
        table.constraints = {ConstraintInfo{QStringLiteral("projects_pkey"), ConstraintInfo::Kind::PrimaryKey, {QStringLiteral("id")}}};

        auto first = catalog.saveIntrospection(databaseId, {table}, QDateTime::currentDateTimeUtc());
        QVERIFY(first.ok());
        QVERIFY(first->firstSnapshot);
        table.rowEstimate = 6000;   // row counts alone are not drift
        auto second = catalog.saveIntrospection(databaseId, {table}, QDateTime::currentDateTimeUtc());
        QVERIFY(second.ok() && !second->schemaChanged);
        table.columns << ColumnInfo{2, QStringLiteral("name"), QStringLiteral("text"), QStringLiteral("text"), false, false, {}, true, false, false, {}, -1};
        auto third = catalog.saveIntrospection(databaseId, {table}, QDateTime::currentDateTimeUtc());
        QVERIFY(third.ok() && third->schemaChanged);
        QCOMPARE(*catalog.snapshotCount(databaseId), 2);

        auto tables = catalog.tables(databaseId);
        QVERIFY(tables.ok());
        QCOMPARE(tables->size(), 1);
        QCOMPARE(tables->first().columns.size(), 2);
        QCOMPARE(tables->first().primaryKey(), QStringList{QStringLiteral("id")});
        auto latest = catalog.latestSnapshot(databaseId);
        QVERIFY(latest.ok() && latest->has_value());
        QCOMPARE((*latest)->contentHash, third->snapshot.contentHash);

        SharePointSite site{0, connectionId, QStringLiteral("contoso.sharepoint.com,1,2"), QStringLiteral("PMO"), QStringLiteral("https://contoso/sites/pmo")};
        QVERIFY(catalog.saveSite(site).ok());
        SharePointList list{0, site.id, QStringLiteral("list-guid"), QStringLiteral("Projects"), {}, {}};
        const auto column = [](const char *name, const char *type) {
            SharePointColumn c;
            c.name = c.displayName = QLatin1String(name);
            c.type = QLatin1String(type);
            return c;
        };
        SharePointColumn title = column("Title", "text");
        title.required = true;
        title.maxLength = 255;
        SharePointColumn modified = column("Modified", "dateTime");
        modified.readOnly = modified.system = true;
        SharePointColumn tags = column("Tags", "choice");
        tags.multiValue = true;
        tags.choices = {QStringLiteral("infra"), QStringLiteral("q1")};
        list.columns = {title, modified, tags};
        QVERIFY(catalog.saveList(list).ok());
        QVERIFY(catalog.saveList(list).ok());   // upsert keeps one row
        auto lists = catalog.lists(site.id);
        QVERIFY(lists.ok());
        QCOMPARE(lists->size(), 1);
        QCOMPARE(lists->first().columns.size(), 3);
        QVERIFY(lists->first().columns.at(1).readOnly && lists->first().columns.at(1).system);
        QCOMPARE(lists->first().columns.at(0).maxLength, 255);
        QVERIFY(lists->first().columns.at(2).multiValue);
        QCOMPARE(lists->first().columns.at(2).choices, (QStringList{QStringLiteral("infra"), QStringLiteral("q1")}));
    }

    void definitionsRoundTrip()
    {
        const auto [databaseId, connectionId] = addConnections();
        DefinitionRepository repository(*m_store);
        SyncDefinition definition = sampleDefinition(databaseId, connectionId);
        QVERIFY(repository.save(definition).ok());
        QVERIFY(definition.id > 0);
        const qint64 activeTargetId = definition.targets.at(0).id;

        auto loaded = repository.byName(QStringLiteral("Projects"));
        QVERIFY(loaded.ok());
        QCOMPARE(loaded->source.databaseName, QStringLiteral("Demo projects"));
        QCOMPARE(loaded->targets.size(), 2);
        QCOMPARE(loaded->targets.at(0).connectionName, QStringLiteral("Demo tenant"));
        QCOMPARE(loaded->mappings.size(), 3);
        QCOMPARE(loaded->mappings.at(1).transform, QStringLiteral("TRIM"));
        QCOMPARE(loaded->mappings.at(1).kind, FieldKind::Lookup); // migration 27
        QCOMPARE(loaded->mappings.at(1).referencedDefinition, QStringLiteral("Names"));
        QCOMPARE(loaded->mappings.at(2).kind, FieldKind::Person);
        QCOMPARE(loaded->mappings.at(0).kind, FieldKind::Value);
        QCOMPARE(loaded->mappings.at(0).descriptionColumn, QStringLiteral("name")); // migration 28
        QVERIFY(loaded->mappings.at(1).descriptionColumn.isEmpty());
        QVERIFY(loaded->mappings.at(1).richText && !loaded->mappings.at(0).richText);
        QVERIFY(loaded->mappings.at(0).addsChoices && !loaded->mappings.at(1).addsChoices); // migration 29
        QVERIFY(loaded->mappings.at(2).systemField);
        QCOMPARE(loaded->sharding.rules.first().condition.toString(), QStringLiteral("status == 'Active'"));
        QCOMPARE(loaded->scheduleTimeZone, QStringLiteral("Europe/Berlin"));
        QCOMPARE(loaded->missedRuns, MissedRunPolicy::Skip);
        QVERIFY(loaded->schedulePaused);
        QCOMPARE(definitionToJson(*loaded), definitionToJson(definition));

        // Update: one target removed, targets that stay keep their ids.
        SyncDefinition edited = *loaded;
        edited.targets.removeLast();
        edited.sharding.defaultTargetName.clear();
        edited.mappings.removeFirst();
        edited.missedRuns = MissedRunPolicy::CatchUpOnce;
        edited.schedulePaused = false;
        QVERIFY(repository.save(edited).ok());
        auto reloaded = repository.byId(definition.id);
        QVERIFY(reloaded.ok());
        QCOMPARE(reloaded->missedRuns, MissedRunPolicy::CatchUpOnce);
        QVERIFY(!reloaded->schedulePaused);
        QCOMPARE(reloaded->targets.size(), 1);
        QCOMPARE(reloaded->targets.first().id, activeTargetId);
        QCOMPARE(reloaded->mappings.size(), 2);

        QVERIFY(repository.remove(definition.id).ok());
        QCOMPARE(repository.all()->size(), 0);
    }

    void importIsAllOrNothing()
    {
        const auto [databaseId, connectionId] = addConnections();
        QFile valid(Test::testDataPath(QStringLiteral("valid-definitions.json")));
        QVERIFY2(valid.open(QIODevice::ReadOnly), qPrintable(valid.fileName()));
        const QByteArray document = valid.readAll();

        QByteArray broken = document;
        broken.replace("\"Demo tenant\"", "\"Unknown tenant\"");
        auto refused = importDefinitions(*m_store, broken);
        QVERIFY(refused.ok());
        QCOMPARE(refused->issues.size(), 3);   // three targets name the unknown connection
        QCOMPARE(refused->issues.first().path, QStringLiteral("$.definitions[0].targets[0].connection"));
        QCOMPARE(DefinitionRepository(*m_store).all()->size(), 0);

        auto imported = importDefinitions(*m_store, document);
        QVERIFY(imported.ok() && imported->ok());
        QCOMPARE(imported->created, 1);
        auto again = importDefinitions(*m_store, document);
        QVERIFY(again.ok() && again->ok());
        QCOMPARE(again->replaced, 1);
        QCOMPARE(DefinitionRepository(*m_store).all()->size(), 1);
        QVERIFY(again->warnings.isEmpty()); // the table is not catalogued: nothing to advise on

        // Catalogued with a nullable cursor column without a default or an index: imported, with advice.
        const auto column = [](int ordinal, const char *name, const char *dataType, const char *typeName, bool nullable) {
            return ColumnInfo{ordinal, QLatin1String(name), QLatin1String(dataType), QLatin1String(typeName), false, false, {}, nullable,
                false, false, {}, -1};
        };
        TableInfo table;
        table.schema = QStringLiteral("public");
        table.name = QStringLiteral("projects");
        table.columns = {column(1, "id", "bigint", "int8", false), column(2, "updated_at", "timestamp with time zone", "timestamptz", true),
            column(3, "project_code", "text", "text", false), column(4, "name", "text", "text", false),
            column(5, "status", "text", "text", false), column(6, "budget_amount", "numeric(14,2)", "numeric", false)};
        table.constraints = {ConstraintInfo{QStringLiteral("projects_pkey"), ConstraintInfo::Kind::PrimaryKey, {QStringLiteral("id")}}};
        QVERIFY(CatalogRepository(*m_store).saveIntrospection(databaseId, {table}, QDateTime::currentDateTimeUtc()).ok());
        // … and its lists as discovery records them, so the mappings are checked against their columns.
        SharePointSite site{0, connectionId, QStringLiteral("contoso.sharepoint.com,1,2"), QStringLiteral("PMO"),
            QStringLiteral("https://contoso.sharepoint.com/sites/pmo")};
        QVERIFY(CatalogRepository(*m_store).saveSite(site).ok());
        const auto listColumn = [](const char *name, const char *type) {
            SharePointColumn c;
            c.name = c.displayName = QLatin1String(name);
            c.type = QLatin1String(type);
            c.readOnly = c.system = c.name == QLatin1String("Modified");
            return c;
        };
        for (const char *name : {"Active projects", "Large projects", "Project archive"}) {
            SharePointList list{0, site.id, QLatin1String(name), QLatin1String(name), {}, {}};
            list.columns = {listColumn("Title", "text"), listColumn("ProjectName", "text"), listColumn("Status", "text"),
                listColumn("Budget", "number"), listColumn("Modified", "dateTime")};
            QVERIFY(CatalogRepository(*m_store).saveList(list).ok());
        }
        auto advised = importDefinitions(*m_store, document);
        QVERIFY(advised.ok());
        QVERIFY2(
            advised->ok(), advised->issues.isEmpty() ? "" : qPrintable(advised->issues.first().path + advised->issues.first().message));
        QCOMPARE(advised->warnings.size(), 2);
        QCOMPARE(advised->warnings.at(0).path, QStringLiteral("$.definitions[0].cursor.column"));
        QVERIFY(advised->warnings.at(0).message.contains(QStringLiteral("No index starts with updated_at")));
        QVERIFY(advised->warnings.at(1).message.contains(QStringLiteral("updated_at can be NULL and has no default")));
    }

    void ledgerCursorsAndRetries()
    {
        const auto [databaseId, connectionId] = addConnections();
        SyncDefinition definition = sampleDefinition(databaseId, connectionId);
        QVERIFY(DefinitionRepository(*m_store).save(definition).ok());
        LedgerRepository ledger(*m_store);

        QList<LedgerEntry> entries;
        for (int i = 0; i < 50; ++i) {
            LedgerEntry entry;
            entry.definitionId = definition.id;
            entry.identityHash = QStringLiteral("hash-%1").arg(i, 3, 10, QLatin1Char('0'));
            entry.identityText = QStringLiteral("id=%1").arg(i);
            entry.state = i % 2 ? LedgerState::Synced : LedgerState::Pending;
            entry.itemId = i % 2 ? QString::number(i) : QString();
            entry.contentHash = QStringLiteral("c%1").arg(i);
            entry.syncedAt = QDateTime::fromMSecsSinceEpoch(1700000000000 + i, Qt::UTC);
            entries << entry;
        }
        QVERIFY(ledger.upsert(entries).ok());
        auto found = ledger.lookup(definition.id, {QStringLiteral("hash-001"), QStringLiteral("hash-002"), QStringLiteral("nope")});
        QVERIFY(found.ok());
        QCOMPARE(found->size(), 2);
        QCOMPARE(found->value(QStringLiteral("hash-001")).itemId, QStringLiteral("1"));
        QCOMPARE(found->value(QStringLiteral("hash-001")).syncedAt, entries.at(1).syncedAt);
        QVERIFY(found->value(QStringLiteral("hash-002")).itemId.isEmpty());
        QCOMPARE(ledger.entries(definition.id, LedgerState::Pending)->size(), 25);

        entries[0].state = LedgerState::Synced;
        entries[0].itemId = QStringLiteral("100");
        QVERIFY(ledger.upsert({entries.at(0)}).ok());
        QCOMPARE(ledger.entries(definition.id, LedgerState::Pending)->size(), 24);

        QVERIFY(!ledger.cursor(definition.id, QStringLiteral("push"))->has_value());
        SyncCursor cursor;
        cursor.definitionId = definition.id;
        cursor.position = QStringLiteral("2026-01-01T08:00:00.000Z");
        cursor.lastKey = {QStringLiteral("42")};
        QVERIFY(ledger.saveCursor(cursor).ok());
        cursor.lastKey = {QStringLiteral("43")};
        QVERIFY(ledger.saveCursor(cursor).ok());
        SyncCursor perList = cursor;
        perList.listGraphId = QStringLiteral("list-b");
        perList.position = QStringLiteral("other");
        QVERIFY(ledger.saveCursor(perList).ok());
        auto loadedCursor = ledger.cursor(definition.id, QStringLiteral("push"));
        QVERIFY(loadedCursor.ok() && loadedCursor->has_value());
        QCOMPARE((*loadedCursor)->lastKey, QStringList{QStringLiteral("43")});
        QCOMPARE((*loadedCursor)->position, cursor.position);
        QCOMPARE((*ledger.cursor(definition.id, QStringLiteral("push"), 0, QStringLiteral("list-b")))->position, QStringLiteral("other"));
        QVERIFY(ledger.resetCursors(definition.id).ok());
        QVERIFY(!ledger.cursor(definition.id, QStringLiteral("push"))->has_value());

        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(ledger.enqueueRetry({0, definition.id, QStringLiteral("hash-007"), QStringLiteral("id=7"), 1, now.addSecs(-5), QStringLiteral("400 too long")}).ok());
        QVERIFY(ledger.enqueueRetry({0, definition.id, QStringLiteral("hash-007"), QStringLiteral("id=7"), 1, now.addSecs(60), QStringLiteral("503")}).ok());
        QVERIFY(ledger.enqueueRetry({0, definition.id, QStringLiteral("hash-009"), QStringLiteral("id=9"), 1, now.addSecs(-1), QStringLiteral("429")}).ok());
        auto all = ledger.retries(definition.id);
        QCOMPARE(all->size(), 2);
        const RetryItem seven = all->at(0).identityHash == QLatin1String("hash-007") ? all->at(0) : all->at(1);
        QCOMPARE(seven.attempts, 2);
        QCOMPARE(seven.lastError, QStringLiteral("503"));
        auto due = ledger.dueRetries(definition.id, now);
        QCOMPARE(due->size(), 1);
        QCOMPARE(due->first().identityHash, QStringLiteral("hash-009"));
        QVERIFY(ledger.removeRetry(definition.id, QStringLiteral("hash-009")).ok());
        QCOMPARE(ledger.retries(definition.id)->size(), 1);

        // Pending writes of rows that wait in the retry queue are counted with the queue, not again.
        QCOMPARE(*ledger.pendingOutsideRetryQueue(definition.id), 24);
        QVERIFY(ledger.enqueueRetry({0, definition.id, QStringLiteral("hash-002"), QStringLiteral("id=2"), 1, now, QStringLiteral("500")})
                    .ok());
        QVERIFY(ledger.enqueueRetry({0, definition.id, QStringLiteral("hash-004"), QStringLiteral("id=4"), 1, now, QStringLiteral("500")})
                    .ok());
        QCOMPARE(*ledger.pendingOutsideRetryQueue(definition.id), 22);
        QCOMPARE(*ledger.count(definition.id, LedgerState::Pending), 24);
    }

    void runsEventsAndMetrics()
    {
        const auto [databaseId, connectionId] = addConnections();
        SyncDefinition definition = sampleDefinition(databaseId, connectionId);
        QVERIFY(DefinitionRepository(*m_store).save(definition).ok());
        RunRepository runs(*m_store);
        const QDateTime base = QDateTime(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);
        for (int i = 0; i < 30; ++i) {
            SyncRun run;
            run.definitionId = definition.id;
            run.startedAt = base.addSecs(i * 3600);
            QVERIFY(runs.startRun(run).ok());
            run.status = i % 3 == 0 ? RunStatus::Failed : RunStatus::Succeeded;
            run.finishedAt = run.startedAt.addSecs(30);
            run.counters.created = i;
            run.counters.ruSpent = 2 * i;
            run.message = QStringLiteral("run %1").arg(i);
            QVERIFY(runs.updateRun(run).ok());
        }
        RunFilter filter;
        filter.definitionId = definition.id;
        QCOMPARE(*runs.countRuns(filter), 30);
        filter.status = RunStatus::Failed;
        QCOMPARE(*runs.countRuns(filter), 10);
        filter.status.reset();
        filter.from = base.addSecs(10 * 3600);
        filter.to = base.addSecs(20 * 3600);
        QCOMPARE(*runs.countRuns(filter), 10);
        filter.limit = 4;
        filter.offset = 2;
        auto page = runs.runs(filter);
        QVERIFY(page.ok());
        QCOMPARE(page->size(), 4);
        QCOMPARE(page->first().counters.created, 17);   // newest first: 19, 18, [17, 16, 15, 14]
        QCOMPARE(page->first().counters.ruSpent, 34);
        QCOMPARE(page->first().finishedAt, base.addSecs(17 * 3600 + 30));

        RunEvent event;
        event.runId = page->first().id;
        event.severity = EventSeverity::Error;
        event.type = QStringLiteral("item-failed");
        event.message = QStringLiteral("The text is longer than the column allows.");
        event.payload = QJsonObject{{QStringLiteral("identity"), QStringLiteral("id=7")}, {QStringLiteral("status"), 400}};
        QVERIFY(runs.addEvent(event).ok());
        auto events = runs.events(event.runId);
        QCOMPARE(events->size(), 1);
        QCOMPARE(events->first().severity, EventSeverity::Error);
        QCOMPARE(events->first().payload.value(QStringLiteral("status")).toInt(), 400);

        // The events of some types of a page of runs, in one query.
        RunEvent finished;
        finished.runId = page->at(1).id;
        finished.type = QStringLiteral("run-finished");
        finished.payload = QJsonObject{{QStringLiteral("retryQueue"), 3}};
        QVERIFY(runs.addEvent(finished).ok());
        RunEvent other = finished;
        other.type = QStringLiteral("retrying");
        QVERIFY(runs.addEvent(other).ok());
        auto byRun = runs.eventsOfType(
            {page->at(0).id, page->at(1).id, page->at(2).id}, {QStringLiteral("item-failed"), QStringLiteral("run-finished")});
        QVERIFY(byRun.ok());
        QCOMPARE(byRun->size(), 2);
        QCOMPARE(byRun->value(page->at(0).id).size(), 1);
        QCOMPARE(byRun->value(page->at(0).id).first().type, QStringLiteral("item-failed"));
        QCOMPARE(byRun->value(page->at(1).id).size(), 1);
        QCOMPARE(byRun->value(page->at(1).id).first().payload.value(QStringLiteral("retryQueue")).toInt(), 3);
        QVERIFY(runs.eventsOfType({}, {QStringLiteral("run-finished")})->isEmpty());

        QVERIFY(runs.addMetric({event.runId, base, QStringLiteral("items_per_second"), 812.5}).ok());
        QCOMPARE(runs.metrics(event.runId)->first().value, 812.5);
    }

    void timesComeFromTheInjectedClock()
    {
        const auto [databaseId, connectionId] = addConnections();
        SyncDefinition definition = sampleDefinition(databaseId, connectionId);
        QVERIFY(DefinitionRepository(*m_store).save(definition).ok());
        Test::ManualClock clock(QDateTime(QDate(2030, 5, 6), QTime(7, 8, 9, 123), Qt::UTC));
        RunRepository runs(*m_store, clock);
        SyncRun run;
        run.definitionId = definition.id;
        QVERIFY(runs.startRun(run).ok());
        clock.advance(1500);
        RunEvent event;
        event.runId = run.id;
        event.message = QStringLiteral("started");
        QVERIFY(runs.addEvent(event).ok());
        QCOMPARE(runs.run(run.id)->startedAt, QDateTime(QDate(2030, 5, 6), QTime(7, 8, 9, 123), Qt::UTC));
        QCOMPARE(runs.events(run.id)->first().at, QDateTime(QDate(2030, 5, 6), QTime(7, 8, 10, 623), Qt::UTC));
    }

    void aRowAndFieldHaveOnePendingConflictUntilItsDecisionIsApplied()
    {
        const auto [databaseId, connectionId] = addConnections();
        SyncDefinition definition = sampleDefinition(databaseId, connectionId);
        QVERIFY(DefinitionRepository(*m_store).save(definition).ok());
        ConflictRepository conflicts(*m_store);
        const QDateTime at(QDate(2026, 12, 2), QTime(11, 0), Qt::UTC);
        SyncConflict found;
        found.definitionId = definition.id;
        found.identityHash = QStringLiteral("hash-7");
        found.identityText = QStringLiteral("id=7");
        found.field = QStringLiteral("Title");
        found.column = QStringLiteral("title");
        found.baseValue = QStringLiteral("scan");
        found.databaseValue = QStringLiteral("scan (db)");
        found.sharePointValue = QJsonValue(QJsonValue::Null);
        found.sharePointModifiedAt = at;
        found.sharePointEditor = QStringLiteral("Adele Vance");
        found.detectedAt = at;
        const qint64 id = conflicts.record(found).value();
        SyncConflict other = found;
        other.field = QStringLiteral("Budget");
        other.baseValue = 10;
        other.databaseValue = 12.5;
        other.sharePointValue = QJsonArray{QStringLiteral("a"), 1};
        QVERIFY(conflicts.record(other).value() != id);

        // Found again by a later run: the same conflict, with the new values and the first base.
        found.databaseValue = QStringLiteral("scan (db, again)");
        found.baseValue = QStringLiteral("not the base");
        QCOMPARE(conflicts.record(found).value(), id);
        QCOMPARE(conflicts.pending(definition.id)->size(), 2);
        const SyncConflict stored = conflicts.conflict(id)->value();
        QCOMPARE(stored.baseValue, QJsonValue(QStringLiteral("scan")));
        QCOMPARE(stored.databaseValue, QJsonValue(QStringLiteral("scan (db, again)")));
        QVERIFY(stored.sharePointValue.isNull());
        QCOMPARE(stored.sharePointEditor, QStringLiteral("Adele Vance"));
        QCOMPARE(stored.sharePointModifiedAt, at);
        QVERIFY(stored.isOpen());
        const SyncConflict budget = conflicts.pendingOf(definition.id, {QStringLiteral("hash-7")})->value(QStringLiteral("hash-7")).first();
        QCOMPARE(budget.databaseValue, QJsonValue(12.5));
        QCOMPARE(budget.sharePointValue, QJsonValue(QJsonArray{QStringLiteral("a"), 1}));
        QCOMPARE(conflicts.openCounts()->value(definition.id), 2);

        QCOMPARE(conflicts.resolve(id, ConflictResolution::Open, {}, {}, at).error().code(), ErrorCode::InvalidInput);
        QVERIFY(conflicts.resolve(id, ConflictResolution::Edited, QStringLiteral("scan, merged"), QStringLiteral("alex"), at).ok());
        QCOMPARE(conflicts.openCounts()->value(definition.id), 1);
        QCOMPARE(conflicts.decided(definition.id)->size(), 1);
        QCOMPARE(conflicts.decided(definition.id)->first().resolvedValue, QJsonValue(QStringLiteral("scan, merged")));
        QVERIFY(conflicts.markApplied({id}, 5, at.addSecs(60)).ok());
        QVERIFY(conflicts.decided(definition.id)->isEmpty());
        QCOMPARE(conflicts.history(definition.id, 10)->first().appliedRunId, 5);
        QCOMPARE(conflicts.resolve(id, ConflictResolution::Database, {}, {}, at).error().code(), ErrorCode::NotFound);

        // Applied, the field can conflict again; a gone row takes its pending conflicts along.
        QVERIFY(conflicts.record(found).value() != id);
        QCOMPARE(conflicts.pending(definition.id)->size(), 2);
        QVERIFY(conflicts.dropPending(definition.id, QStringLiteral("hash-7")).ok());
        QVERIFY(conflicts.pending(definition.id)->isEmpty());
        QCOMPARE(conflicts.history(definition.id, 10)->size(), 1);
    }

    void eachThreadHasItsOwnConnection()
    {
        const QString mainName = m_store->connection().connectionName();
        const auto [workerName, saved] = onOwnThreads<std::pair<QString, bool>>(1, [store = m_store]() {
            const QString name = store->connection().connectionName();
            ConnectionRepository repository(*store);
            Application application{0, QStringLiteral("from worker"), {}};
            const bool ok = repository.saveApplication(application).ok();
            store->releaseThreadConnection();
            return std::make_pair(name, ok);
        }).constFirst();
        QVERIFY(saved);
        QVERIFY(workerName != mainName);
        QCOMPARE(ConnectionRepository(*m_store).applications()->size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"

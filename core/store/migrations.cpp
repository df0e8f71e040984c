#include "store/migrations.h"

#include "common/logging.h"
#include "store/sql.h"

#include <QCoreApplication>
#include <QDateTime>

namespace SyncBridge {
namespace {

constexpr qint64 migrationLockKey = 0x53594E4342524447; // "SYNCBRDG"

QStringList schemaV1()
{
    return {
        QStringLiteral("CREATE TABLE applications ("
                       " id {ID}, name TEXT NOT NULL UNIQUE, description TEXT)"),
        QStringLiteral("CREATE TABLE databases ("
                       " id {ID}, application_id BIGINT REFERENCES applications(id) ON DELETE SET NULL,"
                       " name TEXT NOT NULL UNIQUE, database_name TEXT NOT NULL, description TEXT)"),
        QStringLiteral("CREATE TABLE database_instances ("
                       " id {ID}, database_id BIGINT NOT NULL REFERENCES databases(id) ON DELETE CASCADE,"
                       " name TEXT NOT NULL, host TEXT NOT NULL, port INTEGER NOT NULL, user_name TEXT NOT NULL,"
                       " role TEXT NOT NULL, priority INTEGER NOT NULL DEFAULT 0, ssl_mode TEXT NOT NULL,"
                       " secret_ref TEXT, UNIQUE (database_id, name))"),
        QStringLiteral("CREATE TABLE sharepoint_connections ("
                       " id {ID}, name TEXT NOT NULL UNIQUE, tenant_id TEXT NOT NULL, client_id TEXT NOT NULL,"
                       " authority_host TEXT NOT NULL, graph_base_url TEXT NOT NULL, secret_ref TEXT,"
                       " ru_per_minute INTEGER NOT NULL, ru_per_day BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE sharepoint_sites ("
                       " id {ID}, connection_id BIGINT NOT NULL REFERENCES sharepoint_connections(id) ON DELETE CASCADE,"
                       " graph_id TEXT NOT NULL, display_name TEXT, web_url TEXT, UNIQUE (connection_id, graph_id))"),
        QStringLiteral("CREATE TABLE sharepoint_lists ("
                       " id {ID}, site_id BIGINT NOT NULL REFERENCES sharepoint_sites(id) ON DELETE CASCADE,"
                       " graph_id TEXT NOT NULL, display_name TEXT NOT NULL, web_url TEXT, UNIQUE (site_id, graph_id))"),
        QStringLiteral("CREATE TABLE sharepoint_columns ("
                       " id {ID}, list_id BIGINT NOT NULL REFERENCES sharepoint_lists(id) ON DELETE CASCADE,"
                       " name TEXT NOT NULL, display_name TEXT, column_type TEXT, read_only INTEGER NOT NULL,"
                       " hidden INTEGER NOT NULL, indexed INTEGER NOT NULL, required INTEGER NOT NULL,"
                       " max_length INTEGER NOT NULL, UNIQUE (list_id, name))"),
        QStringLiteral("CREATE TABLE db_tables ("
                       " id {ID}, database_id BIGINT NOT NULL REFERENCES databases(id) ON DELETE CASCADE,"
                       " schema_name TEXT NOT NULL, table_name TEXT NOT NULL, row_estimate BIGINT NOT NULL,"
                       " details_json TEXT NOT NULL, UNIQUE (database_id, schema_name, table_name))"),
        QStringLiteral("CREATE TABLE db_columns ("
                       " id {ID}, table_id BIGINT NOT NULL REFERENCES db_tables(id) ON DELETE CASCADE,"
                       " ordinal INTEGER NOT NULL, name TEXT NOT NULL, data_type TEXT NOT NULL,"
                       " nullable INTEGER NOT NULL, is_identity INTEGER NOT NULL, default_expr TEXT,"
                       " max_length INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE schema_snapshots ("
                       " id {ID}, database_id BIGINT NOT NULL REFERENCES databases(id) ON DELETE CASCADE,"
                       " taken_at BIGINT NOT NULL, content_hash TEXT NOT NULL, snapshot_json TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX schema_snapshots_by_database ON schema_snapshots (database_id, taken_at)"),
        QStringLiteral("CREATE TABLE sync_definitions ("
                       " id {ID}, name TEXT NOT NULL UNIQUE, description TEXT, enabled INTEGER NOT NULL,"
                       " mode TEXT NOT NULL, conflict_policy TEXT NOT NULL, key_strategy TEXT NOT NULL,"
                       " cursor_strategy TEXT NOT NULL, cursor_column TEXT, delete_policy TEXT NOT NULL,"
                       " max_delete_share DOUBLE PRECISION NOT NULL, schedule_cron TEXT, schedule_time_zone TEXT,"
                       " target_strategy TEXT NOT NULL, sharding_json TEXT NOT NULL,"
                       " created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE sync_sources ("
                       " definition_id BIGINT PRIMARY KEY REFERENCES sync_definitions(id) ON DELETE CASCADE,"
                       " database_id BIGINT NOT NULL REFERENCES databases(id),"
                       " schema_name TEXT NOT NULL, table_name TEXT NOT NULL)"),
        QStringLiteral("CREATE TABLE sync_key_columns ("
                       " definition_id BIGINT NOT NULL REFERENCES sync_definitions(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL, column_name TEXT NOT NULL, PRIMARY KEY (definition_id, position))"),
        QStringLiteral("CREATE TABLE sync_targets ("
                       " id {ID}, definition_id BIGINT NOT NULL REFERENCES sync_definitions(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL, name TEXT NOT NULL,"
                       " connection_id BIGINT NOT NULL REFERENCES sharepoint_connections(id),"
                       " site TEXT NOT NULL, list_name TEXT NOT NULL, list_graph_id TEXT,"
                       " UNIQUE (definition_id, name))"),
        QStringLiteral("CREATE TABLE field_mappings ("
                       " id {ID}, definition_id BIGINT NOT NULL REFERENCES sync_definitions(id) ON DELETE CASCADE,"
                       " position INTEGER NOT NULL, source_column TEXT NOT NULL, target_column TEXT NOT NULL,"
                       " direction TEXT NOT NULL, system_field INTEGER NOT NULL, is_key INTEGER NOT NULL, transform TEXT,"
                       " UNIQUE (definition_id, target_column))"),
        QStringLiteral("CREATE TABLE sync_ledger ("
                       " definition_id BIGINT NOT NULL REFERENCES sync_definitions(id) ON DELETE CASCADE,"
                       " identity_hash TEXT NOT NULL, identity_text TEXT NOT NULL, list_graph_id TEXT,"
                       " item_id TEXT, content_hash TEXT, state TEXT NOT NULL, etag TEXT, synced_at BIGINT,"
                       " PRIMARY KEY (definition_id, identity_hash))"),
        QStringLiteral("CREATE TABLE sync_cursors ("
                       " definition_id BIGINT NOT NULL REFERENCES sync_definitions(id) ON DELETE CASCADE,"
                       " scope TEXT NOT NULL, source_instance_id BIGINT NOT NULL, list_graph_id TEXT NOT NULL,"
                       " position TEXT, last_key_json TEXT, updated_at BIGINT NOT NULL,"
                       " PRIMARY KEY (definition_id, scope, source_instance_id, list_graph_id))"),
        QStringLiteral("CREATE TABLE retry_queue ("
                       " id {ID}, definition_id BIGINT NOT NULL REFERENCES sync_definitions(id) ON DELETE CASCADE,"
                       " identity_hash TEXT NOT NULL, identity_text TEXT NOT NULL, attempts INTEGER NOT NULL,"
                       " next_attempt_at BIGINT NOT NULL, last_error TEXT, UNIQUE (definition_id, identity_hash))"),
        QStringLiteral("CREATE TABLE sync_runs ("
                       " id {ID}, definition_id BIGINT NOT NULL REFERENCES sync_definitions(id) ON DELETE CASCADE,"
                       " run_type TEXT NOT NULL, status TEXT NOT NULL, started_at BIGINT NOT NULL, finished_at BIGINT,"
                       " rows_read BIGINT NOT NULL DEFAULT 0, created BIGINT NOT NULL DEFAULT 0,"
                       " updated BIGINT NOT NULL DEFAULT 0, moved BIGINT NOT NULL DEFAULT 0,"
                       " deleted BIGINT NOT NULL DEFAULT 0, skipped BIGINT NOT NULL DEFAULT 0,"
                       " failed BIGINT NOT NULL DEFAULT 0, ru_spent BIGINT NOT NULL DEFAULT 0,"
                       " agent TEXT, message TEXT)"),
        QStringLiteral("CREATE INDEX sync_runs_by_start ON sync_runs (started_at)"),
        QStringLiteral("CREATE INDEX sync_runs_by_definition ON sync_runs (definition_id, started_at)"),
        QStringLiteral("CREATE TABLE sync_events ("
                       " id {ID}, run_id BIGINT NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,"
                       " at BIGINT NOT NULL, severity TEXT NOT NULL, event_type TEXT NOT NULL,"
                       " message TEXT NOT NULL, payload_json TEXT)"),
        QStringLiteral("CREATE INDEX sync_events_by_run ON sync_events (run_id, id)"),
        QStringLiteral("CREATE TABLE run_metrics ("
                       " id {ID}, run_id BIGINT NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,"
                       " at BIGINT NOT NULL, name TEXT NOT NULL, value DOUBLE PRECISION NOT NULL)"),
        QStringLiteral("CREATE INDEX run_metrics_by_run ON run_metrics (run_id, name)"),
    };
}

QString translateDialect(QString statement, bool postgres)
{
    return statement.replace(QLatin1String("{ID}"),
                             postgres ? QLatin1String("BIGSERIAL PRIMARY KEY")
                                      : QLatin1String("INTEGER PRIMARY KEY AUTOINCREMENT"));
}

Result<int> currentVersion(const QSqlDatabase &db)
{
    auto created = execute(db, QStringLiteral("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                              " version INTEGER PRIMARY KEY, description TEXT NOT NULL,"
                                              " applied_at BIGINT NOT NULL)"));
    if (!created)
        return created.error();
    auto query = execute(db, QStringLiteral("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toInt() : 0;
}

Result<int> migrate(QSqlDatabase &db, bool postgres)
{
    auto version = currentVersion(db);
    if (!version)
        return version;
    if (*version > latestSchemaVersion()) {
        return Error(ErrorCode::StoreFailure,
                     QCoreApplication::translate("SyncBridge::Store",
                                                 "The meta-store was written by a newer SyncBridge (schema %1); this version knows schema %2. Update SyncBridge.")
                         .arg(*version).arg(latestSchemaVersion()));
    }
    int reached = *version;
    for (const Migration &migration : migrations()) {
        if (migration.version <= reached)
            continue;
        auto applied = inTransaction(db, [&]() -> Result<void> {
            for (const QString &statement : migration.statements) {
                auto result = execute(db, translateDialect(statement, postgres));
                if (!result)
                    return result.error();
            }
            auto recorded = execute(db, QStringLiteral("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?)"),
                                    {migration.version, migration.description, QDateTime::currentMSecsSinceEpoch()});
            return recorded ? success() : Result<void>(recorded.error());
        });
        if (!applied)
            return applied.error();
        qCInfo(lcStore) << "applied meta-store migration" << migration.version << migration.description;
        reached = migration.version;
    }
    return reached;
}

} // namespace

const QList<Migration> &migrations()
{
    static const QList<Migration> all{
        {1, QStringLiteral("initial schema"), schemaV1()},
        {2, QStringLiteral("SharePoint column system flag, multi-value and choices"),
            {QStringLiteral("ALTER TABLE sharepoint_columns ADD COLUMN system_field INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE sharepoint_columns ADD COLUMN multi_value INTEGER NOT NULL DEFAULT 0"),
                QStringLiteral("ALTER TABLE sharepoint_columns ADD COLUMN choices_json TEXT")}},
        {3, QStringLiteral("ledger: list of the old item while a move is pending"),
            {QStringLiteral("ALTER TABLE sync_ledger ADD COLUMN previous_list_graph_id TEXT")}},
        {4, QStringLiteral("ledger: the full scan that last saw the row"),
            {QStringLiteral("ALTER TABLE sync_ledger ADD COLUMN last_seen_scan BIGINT")}},
        {5, QStringLiteral("ledger: index by state (pending rows are looked up at every run's start)"),
            {QStringLiteral("CREATE INDEX sync_ledger_state ON sync_ledger (definition_id, state)")}},
        // Lookups by state are ordered by identity hash; without it in the index SQLite preferred the
        // primary key for the order and walked every ledger row (2 s at a million rows).
        {6, QStringLiteral("ledger: index by state in identity order"),
            {QStringLiteral("DROP INDEX sync_ledger_state"),
                QStringLiteral("CREATE INDEX sync_ledger_state ON sync_ledger (definition_id, state, identity_hash)")}},
        {7, QStringLiteral("definitions whose ledger is to be re-identified after a key change"),
            {QStringLiteral("CREATE TABLE sync_rekeys ("
                            " definition_id BIGINT PRIMARY KEY REFERENCES sync_definitions(id) ON DELETE CASCADE,"
                            " requested_at BIGINT NOT NULL)")}},
        {8, QStringLiteral("run leases: one writing run per definition across processes and machines"),
            {QStringLiteral("CREATE TABLE run_leases ("
                            " definition_id BIGINT PRIMARY KEY REFERENCES sync_definitions(id) ON DELETE CASCADE,"
                            " token TEXT NOT NULL, agent TEXT NOT NULL, run_id BIGINT NOT NULL,"
                            " acquired_at BIGINT NOT NULL, expires_at BIGINT NOT NULL)")}},
        // Definitions made before keep no salt: their items' SyncBridgeKeys stay what they are.
        {9, QStringLiteral("definitions: a salt that makes SyncBridgeKey values unique per definition"),
            {QStringLiteral("ALTER TABLE sync_definitions ADD COLUMN key_salt TEXT")}},
        // The RU every process spends per SharePoint connection (BudgetRepository): 'day' rows per UTC
        // day, 'slot' rows per 5 s of the last minutes (the sum over any 60 s is the minute).
        {10, QStringLiteral("the tenant's RU budget shared by every process"),
            {QStringLiteral("CREATE TABLE graph_budget ("
                            " connection_id BIGINT NOT NULL REFERENCES sharepoint_connections(id) ON DELETE CASCADE,"
                            " window_kind TEXT NOT NULL, window_start BIGINT NOT NULL,"
                            " reserved BIGINT NOT NULL DEFAULT 0, spent BIGINT NOT NULL DEFAULT 0,"
                            " PRIMARY KEY (connection_id, window_kind, window_start))")}},
        // NULL (definitions saved before) reads as CATCH_UP_ONCE, the default.
        {11, QStringLiteral("definitions: what a schedule does about runs missed while no agent ran"),
            {QStringLiteral("ALTER TABLE sync_definitions ADD COLUMN schedule_missed TEXT")}},
        {12, QStringLiteral("definitions: a schedule can be paused without being lost"),
            {QStringLiteral("ALTER TABLE sync_definitions ADD COLUMN schedule_paused INTEGER NOT NULL DEFAULT 0")}},
        // Scheduling agents sharing the store (docs/schedules.md, "A team of agents"): who is there, and
        // which agent runs each schedule occurrence — the primary key makes a second claim of one
        // occurrence impossible. Their times come from the database's clock.
        {13, QStringLiteral("scheduling agents, schedule occurrence claims, and what started each run"),
            {QStringLiteral("CREATE TABLE agents ("
                            " name TEXT PRIMARY KEY, host TEXT NOT NULL, pid BIGINT NOT NULL, version TEXT NOT NULL,"
                            " started_at BIGINT NOT NULL, heartbeat_at BIGINT NOT NULL, paused INTEGER NOT NULL DEFAULT 0,"
                            " running TEXT)"),
                QStringLiteral("CREATE TABLE schedule_claims ("
                               " definition_id BIGINT NOT NULL REFERENCES sync_definitions(id) ON DELETE CASCADE,"
                               " occurrence_at BIGINT NOT NULL, agent TEXT NOT NULL, claimed_at BIGINT NOT NULL,"
                               " lease_until BIGINT NOT NULL, catch_up INTEGER NOT NULL DEFAULT 0, run_id BIGINT, outcome TEXT,"
                               " PRIMARY KEY (definition_id, occurrence_at))"),
                QStringLiteral("CREATE INDEX schedule_claims_open ON schedule_claims (agent, outcome)"),
                QStringLiteral("ALTER TABLE sync_runs ADD COLUMN run_trigger TEXT"),
                QStringLiteral("ALTER TABLE sync_runs ADD COLUMN agent_name TEXT")}},
        // A table of its own, not columns of sync_runs: a run has as many lists as its definition.
        {14, QStringLiteral("runs: rows per target list and action, stored with each run"),
            {QStringLiteral("CREATE TABLE sync_run_lists ("
                            " run_id BIGINT NOT NULL REFERENCES sync_runs(id) ON DELETE CASCADE,"
                            " list_name TEXT NOT NULL, action TEXT NOT NULL, row_count BIGINT NOT NULL,"
                            " PRIMARY KEY (run_id, list_name, action))")}},
        // A pull finds the row of a changed item by the item's id.
        {15, QStringLiteral("ledger: index by list and item (pull)"),
            {QStringLiteral("CREATE INDEX sync_ledger_item ON sync_ledger (definition_id, list_graph_id, item_id)")}},
        // NULL: UTC (definitions saved before).
        {16, QStringLiteral("targets: the site's time zone (date-only values)"),
            {QStringLiteral("ALTER TABLE sync_targets ADD COLUMN site_time_zone TEXT")}},
        // The conflict queue of MANUAL two-way definitions (ConflictRepository); values as JSON text.
        // Pending (applied_run_id NULL) conflicts are unique per row and field.
        {17, QStringLiteral("two-way: the conflict queue"),
            {QStringLiteral("CREATE TABLE sync_conflicts ("
                            " id {ID},"
                            " definition_id BIGINT NOT NULL REFERENCES sync_definitions(id) ON DELETE CASCADE,"
                            " identity_hash TEXT NOT NULL, identity_text TEXT, list_graph_id TEXT, item_id TEXT,"
                            " field TEXT NOT NULL, column_name TEXT, base_value TEXT NOT NULL, database_value TEXT NOT NULL,"
                            " sharepoint_value TEXT NOT NULL, database_changed_at BIGINT, sharepoint_modified_at BIGINT,"
                            " sharepoint_editor TEXT, run_id BIGINT, detected_at BIGINT, resolution TEXT NOT NULL,"
                            " resolved_value TEXT, resolved_by TEXT, resolved_at BIGINT, applied_run_id BIGINT, applied_at BIGINT)"),
                QStringLiteral("CREATE UNIQUE INDEX sync_conflicts_pending ON sync_conflicts (definition_id, identity_hash, field)"
                               " WHERE applied_run_id IS NULL")}},
        // Two-way's last agreed state per row (AgreedStateRepository): each mapped field's value in
        // SharePoint's form as JSON text, and the side that wrote it last.
        {18, QStringLiteral("two-way: the last agreed values and their provenance"),
            {QStringLiteral("CREATE TABLE sync_agreed ("
                            " definition_id BIGINT NOT NULL REFERENCES sync_definitions(id) ON DELETE CASCADE,"
                            " identity_hash TEXT NOT NULL, agreed_values TEXT NOT NULL, provenance TEXT NOT NULL,"
                            " PRIMARY KEY (definition_id, identity_hash))")}},
        // PEM text, not a path: the store is shared by machines that do not share files. A CA
        // certificate is public, so it may sit beside the connection (secrets never do).
        {21, QStringLiteral("SharePoint connections: extra CA certificates trusted for TLS"),
            {QStringLiteral("ALTER TABLE sharepoint_connections ADD COLUMN extra_ca_pem TEXT")}},
        // Scheduled drift checks (docs/drift.md): a cron of their own, in the schedule's zone, and one
        // claim per occurrence so a team of agents checks it once (the primary key decides).
        {25, QStringLiteral("scheduled drift checks and their occurrence claims"),
            {QStringLiteral("ALTER TABLE sync_definitions ADD COLUMN drift_check_cron TEXT"),
                QStringLiteral("CREATE TABLE drift_check_claims ("
                               " definition_id BIGINT NOT NULL REFERENCES sync_definitions(id) ON DELETE CASCADE,"
                               " occurrence_at BIGINT NOT NULL, agent TEXT NOT NULL, claimed_at BIGINT NOT NULL, run_id BIGINT,"
                               " outcome TEXT, PRIMARY KEY (definition_id, occurrence_at))")}},
        // Until when a lease holder's writes may still land in SharePoint (docs/sync-engine.md, "A run
        // that ended while writing"): a run taking over a holder that never gave the lease back waits for
        // it before it reads the lists. NULL: nothing is on its way.
        {26, QStringLiteral("run leases: until when the holder's writes may still land"),
            {QStringLiteral("ALTER TABLE run_leases ADD COLUMN writes_land_by BIGINT")}},
        // Lookup and Person mappings (docs/definitions.md): the kind, and for a lookup the definition
        // that syncs the referenced table, by name (as exports name it; a rename is reported by the run).
        {27, QStringLiteral("field mappings: lookup and person kinds"),
            {QStringLiteral("ALTER TABLE field_mappings ADD COLUMN kind TEXT"),
                QStringLiteral("ALTER TABLE field_mappings ADD COLUMN referenced_definition TEXT")}},
        // The rest of SharePoint's column types (docs/definitions.md, "Column types"): the source
        // column of a hyperlink's description, and whether the source holds HTML (rich text).
        {28, QStringLiteral("field mappings: column type options"),
            {QStringLiteral("ALTER TABLE field_mappings ADD COLUMN description_column TEXT"),
                QStringLiteral("ALTER TABLE field_mappings ADD COLUMN rich_text INTEGER NOT NULL DEFAULT 0")}},
        // A value outside a choice column's choices may be added to the column by the run.
        {29, QStringLiteral("field mappings: new choices added"),
            {QStringLiteral("ALTER TABLE field_mappings ADD COLUMN add_choices INTEGER NOT NULL DEFAULT 0")}},
        // Graph replaces a choice column's choices whole: one writer at a time per column, across the
        // processes that share the store (ColumnLockRepository).
        {30, QStringLiteral("column locks: one writer of a column's choices at a time"),
            {QStringLiteral("CREATE TABLE column_locks (list_id TEXT NOT NULL, column_name TEXT NOT NULL, token TEXT NOT NULL,"
                            " agent TEXT NOT NULL, expires_at BIGINT NOT NULL, PRIMARY KEY (list_id, column_name))")}},
    };
    return all;
}

int latestSchemaVersion()
{
    return migrations().constLast().version;
}

Result<int> applyMigrations(QSqlDatabase &db, bool postgres)
{
    if (!postgres)
        return migrate(db, postgres);
    auto locked = execute(db, QStringLiteral("SELECT pg_advisory_lock(?)"), {migrationLockKey});
    if (!locked)
        return locked.error();
    Result<int> outcome = migrate(db, postgres);
    auto unlocked = execute(db, QStringLiteral("SELECT pg_advisory_unlock(?)"), {migrationLockKey});
    if (!unlocked)
        qCWarning(lcStore).noquote() << "could not release the migration lock:" << unlocked.error().toString();
    return outcome;
}

} // namespace SyncBridge

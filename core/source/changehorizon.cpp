#include "source/changehorizon.h"

#include "source/pgsession.h"

#include <QCoreApplication>

#include <pqxx/prepared_statement>
#include <pqxx/transaction>

namespace SyncBridge {
namespace {

enum class TimeKind { None, WithZone, WithoutZone, Date };

TimeKind timeKindOf(const ColumnInfo &column)
{
    const QString type = column.dataType.toLower();
    if (type == QLatin1String("date"))
        return TimeKind::Date;
    if (!type.startsWith(QLatin1String("timestamp")))
        return TimeKind::None;
    return type.contains(QLatin1String("with time zone")) ? TimeKind::WithZone : TimeKind::WithoutZone;
}

// Client sessions of this database other than ours with a transaction open; the oldest start, or
// now when there is none. Writers of a zone-less column stamp it in their session's zone, most
// likely the default a session of this database gets: the horizon is given in that zone. That is
// the database's own setting (ALTER DATABASE … SET timezone), else the server's. Our session's reset
// value is the server's only if nothing chose it for SyncBridge alone — the host's libpq
// environment (PGTZ, PGOPTIONS: source "client") or SyncBridge's role ("user", "database user");
// then log_timezone stands in for the server's zone (initdb writes both from the host's zone, and
// no client or role can change it).
const char *const horizonSql = R"(
WITH oldest AS (
    SELECT least(coalesce(min(a.xact_start) FILTER (WHERE a.pid <> pg_backend_pid() AND a.datname = current_database()
                                                      AND a.backend_type = 'client backend'),
                          statement_timestamp()),
                 statement_timestamp()) - make_interval(secs => $1::double precision) AS at,
           coalesce(bool_or(a.query = '<insufficient privilege>'), false) AS hidden
    FROM pg_stat_activity a
), server AS (
    SELECT coalesce(
               (SELECT substr(c, strpos(c, '=') + 1)
                FROM pg_db_role_setting s, unnest(s.setconfig) AS c
                WHERE s.setrole = 0 AND s.setdatabase = (SELECT oid FROM pg_database WHERE datname = current_database())
                  AND lower(c) LIKE 'timezone=%'),
               CASE WHEN $3 IN ('client', 'user', 'database user') THEN current_setting('log_timezone') ELSE reset_val END) AS zone
    FROM pg_settings WHERE name = 'TimeZone'
)
SELECT CASE $2 WHEN 'zone' THEN oldest.at::text
               WHEN 'local' THEN (oldest.at AT TIME ZONE server.zone)::text
               ELSE (oldest.at AT TIME ZONE server.zone)::date::text END,
       oldest.hidden
FROM oldest, server)";

} // namespace

Result<ChangeHorizon> readChangeHorizon(pqxx::connection &connection, const ColumnInfo &cursorColumn, int floorSeconds)
{
    const TimeKind kind = timeKindOf(cursorColumn);
    ChangeHorizon horizon;
    try {
        pqxx::read_transaction tx(connection);
        // Who chose our session's zone, read before this transaction sets its own.
        const std::string zoneSource = tx.exec1("SELECT source FROM pg_settings WHERE name = 'TimeZone'")[0].as<std::string>();
        tx.exec("SET LOCAL TIME ZONE 'UTC'");
        tx.exec("SET LOCAL DateStyle = 'ISO, YMD'");
        const char *spelling = kind == TimeKind::WithZone ? "zone" : kind == TimeKind::WithoutZone ? "local" : "date";
        const pqxx::row row = tx.exec_params1(horizonSql, std::to_string(qMax(0, floorSeconds)), spelling, zoneSource);
        if (kind != TimeKind::None)
            horizon.position = QString::fromUtf8(row[0].c_str());
        horizon.otherSessionsHidden = row[1].as<bool>();
        return horizon;
    } catch (const std::exception &e) {
        return sourceQueryError(e, QCoreApplication::translate("SyncBridge::Source", "finding the oldest open transaction"));
    }
}

} // namespace SyncBridge

#pragma once

#include "common/result.h"

#include <QString>

namespace SyncBridge {

// Where the meta-store lives: a SQLite file (single user) or a PostgreSQL database (teams).
// A PostgreSQL password is never part of the location: libpq takes it from PGPASSWORD or ~/.pgpass.
struct StoreLocation {
    enum class Driver { Sqlite, Postgres };

    Driver driver = Driver::Sqlite;
    QString sqlitePath;
    QString host;
    int port = 5432;
    QString databaseName;
    QString userName;

    // "postgresql://user@host:port/db" (or "postgres://…") selects PostgreSQL; anything else is a
    // SQLite file path.
    static Result<StoreLocation> parse(const QString &spec);
    // AppDataLocation/syncbridge.db
    static StoreLocation defaultSqlite();

    bool isPostgres() const { return driver == Driver::Postgres; }
    QString describe() const;
};

} // namespace SyncBridge

#pragma once

// What a pull writes into a table, free of libpqxx so the engine can build writes without the driver.
#include "model/catalog.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <optional>

namespace SyncBridge {

// The table a pull writes: its columns (their types cast the bound text values) and key columns.
struct RowWriteTable {
    QString schema;
    QString table;
    QList<ColumnInfo> columns;
    QStringList keyColumns;
};

// One row change. Values are text in PostgreSQL's input form (nullopt = NULL), bound as parameters
// and cast to the column's own type; only the columns in `values` are written.
struct RowWrite {
    enum class Kind {
        Upsert, // the row with `keyValues`: updated, or inserted with that key when it is not there
        Update, // the row with `keyValues`, updated only: a row deleted since it was read stays deleted (`gone`)
        Insert, // a new row whose key the database gives (its defaults); the key comes back
        Delete, // the row with `keyValues`
    };
    Kind kind = Kind::Upsert;
    QStringList keyValues; // in key-column order; empty for Insert
    QHash<QString, std::optional<QString>> values;
};

// How a page of writes ends: committed, or — a dry run — rolled back once every write was tried, so the
// database judged each (its constraints checked at once, deferred ones included) and nothing stays.
enum class RowWriteEnd { Commit, RollBack };

struct RowWriteResult {
    bool ok = true;
    QString error;         // the database's own message (a constraint violation, a bad value)
    QStringList keyValues; // the row's key as text (Insert: the one the database gave)
    bool changed = false;  // a row was updated, inserted or deleted
    bool inserted = false; // the row was new
    bool gone = false;     // Update: no row has the key (deleted after it was read); nothing was written
    // RowWriteEnd::RollBack, an update of a row that is there: the written columns whose value the
    // update changes (judged by the column's type, as IS DISTINCT FROM), each with the row's value
    // before it as text (nullopt = NULL). `compared` says the row was read for it.
    bool compared = false;
    QHash<QString, std::optional<QString>> changedFrom;
};

} // namespace SyncBridge

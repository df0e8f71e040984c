#pragma once

// What a read of the source table asks for and returns, free of libpqxx so the engine and the UI
// can hold rows without seeing the driver.
#include "model/catalog.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace SyncBridge {

// One source row as text (read with TimeZone=UTC, DateStyle=ISO; money as numeric), NULL as nullopt.
struct SourceRow {
    QHash<QString, std::optional<QString>> values;
    QStringList keyValues; // in key-column order
    std::optional<QString> cursorValue;
};

// A keyset page: rows ordered by (cursor column, key columns) after a position. Rows sharing a
// timestamp across a page boundary are never skipped, because the position includes the key.
struct ChangeQuery {
    QString schema;
    QString table;
    QList<ColumnInfo> columns; // the columns to read (their types decide casts)
    QStringList keyColumns;
    QString cursorColumn; // empty: FULL_SCAN, paged by the key alone
    std::optional<QString> afterCursor;
    QStringList afterKey; // empty: from the start (or from fromCursor)
    // Bounds on the cursor column (UPDATED_AT), so a run can read the rows every transaction has
    // settled apart from those a transaction still open may add to (docs/sync-engine.md).
    std::optional<QString> fromCursor;   // inclusive lower bound, used when there is no afterKey position
    std::optional<QString> beforeCursor; // exclusive upper bound
    bool nullCursors = false;            // only the rows whose cursor is NULL, paged by the key alone
    int pageSize = 1000;
};

struct ChangePage {
    QList<SourceRow> rows;
    bool more = false; // a full page: ask for the next
};

// Where rows that are still being written may appear. A timestamp cursor is stamped when a
// transaction writes (now() is its start), not when it commits: a row of a transaction still open
// can carry a stamp older than rows already committed and read. Every transaction that could still
// add a row stamped before the horizon has ended, so rows before it are settled; rows at or after
// it are delivered, but read again next run (unchanged ones cost no request: the content hash).
struct ChangeHorizon {
    // The start of the oldest transaction open on the database (or now), less the look-back floor,
    // as text in the cursor column's type. Empty when the column is not a timestamp or a date.
    std::optional<QString> position;
    // The role cannot see other roles' sessions (no pg_read_all_stats): only the floor protects.
    bool otherSessionsHidden = false;
};

} // namespace SyncBridge

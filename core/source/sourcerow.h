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
    QStringList afterKey; // empty: from the start
    int pageSize = 1000;
};

struct ChangePage {
    QList<SourceRow> rows;
    bool more = false; // a full page: ask for the next
};

} // namespace SyncBridge

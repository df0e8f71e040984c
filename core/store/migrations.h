#pragma once

#include "common/result.h"

#include <QSqlDatabase>
#include <QStringList>

namespace SyncBridge {

// One versioned schema step. Statements are written once for both drivers; the few dialect
// differences are placeholders ({ID} → auto-increment primary key).
struct Migration {
    int version;
    QString description;
    QStringList statements;
};

const QList<Migration> &migrations();
int latestSchemaVersion();

// Applies every migration newer than the store's version, each in its own transaction.
// On PostgreSQL, an advisory lock keeps two agents from migrating the shared store at once.
// Returns the resulting schema version; refuses a store written by a newer SyncBridge.
Result<int> applyMigrations(QSqlDatabase &db, bool postgres);

} // namespace SyncBridge

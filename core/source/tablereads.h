#pragma once

#include "common/result.h"
#include "model/catalog.h"
#include "model/connection.h"
#include "source/passwordlookup.h"
#include "source/sourcerow.h"

namespace SyncBridge {

class PgSession;

// libpqxx-free one-statement reads for the editors and the CLI. They block: call them on a worker
// thread. The variants taking a Database open a session in failover order for the one read.

// A SELECT with bound text parameters ($1, $2, …) that returns one row of counts.
struct CountStatement {
    QString sql;
    QStringList parameters;
};

// Runs the statement read-only, in UTC (date literals mean UTC, as the engine's ISO values do) and
// with a statement timeout, so a count on a huge table cannot hold the connection for ever.
// `what` names the count in the error ("counting the rows per list of public.projects").
Result<QList<qint64>> readCounts(PgSession &session, const CountStatement &statement, const QString &what);
Result<QList<qint64>> readCounts(
    const Database &database, const PasswordLookup &passwords, const CountStatement &statement, const QString &what);

// Key values several rows share: up to a few examples, the most shared first, and how many key
// values are shared in all (0: the key is unique). Values compared in their text form, as row
// identities are; rows with a NULL key column are left out (they fail on their own). One scan.
struct DuplicateKey {
    QStringList values; // one per key column
    qint64 rows = 0;
};
struct DuplicateKeys {
    QList<DuplicateKey> examples;
    qint64 sharedValues = 0;
};
Result<DuplicateKeys> findDuplicateKeys(PgSession &session, const TableInfo &table, const QStringList &keyColumns);
Result<DuplicateKeys> findDuplicateKeys(
    const Database &database, const PasswordLookup &passwords, const TableInfo &table, const QStringList &keyColumns);

// The first rows of a table in key order (the primary key, or the first column without one).
Result<QList<SourceRow>> readFirstRows(const Database &database, const PasswordLookup &passwords, const TableInfo &table, int rows);

} // namespace SyncBridge

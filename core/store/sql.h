#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <functional>

namespace SyncBridge {

// Small helpers every repository uses: bound values only, errors as values.
Result<QSqlQuery> execute(const QSqlDatabase &db, const QString &sql, const QVariantList &binds = {});
// For "INSERT … RETURNING id" (SQLite ≥ 3.35 and PostgreSQL both support it).
Result<qint64> insertReturningId(const QSqlDatabase &db, const QString &sql, const QVariantList &binds);
// Runs work inside one transaction; commits on success, rolls back on any error.
Result<void> inTransaction(QSqlDatabase db, const std::function<Result<void>()> &work);

// The only element of a lookup by unique key, or the given error when nothing matched.
template<typename T>
Result<T> singleOr(Result<QList<T>> found, Error missing)
{
    if (!found)
        return found.error();
    if (found->isEmpty())
        return missing;
    return found->constFirst();
}

// Timestamps are stored as UTC epoch milliseconds (BIGINT): one representation for both drivers.
QVariant toStoredTime(const QDateTime &time);
QDateTime fromStoredTime(const QVariant &value);
// The database's clock as stored time (epoch milliseconds), for SQL text: leases and heartbeats that
// several machines compare are stamped by the one clock they share, never by an agent's.
QString databaseNowSql(const QSqlDatabase &db);
// Empty strings are stored as NULL so optional text columns stay meaningful.
QVariant nullIfEmpty(const QString &text);
// For NOT NULL key columns where "none" is the empty string: a null QString would bind as NULL.
QVariant emptyIfNull(const QString &text);

} // namespace SyncBridge

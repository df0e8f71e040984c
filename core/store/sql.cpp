#include "store/sql.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QSqlError>

namespace SyncBridge {
namespace {

Error storeError(const QSqlError &error, const QString &sql)
{
    const QString detail = QStringLiteral("%1 [%2] in: %3").arg(error.text(), error.nativeErrorCode(), sql.simplified().left(200));
    const bool uniqueViolation = error.nativeErrorCode() == QLatin1String("23505")
        || error.databaseText().contains(QLatin1String("UNIQUE constraint failed"));
    if (uniqueViolation)
        return Error(ErrorCode::AlreadyExists,
                     QCoreApplication::translate("SyncBridge::Store", "An entry with this name already exists."), detail);
    qCWarning(lcStore).noquote() << "query failed:" << detail;
    return Error(ErrorCode::StoreFailure,
                 QCoreApplication::translate("SyncBridge::Store", "The meta-store could not complete the request."), detail);
}

} // namespace

Result<QSqlQuery> execute(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    QSqlQuery query(db);
    query.setForwardOnly(true);
    if (binds.isEmpty()) {
        // QPSQL prepares through PREPARE … AS, which PostgreSQL refuses for DDL; nothing to bind anyway.
        if (!query.exec(sql))
            return storeError(query.lastError(), sql);
        return query;
    }
    if (!query.prepare(sql))
        return storeError(query.lastError(), sql);
    for (const QVariant &value : binds)
        query.addBindValue(value);
    if (!query.exec())
        return storeError(query.lastError(), sql);
    return query;
}

Result<qint64> insertReturningId(const QSqlDatabase &db, const QString &sql, const QVariantList &binds)
{
    auto query = execute(db, sql, binds);
    if (!query)
        return query.error();
    if (!query->next())
        return Error(ErrorCode::StoreFailure,
                     QCoreApplication::translate("SyncBridge::Store", "The meta-store did not return the new entry's id."), sql);
    return query->value(0).toLongLong();
}

Result<void> inTransaction(QSqlDatabase db, const std::function<Result<void>()> &work)
{
    if (!db.transaction())
        return storeError(db.lastError(), QStringLiteral("BEGIN"));
    Result<void> outcome = work();
    if (!outcome) {
        db.rollback();
        return outcome;
    }
    if (!db.commit()) {
        const Error error = storeError(db.lastError(), QStringLiteral("COMMIT"));
        db.rollback();
        return error;
    }
    return success();
}

QVariant toStoredTime(const QDateTime &time)
{
    if (!time.isValid())
        return QVariant(QMetaType::fromType<qint64>());
    return time.toMSecsSinceEpoch();
}

QDateTime fromStoredTime(const QVariant &value)
{
    if (value.isNull())
        return {};
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QString databaseNowSql(const QSqlDatabase &db)
{
    // statement_timestamp(), not now(): now() is the transaction's start, and a lease compared in a long
    // transaction must see the time go on. Nor clock_timestamp(): it moves between two calls in one
    // statement, so "claimed at now, lease until now + 1 min" would not be one minute apart. SQLite's
    // 'now' is likewise fixed for one statement.
    if (db.driverName() == QLatin1String("QPSQL"))
        return QStringLiteral("CAST(EXTRACT(EPOCH FROM statement_timestamp()) * 1000 AS BIGINT)");
    return QStringLiteral("CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)");
}

QVariant nullIfEmpty(const QString &text)
{
    if (text.isEmpty())
        return QVariant(QMetaType::fromType<QString>());
    return text;
}

QVariant emptyIfNull(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

} // namespace SyncBridge

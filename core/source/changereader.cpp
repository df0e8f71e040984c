#include "source/changereader.h"

#include "source/pgsession.h"

#include <QCoreApplication>

#include <pqxx/prepared_statement>
#include <pqxx/result>
#include <pqxx/transaction>

#include <vector>

namespace SyncBridge {
namespace {

QString quoted(const QString &identifier)
{
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

// Every reference is qualified: in ORDER BY an unqualified name would bind to the *output* column
// ("id"::text AS "id") and sort numbers as text, while the keyset comparison uses the real type.
QString sourceColumn(const QString &name)
{
    return QStringLiteral("src.") + quoted(name);
}

const ColumnInfo *findColumnInfo(const ChangeQuery &query, const QString &name)
{
    for (const ColumnInfo &column : query.columns) {
        if (column.name == name)
            return &column;
    }
    return nullptr;
}

QString selectExpression(const ColumnInfo &column)
{
    // money's text form depends on lc_monetary; as numeric it is plain digits.
    if (column.typeName == QLatin1String("money"))
        return sourceColumn(column.name) + QStringLiteral("::numeric::text");
    return sourceColumn(column.name) + QStringLiteral("::text");
}

QString castFor(const ChangeQuery &query, const QString &name)
{
    const ColumnInfo *column = findColumnInfo(query, name);
    return column ? QStringLiteral("::") + column->dataType : QString();
}

QString orderColumns(const ChangeQuery &query)
{
    QStringList order;
    if (!query.cursorColumn.isEmpty())
        order << sourceColumn(query.cursorColumn);
    for (const QString &key : query.keyColumns)
        order << sourceColumn(key);
    return order.join(QStringLiteral(", "));
}

QString selectList(const ChangeQuery &query)
{
    QStringList select;
    for (const ColumnInfo &column : query.columns)
        select << selectExpression(column);
    return select.join(QStringLiteral(", "));
}

void prepareSession(pqxx::work &tx)
{
    tx.exec("SET LOCAL TIME ZONE 'UTC'");
    tx.exec("SET LOCAL DateStyle = 'ISO, YMD'");
    tx.exec("SET LOCAL extra_float_digits = 3");
    tx.exec("SET LOCAL IntervalStyle = 'iso_8601'");
}

SourceRow rowFrom(const pqxx::row &row, const ChangeQuery &query)
{
    SourceRow source;
    for (int i = 0; i < query.columns.size(); ++i) {
        const pqxx::field field = row[i];
        source.values.insert(query.columns.at(i).name,
                             field.is_null() ? std::nullopt : std::optional<QString>(QString::fromUtf8(field.c_str())));
    }
    for (const QString &key : query.keyColumns)
        source.keyValues << source.values.value(key).value_or(QString());
    if (!query.cursorColumn.isEmpty())
        source.cursorValue = source.values.value(query.cursorColumn);
    return source;
}

} // namespace

QString changeQuerySql(const ChangeQuery &query)
{
    QString sql = QStringLiteral("SELECT %1 FROM %2.%3 AS src").arg(selectList(query), quoted(query.schema), quoted(query.table));
    const bool positioned = !query.afterKey.isEmpty();
    if (positioned) {
        QStringList left, right;
        int parameter = 1;
        if (!query.cursorColumn.isEmpty()) {
            left << sourceColumn(query.cursorColumn);
            right << QStringLiteral("$%1%2").arg(parameter++).arg(castFor(query, query.cursorColumn));
        }
        for (const QString &key : query.keyColumns) {
            left << sourceColumn(key);
            right << QStringLiteral("$%1%2").arg(parameter++).arg(castFor(query, key));
        }
        sql += QStringLiteral(" WHERE (%1) > (%2)").arg(left.join(QStringLiteral(", ")), right.join(QStringLiteral(", ")));
    }
    sql += QStringLiteral(" ORDER BY %1 LIMIT %2").arg(orderColumns(query)).arg(query.pageSize);
    return sql;
}

Result<ChangePage> readChanges(pqxx::connection &connection, const ChangeQuery &query)
{
    try {
        pqxx::work tx(connection);
        prepareSession(tx);
        std::vector<std::string> parameters;
        if (!query.afterKey.isEmpty()) {
            if (!query.cursorColumn.isEmpty())
                parameters.push_back(query.afterCursor.value_or(QString()).toStdString());
            for (const QString &value : query.afterKey)
                parameters.push_back(value.toStdString());
        }
        const pqxx::result result = tx.exec_params(changeQuerySql(query).toStdString(), pqxx::prepare::make_dynamic_params(parameters));
        tx.commit();
        ChangePage page;
        for (const auto &row : result)
            page.rows << rowFrom(row, query);
        page.more = int(page.rows.size()) == query.pageSize;
        return page;
    } catch (const std::exception &failure) {
        return sourceQueryError(failure, QCoreApplication::translate("SyncBridge::Source", "reading changes from %1.%2").arg(query.schema, query.table));
    }
}

Result<QList<SourceRow>> readRowsByKey(pqxx::connection &connection, const ChangeQuery &query, const QList<QStringList> &keys)
{
    QList<SourceRow> rows;
    if (keys.isEmpty())
        return rows;
    try {
        pqxx::work tx(connection);
        prepareSession(tx);
        QStringList tuples;
        std::vector<std::string> parameters;
        for (const QStringList &key : keys) {
            QStringList placeholders;
            for (int i = 0; i < query.keyColumns.size(); ++i) {
                parameters.push_back(key.value(i).toStdString());
                placeholders << QStringLiteral("$%1%2").arg(parameters.size()).arg(castFor(query, query.keyColumns.at(i)));
            }
            tuples << QLatin1Char('(') + placeholders.join(QStringLiteral(", ")) + QLatin1Char(')');
        }
        QStringList keyList;
        for (const QString &key : query.keyColumns)
            keyList << sourceColumn(key);
        const QString sql = QStringLiteral("SELECT %1 FROM %2.%3 AS src WHERE (%4) IN (%5)")
                                .arg(selectList(query), quoted(query.schema), quoted(query.table), keyList.join(QStringLiteral(", ")),
                                     tuples.join(QStringLiteral(", ")));
        const pqxx::result result = tx.exec_params(sql.toStdString(), pqxx::prepare::make_dynamic_params(parameters));
        tx.commit();
        for (const auto &row : result)
            rows << rowFrom(row, query);
        return rows;
    } catch (const std::exception &failure) {
        return sourceQueryError(failure, QCoreApplication::translate("SyncBridge::Source", "reading rows of %1.%2").arg(query.schema, query.table));
    }
}

} // namespace SyncBridge

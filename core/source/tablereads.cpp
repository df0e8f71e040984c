#include "source/tablereads.h"

#include "source/changereader.h"
#include "source/pgsession.h"
#include "source/quotedidentifier.h"

#include <pqxx/prepared_statement>
#include <pqxx/result>
#include <pqxx/transaction>

namespace SyncBridge {

Result<QList<qint64>> readCounts(PgSession &session, const CountStatement &statement, const QString &what)
{
    std::vector<std::string> parameters;
    for (const QString &parameter : std::as_const(statement.parameters))
        parameters.push_back(parameter.toStdString());
    try {
        pqxx::read_transaction tx(session.connection());
        tx.exec("SET LOCAL TIME ZONE 'UTC'");
        tx.exec("SET LOCAL statement_timeout = '60s'");
        const pqxx::row row = tx.exec_params1(statement.sql.toStdString(), pqxx::prepare::make_dynamic_params(parameters));
        QList<qint64> counts;
        for (const pqxx::field &field : row)
            counts << field.as<qint64>();
        return counts;
    } catch (const std::exception &e) {
        return sourceQueryError(e, what);
    }
}

Result<QList<qint64>> readCounts(
    const Database &database, const PasswordLookup &passwords, const CountStatement &statement, const QString &what)
{
    auto session = PgSession::open(database, passwords);
    if (!session)
        return session.error();
    return readCounts(**session, statement, what);
}

Result<DuplicateKeys> findDuplicateKeys(PgSession &session, const TableInfo &table, const QStringList &keyColumns)
{
    QStringList texts, notNull;
    for (const QString &column : keyColumns) {
        texts << quotedIdentifier(column) + QStringLiteral("::text");
        notNull << quotedIdentifier(column) + QStringLiteral(" IS NOT NULL");
    }
    const QString sql = QStringLiteral("WITH shared AS (SELECT %1, count(*) AS rows FROM %2.%3 WHERE %4 GROUP BY %5 HAVING count(*) > 1)"
                                       " SELECT shared.*, (SELECT count(*) FROM shared) FROM shared ORDER BY rows DESC LIMIT 3")
                            .arg(texts.join(QStringLiteral(", ")), quotedIdentifier(table.schema), quotedIdentifier(table.name),
                                notNull.join(QStringLiteral(" AND ")), texts.join(QStringLiteral(", ")));
    try {
        pqxx::read_transaction tx(session.connection());
        tx.exec("SET LOCAL statement_timeout = '300s'");
        DuplicateKeys found;
        for (const pqxx::row &row : tx.exec(sql.toStdString())) {
            DuplicateKey duplicate;
            for (int i = 0; i < keyColumns.size(); ++i)
                duplicate.values << QString::fromStdString(row[i].as<std::string>());
            duplicate.rows = row[int(keyColumns.size())].as<qint64>();
            found.sharedValues = row[int(keyColumns.size()) + 1].as<qint64>();
            found.examples << duplicate;
        }
        return found;
    } catch (const std::exception &e) {
        return sourceQueryError(e, QStringLiteral("checking that the key of %1 is unique").arg(table.qualifiedName()));
    }
}

Result<DuplicateKeys> findDuplicateKeys(
    const Database &database, const PasswordLookup &passwords, const TableInfo &table, const QStringList &keyColumns)
{
    auto session = PgSession::open(database, passwords);
    if (!session)
        return session.error();
    return findDuplicateKeys(**session, table, keyColumns);
}

Result<QList<SourceRow>> readFirstRows(const Database &database, const PasswordLookup &passwords, const TableInfo &table, int rows)
{
    auto session = PgSession::open(database, passwords);
    if (!session)
        return session.error();
    ChangeQuery query;
    query.schema = table.schema;
    query.table = table.name;
    query.columns = table.columns;
    query.keyColumns = table.primaryKey();
    if (query.keyColumns.isEmpty() && !table.columns.isEmpty())
        query.keyColumns = {table.columns.first().name};
    query.pageSize = rows;
    auto page = readChanges((*session)->connection(), query);
    if (!page)
        return page.error();
    return page->rows;
}

} // namespace SyncBridge

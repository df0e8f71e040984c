#include "source/tablereads.h"

#include "source/changereader.h"
#include "source/pgsession.h"

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

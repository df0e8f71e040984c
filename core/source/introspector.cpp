#include "source/introspector.h"

#include "source/pgsession.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <pqxx/result>
#include <pqxx/transaction>

namespace SyncBridge {
namespace {

// The relations we introspect: ordinary and partitioned tables outside the system schemas.
const char *const userTables =
    "SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
    " WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
    " AND n.nspname NOT LIKE 'pg\\_toast%' AND NOT c.relispartition";

QString text(const pqxx::field &field)
{
    return field.is_null() ? QString() : QString::fromUtf8(field.c_str());
}

QStringList jsonStrings(const pqxx::field &field)
{
    QStringList strings;
    if (field.is_null())
        return strings;
    const QJsonArray array = QJsonDocument::fromJson(QByteArray(field.c_str())).array();
    for (const QJsonValue &value : array)
        strings << value.toString();
    return strings;
}

bool flag(const pqxx::field &field)
{
    return !field.is_null() && field.c_str()[0] == 't';
}

} // namespace

Result<QList<TableInfo>> introspectTables(pqxx::connection &connection)
{
    try {
        pqxx::read_transaction tx(connection);
        QList<TableInfo> tables;
        QHash<long long, int> indexByOid;

        const pqxx::result relations = tx.exec(std::string(
            "SELECT c.oid, n.nspname, c.relname, c.reltuples::bigint FROM pg_class c"
            " JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid IN (") + userTables + ") ORDER BY n.nspname, c.relname");
        for (const auto &row : relations) {
            TableInfo table;
            table.schema = text(row[1]);
            table.name = text(row[2]);
            table.rowEstimate = row[3].as<long long>();
            indexByOid.insert(row[0].as<long long>(), tables.size());
            tables << table;
        }

        const pqxx::result columns = tx.exec(std::string(
            "SELECT a.attrelid, a.attnum, a.attname, format_type(a.atttypid, a.atttypmod), t.typname,"
            " t.typcategory = 'A', t.typtype = 'e', NOT a.attnotnull, a.attidentity <> '', a.attgenerated <> '',"
            " pg_get_expr(d.adbin, d.adrelid),"
            " CASE WHEN a.atttypmod > 4 AND t.typname IN ('varchar', 'bpchar') THEN a.atttypmod - 4 ELSE -1 END,"
            " (SELECT json_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = a.atttypid)"
            " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
            " LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum"
            " WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attrelid IN (") + userTables + ") ORDER BY a.attrelid, a.attnum");
        for (const auto &row : columns) {
            const int at = indexByOid.value(row[0].as<long long>(), -1);
            if (at < 0)
                continue;
            ColumnInfo column;
            column.ordinal = row[1].as<int>();
            column.name = text(row[2]);
            column.dataType = text(row[3]);
            column.typeName = text(row[4]);
            column.isArray = flag(row[5]);
            column.isEnum = flag(row[6]);
            column.nullable = flag(row[7]);
            column.identity = flag(row[8]);
            column.generated = flag(row[9]);
            column.defaultExpression = text(row[10]);
            column.maxLength = row[11].as<int>();
            column.enumLabels = jsonStrings(row[12]);
            tables[at].columns << column;
        }

        const pqxx::result constraints = tx.exec(std::string(
            "SELECT con.conrelid, con.conname, con.contype,"
            " (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)"
            "  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum)"
            " FROM pg_constraint con WHERE con.contype IN ('p', 'u') AND con.conrelid IN (") + userTables + ")"
            " ORDER BY con.conrelid, con.contype, con.conname");
        for (const auto &row : constraints) {
            const int at = indexByOid.value(row[0].as<long long>(), -1);
            if (at < 0)
                continue;
            ConstraintInfo constraint;
            constraint.name = text(row[1]);
            constraint.kind = text(row[2]) == QLatin1String("p") ? ConstraintInfo::Kind::PrimaryKey : ConstraintInfo::Kind::Unique;
            constraint.columns = jsonStrings(row[3]);
            tables[at].constraints << constraint;
        }

        const pqxx::result indexes = tx.exec(std::string(
            "SELECT i.indrelid, ic.relname, i.indisunique, i.indisprimary, pg_get_indexdef(i.indexrelid),"
            " (SELECT json_agg(a.attname ORDER BY k.ord) FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)"
            "  JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum)"
            " FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid IN (") + userTables + ")"
            " ORDER BY i.indrelid, ic.relname");
        for (const auto &row : indexes) {
            const int at = indexByOid.value(row[0].as<long long>(), -1);
            if (at < 0)
                continue;
            IndexInfo index;
            index.name = text(row[1]);
            index.unique = flag(row[2]);
            index.primary = flag(row[3]);
            index.definition = text(row[4]);
            index.columns = jsonStrings(row[5]);
            tables[at].indexes << index;
        }
        tx.commit();
        return tables;
    } catch (const std::exception &failure) {
        return sourceQueryError(failure, QCoreApplication::translate("SyncBridge::Source", "reading the table catalog"));
    }
}

} // namespace SyncBridge

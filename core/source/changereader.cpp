#include "source/changereader.h"

#include "source/pgsession.h"
#include "source/quotedidentifier.h"

#include <QCoreApplication>

#include <pqxx/prepared_statement>
#include <pqxx/stream_from>
#include <pqxx/result>
#include <pqxx/transaction>

#include <functional>
#include <vector>

namespace SyncBridge {
namespace {

// Every reference is qualified: in ORDER BY an unqualified name would bind to the *output* column
// ("id"::text AS "id") and sort numbers as text, while the keyset comparison uses the real type.
QString sourceColumn(const QString &name)
{
    return QStringLiteral("src.") + quotedIdentifier(name);
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

// The cursor column takes part in the order and the position unless only NULL cursors are read.
bool pagesByCursor(const ChangeQuery &query)
{
    return !query.cursorColumn.isEmpty() && !query.nullCursors;
}

QString orderColumns(const ChangeQuery &query)
{
    QStringList order;
    if (pagesByCursor(query))
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

SourceRow rowFrom(const QList<std::optional<QString>> &values, const ChangeQuery &query)
{
    SourceRow source;
    for (int i = 0; i < query.columns.size(); ++i)
        source.values.insert(query.columns.at(i).name, values.value(i));
    for (const QString &key : query.keyColumns)
        source.keyValues << source.values.value(key).value_or(QString());
    if (!query.cursorColumn.isEmpty())
        source.cursorValue = source.values.value(query.cursorColumn);
    return source;
}

SourceRow rowFrom(const pqxx::row &row, const ChangeQuery &query)
{
    QList<std::optional<QString>> values;
    values.reserve(query.columns.size());
    for (int i = 0; i < query.columns.size(); ++i) {
        const pqxx::field field = row[i];
        values << (field.is_null() ? std::nullopt : std::optional<QString>(QString::fromUtf8(field.c_str())));
    }
    return rowFrom(values, query);
}

// One line of COPY's text format: tab-separated fields, \N for NULL, backslash escapes.
QList<std::optional<QString>> copyFields(const std::string &line)
{
    QList<std::optional<QString>> fields;
    std::string field;
    bool null = false;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == '\t') {
            fields << (null ? std::nullopt : std::optional<QString>(QString::fromUtf8(field.data(), qsizetype(field.size()))));
            field.clear();
            null = false;
            continue;
        }
        if (line[i] != '\\' || i + 1 == line.size()) {
            field += line[i];
            continue;
        }
        const char escaped = line[++i];
        switch (escaped) {
        case 'N': null = true; break;
        case 'b': field += '\b'; break;
        case 'f': field += '\f'; break;
        case 'n': field += '\n'; break;
        case 'r': field += '\r'; break;
        case 't': field += '\t'; break;
        case 'v': field += '\v'; break;
        default: field += escaped; break;   // \\ and any other escaped character stand for themselves
        }
    }
    return fields;
}

} // namespace

namespace {

// The SELECT with its position and bounds; their values, in parameter order, go to *values.
// `placeholder(n)` spells the n-th (1-based) parameter in the SQL.
QString positionedSelect(
    const ChangeQuery &query, int limit, const std::function<QString(int)> &placeholder, std::vector<std::string> *values = nullptr)
{
    QStringList conditions;
    int parameter = 1;
    const auto bind = [&](const QString &value, const QString &column) {
        if (values)
            values->push_back(value.toStdString());
        return placeholder(parameter++) + castFor(query, column);
    };
    if (query.nullCursors)
        conditions << sourceColumn(query.cursorColumn) + QStringLiteral(" IS NULL");
    if (!query.afterKey.isEmpty()) {
        QStringList left, right;
        if (pagesByCursor(query)) {
            left << sourceColumn(query.cursorColumn);
            right << bind(query.afterCursor.value_or(QString()), query.cursorColumn);
        }
        for (int i = 0; i < query.keyColumns.size(); ++i) {
            left << sourceColumn(query.keyColumns.at(i));
            right << bind(query.afterKey.value(i), query.keyColumns.at(i));
        }
        conditions << QStringLiteral("(%1) > (%2)").arg(left.join(QStringLiteral(", ")), right.join(QStringLiteral(", ")));
    } else if (query.fromCursor && pagesByCursor(query)) {
        conditions << QStringLiteral("%1 >= %2").arg(sourceColumn(query.cursorColumn), bind(*query.fromCursor, query.cursorColumn));
    }
    if (query.beforeCursor && pagesByCursor(query))
        conditions << QStringLiteral("%1 < %2").arg(sourceColumn(query.cursorColumn), bind(*query.beforeCursor, query.cursorColumn));
    if (conditions.isEmpty() && pagesByCursor(query))
        conditions << sourceColumn(query.cursorColumn) + QStringLiteral(" IS NOT NULL"); // those are the NULL pass's
    QString sql = QStringLiteral("SELECT %1 FROM %2.%3 AS src")
                      .arg(selectList(query), quotedIdentifier(query.schema), quotedIdentifier(query.table));
    if (!conditions.isEmpty())
        sql += QStringLiteral(" WHERE ") + conditions.join(QStringLiteral(" AND "));
    sql += QStringLiteral(" ORDER BY %1 LIMIT %2").arg(orderColumns(query)).arg(limit);
    return sql;
}

QString parameterPlaceholder(int parameter)
{
    return QStringLiteral("$%1").arg(parameter);
}

QString streamSetting(int parameter)
{
    return QStringLiteral("syncbridge.position_%1").arg(parameter);
}

} // namespace

QString changeQuerySql(const ChangeQuery &query)
{
    return positionedSelect(query, query.pageSize, parameterPlaceholder);
}

QString changeStreamSql(const ChangeQuery &query, int windowRows)
{
    // COPY takes no parameters: the position is bound into transaction-local settings first and
    // read back here, so no value is ever spliced into the SQL.
    return positionedSelect(query, windowRows, [](int parameter) {
        return QStringLiteral("current_setting('%1')").arg(streamSetting(parameter));
    });
}

Result<ChangePage> readChanges(pqxx::connection &connection, const ChangeQuery &query)
{
    try {
        pqxx::work tx(connection);
        prepareSession(tx);
        std::vector<std::string> parameters;
        const QString sql = positionedSelect(query, query.pageSize, parameterPlaceholder, &parameters);
        const pqxx::result result = tx.exec_params(sql.toStdString(), pqxx::prepare::make_dynamic_params(parameters));
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
                                .arg(selectList(query), quotedIdentifier(query.schema), quotedIdentifier(query.table), keyList.join(QStringLiteral(", ")),
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

QString changeSelectList(const ChangeQuery &query)
{
    return selectList(query);
}

SourceRow changeRowFrom(const pqxx::row &row, const ChangeQuery &query)
{
    return rowFrom(row, query);
}

} // namespace SyncBridge

namespace SyncBridge {

ChangeStream::ChangeStream(ChangeQuery query, int windowRows)
    : m_query(std::move(query))
    , m_windowRows(windowRows)
{
}

ChangeStream::~ChangeStream() = default;

Result<std::unique_ptr<ChangeStream>> ChangeStream::open(pqxx::connection &connection, const ChangeQuery &query, int windowRows)
{
    try {
        std::unique_ptr<ChangeStream> stream(new ChangeStream(query, windowRows));
        pqxx::work tx(connection);
        prepareSession(tx);
        std::vector<std::string> values;
        positionedSelect(query, windowRows, parameterPlaceholder, &values);
        if (!values.empty()) {
            QStringList settings;
            for (std::size_t i = 0; i < values.size(); ++i)
                settings << QStringLiteral("set_config('%1', $%2, true)").arg(streamSetting(int(i) + 1)).arg(i + 1);
            tx.exec_params((QStringLiteral("SELECT ") + settings.join(QStringLiteral(", "))).toStdString(), pqxx::prepare::make_dynamic_params(values));
        }
        pqxx::stream_from copy(tx, (QLatin1Char('(') + changeStreamSql(query, windowRows) + QLatin1Char(')')).toStdString());
        std::string line;
        while (copy.get_raw_line(line)) {
            if (!line.empty() && line.back() == '\n')
                line.pop_back(); // the row's terminator (a newline inside a value arrives escaped)
            stream->m_lines.push_back(std::move(line));
        }
        copy.complete();
        tx.commit();
        return stream;
    } catch (const std::exception &failure) {
        return sourceQueryError(failure, QCoreApplication::translate("SyncBridge::Source", "reading changes from %1.%2").arg(query.schema, query.table));
    }
}

bool ChangeStream::continues(const ChangeQuery &query) const
{
    if (ended() && !m_lines.empty())
        return false;
    // The same rows only under the same bounds: a NULL pass, or another window, is another statement.
    if (query.nullCursors != m_query.nullCursors || query.beforeCursor != m_query.beforeCursor
        || query.cursorColumn != m_query.cursorColumn)
        return false;
    const bool fromStart = query.afterKey.isEmpty();
    if (m_streamed == 0)
        return fromStart ? (m_query.afterKey.isEmpty() && query.fromCursor == m_query.fromCursor)
                         : (query.afterKey == m_query.afterKey && query.afterCursor == m_query.afterCursor);
    return !fromStart && query.afterKey == m_last.keyValues && (!pagesByCursor(query) || query.afterCursor == m_last.cursorValue);
}

Result<ChangePage> ChangeStream::next(int pageSize)
{
    ChangePage page;
    while (page.rows.size() < pageSize && !ended()) {
        std::string &line = m_lines[std::size_t(m_streamed++)];
        page.rows << rowFrom(copyFields(line), m_query);
        std::string().swap(line); // handed out: its memory goes
    }
    if (!page.rows.isEmpty())
        m_last = page.rows.last();
    // A full page may have more behind it; so may a window that ended on its row limit.
    page.more = !page.rows.isEmpty() && (page.rows.size() == pageSize || windowFull());
    return page;
}

} // namespace SyncBridge

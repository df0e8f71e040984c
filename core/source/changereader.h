#pragma once

#include "common/result.h"
#include "source/sourcerow.h"

#include <memory>

#include <pqxx/connection>
#include <pqxx/result>
#include <pqxx/stream_from>
#include <pqxx/transaction>

namespace SyncBridge {

// Identifiers are quoted, positions are bound parameters cast to the columns' own types.
Result<ChangePage> readChanges(pqxx::connection &connection, const ChangeQuery &query);
// Keys of rows that still exist among the given ones (for FULL_SCAN deletes and retries).
Result<QList<SourceRow>> readRowsByKey(pqxx::connection &connection, const ChangeQuery &query, const QList<QStringList> &keys);

// The SELECT the reader runs, without parameters (for tests and dry-run explanations).
QString changeQuerySql(const ChangeQuery &query);
// The same rows for COPY: up to windowRows of them, the position read from transaction settings.
QString changeStreamSql(const ChangeQuery &query, int windowRows);

// The select list and the row of a read (text values, money as numeric), for reads of the same
// table in other transactions: the CDC initial load in its exported snapshot.
QString changeSelectList(const ChangeQuery &query);
SourceRow changeRowFrom(const pqxx::row &row, const ChangeQuery &query);

// Changes streamed with COPY: one statement reads a window of many pages as raw lines, and the
// transaction ends before the first page is handed out — it never stays open across Graph writes
// or budget waits (vacuum on the source is not held back; a statement_timeout there is not met).
// Lines are parsed a page at a time (less memory and CPU than a result set per page).
class ChangeStream
{
public:
    static Result<std::unique_ptr<ChangeStream>> open(pqxx::connection &connection, const ChangeQuery &query, int windowRows);
    ~ChangeStream();
    ChangeStream(const ChangeStream &) = delete;
    ChangeStream &operator=(const ChangeStream &) = delete;

    // Whether the next rows of this stream are the ones the query asks for.
    bool continues(const ChangeQuery &query) const;
    Result<ChangePage> next(int pageSize);
    // The window's row limit was reached: more rows may follow in a new window.
    bool windowFull() const { return ended() && m_streamed == m_windowRows; }

private:
    ChangeStream(ChangeQuery query, int windowRows);
    bool ended() const { return m_streamed == int(m_lines.size()); }

    ChangeQuery m_query;
    int m_windowRows = 0;
    std::vector<std::string> m_lines; // the window, as COPY sent it
    int m_streamed = 0;               // lines handed out as rows
    SourceRow m_last;
};

} // namespace SyncBridge

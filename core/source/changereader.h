#pragma once

#include "common/result.h"
#include "source/sourcerow.h"

#include <memory>

#include <pqxx/connection>
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

// Changes streamed with COPY: one statement and one transaction hand out a window of many pages,
// parsed line by line (less memory and CPU than a result set per page). The window is bounded so
// the transaction does not stay open for a whole run.
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
    bool windowFull() const { return m_ended && m_streamed == m_windowRows; }

private:
    ChangeStream(pqxx::connection &connection, ChangeQuery query, int windowRows);

    std::unique_ptr<pqxx::work> m_transaction;
    std::unique_ptr<pqxx::stream_from> m_copy;
    ChangeQuery m_query;
    int m_windowRows = 0;
    int m_streamed = 0;
    bool m_ended = false;
    SourceRow m_last;
};

} // namespace SyncBridge

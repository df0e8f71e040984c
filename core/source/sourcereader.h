#pragma once

#include "common/result.h"
#include "model/connection.h"
#include "source/passwordlookup.h"
#include "source/rowwrites.h"
#include "source/sourcerow.h"
#include "source/tablereads.h"

#include <functional>
#include <memory>

namespace SyncBridge {

class ChangeStream;
class PgSession;

// Reads one table for a run: pages of changes streamed with COPY, rows by key, and — when an open
// connection breaks mid-run — a new session on the next instance in failover order, the read
// retried from the same position (reads are repeatable, so nothing is skipped or doubled).
class SourceReader
{
public:
    using FailoverNotice = std::function<void(const QString &message)>;

    static Result<std::unique_ptr<SourceReader>> open(const Database &database, PasswordLookup passwords, FailoverNotice notice);
    ~SourceReader();

    // The tables of the connected instance (introspected on the run's own connection).
    Result<QList<TableInfo>> tables();
    Result<ChangePage> changes(const ChangeQuery &query);
    // Where rows of transactions still open may appear (see ChangeHorizon).
    Result<ChangeHorizon> changeHorizon(const ColumnInfo &cursorColumn, int floorSeconds);
    Result<DuplicateKeys> duplicateKeys(const TableInfo &table, const QStringList &keyColumns);
    Result<QList<SourceRow>> rowsByKey(const ChangeQuery &query, const QList<QStringList> &keys);
    // One page of a pull's row changes in one transaction (see applyRowWrites). Not repeated after a
    // broken connection — a commit in doubt may have inserted rows — but the next call reconnects.
    Result<QList<RowWriteResult>> write(const RowWriteTable &table, const QList<RowWrite> &writes,
        const std::function<Result<void>(const QList<RowWriteResult> &)> &beforeCommit, RowWriteEnd end = RowWriteEnd::Commit);

    void setStreamWindow(int rows) { m_windowRows = rows; }

private:
    SourceReader(Database database, PasswordLookup passwords, FailoverNotice notice);
    template <typename T>
    Result<T> withFailover(const std::function<Result<T>()> &read);
    Result<void> reconnect(const Error &lost);

    Database m_database;
    PasswordLookup m_passwords;
    FailoverNotice m_notice;
    std::unique_ptr<PgSession> m_session;
    std::unique_ptr<ChangeStream> m_stream;
    int m_windowRows = 20000;
};

} // namespace SyncBridge

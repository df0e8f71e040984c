#include "source/sourcereader.h"

#include "common/logging.h"
#include "source/changehorizon.h"
#include "source/changereader.h"
#include "source/introspector.h"
#include "source/pgsession.h"
#include "source/rowwriter.h"

#include <QCoreApplication>
#include <QThread>

namespace SyncBridge {
namespace {
// A restarting server or a promotion takes a moment: try the instances again after these pauses.
constexpr int reconnectPausesMs[] = {0, 1000, 3000};
} // namespace

SourceReader::SourceReader(Database database, PasswordLookup passwords, FailoverNotice notice)
    : m_database(std::move(database))
    , m_passwords(std::move(passwords))
    , m_notice(std::move(notice))
{
}

SourceReader::~SourceReader()
{
    m_stream.reset();   // before the session whose connection it uses
}

Result<std::unique_ptr<SourceReader>> SourceReader::open(const Database &database, PasswordLookup passwords, FailoverNotice notice)
{
    std::unique_ptr<SourceReader> reader(new SourceReader(database, std::move(passwords), std::move(notice)));
    auto session = PgSession::open(database, reader->m_passwords);
    if (!session)
        return session.error();
    reader->m_session = std::move(*session);
    for (const FailedAttempt &failed : reader->m_session->failedAttempts())
        reader->m_notice(QCoreApplication::translate("SyncBridge::Source", "Instance '%1' was unavailable (%2); using '%3'.")
                             .arg(failed.instanceName, failed.error.message(), reader->m_session->instance().name));
    return reader;
}

Result<void> SourceReader::reconnect(const Error &lost)
{
    const QString from = m_session->instance().name;
    m_stream.reset();
    Error last = lost;
    for (const int pauseMs : reconnectPausesMs) {
        QThread::msleep(pauseMs);   // the run's own thread, between pages: nothing else waits on it
        auto session = PgSession::open(m_database, m_passwords);
        if (session) {
            m_session = std::move(*session);
            m_notice(QCoreApplication::translate("SyncBridge::Source", "Lost the connection to '%1' (%2); continuing on '%3'.")
                         .arg(from, lost.message(), m_session->instance().name));
            return success();
        }
        last = session.error();
    }
    return last;
}

template <typename T>
Result<T> SourceReader::withFailover(const std::function<Result<T>()> &read)
{
    Result<T> result = read();
    if (result || result.error().code() != ErrorCode::ConnectionLost)
        return result;
    qCWarning(lcSource).noquote() << result.error().toString();
    const Result<void> reconnected = reconnect(result.error());
    if (!reconnected)
        return reconnected.error();
    return read();
}

Result<ChangePage> SourceReader::changes(const ChangeQuery &query)
{
    return withFailover<ChangePage>([&]() -> Result<ChangePage> {
        for (;;) {
            if (!m_stream || !m_stream->continues(query)) {
                m_stream.reset();
                auto opened = ChangeStream::open(m_session->connection(), query, qMax(m_windowRows, query.pageSize));
                if (!opened)
                    return opened.error();
                m_stream = std::move(*opened);
            }
            auto page = m_stream->next(query.pageSize);
            if (!page)
                m_stream.reset();
            else if (page->rows.isEmpty() && m_stream->windowFull())
                continue;   // the window ended exactly at a page boundary: the next window has the rest
            return page;
        }
    });
}

Result<ChangeHorizon> SourceReader::changeHorizon(const ColumnInfo &cursorColumn, int floorSeconds)
{
    m_stream.reset(); // the connection can run one statement at a time
    return withFailover<ChangeHorizon>([&]() { return readChangeHorizon(m_session->connection(), cursorColumn, floorSeconds); });
}

Result<QList<TableInfo>> SourceReader::tables()
{
    m_stream.reset(); // the connection can run one statement at a time
    return withFailover<QList<TableInfo>>([&]() { return introspectTables(m_session->connection()); });
}

Result<DuplicateKeys> SourceReader::duplicateKeys(const TableInfo &table, const QStringList &keyColumns)
{
    m_stream.reset();
    return withFailover<DuplicateKeys>([&]() { return findDuplicateKeys(*m_session, table, keyColumns); });
}

Result<QList<SourceRow>> SourceReader::rowsByKey(const ChangeQuery &query, const QList<QStringList> &keys)
{
    m_stream.reset();   // the connection can run one statement at a time
    return withFailover<QList<SourceRow>>([&]() { return readRowsByKey(m_session->connection(), query, keys); });
}

Result<QList<RowWriteResult>> SourceReader::write(const RowWriteTable &table, const QList<RowWrite> &writes,
    const std::function<Result<void>(const QList<RowWriteResult> &)> &beforeCommit, RowWriteEnd end)
{
    m_stream.reset(); // the connection can run one statement at a time
    Result<QList<RowWriteResult>> written = applyRowWrites(m_session->connection(), table, writes, beforeCommit, end);
    if (!written && written.error().code() == ErrorCode::ConnectionLost)
        (void)reconnect(written.error()); // for the next call; this page's fate is the caller's to decide
    return written;
}

} // namespace SyncBridge

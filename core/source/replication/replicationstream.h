#pragma once

#include "common/result.h"
#include "model/connection.h"
#include "source/replication/lsn.h"
#include "source/replication/pgoutput.h"

#include <QDateTime>
#include <QString>

#include <memory>
#include <optional>

struct pg_conn;

namespace SyncBridge {

// A slot just created with an exported snapshot: the snapshot shows the table exactly as it was at
// consistentPoint, so an initial load read in it and a stream started at consistentPoint together
// see every committed change once. The snapshot lives only until the next command on this stream's
// connection: read the table before start().
struct CreatedSlot {
    QString name;
    Lsn consistentPoint;
    QString snapshotName;
};

// One change message of the stream with the WAL position of its frame.
struct StreamMessage {
    Lsn lsn;
    PgOutputMessage message;
};

// A logical replication connection (libpq, replication=database) reading one slot through pgoutput,
// owned by one thread — libpqxx 6.4 cannot stream replication. It answers the server's keepalives
// and sends standby status updates on its own while next() waits, so a consumer that is slow (a
// budget wait) is not dropped by wal_sender_timeout. The slot's confirmed position moves only when
// the consumer calls confirm(): the server may then recycle the WAL before it.
class ReplicationStream
{
public:
    static Result<std::unique_ptr<ReplicationStream>> open(
        const Database &database, const DatabaseInstance &instance, const QString &password, int connectTimeoutSeconds = 5);
    ~ReplicationStream();
    ReplicationStream(const ReplicationStream &) = delete;
    ReplicationStream &operator=(const ReplicationStream &) = delete;

    // The server's current WAL flush position (IDENTIFY_SYSTEM): where a run that drains stops.
    Result<Lsn> currentWalEnd();
    Result<CreatedSlot> createSlot(const QString &slotName);
    Result<void> dropSlot(const QString &slotName);
    // Streams the slot's changes of the publication from `from` (the slot's confirmed position
    // when earlier). Logical messages (the heartbeat) are asked for too.
    Result<void> start(const QString &slotName, const QString &publication, Lsn from);

    // The next change message, waiting at most timeoutMs; nullopt when none came in that time.
    // Keepalives are answered here; a broken connection is ConnectionLost.
    Result<std::optional<StreamMessage>> next(int timeoutMs);
    // Everything up to `delivered` (a commit's end LSN) is in SharePoint or its retry queue: the
    // server may forget it. Sent with the next status update (at once when `now` is true).
    Result<void> confirm(Lsn delivered, bool now = false);
    // Asks the server for a keepalive now: an idle server sends one only every wal_sender_timeout / 2,
    // and a drain needs its position to know that nothing more is coming.
    Result<void> askPosition() { return sendStatus(true); }
    // A status update when one is due, without reading: a consumer that does not read for a while
    // (its writes wait for the budget, so the slot holds the backlog) is not dropped by wal_sender_timeout.
    Result<void> keepAlive();
    Lsn confirmed() const { return m_confirmed; }
    // The highest WAL position the server said it has sent (data or keepalive).
    Lsn serverWalEnd() const { return m_serverWalEnd; }
    // No transaction is open in what was handed out, and everything handed out is confirmed.
    bool caughtUp() const { return !m_inTransaction && m_confirmed >= m_lastCommitEnd; }
    // Every change committed before `target` has been handed out (a drain to a WAL position stops here).
    bool hasReached(Lsn target) const { return !m_inTransaction && qMax(m_lastCommitEnd.value, m_keepaliveEnd.value) >= target.value; }
    QString serverVersion() const;

private:
    explicit ReplicationStream(pg_conn *connection);
    Result<void> sendStatus(bool replyRequested);
    Result<void> handleKeepalive(Lsn walEnd, bool replyRequested);
    Result<bool> waitReadable(int timeoutMs);
    Error failure(const QString &what) const;

    pg_conn *m_connection = nullptr;
    bool m_streaming = false;
    Lsn m_received;
    Lsn m_confirmed;
    Lsn m_serverWalEnd;
    Lsn m_lastCommitEnd;
    Lsn m_keepaliveEnd; // the server sends a keepalive only once it has sent every change before it
    bool m_inTransaction = false;
    qint64 m_lastStatusMs = 0;
};

} // namespace SyncBridge

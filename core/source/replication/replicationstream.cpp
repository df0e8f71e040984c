#include "source/replication/replicationstream.h"

#include "common/logging.h"
#include "source/connectionstring.h"
#include "source/pgsession.h"
#include "source/replication/pgoutputdecoder.h"
#include "source/replication/walframes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QRegularExpression>

#include <libpq-fe.h>
#include <sys/select.h>

namespace SyncBridge {

namespace {
// Well inside the server's wal_sender_timeout (60 s by default): a status update at least this often.
constexpr qint64 statusIntervalMs = 10000;

// Slot and publication names are made by SyncBridge; refusing anything else keeps them out of
// quoting questions in the replication grammar (slot names allow only these characters anyway).
bool isPlainName(const QString &name)
{
    static const QRegularExpression plain(QStringLiteral("^[a-z0-9_]{1,63}$"));
    return plain.match(name).hasMatch();
}

Error invalidName(const QString &name)
{
    return Error(ErrorCode::InvalidInput,
        QCoreApplication::translate(
            "SyncBridge::Source", "'%1' cannot name a replication slot or publication: use lower-case letters, digits and underscores.")
            .arg(name));
}

struct ResultGuard {
    PGresult *result;
    ~ResultGuard() { PQclear(result); }
};
} // namespace

ReplicationStream::ReplicationStream(pg_conn *connection)
    : m_connection(connection)
{
}

ReplicationStream::~ReplicationStream()
{
    if (m_connection && m_streaming) {
        // Tell the server where we got to before leaving: a clean end keeps the slot's position current.
        const QByteArray status = standbyStatusUpdate(m_received, m_confirmed, m_confirmed, QDateTime::currentDateTimeUtc());
        PQputCopyData(m_connection, status.constData(), int(status.size()));
        PQflush(m_connection);
    }
    PQfinish(m_connection);
}

Result<std::unique_ptr<ReplicationStream>> ReplicationStream::open(
    const Database &database, const DatabaseInstance &instance, const QString &password, int connectTimeoutSeconds)
{
    // TimeZone and DateStyle as every other read of the source sets them: values arrive as the text
    // the engine's conversion expects (sourcerow.h).
    const std::string conninfo = libpqConnectionString(database, instance, password, connectTimeoutSeconds)
        + " replication='database' options='-c TimeZone=UTC -c DateStyle=ISO -c IntervalStyle=iso_8601 -c extra_float_digits=3'";
    PGconn *connection = PQconnectdb(conninfo.c_str());
    if (PQstatus(connection) != CONNECTION_OK) {
        const QString message = QString::fromUtf8(PQerrorMessage(connection));
        PQfinish(connection);
        if (message.contains(QLatin1String("replication")) || message.contains(QLatin1String("walsender")))
            return Error(ErrorCode::AuthenticationFailed,
                QCoreApplication::translate("SyncBridge::Source",
                    "PostgreSQL refuses a replication connection to '%1' for '%2'. Give the role the REPLICATION attribute "
                    "(ALTER ROLE … REPLICATION) and allow it in pg_hba.conf with a 'replication' or database line.")
                    .arg(database.databaseName, instance.userName),
                message.trimmed());
        return classifyConnectionFailure(message, database, instance);
    }
    return std::unique_ptr<ReplicationStream>(new ReplicationStream(connection));
}

QString ReplicationStream::serverVersion() const
{
    const int version = PQserverVersion(m_connection);
    return QStringLiteral("%1.%2").arg(version / 10000).arg(version % 10000);
}

Error ReplicationStream::failure(const QString &what) const
{
    const QString message = QString::fromUtf8(PQerrorMessage(m_connection)).trimmed();
    if (PQstatus(m_connection) == CONNECTION_BAD)
        return Error(ErrorCode::ConnectionLost,
            QCoreApplication::translate("SyncBridge::Source", "The replication connection to PostgreSQL broke in the attempt %1.")
                .arg(what),
            message);
    return Error(ErrorCode::SourceFailure, QCoreApplication::translate("SyncBridge::Source", "PostgreSQL refused %1.").arg(what), message);
}

Result<Lsn> ReplicationStream::currentWalEnd()
{
    ResultGuard result{PQexec(m_connection, "IDENTIFY_SYSTEM")};
    if (PQresultStatus(result.result) != PGRES_TUPLES_OK || PQntuples(result.result) != 1 || PQnfields(result.result) < 3)
        return failure(QStringLiteral("IDENTIFY_SYSTEM"));
    const auto position = Lsn::parse(QString::fromLatin1(PQgetvalue(result.result, 0, 2)));
    if (!position)
        return Error(ErrorCode::SourceFailure, QStringLiteral("IDENTIFY_SYSTEM returned no WAL position"));
    return *position;
}

Result<CreatedSlot> ReplicationStream::createSlot(const QString &slotName)
{
    if (!isPlainName(slotName))
        return invalidName(slotName);
    const QByteArray command = QStringLiteral("CREATE_REPLICATION_SLOT \"%1\" LOGICAL pgoutput EXPORT_SNAPSHOT").arg(slotName).toUtf8();
    ResultGuard result{PQexec(m_connection, command.constData())};
    if (PQresultStatus(result.result) != PGRES_TUPLES_OK || PQntuples(result.result) != 1 || PQnfields(result.result) < 3) {
        const QString message = QString::fromUtf8(PQerrorMessage(m_connection));
        if (message.contains(QLatin1String("already exists")))
            return Error(ErrorCode::AlreadyExists,
                QCoreApplication::translate("SyncBridge::Source", "The replication slot '%1' already exists.").arg(slotName),
                message.trimmed());
        if (message.contains(QLatin1String("all replication slots are in use")))
            return Error(ErrorCode::Busy,
                QCoreApplication::translate("SyncBridge::Source",
                    "Every replication slot of the server is in use. Drop an unused slot (pg_drop_replication_slot) or raise "
                    "max_replication_slots and restart PostgreSQL."),
                message.trimmed());
        return failure(QCoreApplication::translate("SyncBridge::Source", "to create the replication slot '%1'").arg(slotName));
    }
    CreatedSlot slot;
    slot.name = QString::fromUtf8(PQgetvalue(result.result, 0, 0));
    slot.consistentPoint = Lsn::parse(QString::fromLatin1(PQgetvalue(result.result, 0, 1))).value_or(Lsn{});
    slot.snapshotName = QString::fromLatin1(PQgetvalue(result.result, 0, 2));
    return slot;
}

Result<void> ReplicationStream::dropSlot(const QString &slotName)
{
    if (!isPlainName(slotName))
        return invalidName(slotName);
    const QByteArray command = QStringLiteral("DROP_REPLICATION_SLOT \"%1\"").arg(slotName).toUtf8();
    ResultGuard result{PQexec(m_connection, command.constData())};
    if (PQresultStatus(result.result) != PGRES_COMMAND_OK)
        return failure(QCoreApplication::translate("SyncBridge::Source", "to drop the replication slot '%1'").arg(slotName));
    return success();
}

Result<void> ReplicationStream::start(const QString &slotName, const QString &publication, Lsn from)
{
    if (!isPlainName(slotName))
        return invalidName(slotName);
    if (!isPlainName(publication))
        return invalidName(publication);
    const QByteArray command
        = QStringLiteral("START_REPLICATION SLOT \"%1\" LOGICAL %2 (proto_version '1', publication_names '\"%3\"', messages 'true')")
              .arg(slotName, from.toString(), publication)
              .toUtf8();
    ResultGuard result{PQexec(m_connection, command.constData())};
    if (PQresultStatus(result.result) != PGRES_COPY_BOTH)
        return failure(QCoreApplication::translate("SyncBridge::Source", "to stream the replication slot '%1'").arg(slotName));
    m_streaming = true;
    m_received = from;
    m_confirmed = from;
    m_lastCommitEnd = from;
    m_keepaliveEnd = from;
    m_lastStatusMs = QDateTime::currentMSecsSinceEpoch();
    return success();
}

Result<void> ReplicationStream::sendStatus(bool replyRequested)
{
    const QByteArray status = standbyStatusUpdate(m_received, m_confirmed, m_confirmed, QDateTime::currentDateTimeUtc(), replyRequested);
    if (PQputCopyData(m_connection, status.constData(), int(status.size())) <= 0 || PQflush(m_connection) != 0)
        return failure(QStringLiteral("sending a status update"));
    m_lastStatusMs = QDateTime::currentMSecsSinceEpoch();
    return success();
}

Result<void> ReplicationStream::keepAlive()
{
    if (!m_streaming || QDateTime::currentMSecsSinceEpoch() - m_lastStatusMs < statusIntervalMs)
        return success();
    return sendStatus(false);
}

Result<void> ReplicationStream::confirm(Lsn delivered, bool now)
{
    if (delivered > m_confirmed)
        m_confirmed = delivered;
    return now ? sendStatus(false) : success();
}

Result<void> ReplicationStream::handleKeepalive(Lsn walEnd, bool replyRequested)
{
    if (walEnd > m_serverWalEnd)
        m_serverWalEnd = walEnd;
    // With nothing handed out left unconfirmed and no transaction open, nothing before walEnd is
    // ours to deliver (changes of other tables, vacuum): the slot may advance to it, or the server
    // would keep that WAL for an idle table. pg_recvlogical does the same with its flushed output.
    if (!m_inTransaction && walEnd > m_keepaliveEnd)
        m_keepaliveEnd = walEnd;
    bool advanced = false;
    if (caughtUp() && walEnd > m_confirmed) {
        m_confirmed = walEnd;
        m_lastCommitEnd = walEnd;
        advanced = true;
    }
    if (walEnd > m_received)
        m_received = walEnd;
    return replyRequested || advanced ? sendStatus(false) : success();
}

Result<bool> ReplicationStream::waitReadable(int timeoutMs)
{
    const int socket = PQsocket(m_connection);
    if (socket < 0)
        return failure(QStringLiteral("waiting for changes"));
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(socket, &readable);
    timeval timeout{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    const int ready = select(socket + 1, &readable, nullptr, nullptr, &timeout);
    if (ready < 0 && errno != EINTR)
        return failure(QStringLiteral("waiting for changes"));
    return ready > 0;
}

Result<std::optional<StreamMessage>> ReplicationStream::next(int timeoutMs)
{
    if (!m_streaming)
        return Error(ErrorCode::Internal, QStringLiteral("ReplicationStream::next before start"));
    const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + qMax(0, timeoutMs);
    while (true) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - m_lastStatusMs >= statusIntervalMs) {
            if (auto sent = sendStatus(false); !sent)
                return sent.error();
        }
        char *buffer = nullptr;
        const int length = PQgetCopyData(m_connection, &buffer, 1);
        if (length == 0) { // nothing complete yet: wait for the socket, the deadline or the next status
            const qint64 waitMs = qMin(deadline - now, statusIntervalMs - (now - m_lastStatusMs));
            if (deadline <= now)
                return std::optional<StreamMessage>();
            auto readable = waitReadable(int(qMax<qint64>(1, waitMs)));
            if (!readable)
                return readable.error();
            if (*readable && PQconsumeInput(m_connection) == 0)
                return failure(QStringLiteral("reading changes"));
            continue;
        }
        if (length == -1) {
            // The server ended the copy (shutdown, a promoted standby, the slot dropped): its reason
            // is in the result that follows.
            ResultGuard result{PQgetResult(m_connection)};
            m_streaming = false;
            const QString reason = QString::fromUtf8(PQresultErrorMessage(result.result)).trimmed();
            return Error(ErrorCode::ConnectionLost,
                QCoreApplication::translate("SyncBridge::Source", "PostgreSQL ended the replication stream."),
                reason.isEmpty() ? QString::fromUtf8(PQerrorMessage(m_connection)).trimmed() : reason);
        }
        if (length < 0)
            return failure(QStringLiteral("reading changes"));
        const QByteArray frame(buffer, length);
        PQfreemem(buffer);
        auto decoded = decodeWalFrame(frame);
        if (!decoded)
            return decoded.error();
        if (const auto *keepalive = std::get_if<PrimaryKeepalive>(&*decoded)) {
            if (auto handled = handleKeepalive(keepalive->walEnd, keepalive->replyRequested); !handled)
                return handled.error();
            continue;
        }
        const auto &data = std::get<XLogData>(*decoded);
        if (data.walEnd > m_serverWalEnd)
            m_serverWalEnd = data.walEnd;
        if (data.start > m_received)
            m_received = data.start;
        auto message = decodePgOutput(data.payload);
        if (!message)
            return message.error();
        if (std::holds_alternative<PgOutput::Begin>(*message))
            m_inTransaction = true;
        else if (const auto *commit = std::get_if<PgOutput::Commit>(&*message)) {
            m_inTransaction = false;
            m_lastCommitEnd = commit->endLsn;
        }
        return std::optional<StreamMessage>(StreamMessage{data.start, std::move(*message)});
    }
}

} // namespace SyncBridge

#include "source/replication/walframes.h"

#include "source/replication/bytereader.h"

#include <QCoreApplication>
#include <QtEndian>

namespace SyncBridge {

namespace {
constexpr qint64 postgresEpochMs = 946684800000LL;

Error malformedFrame(const QString &detail)
{
    return Error(ErrorCode::InvalidInput,
        QCoreApplication::translate("SyncBridge::Source", "The replication stream sent a message this version cannot read."), detail);
}

void appendU64(QByteArray &out, quint64 value)
{
    char bytes[8];
    qToBigEndian(value, bytes);
    out.append(bytes, 8);
}
} // namespace

Result<WalFrame> decodeWalFrame(const QByteArray &frame)
{
    ByteReader in(frame);
    const auto type = in.u8();
    if (!type)
        return malformedFrame(QStringLiteral("empty replication frame"));
    if (*type == 'w') {
        const auto start = in.u64();
        const auto end = in.u64();
        const auto sent = in.u64();
        if (!start || !end || !sent)
            return malformedFrame(QStringLiteral("truncated XLogData header"));
        return WalFrame(XLogData{Lsn{*start}, Lsn{*end}, in.rest()});
    }
    if (*type == 'k') {
        const auto end = in.u64();
        const auto sent = in.u64();
        const auto reply = in.u8();
        if (!end || !sent || !reply || !in.atEnd())
            return malformedFrame(QStringLiteral("malformed keepalive"));
        return WalFrame(PrimaryKeepalive{Lsn{*end}, *reply != 0});
    }
    return malformedFrame(QStringLiteral("unknown replication frame type %1").arg(int(*type)));
}

QByteArray standbyStatusUpdate(Lsn received, Lsn flushed, Lsn applied, const QDateTime &now, bool replyRequested)
{
    QByteArray out;
    out.reserve(34);
    out.append('r');
    appendU64(out, received.value);
    appendU64(out, flushed.value);
    appendU64(out, applied.value);
    appendU64(out, quint64((now.toMSecsSinceEpoch() - postgresEpochMs) * 1000));
    out.append(char(replyRequested ? 1 : 0));
    return out;
}

} // namespace SyncBridge

#pragma once

#include "common/result.h"
#include "source/replication/lsn.h"

#include <QByteArray>
#include <QDateTime>

#include <variant>

namespace SyncBridge {

// The frames a walsender sends inside COPY BOTH (the "Streaming Replication Protocol" page):
// XLogData carries one pgoutput message, a keepalive the server's WAL end and whether it wants an
// answer now (it drops a client that stays silent for wal_sender_timeout).
struct XLogData {
    Lsn start;
    Lsn walEnd;
    QByteArray payload;
};

struct PrimaryKeepalive {
    Lsn walEnd;
    bool replyRequested = false;
};

using WalFrame = std::variant<XLogData, PrimaryKeepalive>;

Result<WalFrame> decodeWalFrame(const QByteArray &frame);

// The standby status update ('r'): what the client has received, flushed and applied. The slot's
// confirmed_flush_lsn follows `flushed`, so it names only what the consumer has delivered — the
// server may recycle the WAL before it.
QByteArray standbyStatusUpdate(Lsn received, Lsn flushed, Lsn applied, const QDateTime &now, bool replyRequested = false);

} // namespace SyncBridge

#pragma once

#include "common/result.h"
#include "model/connection.h"
#include "source/passwordlookup.h"
#include "source/replication/cdcsource.h"
#include "source/replication/replicationstream.h"
#include "source/sourcerow.h"

#include <memory>
#include <optional>

namespace SyncBridge {

class PgSession;

// What a CDC run reads, behind one libpqxx-free door (core/sync never sees libpq or libpqxx): the
// set-up checked first, then either the initial load — the table in the slot's exported snapshot,
// when this run created the slot — followed by the stream from the slot's consistent point, or the
// stream from the stored LSN. A run drains what was committed before it began (drained()).
class CdcReader
{
public:
    struct Options {
        qint64 definitionId = 0;
        ChangeQuery loadQuery;        // the table, its columns and key, for the initial load
        std::optional<Lsn> storedLsn; // the definition's confirmed cursor; none: no finished initial load
        // A synced definition whose slot is gone or lost is loaded again only when a person approved it
        // (RunOptions::resnapshot); otherwise open() fails with NeedsConfirmation naming the slot.
        bool resnapshotApproved = false;
        QString definitionName; // for that message
    };
    // Why this run loads the table again although the definition was synced before.
    enum class Resnapshot { No, FirstRun, UnfinishedLoad, SlotGone, SlotLost };

    static Result<std::unique_ptr<CdcReader>> open(const Database &database, const PasswordLookup &passwords, const Options &options);
    ~CdcReader();

    Resnapshot resnapshot() const { return m_resnapshot; }
    const CdcNames &names() const { return m_names; }
    bool loading() const { return m_snapshot != nullptr; }
    // The slot's consistent point: the cursor once the load is delivered.
    Lsn loadPosition() const { return m_loadPosition; }
    // The next rows of the initial load; an empty page ends it and starts the stream.
    Result<QList<SourceRow>> nextLoadPage(int pageSize);

    Result<std::optional<StreamMessage>> next(int timeoutMs);
    // Told to the server at once, and only when it moves the slot (a continuous run asks often).
    Result<void> confirm(Lsn delivered) { return delivered > m_stream->confirmed() ? m_stream->confirm(delivered, true) : success(); }
    Result<void> askPosition() { return m_stream->askPosition(); }
    Result<void> keepAlive() { return m_stream ? m_stream->keepAlive() : success(); }
    // A logical message through the source's WAL (pg_logical_emit_message): the stream's next
    // keepalive then lies past the other tables' writes, and the slot confirms up to it.
    Result<Lsn> heartbeat();
    bool drained() const { return m_stream->hasReached(m_drainTarget); }
    // Every change the server had sent when it last said where its WAL ends was handed out.
    bool caughtUp() const { return m_stream->hasReached(m_stream->serverWalEnd()); }
    Lsn serverWalEnd() const { return m_stream->serverWalEnd(); }
    Lsn drainTarget() const { return m_drainTarget; }

private:
    CdcReader() = default;
    Result<void> startStream(Lsn from);

    std::unique_ptr<PgSession> m_session;
    std::unique_ptr<ReplicationStream> m_stream;
    std::unique_ptr<SnapshotReader> m_snapshot;
    CdcNames m_names;
    Lsn m_loadPosition;
    Lsn m_drainTarget;
    Resnapshot m_resnapshot = Resnapshot::No;
};

} // namespace SyncBridge

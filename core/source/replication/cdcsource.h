#pragma once

#include "common/result.h"
#include "source/replication/lsn.h"
#include "source/sourcerow.h"

#include <QString>

#include <memory>
#include <optional>

namespace SyncBridge {

class PgSession;

// The slot and publication of one CDC definition. Names SyncBridge makes, so they stay within what a
// slot name allows and a person finds them in pg_replication_slots.
struct CdcNames {
    QString slot;
    QString publication;
};
CdcNames cdcNamesFor(qint64 definitionId);

// Everything CDC needs from the server and the role, checked before anything is created: wal_level,
// the REPLICATION attribute, a free slot and WAL sender, and the right to publish the table. One
// Unsupported/AuthenticationFailed error lists every problem with what to change.
Result<void> checkCdcPrerequisites(PgSession &session, const QString &schema, const QString &table, const CdcNames &names);

// The publication first (FOR TABLE, created or extended), so the slot made after it decodes the table.
Result<void> ensurePublication(PgSession &session, const QString &publication, const QString &schema, const QString &table);
Result<void> dropPublication(PgSession &session, const QString &publication);

// What pg_replication_slots says about a slot; nullopt when it does not exist.
struct SlotState {
    bool active = false;
    Lsn restartLsn;
    Lsn confirmedFlush;
    QString walStatus;                 // reserved, extended, unreserved, lost
    std::optional<qint64> safeWalSize; // bytes before the slot is lost (max_slot_wal_keep_size), when limited
    qint64 lagBytes = 0;               // from the confirmed position to the server's current WAL
};
Result<std::optional<SlotState>> slotState(PgSession &session, const QString &slot);

// A heartbeat through WAL: a logical message the slot's stream receives, so a slot whose tables are
// idle still gets a keepalive position to confirm while other tables keep the server busy.
Result<Lsn> emitHeartbeat(PgSession &session);

// The initial load: the table read in a slot's exported snapshot, page by page (a cursor in one
// repeatable-read transaction, imported before the stream starts and held until the last page).
class SnapshotReader
{
public:
    static Result<std::unique_ptr<SnapshotReader>> open(PgSession &session, const QString &snapshotName, const ChangeQuery &query);
    ~SnapshotReader();
    SnapshotReader(const SnapshotReader &) = delete;
    SnapshotReader &operator=(const SnapshotReader &) = delete;

    // The next rows in key order; an empty page at the end (the transaction is closed then).
    Result<QList<SourceRow>> next(int pageSize);

private:
    struct Transaction;
    SnapshotReader(std::unique_ptr<Transaction> transaction, ChangeQuery query);
    std::unique_ptr<Transaction> m_transaction;
    ChangeQuery m_query;
};

} // namespace SyncBridge

#pragma once

#include "common/result.h"
#include "model/connection.h"
#include "source/passwordlookup.h"
#include "source/replication/cdcsource.h"

#include <optional>

namespace SyncBridge {

// What PostgreSQL holds for a CDC definition, for `syncbridge-cli cdc status` and the slot's guardian.
struct CdcSlotReport {
    CdcNames names;
    std::optional<SlotState> slot; // none: no slot (never run, or dropped: the next run loads the table again)
    bool publicationExists = false;
    bool publicationHasTable = false; // the definition's table is still in the publication
    Lsn currentWal;                   // pg_current_wal_lsn() when read
    // max_slot_wal_keep_size in bytes; none: -1, no limit (a slot holds WAL until the disk is full).
    std::optional<qint64> maxSlotWalKeepSize;
};
Result<CdcSlotReport> cdcSlotReport(
    const Database &database, const PasswordLookup &passwords, qint64 definitionId, const QString &schema, const QString &table);

// Drops the definition's slot and publication, so the server stops keeping WAL for it. A slot a run
// streams from right now is refused (Busy). The next run loads the table again in a new snapshot.
Result<void> dropCdcSlot(const Database &database, const PasswordLookup &passwords, qint64 definitionId);

} // namespace SyncBridge

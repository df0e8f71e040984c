#pragma once

#include "common/result.h"
#include "model/connection.h"
#include "model/definition.h"
#include "model/runtime.h"
#include "source/passwordlookup.h"
#include "source/replication/cdcslots.h"
#include "sync/cdc/slothealth.h"

#include <QDateTime>

namespace SyncBridge {

class MetaStore;

// The slot guardian's reading of one CDC definition: what PostgreSQL says of its slot and
// publication, the lag in time from the meta-store, and the verdict.
struct SlotReading {
    CdcSlotReport report;
    SlotFacts facts;
    SlotHealth health;
};

// The facts of a slot from PostgreSQL's report and the definition's CDC position (pure; the GUI reads
// the two on different threads). Lag in time is the time since a run last recorded the slot's position in the meta-store (the CDC
// cursor's updated_at: a delivered batch, or a run that drained everything committed before it),
// counted only while the slot is behind the server's WAL — an idle server holds nothing for it.
SlotFacts slotFacts(const CdcSlotReport &report, const std::optional<SyncCursor> &cdcPosition, const QDateTime &now);

// Both read and judged, on a worker thread (libpq and the meta-store): the CLI, the agents, the editor.
Result<SlotReading> readSlotHealth(const MetaStore &store, const Database &database, const PasswordLookup &passwords,
    const SyncDefinition &definition, const QDateTime &now, const SlotThresholds &thresholds = {});

// Drops the definition's slot and publication (refused while a run streams) and forgets its CDC
// position, so its next run — if the definition stays — loads the table again in a new slot's snapshot
// and matches the items already synced: dropping through SyncBridge is the approval of that re-snapshot.
Result<void> dropSlotAndPublication(const MetaStore &store, const Database &database, const PasswordLookup &passwords, qint64 definitionId);

// The SQL that drops what a definition leaves on PostgreSQL, for messages when it is not dropped.
QString dropSlotStatements(qint64 definitionId);

} // namespace SyncBridge

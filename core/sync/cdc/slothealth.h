#pragma once

#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <optional>

namespace SyncBridge {

// How much a CDC definition's replication slot threatens the server or the sync, worst last: the
// guardian's verdict, for `cdc status` (its exit code), the editor's Replication tab and the agent.
enum class SlotSeverity {
    Ok,       // the slot follows; nothing to do
    Warning,  // behind: WAL piles up on the server, or runs do not come often enough
    Critical, // the slot is about to lose WAL it needs, or changes of the table are no longer captured
    Lost,     // the slot is gone or lost its WAL: the next run fails until a re-snapshot is approved
};
QString slotSeverityId(SlotSeverity severity);   // "ok", "warning", "critical", "lost": for --json and logs
QString slotSeverityText(SlotSeverity severity); // translated, for people
QString walSizeText(qint64 bytes);               // "1.5 GiB", in the locale's way

// The guardian's limits. Documented defaults (docs/sync-engine.md, "The slot guardian").
struct SlotThresholds {
    qint64 warningLagBytes = qint64(1) << 30; // 1 GiB of WAL held for the slot
    qint64 warningLagSeconds = 3600;          // an hour since the position was last recorded
    double criticalSafeShare = 0.10;          // safe_wal_size under 10 % of max_slot_wal_keep_size
};

// What the guardian knows of one slot, read from pg_replication_slots and the meta-store.
struct SlotFacts {
    QString slot;
    QString publication;
    bool slotExists = false;
    bool synced = false; // the definition has a CDC position (an initial load finished)
    bool active = false;
    QString walStatus;                        // reserved, extended, unreserved, lost
    std::optional<qint64> safeWalSize;        // none: max_slot_wal_keep_size is unlimited
    std::optional<qint64> maxSlotWalKeepSize; // bytes; none: unlimited
    qint64 lagBytes = 0;
    std::optional<qint64> lagSeconds; // none: never recorded
    bool publicationExists = false;
    bool publicationHasTable = false;
};

// The verdict and, for each thing found, a sentence saying what it means and what to do.
struct SlotHealth {
    SlotSeverity severity = SlotSeverity::Ok;
    QStringList findings;
};

// Pure: the worst of every finding decides. A definition never run (no slot, no position) is OK.
SlotHealth classifySlot(const SlotFacts &facts, const SlotThresholds &thresholds = {});

} // namespace SyncBridge

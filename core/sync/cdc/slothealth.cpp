#include "sync/cdc/slothealth.h"

#include "common/translations.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <limits>

namespace SyncBridge {

namespace {
QString text(const char *source)
{
    return QCoreApplication::translate("SyncBridge::SlotHealth", source);
}

struct Verdict {
    SlotHealth health;
    void add(SlotSeverity severity, const QString &finding)
    {
        health.severity = qMax(health.severity, severity);
        health.findings << finding;
    }
};
} // namespace

QString walSizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QString slotSeverityId(SlotSeverity severity)
{
    switch (severity) {
    case SlotSeverity::Ok:
        return QStringLiteral("ok");
    case SlotSeverity::Warning:
        return QStringLiteral("warning");
    case SlotSeverity::Critical:
        return QStringLiteral("critical");
    case SlotSeverity::Lost:
        return QStringLiteral("lost");
    }
    return {};
}

QString slotSeverityText(SlotSeverity severity)
{
    switch (severity) {
    case SlotSeverity::Ok:
        return text("OK");
    case SlotSeverity::Warning:
        return text("Warning");
    case SlotSeverity::Critical:
        return text("Critical");
    case SlotSeverity::Lost:
        return text("Lost");
    }
    return {};
}

SlotHealth classifySlot(const SlotFacts &facts, const SlotThresholds &thresholds)
{
    Verdict verdict;
    if (!facts.slotExists) {
        if (facts.synced)
            verdict.add(SlotSeverity::Lost,
                text("The replication slot '%1' no longer exists (dropped by hand, or not carried over by a failover): changes made "
                     "since its last position cannot be streamed, and runs fail. Approve a re-snapshot (syncbridge-cli run "
                     "<definition> --resnapshot): the table is loaded again in a new slot and matched to the items already synced.")
                    .arg(facts.slot));
        return verdict.health;
    }
    if (facts.walStatus == QLatin1String("lost")) {
        verdict.add(SlotSeverity::Lost,
            text("The replication slot '%1' lost WAL it needed (wal_status lost, beyond max_slot_wal_keep_size): changes were removed "
                 "before they were delivered, and runs fail. Approve a re-snapshot (syncbridge-cli run <definition> --resnapshot): "
                 "the table is loaded again in a new slot and matched to the items already synced.")
                .arg(facts.slot));
        return verdict.health;
    }
    if (!facts.publicationExists || !facts.publicationHasTable)
        verdict.add(SlotSeverity::Critical,
            text("The publication '%1' is missing or no longer contains the table: the slot streams no changes of it, so they are not "
                 "synced. Drop the slot and publication and approve a re-snapshot, which creates both again.")
                .arg(facts.publication));
    if (facts.walStatus == QLatin1String("unreserved"))
        verdict.add(SlotSeverity::Critical,
            text("The slot is past max_wal_size and max_slot_wal_keep_size (wal_status unreserved): the next checkpoint may remove WAL "
                 "it needs. Run the definition now, or raise max_slot_wal_keep_size."));
    else if (facts.safeWalSize && facts.maxSlotWalKeepSize && *facts.maxSlotWalKeepSize > 0
        && double(*facts.safeWalSize) < thresholds.criticalSafeShare * double(*facts.maxSlotWalKeepSize))
        verdict.add(SlotSeverity::Critical,
            text("Only %1 of WAL can still be written before the slot loses what it needs (safe_wal_size, of %2 max_slot_wal_keep_size). "
                 "Run the definition now, or raise max_slot_wal_keep_size.")
                .arg(walSizeText(std::max(qint64(0), *facts.safeWalSize)), walSizeText(*facts.maxSlotWalKeepSize)));
    else if (facts.walStatus == QLatin1String("extended"))
        verdict.add(SlotSeverity::Warning,
            text("The slot holds more WAL than max_wal_size (wal_status extended): the server keeps it only for this slot. Run the "
                 "definition more often."));
    if (facts.lagBytes >= thresholds.warningLagBytes)
        verdict.add(SlotSeverity::Warning,
            text("The slot is %1 behind the server's WAL, which PostgreSQL keeps on disk until a run confirms it. Run the definition "
                 "more often (or continuously), or drop the slot if the definition is no longer used.")
                .arg(walSizeText(facts.lagBytes)));
    if (facts.lagSeconds && *facts.lagSeconds >= thresholds.warningLagSeconds) {
        const int minutes = pluralCount(*facts.lagSeconds / 60); // computed apart: lupdate loops on it inside translate()
        verdict.add(SlotSeverity::Warning,
            QCoreApplication::translate("SyncBridge::SlotHealth",
                "No run recorded the slot's position for %n minute(s) while the server wrote WAL: changes wait that long. Schedule "
                "the definition more often, or check that its agent runs.",
                nullptr, minutes));
    }
    return verdict.health;
}

} // namespace SyncBridge

#include "sync/cdc/slotguard.h"

#include "store/ledgerrepository.h"

namespace SyncBridge {

namespace {
const QString cdcScope = QStringLiteral("cdc");
} // namespace

SlotFacts slotFacts(const CdcSlotReport &report, const std::optional<SyncCursor> &cdcPosition, const QDateTime &now)
{
    SlotFacts facts;
    facts.slot = report.names.slot;
    facts.publication = report.names.publication;
    facts.synced = cdcPosition.has_value();
    facts.publicationExists = report.publicationExists;
    facts.publicationHasTable = report.publicationHasTable;
    facts.maxSlotWalKeepSize = report.maxSlotWalKeepSize;
    if (!report.slot)
        return facts;
    const SlotState &slot = *report.slot;
    facts.slotExists = true;
    facts.active = slot.active;
    facts.walStatus = slot.walStatus;
    facts.safeWalSize = slot.safeWalSize;
    facts.lagBytes = slot.lagBytes;
    if (slot.lagBytes <= 0)
        facts.lagSeconds = 0;
    else if (cdcPosition && cdcPosition->updatedAt.isValid())
        facts.lagSeconds = qMax<qint64>(0, cdcPosition->updatedAt.secsTo(now));
    return facts;
}

Result<SlotReading> readSlotHealth(const MetaStore &store, const Database &database, const PasswordLookup &passwords,
    const SyncDefinition &definition, const QDateTime &now, const SlotThresholds &thresholds)
{
    auto cursor = LedgerRepository(store).cursor(definition.id, cdcScope);
    if (!cursor)
        return cursor.error();
    auto report = cdcSlotReport(database, passwords, definition.id, definition.source.schema, definition.source.table);
    if (!report)
        return report.error();
    SlotReading reading;
    reading.report = *report;
    reading.facts = slotFacts(*report, *cursor, now);
    reading.health = classifySlot(reading.facts, thresholds);
    return reading;
}

Result<void> dropSlotAndPublication(const MetaStore &store, const Database &database, const PasswordLookup &passwords, qint64 definitionId)
{
    if (auto dropped = dropCdcSlot(database, passwords, definitionId); !dropped)
        return dropped;
    // After the drop: a failure here leaves a position without a slot, which the next run reports as
    // a removed slot and a re-snapshot to approve — nothing is streamed from a slot that is not there.
    return LedgerRepository(store).resetCursors(definitionId);
}

QString dropSlotStatements(qint64 definitionId)
{
    const CdcNames names = cdcNamesFor(definitionId);
    return QStringLiteral("SELECT pg_drop_replication_slot('%1'); DROP PUBLICATION \"%2\";").arg(names.slot, names.publication);
}

} // namespace SyncBridge

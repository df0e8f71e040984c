#pragma once

#include "sync/cdc/slothealth.h"

#include <QHash>

#include <optional>

namespace SyncBridge {

// One notification of the slot guardian: a definition's slot changed its verdict.
struct SlotAlert {
    qint64 definitionId = 0;
    SlotSeverity from = SlotSeverity::Ok;
    SlotSeverity to = SlotSeverity::Ok;
    bool recovered() const { return to == SlotSeverity::Ok; }
};

// Pure: which readings deserve a notification. Once when a slot enters warning, critical or lost
// (and again when it gets worse or better), once when it recovers; never for the same verdict twice,
// and never for a slot first seen OK. The agent and the tray keep one each, for the process's life.
class SlotAlerts
{
public:
    std::optional<SlotAlert> observe(qint64 definitionId, SlotSeverity severity);
    // A definition no longer CDC, or deleted: its next reading counts as the first.
    void forget(qint64 definitionId) { m_last.remove(definitionId); }

private:
    QHash<qint64, SlotSeverity> m_last;
};

} // namespace SyncBridge

#include "sync/cdc/slotalerts.h"

namespace SyncBridge {

std::optional<SlotAlert> SlotAlerts::observe(qint64 definitionId, SlotSeverity severity)
{
    const SlotSeverity before = m_last.value(definitionId, SlotSeverity::Ok);
    m_last.insert(definitionId, severity);
    if (severity == before)
        return std::nullopt;
    return SlotAlert{definitionId, before, severity};
}

} // namespace SyncBridge

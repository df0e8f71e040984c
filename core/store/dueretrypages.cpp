#include "store/dueretrypages.h"

#include "common/clock.h"

namespace SyncBridge {

Result<QList<RetryItem>> DueRetryPages::next(MetaStore &store, const Clock &clock)
{
    if (!m_dueBy.isValid())
        m_dueBy = clock.nowUtc();
    auto due = LedgerRepository(store).dueRetries(m_definitionId, m_dueBy, m_lastId, m_pageSize);
    if (due && !due->isEmpty())
        m_lastId = due->constLast().id;
    return due;
}

} // namespace SyncBridge

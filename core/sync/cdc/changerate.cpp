#include "sync/cdc/changerate.h"

#include <QtGlobal>

namespace SyncBridge {

void ChangeRate::add(qint64 nowMs, qint64 changes)
{
    if (m_firstMs < 0)
        m_firstMs = nowMs;
    m_added.append({nowMs, changes});
    forgetBefore(nowMs - m_windowMs);
}

void ChangeRate::forgetBefore(qint64 oldestMs)
{
    while (!m_added.isEmpty() && m_added.constFirst().first < oldestMs)
        m_added.removeFirst();
}

double ChangeRate::perSecond(qint64 nowMs) const
{
    if (m_firstMs < 0)
        return 0;
    qint64 changes = 0;
    for (const auto &[when, count] : m_added) {
        if (when > nowMs - m_windowMs)
            changes += count;
    }
    // At least one second, so the first batch does not show as a burst of millions per second.
    const qint64 spanMs = qMax<qint64>(1000, qMin(m_windowMs, nowMs - m_firstMs));
    return changes * 1000.0 / double(spanMs);
}

} // namespace SyncBridge

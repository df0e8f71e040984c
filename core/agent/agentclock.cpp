#include "agent/agentclock.h"

namespace SyncBridge {

QDateTime DatabaseCorrectedClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc().addMSecs(m_offsetMs.load());
}

void DatabaseCorrectedClock::measure(const QDateTime &databaseNow, const QDateTime &askedAt, const QDateTime &answeredAt)
{
    // The database read its clock somewhere between the two local times: take the middle.
    const QDateTime middle = askedAt.addMSecs(askedAt.msecsTo(answeredAt) / 2);
    m_offsetMs.store(middle.msecsTo(databaseNow));
}

} // namespace SyncBridge

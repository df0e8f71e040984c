#include "common/clock.h"

namespace SyncBridge {

QDateTime SystemClock::nowUtc() const
{
    return QDateTime::currentDateTimeUtc();
}

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

} // namespace SyncBridge

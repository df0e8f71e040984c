#pragma once

#include <QDateTime>

namespace SyncBridge {

// Where "now" comes from. Engines take a Clock so tests can drive time (see tests/support/manualclock.h).
class Clock
{
public:
    virtual ~Clock() = default;
    virtual QDateTime nowUtc() const = 0;

    // The process-wide wall clock; stateless, so sharing it is safe.
    static const Clock &system();
};

class SystemClock final : public Clock
{
public:
    QDateTime nowUtc() const override;
};

} // namespace SyncBridge

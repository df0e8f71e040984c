#pragma once

#include "common/clock.h"

#include <atomic>

namespace SyncBridge {

// The agent's "now": this machine's clock moved by how far it is from the meta-store's database
// clock, measured at each heartbeat — so agents whose clocks disagree decide the same occurrences due
// at the same moment.
class DatabaseCorrectedClock final : public Clock
{
public:
    QDateTime nowUtc() const override;
    // From the database's time and the local times just before and after asking for it.
    void measure(const QDateTime &databaseNow, const QDateTime &askedAt, const QDateTime &answeredAt);
    qint64 offsetMs() const { return m_offsetMs.load(); }

private:
    std::atomic<qint64> m_offsetMs{0};
};

} // namespace SyncBridge

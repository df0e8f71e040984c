#pragma once

#include "common/clock.h"

namespace SyncBridge::Test {

// A clock that only moves when the test says so.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(QDateTime start = QDateTime(QDate(2026, 1, 1), QTime(8, 0), Qt::UTC)) : m_now(std::move(start)) {}
    QDateTime nowUtc() const override { return m_now; }
    void advance(qint64 milliseconds) { m_now = m_now.addMSecs(milliseconds); }
    void set(const QDateTime &now) { m_now = now; }

private:
    QDateTime m_now;
};

} // namespace SyncBridge::Test

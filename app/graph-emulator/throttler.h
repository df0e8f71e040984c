#pragma once

#include "emulatorconfig.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QPair>

namespace GraphEmulator {

struct ThrottleDecision {
    bool allowed = true;
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;   // Retry-After, RateLimit-*
};

// SharePoint's resource-unit budget per app per tenant (contract §10.2): a fixed one-minute window
// and a 24-hour window, both shortened by the time scale. Requests arriving while throttled push
// the reset out again (Dev Proxy's RetryAfterPlugin), each batch item too; they are counted as
// early once per HTTP request (the other items of the $batch that was refused did not come back).
// Throttled requests are not charged.
class Throttler
{
public:
    explicit Throttler(const EmulatorConfig &config);

    ThrottleDecision admit(const QString &appKey, int cost, qint64 serial);
    void reset();

    qint64 ruSpent() const { return m_ruSpent; }
    qint64 throttled() const { return m_throttled; }
    qint64 earlyRequests() const { return m_earlyRequests; }

private:
    struct Bucket {
        qint64 windowStart = 0;     // emulated milliseconds
        qint64 spent = 0;
        qint64 dayStart = 0;
        qint64 daySpent = 0;
        qint64 throttledUntil = 0;
        qint64 refusedSerial = 0; // the HTTP request refused last
    };

    qint64 emulatedNow() const;
    QByteArray retryAfter(qint64 emulatedMs) const;
    QByteArray realSeconds(qint64 emulatedMs) const;
    ThrottleDecision refuse(Bucket &bucket, qint64 until, bool withRateLimit, qint64 serial);

    const EmulatorConfig &m_config;
    QElapsedTimer m_clock;
    QHash<QString, Bucket> m_buckets;
    qint64 m_ruSpent = 0;
    qint64 m_throttled = 0;
    qint64 m_earlyRequests = 0;
};

} // namespace GraphEmulator

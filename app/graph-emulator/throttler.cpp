#include "throttler.h"

#include <cmath>

namespace GraphEmulator {
namespace {

constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 dayMs = 24 * 60 * minuteMs;

} // namespace

Throttler::Throttler(const EmulatorConfig &config)
    : m_config(config)
{
    m_clock.start();
}

void Throttler::reset()
{
    m_buckets.clear();
    m_ruSpent = 0;
    m_throttled = 0;
    m_earlyRequests = 0;
}

qint64 Throttler::emulatedNow() const
{
    return qint64(double(m_clock.elapsed()) * m_config.timeScale);
}

QByteArray Throttler::realSeconds(qint64 emulatedMs) const
{
    return QByteArray::number(qint64(std::ceil(double(qMax<qint64>(emulatedMs, 1)) / m_config.timeScale / 1000.0)));
}

QByteArray Throttler::retryAfter(qint64 emulatedMs) const
{
    if (m_config.throttling.fractionalRetryAfter)
        return QByteArray::number(qMax(0.001, double(emulatedMs) / m_config.timeScale / 1000.0), 'f', 3);
    return realSeconds(emulatedMs);
}

ThrottleDecision Throttler::refuse(Bucket &bucket, qint64 until, bool withRateLimit, qint64 serial)
{
    ++m_throttled;
    bucket.throttledUntil = until;
    bucket.refusedSerial = serial;
    const qint64 wait = until - emulatedNow();
    ThrottleDecision decision;
    decision.allowed = false;
    decision.status = m_config.throttling.throttleStatus;
    decision.headers.append({"Retry-After", retryAfter(wait)});
    if (withRateLimit && m_config.throttling.rateLimitHeaders) {
        decision.headers.append({"RateLimit-Limit", QByteArray::number(m_config.throttling.ruPerMinute)});
        decision.headers.append({QByteArray("RateLimit-Remaining"), QByteArray("0")});
        decision.headers.append({"RateLimit-Reset", realSeconds(wait)});
    }
    return decision;
}

ThrottleDecision Throttler::admit(const QString &appKey, int cost, qint64 serial)
{
    const ThrottleConfig &config = m_config.throttling;
    if (config.blocked) {
        ++m_throttled;
        return {false, 503, {{"Retry-After", realSeconds(minuteMs)}}};
    }
    if (!config.enabled) {
        m_ruSpent += cost;
        return {};
    }
    const qint64 now = emulatedNow();
    Bucket &bucket = m_buckets[appKey];
    if (now - bucket.windowStart >= minuteMs) {
        bucket.windowStart = now - (now - bucket.windowStart) % minuteMs;
        bucket.spent = 0;
    }
    if (now - bucket.dayStart >= dayMs) {
        bucket.dayStart = now;
        bucket.daySpent = 0;
    }
    if (now < bucket.throttledUntil) {
        // Came back too early: the wait starts over, a little longer — for every item, as the
        // service counts them. A request other than the one refused last was sent early.
        if (serial != bucket.refusedSerial)
            ++m_earlyRequests;
        return refuse(bucket, bucket.throttledUntil + config.earlyRetryPenaltyMs, true, serial);
    }
    if (bucket.daySpent + cost > config.ruPerDay)
        return refuse(bucket, bucket.dayStart + dayMs, false, serial);
    if (bucket.spent + cost > config.ruPerMinute)
        return refuse(bucket, bucket.windowStart + minuteMs, true, serial);

    bucket.spent += cost;
    bucket.daySpent += cost;
    m_ruSpent += cost;
    ThrottleDecision decision;
    if (config.rateLimitHeaders && bucket.spent * 5 >= qint64(config.ruPerMinute) * 4) { // ≥ 80 % used: announce the budget
        decision.headers.append({"RateLimit-Limit", QByteArray::number(config.ruPerMinute)});
        decision.headers.append({"RateLimit-Remaining", QByteArray::number(config.ruPerMinute - bucket.spent)});
        decision.headers.append({"RateLimit-Reset", realSeconds(bucket.windowStart + minuteMs - now)});
    }
    return decision;
}

} // namespace GraphEmulator

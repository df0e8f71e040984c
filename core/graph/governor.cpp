#include "graph/governor.h"

#include "graph/retryafter.h"

#include <cmath>

namespace SyncBridge {
namespace {

// Room for one full $batch of writes (20 × 2 RU) and never less than 3 % of the window's budget.
qint64 burstFor(const GovernorSettings &settings)
{
    return qMin(settings.ruPerWindow, qMax<qint64>(40, settings.ruPerWindow * 3 / 100));
}

constexpr qint64 dayMs = 24 * 60 * 60 * 1000;

} // namespace

qint64 BudgetView::estimateMsForWrites(qint64 writes) const
{
    if (ruPerSecond <= 0)
        return -1;
    return qint64(std::ceil(writes * 2 / ruPerSecond * 1000.0)) + pausedForMs;
}

Governor::Governor(GovernorSettings settings, const Clock &clock)
    : m_settings(settings)
    , m_clock(clock)
    , m_burst(burstFor(settings))
    , m_refillPerMs(double(settings.ruPerWindow - burstFor(settings)) / double(settings.windowMs))
    , m_tokens(double(m_burst))
    , m_lastRefill(clock.nowUtc().toMSecsSinceEpoch())
    , m_concurrency(settings.initialConcurrency)
    , m_windowStart(m_lastRefill)
    , m_dayStart(m_lastRefill)
{
}

void Governor::refill(qint64 now)
{
    if (now > m_lastRefill) {
        m_tokens = qMin(double(m_burst), m_tokens + double(now - m_lastRefill) * m_refillPerMs);
        m_lastRefill = now;
    }
    if (now - m_windowStart >= m_settings.windowMs) {
        m_windowStart = now;
        m_spentInWindow = 0;
    }
    if (now - m_dayStart >= dayMs) {
        m_dayStart = now;
        m_spentToday = 0;
        m_dailyBudgetRefused = false;
    }
}

qint64 Governor::tryAcquire(qint64 cost)
{
    const QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.nowUtc().toMSecsSinceEpoch();
    refill(now);
    if (now < m_pausedUntil)
        return m_pausedUntil - now;
    if (m_inFlight >= m_concurrency)
        return 5;   // a slot frees when an answer arrives; look again shortly
    if (m_spentToday + cost > m_settings.ruPerDay) {
        m_dailyBudgetRefused = true;
        return m_dayStart + dayMs - now;
    }
    const double needed = double(qMin(cost, m_burst));
    if (m_tokens < needed)
        return qMax<qint64>(1, qint64(std::ceil((needed - m_tokens) / m_refillPerMs)));
    m_tokens -= double(cost);   // a cost above the burst (rare) borrows from the future
    m_spentInWindow += cost;
    m_spentToday += cost;
    ++m_inFlight;
    return 0;
}

void Governor::release(int status, const QByteArray &retryAfter, const QByteArray &rateLimitRemaining, const QByteArray &rateLimitReset)
{
    const QMutexLocker lock(&m_mutex);
    const QDateTime nowTime = m_clock.nowUtc();
    const qint64 now = nowTime.toMSecsSinceEpoch();
    m_inFlight = qMax(0, m_inFlight - 1);
    if (status == 429 || status == 503) {
        m_concurrency = qMax(1, m_concurrency / 2);
        m_successStreak = 0;
        m_tokens = 0;
        const qint64 wait = requestedWaitMs(retryAfter, rateLimitReset, nowTime).value_or(3000);
        m_pausedUntil = qMax(m_pausedUntil, now + wait);
        return;
    }
    // The service's own count wins when it says we have less than we think.
    const RateLimitHeaders rateLimit = parseRateLimit({}, rateLimitRemaining, rateLimitReset);
    if (rateLimit.remaining)
        m_tokens = qMin(m_tokens, double(*rateLimit.remaining));
    if (++m_successStreak >= m_concurrency * 4 && m_concurrency < m_settings.maxConcurrency) {
        ++m_concurrency;
        m_successStreak = 0;
    }
}

void Governor::releaseWithoutAnswer()
{
    const QMutexLocker lock(&m_mutex);
    m_inFlight = qMax(0, m_inFlight - 1);
    m_concurrency = qMax(1, m_concurrency - 1);
    m_successStreak = 0;
}

BudgetView Governor::view() const
{
    const QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.nowUtc().toMSecsSinceEpoch();
    BudgetView view;
    view.spentInWindow = m_spentInWindow;
    view.spentToday = m_spentToday;
    view.remainingInWindow = qMax<qint64>(0, m_settings.ruPerWindow - m_spentInWindow);
    view.pausedForMs = qMax<qint64>(0, m_pausedUntil - now);
    view.concurrency = m_concurrency;
    view.ruPerSecond = m_refillPerMs * 1000.0;
    if (m_dailyBudgetRefused)
        view.dailyRenewsInMs = qMax<qint64>(0, m_dayStart + dayMs - now);
    return view;
}

} // namespace SyncBridge

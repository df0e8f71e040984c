#include "graph/governor.h"

#include "common/logging.h"
#include "graph/ledgerthread.h"
#include "graph/retryafter.h"

#include <QRandomGenerator>

#include <cmath>
#include <utility>

namespace SyncBridge {
namespace {

// One full $batch of writes (20 × 2 RU): the most the governor ever sends ahead of its steady rate,
// at the start of a run too — a bigger bucket is what overran a short server window before.
constexpr qint64 batchRu = 40;

// The bucket: a batch, but never more than an eighth of the minute's budget — the rest refills over
// the minute. A budget of a batch or less would otherwise sit in the bucket and never refill.
qint64 burstFor(qint64 limit)
{
    return qMax<qint64>(1, qMin(limit / 8, batchRu));
}
constexpr qint64 dayMs = 24 * 60 * 60 * 1000;
constexpr double minRateShare = 0.05;
constexpr double backOff = 0.7;               // rate share kept after a throttle nothing explained
constexpr double fastRampPerWindow = 0.25;    // back to 90 % of the share that was throttled …
constexpr double slowRampPerWindow = 0.03;    // … then carefully past it
constexpr qint64 waitWithoutHeadersMs = 3000; // contract §10.4: 3 s × 2ⁿ without Retry-After, capped
constexpr qint64 longestWaitWithoutHeadersMs = 180000;

// A lease is a couple of batches: few round trips to the store, little stranded when a process ends.
constexpr qint64 leaseRu = 2 * batchRu;
// An unspent lease goes back after this: the shared minute it was counted in moves on.
constexpr qint64 leaseLifeMs = BudgetLedger::leaseLifeMs;
constexpr qint64 ledgerOutageMs = 60000;
// While a lease is asked on the ledger's thread (a store round trip of a few ms) callers look again after this.
constexpr qint64 leasePollMs = 5;

qint64 startOfUtcDay(qint64 msSinceEpoch)
{
    return msSinceEpoch - msSinceEpoch % dayMs;
}

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
    , m_limit(settings.ruPerWindow)
    , m_tokens(double(burstFor(settings.ruPerWindow)))
    , m_lastRefill(clock.nowUtc().toMSecsSinceEpoch())
    , m_concurrency(settings.initialConcurrency)
    , m_windowStart(m_lastRefill - m_lastRefill % qMax<qint64>(1, settings.windowMs))
    , m_dayStart(startOfUtcDay(m_lastRefill))
{
}

Governor::~Governor()
{
    if (m_ledger)
        m_ledger->drain();
}

qint64 Governor::burst() const
{
    const QMutexLocker lock(&m_mutex);
    return burstFor(m_limit);
}

double Governor::refillPerMs() const
{
    return m_rateShare * double(qMax<qint64>(1, m_limit - burstFor(m_limit))) / double(m_settings.windowMs);
}

void Governor::refill(qint64 now)
{
    if (now > m_lastRefill) {
        const qint64 elapsed = now - m_lastRefill;
        m_tokens = qMin(double(burstFor(m_limit)), m_tokens + double(elapsed) * refillPerMs());
        if (!m_probing && m_rateShare < 1) {
            const double ramp = m_rateShare < 0.9 * m_stormShare ? fastRampPerWindow : slowRampPerWindow;
            m_rateShare = qMin(1.0, m_rateShare + ramp * double(elapsed) / double(m_settings.windowMs));
        }
        m_lastRefill = now;
    }
    if (now - m_windowStart >= m_settings.windowMs) {
        m_windowStart = now - now % qMax<qint64>(1, m_settings.windowMs);
        m_spentInWindow = 0;
    }
    if (now - m_dayStart >= dayMs) {
        m_dayStart = startOfUtcDay(now);
        m_spentToday = 0;
        m_dailyBudgetRefused = false;
    }
    if (m_serverRemaining && now >= m_serverResetAt)
        m_serverRemaining.reset();
}

qint64 Governor::tryAcquire(qint64 cost)
{
    const QMutexLocker lock(&m_mutex);
    const qint64 now = m_clock.nowUtc().toMSecsSinceEpoch();
    refill(now);
    if (now < m_pausedUntil)
        return m_pausedUntil - now;
    if (m_probing && m_probeInFlight)
        return 5; // the probe's answer decides; look again shortly
    if (m_inFlight >= m_concurrency)
        return 5;   // a slot frees when an answer arrives; look again shortly
    if (m_spentToday + cost > m_settings.ruPerDay) {
        m_dailyBudgetRefused = true;
        return m_dayStart + dayMs - now;
    }
    if (m_serverRemaining && *m_serverRemaining < cost)
        return qMax<qint64>(1, m_serverResetAt - now); // the service's own count: nothing left until its reset
    const double needed = double(qMin(cost, burstFor(m_limit)));
    if (m_tokens < needed) {
        const double rate = refillPerMs();
        return rate > 0 ? qMax<qint64>(1, qint64(std::ceil((needed - m_tokens) / rate))) : 1000;
    }
    if (m_ledger && now >= m_ledgerDownUntil) {
        if (m_leaseLeft > 0 && now - m_leaseAt > leaseLifeMs) {
            m_unusedLease += m_leaseLeft;
            m_leaseLeft = 0;
        }
        if (m_leaseLeft < cost) {
            if (now < m_ledgerRetryAt)
                return m_ledgerRetryAt - now;
            if (!m_leasing)
                askForLease(cost);
            return leasePollMs;
        }
        m_leaseLeft -= cost;
        m_unsettledSpent += cost;
    }
    m_tokens -= double(cost);   // a cost above the burst (rare) borrows from the future
    m_spentInWindow += cost;
    m_spentToday += cost;
    if (m_serverRemaining)
        *m_serverRemaining -= cost;
    ++m_inFlight;
    if (m_probing)
        m_probeInFlight = true;
    return 0;
}

qint64 Governor::holdMs() const
{
    const QMutexLocker lock(&m_mutex);
    return qMax<qint64>(0, m_pausedUntil - m_clock.nowUtc().toMSecsSinceEpoch());
}

BudgetLeaseRequest Governor::ledgerRequest(const QDateTime &nowTime) const
{
    BudgetLeaseRequest request;
    request.connectionId = m_connectionId;
    request.now = nowTime;
    // The store counts real minutes; a time-scaled window (emulator tests) is converted.
    request.ruPerMinute = m_limit * 60000 / qMax<qint64>(1, m_settings.windowMs);
    request.ruPerDay = m_settings.ruPerDay;
    return request;
}

void Governor::askForLease(qint64 cost)
{
    BudgetLeaseRequest request = ledgerRequest({});
    request.wanted = qMax(cost, leaseRu) - m_leaseLeft;
    request.spent = std::exchange(m_unsettledSpent, 0);
    request.unused = std::exchange(m_unusedLease, 0);
    m_leasing = true;
    m_ledger->post([this, request, cost](BudgetLedger &ledger) mutable {
        // Stamped when the store is asked: time spent waiting for the ledger's thread is not counted.
        request.now = m_clock.nowUtc();
        const Result<BudgetLease> lease = ledger.lease(request);
        leased(request, cost, lease);
    });
}

void Governor::leased(const BudgetLeaseRequest &request, qint64 cost, const Result<BudgetLease> &lease)
{
    // On the ledger's thread, while the callers look again every few milliseconds.
    const QMutexLocker lock(&m_mutex);
    const qint64 askedAt = request.now.toMSecsSinceEpoch();
    const qint64 arrivedAt = m_clock.nowUtc().toMSecsSinceEpoch();
    m_leasing = false;
    if (!lease) {
        qCWarning(lcGraph).noquote() << "the shared RU budget could not be read; admitting on this process's own count for a minute:"
                                     << lease.error().toString();
        m_unsettledSpent += request.spent;
        m_unusedLease += request.unused;
        m_ledgerDownUntil = arrivedAt + ledgerOutageMs;
        return;
    }
    m_leaseAt = arrivedAt; // its life starts when it can be spent: a store slower than that life never starves a run
    m_leaseLeft += lease->granted;
    if (m_leaseLeft < cost) {
        m_ledgerRetryAt = askedAt + qMax<qint64>(100, lease->retryInMs);
        // Other processes spent the day: the same long wait as this process spending it itself.
        if (lease->full == BudgetLease::Full::Day)
            m_sharedDayRenewsAt = m_ledgerRetryAt;
    }
}

void Governor::shareBudget(std::shared_ptr<LedgerThread> ledger, qint64 connectionId)
{
    const QMutexLocker lock(&m_mutex);
    m_ledger = std::move(ledger);
    m_connectionId = connectionId;
}

void Governor::settle()
{
    std::shared_ptr<LedgerThread> ledger;
    {
        const QMutexLocker lock(&m_mutex);
        ledger = m_ledger;
    }
    if (!ledger)
        return;
    // Built on the ledger's thread, after a lease still being asked has come back and been counted.
    ledger->post([this, now = m_clock.nowUtc()](BudgetLedger &budget) {
        QMutexLocker lock(&m_mutex);
        if (m_unsettledSpent == 0 && m_leaseLeft == 0 && m_unusedLease == 0)
            return;
        BudgetLeaseRequest request = ledgerRequest(now);
        request.spent = std::exchange(m_unsettledSpent, 0);
        request.unused = std::exchange(m_unusedLease, 0) + std::exchange(m_leaseLeft, 0);
        lock.unlock();
        if (const Result<BudgetLease> settled = budget.lease(request); !settled)
            qCWarning(lcGraph).noquote() << "the RU spent could not be recorded in the shared budget:" << settled.error().toString();
    });
    ledger->drain();
}

void Governor::giveBack(qint64 cost)
{
    const QMutexLocker lock(&m_mutex);
    if (m_ledger) {
        m_leaseLeft += cost;
        m_unsettledSpent -= cost;
    }
    m_inFlight = qMax(0, m_inFlight - 1);
    m_probeInFlight = false;
    m_tokens = qMin(double(burstFor(m_limit)), m_tokens + double(cost));
    m_spentInWindow = qMax<qint64>(0, m_spentInWindow - cost);
    m_spentToday = qMax<qint64>(0, m_spentToday - cost);
    if (m_serverRemaining)
        *m_serverRemaining += cost;
}

qint64 Governor::jitterFor(qint64 waitMs) const
{
    const qint64 most = qMin(m_settings.maxJitterMs, waitMs / 10);
    return most > 0 ? qint64(QRandomGenerator::global()->bounded(quint32(most + 1))) : 0;
}

void Governor::throttled(qint64 now, const QDateTime &nowTime, int status, const ThrottleHeaders &headers)
{
    // The answers of requests already in flight belong to the same storm: one storm, one back-off.
    const bool newStorm = !m_probing;
    bool explained = false;
    const RateLimitHeaders rateLimit = parseRateLimit(headers.rateLimitLimit, {}, {});
    if (m_settings.learnLimit && rateLimit.limit && *rateLimit.limit > 0 && *rateLimit.limit < m_limit) {
        m_limit = *rateLimit.limit; // the service's budget for this app: admit against it from now on
        explained = true;
    }
    if (newStorm) {
        ++m_storms;
        ++m_consecutiveStorms;
        m_concurrencyBeforeStorm = m_concurrency;
        if (!explained) {
            m_stormShare = m_rateShare;
            m_rateShare = qMax(minRateShare, m_rateShare * backOff);
        }
    }
    const qint64 fallback = qMin(longestWaitWithoutHeadersMs, waitWithoutHeadersMs << qMin(m_consecutiveStorms - 1, 6));
    const qint64 wait = requestedWaitMs(headers.retryAfter, headers.rateLimitReset, nowTime).value_or(fallback);
    const qint64 until = now + wait + jitterFor(wait);
    if (until >= m_pausedUntil)
        m_pauseStatus = status;
    m_pausedUntil = qMax(m_pausedUntil, until);
    m_probing = true;
    m_probeInFlight = false;
    m_concurrency = 1;
    m_successStreak = 0;
    m_tokens = 0;
    m_serverRemaining.reset();
}

void Governor::succeeded(qint64 now, const ThrottleHeaders &headers)
{
    // A success answered after the pause is the probe's: the throttle has lifted. One answered
    // during the pause was sent before it and proves nothing.
    if (m_probing && now >= m_pausedUntil) {
        m_probing = false;
        m_consecutiveStorms = 0;
        m_concurrency = 1;
        m_successStreak = 0;
    } else if (m_probing) {
        return;
    }
    // The service's own count wins when it says we have less than we think.
    const RateLimitHeaders rateLimit = parseRateLimit(headers.rateLimitLimit, headers.rateLimitRemaining, headers.rateLimitReset);
    if (m_settings.learnLimit && rateLimit.limit && *rateLimit.limit > 0 && *rateLimit.limit < m_limit)
        m_limit = *rateLimit.limit;
    if (rateLimit.remaining) {
        m_tokens = qMin(m_tokens, double(*rateLimit.remaining));
        if (rateLimit.resetMs) {
            m_serverRemaining = *rateLimit.remaining;
            m_serverResetAt = now + *rateLimit.resetMs;
        }
    }
    // Ramp up: one more slot per success up to half the concurrency before the storm (a slow
    // start), then one more after a run of successes.
    const int threshold = qMax(1, m_concurrencyBeforeStorm / 2);
    if (m_concurrency < threshold) {
        ++m_concurrency;
    } else if (++m_successStreak >= m_concurrency * 4 && m_concurrency < m_settings.maxConcurrency) {
        ++m_concurrency;
        m_successStreak = 0;
    }
}

void Governor::release(int status, const ThrottleHeaders &headers, qint64 refundRu)
{
    const QMutexLocker lock(&m_mutex);
    const QDateTime nowTime = m_clock.nowUtc();
    const qint64 now = nowTime.toMSecsSinceEpoch();
    m_inFlight = qMax(0, m_inFlight - 1);
    m_probeInFlight = false;
    if (refundRu > 0) { // not charged by the service: not spent
        m_spentInWindow = qMax<qint64>(0, m_spentInWindow - refundRu);
        m_spentToday = qMax<qint64>(0, m_spentToday - refundRu);
        if (m_ledger) {
            m_unsettledSpent -= refundRu;
            m_leaseLeft += refundRu;
        }
    }
    if (status == 429 || status == 503)
        throttled(now, nowTime, status, headers);
    else
        succeeded(now, headers);
}

void Governor::releaseWithoutAnswer()
{
    const QMutexLocker lock(&m_mutex);
    m_inFlight = qMax(0, m_inFlight - 1);
    m_probeInFlight = false;
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
    view.remainingInWindow = qMax<qint64>(0, m_limit - m_spentInWindow);
    view.pausedForMs = qMax<qint64>(0, m_pausedUntil - now);
    view.pauseStatus = view.pausedForMs > 0 ? m_pauseStatus : 0;
    view.concurrency = m_concurrency;
    view.ruPerSecond = refillPerMs() * 1000.0;
    view.ruPerWindow = m_limit;
    view.rateShare = m_rateShare;
    view.storms = m_storms;
    if (m_dailyBudgetRefused)
        view.dailyRenewsInMs = qMax<qint64>(0, m_dayStart + dayMs - now);
    view.dailyRenewsInMs = qMax(view.dailyRenewsInMs, m_sharedDayRenewsAt - now);
    return view;
}

} // namespace SyncBridge

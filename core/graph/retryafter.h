#pragma once

#include <QByteArray>
#include <QDateTime>

#include <optional>

namespace SyncBridge {

// How long a throttled or overloaded service asks us to wait, in milliseconds.
// Retry-After comes as whole seconds ("10"), fractional seconds ("2.128") or an HTTP date;
// RateLimit-Reset as seconds. Values are rounded up; unparseable values give nullopt.
std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now);

struct RateLimitHeaders {
    std::optional<qint64> limit;
    std::optional<qint64> remaining;
    std::optional<qint64> resetMs;
};
RateLimitHeaders parseRateLimit(const QByteArray &limit, const QByteArray &remaining, const QByteArray &reset);

// The wait a response asks for: the greater of Retry-After and RateLimit-Reset (contract §10.2).
std::optional<qint64> requestedWaitMs(const QByteArray &retryAfter, const QByteArray &rateLimitReset, const QDateTime &now);

} // namespace SyncBridge

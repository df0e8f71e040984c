#include "graph/retryafter.h"

#include <QLocale>

#include <cmath>

namespace SyncBridge {

std::optional<qint64> parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray text = value.trimmed();
    if (text.isEmpty())
        return std::nullopt;
    bool numeric = false;
    const double seconds = text.toDouble(&numeric);
    if (numeric) {
        if (seconds < 0 || !std::isfinite(seconds))
            return std::nullopt;
        return qint64(std::ceil(seconds * 1000.0));
    }
    // HTTP-date (RFC 7231), e.g. "Sun, 22 Nov 2026 01:23:45 GMT"
    QString dateText = QString::fromLatin1(text);
    dateText.remove(QLatin1String(" GMT"));
    const QDateTime when = QLocale::c().toDateTime(dateText, QStringLiteral("ddd, dd MMM yyyy hh:mm:ss"));
    if (!when.isValid())
        return std::nullopt;
    QDateTime utc = when;
    utc.setTimeSpec(Qt::UTC);
    return qMax<qint64>(0, now.msecsTo(utc));
}

RateLimitHeaders parseRateLimit(const QByteArray &limit, const QByteArray &remaining, const QByteArray &reset)
{
    const auto number = [](const QByteArray &text) -> std::optional<qint64> {
        bool ok = false;
        const double value = text.trimmed().toDouble(&ok);
        return ok && value >= 0 ? std::optional<qint64>(qint64(std::ceil(value))) : std::nullopt;
    };
    RateLimitHeaders headers;
    headers.limit = number(limit);
    headers.remaining = number(remaining);
    if (const auto seconds = number(reset))
        headers.resetMs = *seconds * 1000;
    return headers;
}

std::optional<qint64> requestedWaitMs(const QByteArray &retryAfter, const QByteArray &rateLimitReset, const QDateTime &now)
{
    const std::optional<qint64> fromRetryAfter = parseRetryAfter(retryAfter, now);
    const std::optional<qint64> fromReset = parseRateLimit({}, {}, rateLimitReset).resetMs;
    if (!fromRetryAfter && !fromReset)
        return std::nullopt;
    return qMax(fromRetryAfter.value_or(0), fromReset.value_or(0));
}

} // namespace SyncBridge

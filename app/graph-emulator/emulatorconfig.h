#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace GraphEmulator {

// Dev Proxy-style random failures (GraphRandomErrorPlugin) and SharePoint-specific faults.
struct FaultConfig {
    double errorRate = 0;                       // share of operations (requests or batch items) that fail
    QList<int> errorStatuses{429, 500, 502, 503, 504, 507};
    QStringList errorMethods;                   // only operations with these methods fail ("DELETE"…); empty: all
    int retryAfterSeconds = 5;                  // on injected 429s
    bool workloadThrottleAfter429 = false;      // after an injected 429, the whole workload answers 429
    double dropRate = 0;                        // connections closed without a response
    double slowBodyRate = 0;                    // responses written slowly
    int slowBodyBytesPerSecond = 2000;
    double etagConflictRate = 0;                // PATCH/DELETE answered 412 although If-Match matched
    QString batchEnvelope = QStringLiteral("200");  // "200", or "424" when any item was throttled
    bool shuffleBatchResponses = true;
};

struct LatencyConfig {
    int fixedMs = 0;
    int randomMinMs = 0;
    int randomMaxMs = 0;                        // uniform in [min, max) when max > min
};

// SharePoint's resource-unit model (contract §10.2), per app per tenant.
struct ThrottleConfig {
    bool enabled = true;
    int ruPerMinute = 1250;
    qint64 ruPerDay = 1200000;
    bool blocked = false;                       // "blocked" app: every request gets 503
    int throttleStatus = 429;                   // 503 models SharePoint's load-shedding answer
    bool fractionalRetryAfter = false;          // "2.128" instead of "3"
    int earlyRetryPenaltyMs = 1000;             // added (in emulated time) to each retry that comes too early
    bool rateLimitHeaders = true;               // false: 429s carry Retry-After alone, as for limits the headers don't describe
};

struct EmulatorConfig {
    quint32 seed = 1;                           // random faults are reproducible
    double timeScale = 1;                       // 10 = a 60 s throttling window lasts 6 s
    int tokenLifetimeSeconds = 3599;
    int listViewThreshold = 5000;
    int deltaTokenMaxAgeSeconds = 7 * 24 * 3600;
    bool strictRequired = false;                // enforce required columns on create
    FaultConfig faults;
    LatencyConfig latency;
    ThrottleConfig throttling;

    QJsonObject toJson() const;
    // Applies the members present in json; unknown members are errors (typos must not pass silently).
    QString applyJson(const QJsonObject &json);
};

} // namespace GraphEmulator

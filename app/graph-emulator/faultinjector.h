#pragma once

#include "emulatorconfig.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QMap>

#include <random>

namespace GraphEmulator {

// Reproducible randomness for faults (seeded), and the workload-wide throttle after a 429.
class FaultInjector
{
public:
    explicit FaultInjector(const EmulatorConfig &config);

    void reseed();
    bool roll(double rate);
    int pickIndex(int count);
    // A status from the configured error set that this method can get (GET never gets 507).
    int errorStatus(const QByteArray &method);
    int latencyMs();

    // The request `serial` was answered 429: the whole workload waits `seconds`.
    void throttleWorkload(const QString &workload, int seconds, qint64 serial);
    // Seconds the workload still waits (0 = not throttled). A request other than the one that was
    // refused last, arriving before the wait is over, came back early: it is counted and pushes the
    // wait out by the early-retry penalty (Dev Proxy's RetryAfterPlugin).
    int workloadThrottledSeconds(const QString &workload, qint64 serial);
    qint64 earlyRequests() const { return m_earlyRequests; }
    void resetCounters() { m_earlyRequests = 0; }

private:
    const EmulatorConfig &m_config;
    std::mt19937 m_random;
    QElapsedTimer m_clock;
    QHash<QString, qint64> m_workloadUntil;
    QHash<QString, qint64> m_workloadSerial;
    qint64 m_earlyRequests = 0;
};

// What the emulator counts, for GET /_emulator/stats.
struct Stats {
    QMap<QString, qint64> requestsByKind;
    QMap<QString, qint64> responsesByStatus;
    QMap<QString, qint64> userAgents;           // Graph calls by User-Agent (SharePoint prioritises decorated traffic)
    qint64 injectedFailures = 0;
    qint64 dropped = 0;
    qint64 delayed = 0;

    void reset() { *this = Stats{}; }
    QJsonObject toJson() const;
};

} // namespace GraphEmulator

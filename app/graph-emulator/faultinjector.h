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

    void throttleWorkload(const QString &workload, int seconds);
    int workloadThrottledSeconds(const QString &workload) const;   // 0 = not throttled

private:
    const EmulatorConfig &m_config;
    std::mt19937 m_random;
    QElapsedTimer m_clock;
    QHash<QString, qint64> m_workloadUntil;
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

#include "faultinjector.h"

#include <QList>

namespace GraphEmulator {

FaultInjector::FaultInjector(const EmulatorConfig &config)
    : m_config(config)
    , m_random(config.seed)
{
    m_clock.start();
}

void FaultInjector::reseed()
{
    m_random.seed(m_config.seed);
    m_workloadUntil.clear();
    m_workloadSerial.clear();
    m_earlyRequests = 0;
}

bool FaultInjector::roll(double rate)
{
    if (rate <= 0)
        return false;
    return std::uniform_real_distribution<double>(0, 1)(m_random) < rate;
}

int FaultInjector::pickIndex(int count)
{
    return std::uniform_int_distribution<int>(0, qMax(0, count - 1))(m_random);
}

int FaultInjector::errorStatus(const QByteArray &method)
{
    QList<int> pool;
    for (int status : m_config.faults.errorStatuses) {
        if (status == 507 && (method == "GET" || method == "PATCH"))
            continue;   // Dev Proxy's per-method pools: 507 only for writes that add data
        pool << status;
    }
    return pool.isEmpty() ? 500 : pool.at(pickIndex(int(pool.size())));
}

int FaultInjector::latencyMs()
{
    const LatencyConfig &latency = m_config.latency;
    int delay = latency.fixedMs;
    if (latency.randomMaxMs > latency.randomMinMs)
        delay += std::uniform_int_distribution<int>(latency.randomMinMs, latency.randomMaxMs - 1)(m_random);
    return delay;
}

void FaultInjector::throttleWorkload(const QString &workload, int seconds, qint64 serial)
{
    m_workloadUntil.insert(workload, m_clock.elapsed() + qint64(seconds) * 1000);
    m_workloadSerial.insert(workload, serial);
}

int FaultInjector::workloadThrottledSeconds(const QString &workload, qint64 serial)
{
    const qint64 until = m_workloadUntil.value(workload);
    if (until - m_clock.elapsed() <= 0)
        return 0;
    if (m_workloadSerial.value(workload) != serial) {
        ++m_earlyRequests;
        m_workloadSerial.insert(workload, serial);
        m_workloadUntil.insert(workload, until + qint64(m_config.throttling.earlyRetryPenaltyMs / m_config.timeScale));
    }
    const qint64 remaining = m_workloadUntil.value(workload) - m_clock.elapsed();
    return int((remaining + 999) / 1000);
}

QJsonObject Stats::toJson() const
{
    QJsonObject kinds;
    for (auto it = requestsByKind.constBegin(); it != requestsByKind.constEnd(); ++it)
        kinds.insert(it.key(), double(it.value()));
    QJsonObject statuses;
    for (auto it = responsesByStatus.constBegin(); it != responsesByStatus.constEnd(); ++it)
        statuses.insert(it.key(), double(it.value()));
    QJsonObject agents;
    for (auto it = userAgents.constBegin(); it != userAgents.constEnd(); ++it)
        agents.insert(it.key(), double(it.value()));
    return QJsonObject{{QStringLiteral("requestsByKind"), kinds},
                       {QStringLiteral("userAgents"), agents},
                       {QStringLiteral("responsesByStatus"), statuses},
                       {QStringLiteral("injectedFailures"), double(injectedFailures)},
                       {QStringLiteral("dropped"), double(dropped)},
                       {QStringLiteral("delayed"), double(delayed)}};
}

} // namespace GraphEmulator

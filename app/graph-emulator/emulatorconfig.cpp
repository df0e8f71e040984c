#include "emulatorconfig.h"

#include <QJsonArray>
#include <QSet>

namespace GraphEmulator {
namespace {

// Reads known members of one JSON object into variables, remembering unknown ones.
class Members
{
public:
    Members(const QJsonObject &json, const QString &path, QStringList &problems) : m_json(json), m_path(path), m_problems(problems) {}
    ~Members()
    {
        for (auto it = m_json.constBegin(); it != m_json.constEnd(); ++it) {
            if (!m_known.contains(it.key()))
                m_problems << QStringLiteral("unknown setting %1%2").arg(m_path, it.key());
        }
    }

    template<typename T>
    void read(const char *key, T &target)
    {
        const QString name = QLatin1String(key);
        m_known.insert(name);
        const QJsonValue value = m_json.value(name);
        if (value.isUndefined())
            return;
        if constexpr (std::is_same_v<T, bool>) {
            if (!value.isBool())
                return fail(name, "true or false");
            target = value.toBool();
        } else if constexpr (std::is_same_v<T, QString>) {
            if (!value.isString())
                return fail(name, "a string");
            target = value.toString();
        } else if constexpr (std::is_same_v<T, QStringList>) {
            if (!value.isArray())
                return fail(name, "a list of strings");
            target.clear();
            for (const QJsonValue &item : value.toArray())
                target << item.toString();
        } else if constexpr (std::is_same_v<T, QList<int>>) {
            if (!value.isArray())
                return fail(name, "a list of numbers");
            target.clear();
            for (const QJsonValue &item : value.toArray())
                target << item.toInt();
        } else {
            if (!value.isDouble())
                return fail(name, "a number");
            target = static_cast<T>(value.toDouble());
        }
    }

    QJsonObject object(const char *key)
    {
        m_known.insert(QLatin1String(key));
        return m_json.value(QLatin1String(key)).toObject();
    }

private:
    void fail(const QString &name, const char *expected)
    {
        m_problems << QStringLiteral("%1%2 must be %3").arg(m_path, name, QLatin1String(expected));
    }

    const QJsonObject &m_json;
    QString m_path;
    QStringList &m_problems;
    QSet<QString> m_known;
};

QJsonArray intArray(const QList<int> &values)
{
    QJsonArray array;
    for (int value : values)
        array.append(value);
    return array;
}

} // namespace

QJsonObject EmulatorConfig::toJson() const
{
    return QJsonObject{
        {QStringLiteral("seed"), double(seed)},
        {QStringLiteral("timeScale"), timeScale},
        {QStringLiteral("tokenLifetimeSeconds"), tokenLifetimeSeconds},
        {QStringLiteral("listViewThreshold"), listViewThreshold},
        {QStringLiteral("deltaTokenMaxAgeSeconds"), deltaTokenMaxAgeSeconds},
        {QStringLiteral("strictRequired"), strictRequired},
        {QStringLiteral("faults"),
            QJsonObject{{QStringLiteral("errorRate"), faults.errorRate}, {QStringLiteral("errorStatuses"), intArray(faults.errorStatuses)},
                {QStringLiteral("errorMethods"), QJsonArray::fromStringList(faults.errorMethods)},
                {QStringLiteral("retryAfterSeconds"), faults.retryAfterSeconds},
                {QStringLiteral("workloadThrottleAfter429"), faults.workloadThrottleAfter429},
                {QStringLiteral("dropRate"), faults.dropRate}, {QStringLiteral("slowBodyRate"), faults.slowBodyRate},
                {QStringLiteral("slowBodyBytesPerSecond"), faults.slowBodyBytesPerSecond},
                {QStringLiteral("etagConflictRate"), faults.etagConflictRate}, {QStringLiteral("batchEnvelope"), faults.batchEnvelope},
                {QStringLiteral("shuffleBatchResponses"), faults.shuffleBatchResponses}}},
        {QStringLiteral("latency"),
            QJsonObject{{QStringLiteral("fixedMs"), latency.fixedMs}, {QStringLiteral("randomMinMs"), latency.randomMinMs},
                {QStringLiteral("randomMaxMs"), latency.randomMaxMs}}},
        {QStringLiteral("throttling"),
            QJsonObject{{QStringLiteral("enabled"), throttling.enabled}, {QStringLiteral("ruPerMinute"), throttling.ruPerMinute},
                {QStringLiteral("ruPerDay"), double(throttling.ruPerDay)}, {QStringLiteral("blocked"), throttling.blocked},
                {QStringLiteral("throttleStatus"), throttling.throttleStatus},
                {QStringLiteral("fractionalRetryAfter"), throttling.fractionalRetryAfter},
                {QStringLiteral("earlyRetryPenaltyMs"), throttling.earlyRetryPenaltyMs},
                {QStringLiteral("rateLimitHeaders"), throttling.rateLimitHeaders}}},
    };
}

QString EmulatorConfig::applyJson(const QJsonObject &json)
{
    EmulatorConfig next = *this;
    QStringList problems;
    {
        Members root(json, {}, problems);
        root.read("seed", next.seed);
        root.read("timeScale", next.timeScale);
        root.read("tokenLifetimeSeconds", next.tokenLifetimeSeconds);
        root.read("listViewThreshold", next.listViewThreshold);
        root.read("deltaTokenMaxAgeSeconds", next.deltaTokenMaxAgeSeconds);
        root.read("strictRequired", next.strictRequired);
        const QJsonObject faultsJson = root.object("faults");
        const QJsonObject latencyJson = root.object("latency");
        const QJsonObject throttlingJson = root.object("throttling");
        {
            Members f(faultsJson, QStringLiteral("faults."), problems);
            f.read("errorRate", next.faults.errorRate);
            f.read("errorStatuses", next.faults.errorStatuses);
            f.read("errorMethods", next.faults.errorMethods);
            f.read("retryAfterSeconds", next.faults.retryAfterSeconds);
            f.read("workloadThrottleAfter429", next.faults.workloadThrottleAfter429);
            f.read("dropRate", next.faults.dropRate);
            f.read("slowBodyRate", next.faults.slowBodyRate);
            f.read("slowBodyBytesPerSecond", next.faults.slowBodyBytesPerSecond);
            f.read("etagConflictRate", next.faults.etagConflictRate);
            f.read("batchEnvelope", next.faults.batchEnvelope);
            f.read("shuffleBatchResponses", next.faults.shuffleBatchResponses);
        }
        {
            Members l(latencyJson, QStringLiteral("latency."), problems);
            l.read("fixedMs", next.latency.fixedMs);
            l.read("randomMinMs", next.latency.randomMinMs);
            l.read("randomMaxMs", next.latency.randomMaxMs);
        }
        {
            Members t(throttlingJson, QStringLiteral("throttling."), problems);
            t.read("enabled", next.throttling.enabled);
            t.read("ruPerMinute", next.throttling.ruPerMinute);
            t.read("ruPerDay", next.throttling.ruPerDay);
            t.read("blocked", next.throttling.blocked);
            t.read("throttleStatus", next.throttling.throttleStatus);
            t.read("fractionalRetryAfter", next.throttling.fractionalRetryAfter);
            t.read("earlyRetryPenaltyMs", next.throttling.earlyRetryPenaltyMs);
            t.read("rateLimitHeaders", next.throttling.rateLimitHeaders);
        }
    }
    if (next.timeScale <= 0)
        problems << QStringLiteral("timeScale must be greater than 0");
    if (next.faults.batchEnvelope != QLatin1String("200") && next.faults.batchEnvelope != QLatin1String("424"))
        problems << QStringLiteral("faults.batchEnvelope must be \"200\" or \"424\"");
    for (const QString &method : next.faults.errorMethods) {
        if (!QStringList{
                QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PATCH"), QStringLiteral("PUT"), QStringLiteral("DELETE")}
                 .contains(method))
            problems << QStringLiteral("faults.errorMethods: '%1' is not GET, POST, PATCH, PUT or DELETE").arg(method);
    }
    if (next.throttling.throttleStatus != 429 && next.throttling.throttleStatus != 503)
        problems << QStringLiteral("throttling.throttleStatus must be 429 or 503");
    for (double rate : {next.faults.errorRate, next.faults.dropRate, next.faults.slowBodyRate, next.faults.etagConflictRate}) {
        if (rate < 0 || rate > 1)
            problems << QStringLiteral("fault rates must be between 0 and 1");
    }
    if (!problems.isEmpty())
        return problems.join(QStringLiteral("; "));
    *this = next;
    return {};
}

} // namespace GraphEmulator

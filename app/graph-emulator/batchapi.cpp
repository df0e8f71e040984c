// GraphApi: JSON batching (contract §9). Each item goes through the same gate as a top-level
// request, so throttling and faults hit items individually.
#include "emulatorconfig.h"
#include "faultinjector.h"
#include "graphapi.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <random>

namespace GraphEmulator {
namespace {

constexpr int maxBatchRequests = 20;

QJsonObject itemHeaders(const ApiResponse &response)
{
    QJsonObject headers{{QStringLiteral("Cache-Control"), QStringLiteral("no-cache")},
                        {QStringLiteral("OData-Version"), QStringLiteral("4.0")},
                        {QStringLiteral("Content-Type"),
                         response.status < 400 ? QStringLiteral("application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8")
                                               : QStringLiteral("application/json")}};
    for (const auto &[name, value] : response.headers)
        headers.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    return headers;
}

} // namespace

ApiResponse GraphApi::batch(const ApiRequest &request)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    const QJsonArray requests = document.object().value(QStringLiteral("requests")).toArray();
    if (!document.isObject() || !document.object().value(QStringLiteral("requests")).isArray())
        return graphError(400, QStringLiteral("invalidRequest"), QStringLiteral("Invalid batch payload format."));
    if (requests.size() > maxBatchRequests)   // EMULATOR DECISION (§9)
        return graphError(400, QStringLiteral("invalidRequest"), QStringLiteral("Number of requests inside batch exceeds the limit."));
    QSet<QString> ids;
    for (const QJsonValue &value : requests) {
        const QJsonObject item = value.toObject();
        const QString id = item.value(QStringLiteral("id")).toString();
        if (id.isEmpty() || item.value(QStringLiteral("method")).toString().isEmpty() || item.value(QStringLiteral("url")).toString().isEmpty())
            return graphError(400, QStringLiteral("invalidRequest"), QStringLiteral("Every batch request needs an id, a method and a url."));
        if (ids.contains(id.toLower()))
            return graphError(400, QStringLiteral("invalidRequest"), QStringLiteral("Batch request contains duplicate request id '%1'.").arg(id));
        if (item.contains(QStringLiteral("body")) && !item.value(QStringLiteral("headers")).toObject().contains(QStringLiteral("Content-Type"))
            && !item.value(QStringLiteral("headers")).toObject().contains(QStringLiteral("content-type")))
            return graphError(400, QStringLiteral("invalidRequest"), QStringLiteral("A batch request with a body needs a Content-Type header."));
        ids.insert(id.toLower());
    }

    QHash<QString, int> statusById;
    QJsonArray responses;
    bool anyThrottled = false;
    for (const QJsonValue &value : requests) {
        const QJsonObject item = value.toObject();
        const QString id = item.value(QStringLiteral("id")).toString();
        ApiResponse response;
        bool dependencyFailed = false;
        for (const QJsonValue &dependency : item.value(QStringLiteral("dependsOn")).toArray()) {
            const int status = statusById.value(dependency.toString().toLower(), 0);
            if (status == 0 || status >= 400)
                dependencyFailed = true;
        }
        if (dependencyFailed) {
            response = graphError(424, QStringLiteral("failedDependency"), QStringLiteral("Failed dependency."));
        } else {
            ApiRequest sub;
            sub.method = item.value(QStringLiteral("method")).toString().toUpper().toLatin1();
            const QString url = item.value(QStringLiteral("url")).toString();
            const int question = url.indexOf(QLatin1Char('?'));
            QString path = QUrl::fromPercentEncoding((question >= 0 ? url.left(question) : url).toUtf8());
            if (!path.startsWith(QLatin1Char('/')))
                path.prepend(QLatin1Char('/'));
            // Graph takes an item's url with the envelope's version in front too ("/v1.0/sites/…"):
            // Microsoft's JavaScript SDK sends absolute request URLs that way in Node.
            const QString version = request.baseUrl.mid(request.baseUrl.lastIndexOf(QLatin1Char('/')));
            if (path.startsWith(version + QLatin1Char('/')))
                path = path.mid(version.size());
            sub.path = path;
            sub.query = QUrlQuery(question >= 0 ? url.mid(question + 1) : QString());
            const QJsonObject headers = item.value(QStringLiteral("headers")).toObject();
            for (auto it = headers.constBegin(); it != headers.constEnd(); ++it)
                sub.headers.insert(it.key().toLower().toLatin1(), it.value().toString().toUtf8());
            const QJsonValue body = item.value(QStringLiteral("body"));
            if (body.isObject())
                sub.body = QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact);
            else if (body.isString())
                sub.body = QByteArray::fromBase64(body.toString().toLatin1());
            sub.baseUrl = request.baseUrl;
            sub.token = request.token;
            sub.serial = request.serial;
            response = sub.path == QLatin1String("/$batch")
                ? graphError(400, QStringLiteral("invalidRequest"), QStringLiteral("A batch cannot contain a batch."))
                : handle(sub);
        }
        statusById.insert(id.toLower(), response.status);
        anyThrottled = anyThrottled || response.status == 429;
        QJsonObject entry{{QStringLiteral("id"), id}, {QStringLiteral("status"), response.status}, {QStringLiteral("headers"), itemHeaders(response)}};
        if (!response.body.isUndefined())
            entry.insert(QStringLiteral("body"), response.body);
        responses.append(entry);
    }
    if (m_config.faults.shuffleBatchResponses) {   // "responses might appear in a different order"
        for (int i = int(responses.size()) - 1; i > 0; --i) {
            const int j = m_faults.pickIndex(i + 1);
            const QJsonValue swap = responses.at(i);
            responses[i] = responses.at(j);
            responses[j] = swap;
        }
    }
    const int envelope = (m_config.faults.batchEnvelope == QLatin1String("424") && anyThrottled) ? 424 : 200;
    return ApiResponse::json(envelope, QJsonObject{{QStringLiteral("responses"), responses}});
}

} // namespace GraphEmulator

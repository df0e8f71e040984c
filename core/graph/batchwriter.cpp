#include "graph/batchwriter.h"

#include "graph/graphclient.h"
#include "graph/retryafter.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QUrl>

namespace SyncBridge {
namespace {

QString encoded(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment, ","));
}

// Whether a failed create may still have made its item. Only a refusal of the content itself
// (400 invalid value, 403, 404 list, 413 …) is given the same way by every execution; a 429, a 5xx
// or a lost answer may stand for a request the network stack re-sent after an earlier execution
// went unanswered, so such a create is resolved by SyncBridgeKey before it is made again.
bool createMayHaveHappened(int status)
{
    const bool deterministicRefusal = status >= 400 && status < 500 && status != 408 && status != 409 && status != 412 && status != 423 && status != 429;
    return !deterministicRefusal;
}

} // namespace

struct BatchWriter::Job {
    QList<ItemOperation> operations;
    QList<ItemResult> results;
    QList<int> attempts;
    int outstanding = 0;    // batches in flight or waiting to be retried
    std::function<void(QList<ItemResult>)> done;
};

BatchWriter::BatchWriter(GraphClient &client, QString siteId, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_siteId(std::move(siteId))
{
}

void BatchWriter::write(QList<ItemOperation> operations, std::function<void(QList<ItemResult>)> done)
{
    auto job = std::make_shared<Job>();
    job->operations = std::move(operations);
    job->results.resize(job->operations.size());
    job->attempts.fill(0, job->operations.size());
    job->done = std::move(done);
    for (int i = 0; i < job->operations.size(); ++i) {
        job->results[i].tag = job->operations.at(i).tag;
        job->results[i].kind = job->operations.at(i).kind;
    }
    if (job->operations.isEmpty()) {
        job->done({});
        return;
    }
    for (int start = 0; start < job->operations.size(); start += maxBatchSize) {
        QList<int> indexes;
        for (int i = start; i < qMin(start + maxBatchSize, int(job->operations.size())); ++i)
            indexes << i;
        ++job->outstanding;
        sendBatch(job, indexes);
    }
}

void BatchWriter::sendBatch(std::shared_ptr<Job> job, QList<int> indexes)
{
    QJsonArray requests;
    bool hasCreate = false;
    int cost = 0;
    for (int index : std::as_const(indexes)) {
        const ItemOperation &op = job->operations.at(index);
        ++job->attempts[index];
        const QString items = QStringLiteral("/sites/%1/lists/%2/items").arg(encoded(m_siteId), encoded(op.listId));
        QJsonObject request{{QStringLiteral("id"), QString::number(index)}};
        QJsonObject headers{{QStringLiteral("Content-Type"), QStringLiteral("application/json")}};
        if (!op.ifMatch.isEmpty())
            headers.insert(QStringLiteral("If-Match"), op.ifMatch);
        switch (op.kind) {
        case ItemOperation::Kind::Create:
            hasCreate = true;
            request.insert(QStringLiteral("method"), QStringLiteral("POST"));
            request.insert(QStringLiteral("url"), items);
            request.insert(QStringLiteral("body"), QJsonObject{{QStringLiteral("fields"), op.fields}});
            cost += 2;
            break;
        case ItemOperation::Kind::Update:
            request.insert(QStringLiteral("method"), QStringLiteral("PATCH"));
            request.insert(QStringLiteral("url"), items + QStringLiteral("/%1/fields").arg(op.itemId));
            request.insert(QStringLiteral("body"), op.fields);
            cost += 2;
            break;
        case ItemOperation::Kind::Delete:
            request.insert(QStringLiteral("method"), QStringLiteral("DELETE"));
            request.insert(QStringLiteral("url"), items + QStringLiteral("/%1").arg(op.itemId));
            cost += 2;
            break;
        case ItemOperation::Kind::Read:
            request.insert(QStringLiteral("method"), QStringLiteral("GET"));
            request.insert(QStringLiteral("url"), items + QStringLiteral("/%1?$expand=fields").arg(op.itemId));
            cost += 1;
            break;
        }
        request.insert(QStringLiteral("headers"), headers);
        requests.append(request);
    }

    GraphRequest request;
    request.method = "POST";
    request.url = QStringLiteral("/$batch");
    request.body = QJsonObject{{QStringLiteral("requests"), requests}};
    request.cost = cost;               // batch items count individually (contract §10.2)
    request.idempotent = !hasCreate;   // a lost answer to creates must be resolved, not re-sent
    if (hasCreate) {
        // QNetworkAccessManager silently re-sends a request whose reused keep-alive connection closed
        // without an answer; for creates that makes twins. A fresh connection is never re-sent.
        request.headers.insert("Connection", "close");
    }
    m_client.send(request, [this, job, indexes](GraphResponse response) {
        const QJsonArray responses = response.body.value(QStringLiteral("responses")).toArray();
        if ((response.status == 200 || response.status == 424) && !responses.isEmpty()) {
            QList<int> retry;
            qint64 longestWait = 0;
            int longestStatus = 0; // the status of the item asking for the longest wait: what the run shows
            for (const QJsonValue &value : responses) {
                const QJsonObject item = value.toObject();
                const int index = item.value(QStringLiteral("id")).toString().toInt();
                if (!indexes.contains(index))
                    continue;
                const int status = item.value(QStringLiteral("status")).toInt();
                ItemResult &result = job->results[index];
                result.status = status;
                result.attempts = job->attempts.at(index);
                result.body = item.value(QStringLiteral("body")).toObject();
                result.errorClass = classifyGraphFailure(status, QNetworkReply::NoError);
                if (result.ok()) {
                    result.itemId = result.body.value(QStringLiteral("id")).toString(job->operations.at(index).itemId);
                    result.etag = result.body.value(QStringLiteral("eTag")).toString(result.body.value(QStringLiteral("@odata.etag")).toString());
                    result.error.clear();
                    result.maybeExecuted = false;
                    continue;
                }
                const QJsonObject error = result.body.value(QStringLiteral("error")).toObject();
                result.error = error.value(QStringLiteral("message")).toString();
                // 429/503: this request was not executed, retry it. Other 5xx: retry what is idempotent.
                const bool create = job->operations.at(index).kind == ItemOperation::Kind::Create;
                const bool notExecuted = status == 429 || status == 503;
                result.maybeExecuted = create && createMayHaveHappened(status);
                const bool retryable = notExecuted || (result.errorClass == GraphErrorClass::Transient && !create);
                if (retryable && job->attempts.at(index) < maxItemAttempts) {
                    const QJsonObject headers = item.value(QStringLiteral("headers")).toObject();
                    const auto wait = parseRetryAfter(headers.value(QStringLiteral("Retry-After")).toString().toLatin1(), QDateTime::currentDateTimeUtc());
                    const qint64 itemWait = wait.value_or(qint64(retryBaseDelayMs) << qMin(job->attempts.at(index) - 1, 6));
                    if (itemWait >= longestWait) {
                        longestWait = itemWait;
                        longestStatus = status;
                    }
                    retry << index;
                }
            }
            if (!retry.isEmpty()) {
                // Contract §9: retry the throttled items in a new batch after the longest Retry-After.
                ++job->outstanding;
                const qint64 waitMs = qMin<qint64>(longestWait, 120000);
                const ServiceWait::Reason reason = longestStatus == 503 ? ServiceWait::Reason::ServiceUnavailable
                    : longestStatus == 429                              ? ServiceWait::Reason::Throttled
                                                                        : ServiceWait::Reason::ServerError;
                m_client.after(waitMs, [this, job, retry]() { sendBatch(job, retry); },
                    {reason, longestStatus, QDateTime::currentDateTimeUtc().addMSecs(waitMs)});
            }
        } else {
            // The whole batch failed: nothing is known about creates, everything else can be retried.
            const GraphErrorClass errorClass = classifyGraphFailure(response.status, response.networkError);
            const QString message = describeGraphFailure(response, QCoreApplication::translate("SyncBridge::Graph", "a batch of %n item(s)", nullptr,
                                                                                                 int(indexes.size())))
                                        .message();
            // Cancelled: never sent, or its answer abandoned after the grace (a create may then have happened).
            const bool cancelled = m_client.isCancelled() && response.status == 0;
            for (int index : std::as_const(indexes)) {
                ItemResult &result = job->results[index];
                result.cancelled = cancelled;
                result.status = response.status;
                result.errorClass = errorClass;
                result.error = message;
                result.attempts = job->attempts.at(index);
                result.maybeExecuted = job->operations.at(index).kind == ItemOperation::Kind::Create
                    && !GraphClient::isCancellation(response) && createMayHaveHappened(response.status);
            }
        }
        finishWhenDone(job);
    });
}

void BatchWriter::finishWhenDone(std::shared_ptr<Job> job)
{
    if (--job->outstanding == 0)
        job->done(job->results);
}

} // namespace SyncBridge

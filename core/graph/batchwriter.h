#pragma once

#include "graph/graphresponse.h"

#include <QJsonObject>
#include <QObject>

#include <functional>

namespace SyncBridge {

class GraphClient;

struct ItemOperation {
    enum class Kind { Create, Update, Delete, Read };
    Kind kind = Kind::Create;
    QString listId;
    QString itemId;             // Update, Delete, Read
    QJsonObject fields;         // Create, Update: an already serialized fields body
    QString ifMatch;            // optional eTag for Update/Delete
    QString tag;                // the caller's correlation key (e.g. the row's identity hash)
};

struct ItemResult {
    QString tag;
    ItemOperation::Kind kind = ItemOperation::Kind::Create;
    int status = 0;
    GraphErrorClass errorClass = GraphErrorClass::None;
    QString itemId;
    QString etag;
    QJsonObject body;           // the item (create/update) or the error body
    QString error;              // a message a person can act on
    bool maybeExecuted = false; // a create whose failure does not prove it was never made: resolve by SyncBridgeKey
    bool cancelled = false;     // not done because the client was cancelled (never sent, or its answer abandoned)
    int attempts = 0;

    bool ok() const { return status >= 200 && status < 300; }
};

// Writes items through JSON batches of at most 20 operations (contract §9): correlates answers by
// id in any order, accepts 200 and 424 envelopes, retries per-item 429/503 in a later batch after
// the longest Retry-After, and reports every operation's outcome. Several batches are in flight at
// once; the governor bounds them.
class BatchWriter : public QObject
{
    Q_OBJECT

public:
    BatchWriter(GraphClient &client, QString siteId, QObject *parent = nullptr);

    void write(QList<ItemOperation> operations, std::function<void(QList<ItemResult>)> done);

    static constexpr int maxBatchSize = 20;
    int maxItemAttempts = 6;
    int retryBaseDelayMs = 1000;    // backoff for items failing without Retry-After: base × 2^(attempt−1)

private:
    struct Job;
    void sendBatch(std::shared_ptr<Job> job, QList<int> indexes);
    void finishWhenDone(std::shared_ptr<Job> job);

    GraphClient &m_client;
    QString m_siteId;
};

} // namespace SyncBridge

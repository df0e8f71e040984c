#pragma once

#include "common/clock.h"
#include "graph/graphendpoint.h"
#include "graph/graphresponse.h"
#include "graph/tokenprovider.h"

#include <QJsonObject>
#include <QObject>

#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace SyncBridge {

class Governor;

// One Graph call as a value.
struct GraphRequest {
    QByteArray method = "GET";
    QString url;                        // absolute (nextLinks, deltaLinks) or relative to the Graph base ("/sites/…")
    QJsonObject body;                   // sent as JSON when not empty (or when method is POST/PATCH)
    QHash<QByteArray, QByteArray> headers;
    int cost = 1;                       // resource units (contract §10.2)
    bool idempotent = true;             // false: a 5xx/timeout may have executed it, so it is not retried
    int timeoutMs = 60000;
    int maxAttempts = 6;
};

// Sends Graph calls with a token, through the tenant's governor, with retries for transient
// failures (Retry-After honoured by the governor, exponential backoff otherwise), one token refresh
// on 401, TLS always (http only to loopback), client-request-id and the ISV User-Agent.
// Lives on one thread and owns that thread's QNetworkAccessManager; callbacks run on that thread.
class GraphClient : public QObject
{
    Q_OBJECT

public:
    GraphClient(GraphEndpoint endpoint, SecretSource secret, std::shared_ptr<Governor> governor,
                const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~GraphClient() override;

    void send(GraphRequest request, std::function<void(GraphResponse)> done);
    // GET a collection and follow @odata.nextLink verbatim to the end; every page's "value" items.
    void getAll(const QString &url, std::function<void(Result<QList<QJsonObject>>, GraphResponse last)> done);
    // The same walk, handing each page's items to onPage as it arrives, so a large collection is
    // never held whole.
    void forEachPage(const QString &url, std::function<void(const QJsonArray &)> onPage, std::function<void(Result<void>, GraphResponse last)> done);

    const GraphEndpoint &endpoint() const { return m_endpoint; }
    Governor &governor() const { return *m_governor; }
    QString absoluteUrl(const QString &url) const;

    static QByteArray userAgent();

private:
    struct Call;
    void attempt(std::shared_ptr<Call> call);
    void transmit(std::shared_ptr<Call> call, const QString &token);
    void finished(std::shared_ptr<Call> call, class QNetworkReply *reply);

    GraphEndpoint m_endpoint;
    QNetworkAccessManager *m_network;
    TokenProvider *m_tokens;
    std::shared_ptr<Governor> m_governor;
    const Clock &m_clock;
};

} // namespace SyncBridge

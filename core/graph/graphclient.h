#pragma once

#include "common/clock.h"
#include "graph/graphendpoint.h"
#include "graph/graphresponse.h"
#include "graph/servicewait.h"
#include "graph/tokenprovider.h"

#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QSslError>

#include <functional>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

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
// Every wait of a call (the governor's budget and pauses, Retry-After, backoff) is announced once
// through `waiting` and ends at once on cancel().
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
    // The same walk at the caller's pace: onPage gets each page and `more`, which asks for the next
    // one — at once (the service prepares it while this page is handled) or later, when the caller
    // has room again (a reader that must not run ahead of another). Until `more` is called the walk
    // rests; on the last page `more` does nothing and `done` follows.
    using PacedPage = std::function<void(const QJsonArray &items, const std::function<void()> &more)>;
    void forEachPagePaced(const QString &url, PacedPage onPage, std::function<void(Result<void>, GraphResponse last)> done);

    // Stops every call of this client: each wait ends now and its call completes as cancelled (status
    // 0, errorCode "cancelled", never sent again); requests on the wire get graceMs to answer, then
    // are abandoned (a create so abandoned may have happened: callers resolve it as a lost answer).
    // Nothing is sent after this. The tenant's governor and other clients go on.
    void cancel(int graceMs = 2000);
    bool isCancelled() const { return m_cancelled; }
    // Runs fn on this client's thread after ms — at once when the client is (or gets) cancelled: a
    // wait callers of the client (BatchWriter's retries) make that cancel() ends too. A wait with a
    // reason is announced like the client's own (`waiting`).
    void after(qint64 ms, std::function<void()> fn, const ServiceWait &why = {});
    // Whether a response is one cancel() completed without sending it.
    static bool isCancellation(const GraphResponse &response);

    const GraphEndpoint &endpoint() const { return m_endpoint; }
    Governor &governor() const { return *m_governor; }
    QString absoluteUrl(const QString &url) const;

    static QByteArray userAgent();

signals:
    // A call waits (or a wait grew): once per wait, not per waiting call. `fresh`: a new wait — none
    // was announced since the last request went out, or that one was for another reason.
    void waiting(const SyncBridge::ServiceWait &wait, bool fresh);
    // The first request after an announced wait went out.
    void resumed();

private:
    struct Call;
    void attempt(std::shared_ptr<Call> call);
    void transmit(std::shared_ptr<Call> call, const QString &token);
    void finished(std::shared_ptr<Call> call, QNetworkReply *reply);
    void completeCancelled(std::shared_ptr<Call> call);
    void waitThenAttempt(std::shared_ptr<Call> call, qint64 waitMs, const ServiceWait &why);
    ServiceWait governorWait(qint64 waitMs) const;
    void announce(const ServiceWait &wait);

    GraphEndpoint m_endpoint;
    QNetworkAccessManager *m_network;
    TokenProvider *m_tokens;
    std::shared_ptr<Governor> m_governor;
    const Clock &m_clock;
    bool m_cancelled = false;
    QSet<QTimer *> m_waits;          // every pending wait, ended by cancel()
    QSet<QNetworkReply *> m_replies; // requests on the wire
    QHash<QNetworkReply *, QList<QSslError>> m_sslErrors; // why a reply's handshake failed
    ServiceWait m_announced;         // the wait announced last, until a request goes out
};

} // namespace SyncBridge

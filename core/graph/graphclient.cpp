#include "graph/graphclient.h"

#include "common/logging.h"
#include "graph/governor.h"
#include "graph/retryafter.h"
#include "graph/tlstrust.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QTimer>
#include <QUuid>

#include <limits>
#include <utility>

namespace SyncBridge {
namespace {

// The items of a $batch answer that were throttled: the status to report, the headers of the one
// asking for the longest wait, and the RU the service did not charge for them.
struct BatchThrottle {
    int status = 0;
    ThrottleHeaders headers;
    qint64 refundRu = 0;
};

QByteArray itemHeader(const QJsonObject &headers, const QString &name)
{
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it) {
        if (it.key().compare(name, Qt::CaseInsensitive) == 0)
            return it.value().toVariant().toString().toLatin1();
    }
    return {};
}

BatchThrottle throttledBatchItems(const GraphRequest &request, const GraphResponse &response)
{
    BatchThrottle throttle;
    const QJsonArray answers = response.body.value(QStringLiteral("responses")).toArray();
    if (!request.url.endsWith(QLatin1String("/$batch")) || answers.isEmpty())
        return throttle;
    QHash<QString, QString> methods; // request id → method, for what each item costs
    for (const QJsonValue &sent : request.body.value(QStringLiteral("requests")).toArray())
        methods.insert(sent.toObject().value(QStringLiteral("id")).toString(), sent.toObject().value(QStringLiteral("method")).toString());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    qint64 longest = -1;
    for (const QJsonValue &value : answers) {
        const QJsonObject item = value.toObject();
        const int status = item.value(QStringLiteral("status")).toInt();
        if (status != 429 && status != 503)
            continue;
        const QJsonObject headers = item.value(QStringLiteral("headers")).toObject();
        const ThrottleHeaders found{itemHeader(headers, QStringLiteral("Retry-After")),
            itemHeader(headers, QStringLiteral("RateLimit-Limit")), itemHeader(headers, QStringLiteral("RateLimit-Remaining")),
            itemHeader(headers, QStringLiteral("RateLimit-Reset"))};
        const qint64 wait = requestedWaitMs(found.retryAfter, found.rateLimitReset, now).value_or(0);
        if (wait > longest) {
            longest = wait;
            throttle.status = status;
            throttle.headers = found;
        }
        throttle.refundRu += methods.value(item.value(QStringLiteral("id")).toString()) == QLatin1String("GET") ? 1 : 2;
    }
    return throttle;
}

// Shorter waits are the normal pacing of a run: not worth a word on the card.
constexpr qint64 announcePauseMs = 1000;
constexpr qint64 announceBudgetMs = 5000;
// A wait that moves by less than this is the same wait (jitter, a later answer of the same storm).
constexpr qint64 sameWaitMs = 2000;
const QString cancelledCode = QStringLiteral("cancelled");

} // namespace

struct GraphClient::Call {
    GraphRequest request;
    std::function<void(GraphResponse)> done;
    QByteArray clientRequestId;
    int attempts = 0;
    bool refreshedToken = false;
};

GraphClient::GraphClient(GraphEndpoint endpoint, SecretSource secret, std::shared_ptr<Governor> governor, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_network(new QNetworkAccessManager(this))
    , m_tokens(new TokenProvider(m_network, m_endpoint, std::move(secret), clock, this))
    , m_governor(std::move(governor))
    , m_clock(clock)
{
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
}

GraphClient::~GraphClient() = default;

QByteArray GraphClient::userAgent()
{
    return QByteArrayLiteral("ISV|Arcore|SyncBridge/" SYNCBRIDGE_VERSION);
}

QString GraphClient::absoluteUrl(const QString &url) const
{
    if (url.startsWith(QLatin1String("http://")) || url.startsWith(QLatin1String("https://")))
        return url;
    return m_endpoint.graphBaseUrl.toString() + url;
}

void GraphClient::send(GraphRequest request, std::function<void(GraphResponse)> done)
{
    auto call = std::make_shared<Call>();
    call->request = std::move(request);
    call->done = std::move(done);
    call->clientRequestId = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
    attempt(call);
}

bool GraphClient::isCancellation(const GraphResponse &response)
{
    return response.status == 0 && response.errorCode == cancelledCode;
}

void GraphClient::completeCancelled(std::shared_ptr<Call> call)
{
    GraphResponse cancelled;
    cancelled.networkError = QNetworkReply::OperationCanceledError;
    cancelled.errorCode = cancelledCode;
    cancelled.errorMessage = QCoreApplication::translate("SyncBridge::Graph", "Cancelled before it was sent.");
    cancelled.attempts = call->attempts;
    // Never from inside send(): a caller counting its calls (BatchWriter) has not counted the rest yet.
    QMetaObject::invokeMethod(
        this, [call, cancelled]() { call->done(cancelled); }, Qt::QueuedConnection);
}

void GraphClient::after(qint64 ms, std::function<void()> fn, const ServiceWait &why)
{
    if (why.isWaiting() && !m_cancelled)
        announce(why);
    if (m_cancelled) {
        QMetaObject::invokeMethod(this, std::move(fn), Qt::QueuedConnection);
        return;
    }
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    m_waits.insert(timer);
    connect(timer, &QTimer::timeout, this, [this, timer, fn = std::move(fn)]() {
        m_waits.remove(timer);
        timer->deleteLater();
        fn();
    });
    timer->start(int(qBound(qint64(0), ms, qint64(std::numeric_limits<int>::max()))));
}

void GraphClient::cancel(int graceMs)
{
    if (m_cancelled)
        return;
    m_cancelled = true;
    // Every waiting call wakes now, finds the client cancelled and completes as cancelled.
    for (QTimer *wait : std::as_const(m_waits))
        wait->start(0);
    if (!m_replies.isEmpty()) {
        QTimer::singleShot(graceMs, this, [this]() {
            const QSet<QNetworkReply *> open = m_replies; // abort() finishes the reply at once
            for (QNetworkReply *reply : open)
                reply->abort();
        });
    }
}

ServiceWait GraphClient::governorWait(qint64 waitMs) const
{
    const BudgetView view = m_governor->view();
    const QDateTime now = m_clock.nowUtc();
    ServiceWait why;
    if (view.pausedForMs > 0) {
        why.reason = view.pauseStatus == 503 ? ServiceWait::Reason::ServiceUnavailable : ServiceWait::Reason::Throttled;
        why.status = view.pauseStatus;
        why.until = now.addMSecs(view.pausedForMs);
    } else if (view.dailyRenewsInMs > 0) {
        why.reason = ServiceWait::Reason::DailyBudget;
        why.until = now.addMSecs(view.dailyRenewsInMs);
    } else {
        why.reason = ServiceWait::Reason::Budget;
        why.until = now.addMSecs(waitMs);
    }
    return why;
}

void GraphClient::announce(const ServiceWait &wait)
{
    const QDateTime now = m_clock.nowUtc();
    const qint64 waitMs = now.msecsTo(wait.until);
    const bool worthSaying = wait.reason == ServiceWait::Reason::DailyBudget
        || waitMs >= (wait.reason == ServiceWait::Reason::Budget ? announceBudgetMs : announcePauseMs);
    if (!worthSaying)
        return;
    // A new wait: none announced since the last request went out, or one for another reason (a
    // minute's budget wait that turns into SharePoint's 503).
    const bool fresh = !m_announced.isWaiting() || m_announced.reason != wait.reason;
    if (!fresh && qAbs(m_announced.until.msecsTo(wait.until)) < sameWaitMs)
        return;
    if (!fresh && wait.until < m_announced.until)
        return; // another call's shorter wait inside the announced one
    m_announced = wait;
    emit waiting(wait, fresh);
}

void GraphClient::waitThenAttempt(std::shared_ptr<Call> call, qint64 waitMs, const ServiceWait &why)
{
    // Looked at again at least every minute: a day's wait ends early when the budget is raised.
    after(
        qMin<qint64>(waitMs, 60000), [this, call]() { attempt(call); }, why);
}

void GraphClient::attempt(std::shared_ptr<Call> call)
{
    if (m_cancelled) {
        completeCancelled(call);
        return;
    }
    const qint64 wait = m_governor->tryAcquire(call->request.cost);
    if (wait > 0) {
        waitThenAttempt(call, wait, governorWait(wait));
        return;
    }
    m_tokens->token([this, call](Result<QString> token) {
        if (!token) {
            m_governor->releaseWithoutAnswer();
            GraphResponse failed;
            failed.status = 401;
            failed.errorCode = QStringLiteral("tokenUnavailable");
            failed.errorMessage = token.error().message();
            failed.localError = token.error(); // no secret, or the sign-in refused: not SharePoint's answer
            failed.attempts = call->attempts;
            call->done(failed);
            return;
        }
        transmit(call, *token);
    });
}

void GraphClient::transmit(std::shared_ptr<Call> call, const QString &token)
{
    // Admitted before another request's 429 came back (the token may have taken a while): nothing is
    // sent before the wait the tenant was told, so this one waits too and asks again.
    if (m_cancelled) {
        m_governor->giveBack(call->request.cost);
        completeCancelled(call);
        return;
    }
    if (const qint64 hold = m_governor->holdMs(); hold > 0) {
        m_governor->giveBack(call->request.cost);
        waitThenAttempt(call, hold, governorWait(hold));
        return;
    }
    const QUrl url(absoluteUrl(call->request.url));
    if (auto secure = checkTransportSecurity(url); !secure) {
        m_governor->releaseWithoutAnswer();
        GraphResponse refused;
        refused.errorCode = QStringLiteral("insecureTransport");
        refused.errorMessage = secure.error().message();
        refused.localError = secure.error();
        refused.status = 403;
        call->done(refused);
        return;
    }
    ++call->attempts;
    QNetworkRequest request(url);
    request.setSslConfiguration(m_endpoint.tlsConfiguration());
    request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    request.setRawHeader("client-request-id", call->clientRequestId);
    request.setRawHeader("User-Agent", userAgent());
    request.setRawHeader("Accept", "application/json");
    if (call->attempts > 1)
        request.setRawHeader("Retry-Attempt", QByteArray::number(call->attempts - 1));
    for (auto it = call->request.headers.constBegin(); it != call->request.headers.constEnd(); ++it)
        request.setRawHeader(it.key(), it.value());
    request.setTransferTimeout(call->request.timeoutMs);
    QByteArray body;
    if (!call->request.body.isEmpty() || call->request.method == "POST" || call->request.method == "PATCH") {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        body = QJsonDocument(call->request.body).toJson(QJsonDocument::Compact);
    }
    if (m_announced.isWaiting()) {
        m_announced = {};
        emit resumed();
    }
    QNetworkReply *reply = m_network->sendCustomRequest(request, call->request.method, body);
    m_replies.insert(reply);
    // Kept to say why a handshake failed; never ignored (no ignoreSslErrors anywhere).
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) { m_sslErrors.insert(reply, errors); });
    connect(reply, &QNetworkReply::finished, this, [this, call, reply]() { finished(call, reply); });
}

void GraphClient::finished(std::shared_ptr<Call> call, QNetworkReply *reply)
{
    m_replies.remove(reply);
    const QList<QSslError> sslErrors = m_sslErrors.take(reply);
    reply->deleteLater();
    GraphResponse response;
    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.networkError = response.status == 0 ? reply->error() : QNetworkReply::NoError;
    for (const auto &[name, value] : reply->rawHeaderPairs())
        response.headers.insert(name.toLower(), value);
    response.body = QJsonDocument::fromJson(reply->readAll()).object();
    const QJsonObject error = response.body.value(QStringLiteral("error")).toObject();
    response.errorCode = error.value(QStringLiteral("code")).toString();
    response.errorMessage = error.value(QStringLiteral("message")).toString();
    response.requestId = QString::fromLatin1(response.header("request-id"));
    response.attempts = call->attempts;

    if (response.status == 0) {
        m_governor->releaseWithoutAnswer();
        if (response.networkError == QNetworkReply::SslHandshakeFailedError) {
            m_network->clearConnectionCache();   // a failed handshake poisons the cached connections
            // Nothing reached the service: the error says whose certificate and why, in its own kind.
            response.localError = untrustedCertificateError(reply->url(), sslErrors);
            response.errorCode = QStringLiteral("certificateUntrusted");
            response.errorMessage = response.localError->message();
        }
    } else {
        const BatchThrottle items = throttledBatchItems(call->request, response);
        if (items.refundRu > 0) {
            // Items refused inside a 200 $batch are a throttle of the tenant like any other.
            m_governor->release(items.status, items.headers, items.refundRu);
        } else {
            const bool throttled = response.status == 429 || response.status == 503;
            m_governor->release(response.status,
                {response.header("retry-after"), response.header("ratelimit-limit"), response.header("ratelimit-remaining"),
                    response.header("ratelimit-reset")},
                throttled ? call->request.cost : 0);
        }
    }
    qCDebug(lcGraph).noquote() << call->request.method << reply->url().path() << "→" << response.status << response.requestId;

    if (m_cancelled) { // an answer that came within the grace: as it is, never retried
        call->done(response);
        return;
    }
    if (response.status == 401 && !call->refreshedToken) {
        call->refreshedToken = true;   // one refresh, then the 401 is final
        m_tokens->invalidate();
        attempt(call);
        return;
    }
    const GraphErrorClass errorClass = classifyGraphFailure(response.status, response.networkError);
    // 429 and 503 mean "not executed"; any other 5xx or a lost answer may have executed a POST.
    const bool notExecuted = response.status == 429 || response.status == 503;
    const bool retryable = errorClass == GraphErrorClass::Transient && (call->request.idempotent || notExecuted);
    if (retryable && call->attempts < call->request.maxAttempts) {
        // The governor already pauses every call for a Retry-After; otherwise back off with jitter.
        const qint64 backoff = notExecuted ? 0 : qMin<qint64>(30000, (500LL << (call->attempts - 1)) + QRandomGenerator::global()->bounded(250));
        const ServiceWait why = backoff > 0
            ? ServiceWait{ServiceWait::Reason::ServerError, response.status, m_clock.nowUtc().addMSecs(backoff)}
            : ServiceWait{};
        after(
            backoff, [this, call]() { attempt(call); }, why);
        return;
    }
    call->done(response);
}

void GraphClient::getAll(const QString &url, std::function<void(Result<QList<QJsonObject>>, GraphResponse)> done)
{
    auto items = std::make_shared<QList<QJsonObject>>();
    forEachPage(
        url,
        [items](const QJsonArray &page) {
            for (const QJsonValue &value : page)
                items->append(value.toObject());
        },
        [items, done](Result<void> walked, GraphResponse last) {
            if (!walked)
                done(walked.error(), last);
            else
                done(std::move(*items), last);
        });
}

void GraphClient::forEachPage(const QString &url, std::function<void(const QJsonArray &)> onPage, std::function<void(Result<void>, GraphResponse)> done)
{
    forEachPagePaced(
        url,
        [onPage = std::move(onPage)](const QJsonArray &items, const std::function<void()> &more) {
            // The next page is asked for before this one is handled, so the service prepares it while
            // this one is parsed; answers never come from inside send(), so pages still arrive in order.
            more();
            onPage(items);
        },
        std::move(done));
}

void GraphClient::forEachPagePaced(const QString &url, PacedPage onPage, std::function<void(Result<void>, GraphResponse)> done)
{
    // The walk holds itself only through its request in flight and a `more` not yet called: a walk
    // its caller abandons while it rests is freed with the caller's `more`.
    auto fetch = std::make_shared<std::function<void(const QString &)>>();
    *fetch = [this, onPage = std::move(onPage), done = std::move(done), walk = std::weak_ptr(fetch)](const QString &pageUrl) {
        GraphRequest request;
        request.url = pageUrl;
        request.cost = 2;
        send(request, [onPage, done, self = walk.lock()](GraphResponse response) {
            if (!response.ok()) {
                done(describeGraphFailure(response, QStringLiteral("the collection")), response);
                return;
            }
            const QString nextLink = response.body.value(QStringLiteral("@odata.nextLink")).toString();
            const QJsonArray items = response.body.value(QStringLiteral("value")).toArray();
            if (nextLink.isEmpty()) {
                onPage(items, [] {});
                done(success(), response);
                return;
            }
            auto asked = std::make_shared<bool>(false);
            onPage(items, [self, nextLink, asked]() {
                if (std::exchange(*asked, true))
                    return;
                (*self)(nextLink); // verbatim: never rebuilt from parts
            });
        });
    };
    (*fetch)(url);
}

} // namespace SyncBridge

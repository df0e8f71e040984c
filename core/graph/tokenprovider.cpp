#include "graph/tokenprovider.h"

#include "common/logging.h"
#include "graph/tlstrust.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

namespace SyncBridge {
namespace {

Error tokenError(int status, const QJsonObject &body, QNetworkReply::NetworkError networkError, const QString &tenant)
{
    const QString error = body.value(QStringLiteral("error")).toString();
    const int code = body.value(QStringLiteral("error_codes")).toArray().first().toInt();
    // The description's first line is enough for logs; it never contains the secret.
    const QString detail = QStringLiteral("HTTP %1 %2: %3").arg(status).arg(error, body.value(QStringLiteral("error_description")).toString().section(QLatin1Char('\r'), 0, 0));
    if (status == 0)
        return Error(ErrorCode::Timeout,
                     QCoreApplication::translate("SyncBridge::Graph", "The sign-in service did not answer (network error %1). Check the authority host and your connection.")
                         .arg(int(networkError)));
    if (error == QLatin1String("invalid_client"))
        return Error(ErrorCode::AuthenticationFailed,
                     code == 7000216 ? QCoreApplication::translate("SyncBridge::Graph", "No client secret is stored for this SharePoint connection; enter it again.")
                                     : QCoreApplication::translate("SyncBridge::Graph", "The client secret was rejected by the tenant. Enter the secret's value (not its ID), or create a new one if it expired."),
                     detail);
    if (error == QLatin1String("unauthorized_client"))
        return Error(ErrorCode::AuthenticationFailed,
                     QCoreApplication::translate("SyncBridge::Graph", "The client ID is not registered in tenant '%1'. Check the application (client) ID.").arg(tenant), detail);
    if (code == 90002)
        return Error(ErrorCode::NotFound, QCoreApplication::translate("SyncBridge::Graph", "The tenant '%1' does not exist. Check the tenant ID or domain.").arg(tenant), detail);
    return Error(ErrorCode::AuthenticationFailed, QCoreApplication::translate("SyncBridge::Graph", "Signing in to tenant '%1' failed.").arg(tenant), detail);
}

} // namespace

TokenProvider::TokenProvider(QNetworkAccessManager *network, GraphEndpoint endpoint, SecretSource secret, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_endpoint(std::move(endpoint))
    , m_secret(std::move(secret))
    , m_clock(clock)
{
}

void TokenProvider::invalidate()
{
    m_token.clear();
}

void TokenProvider::token(std::function<void(Result<QString>)> done)
{
    if (!m_token.isEmpty() && m_clock.nowUtc() < m_refreshAt) {
        done(m_token);
        return;
    }
    m_waiting.append(std::move(done));
    if (!m_fetching)
        fetch();
}

void TokenProvider::finish(const Result<QString> &outcome)
{
    m_fetching = false;
    const auto waiting = std::exchange(m_waiting, {});
    for (const auto &callback : waiting)
        callback(outcome);
}

void TokenProvider::fetch()
{
    m_fetching = true;
    QUrl url = m_endpoint.authorityHost;
    url.setPath(url.path() + QStringLiteral("/%1/oauth2/v2.0/token").arg(m_endpoint.tenantId));
    if (auto secure = checkTransportSecurity(url); !secure) {
        finish(secure.error());
        return;
    }
    m_secret([this, url](Result<QString> secret) {
        if (!secret) {
            finish(secret.error());
            return;
        }
        QString scopeHost = m_endpoint.graphBaseUrl.toString(QUrl::RemovePath | QUrl::RemoveQuery);
        if (scopeHost.startsWith(QLatin1String("http://")))   // the emulator still wants Graph's scope
            scopeHost = QStringLiteral("https://graph.microsoft.com");
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("client_id"), QString::fromLatin1(QUrl::toPercentEncoding(m_endpoint.clientId)));
        form.addQueryItem(QStringLiteral("client_secret"), QString::fromLatin1(QUrl::toPercentEncoding(*secret)));
        form.addQueryItem(QStringLiteral("scope"), QString::fromLatin1(QUrl::toPercentEncoding(scopeHost + QStringLiteral("/.default"))));
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
        QNetworkRequest request(url);
        request.setSslConfiguration(m_endpoint.tlsConfiguration());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        request.setTransferTimeout(30000);
        const QDateTime requestedAt = m_clock.nowUtc();
        QNetworkReply *reply = m_network->post(request, form.toString(QUrl::FullyEncoded).toLatin1());
        auto sslErrors = std::make_shared<QList<QSslError>>();
        connect(reply, &QNetworkReply::sslErrors, this, [sslErrors](const QList<QSslError> &errors) { *sslErrors = errors; });
        connect(reply, &QNetworkReply::finished, this, [this, reply, requestedAt, sslErrors]() {
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            if (status == 0 && reply->error() == QNetworkReply::SslHandshakeFailedError) {
                m_network->clearConnectionCache(); // a failed handshake poisons the cached connections
                // The secret was never sent: the handshake ends before the request's body.
                const Error error = untrustedCertificateError(reply->url(), *sslErrors);
                qCWarning(lcGraph).noquote() << "token request failed:" << error.toString();
                finish(error);
                return;
            }
            const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
            const QString token = body.value(QStringLiteral("access_token")).toString();
            if (status != 200 || token.isEmpty()) {
                const Error error = tokenError(status, body, reply->error(), m_endpoint.tenantId);
                qCWarning(lcGraph).noquote() << "token request failed:" << error.toString();
                finish(error);
                return;
            }
            const qint64 lifetime = qMax(1, body.value(QStringLiteral("expires_in")).toInt(3599));
            m_token = token;
            m_refreshAt = requestedAt.addMSecs(lifetime * 800);   // refresh at 80 % of the life
            qCInfo(lcGraph) << "token acquired for tenant" << m_endpoint.tenantId << "valid for" << lifetime << "s";
            finish(m_token);
        });
    });
}

} // namespace SyncBridge

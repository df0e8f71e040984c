#include "tokenservice.h"

#include "graphstate.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QUrlQuery>

namespace GraphEmulator {
namespace {

ApiResponse oauthError(int status, const QString &error, int code, const QString &description)
{
    const QString traceId = newGuid();
    const QString correlationId = newGuid();
    const QString timestamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
    QJsonObject body{
        {QStringLiteral("error"), error},
        {QStringLiteral("error_description"), QStringLiteral("AADSTS%1: %2\r\nTrace ID: %3\r\nCorrelation ID: %4\r\nTimestamp: %5")
                                                  .arg(code).arg(description, traceId, correlationId, timestamp)},
        {QStringLiteral("error_codes"), QJsonArray{code}},
        {QStringLiteral("timestamp"), timestamp},
        {QStringLiteral("trace_id"), traceId},
        {QStringLiteral("correlation_id"), correlationId},
    };
    if (error == QLatin1String("invalid_client"))
        body.insert(QStringLiteral("error_uri"), QStringLiteral("https://login.microsoftonline.com/error?code=%1").arg(code));
    return ApiResponse::json(status, body);
}

QString randomToken()
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    QString token = QStringLiteral("eyJ0eXAiOiJKV1QiLCJlbXVsYXRvciI6dHJ1ZX0.");
    for (int i = 0; i < 80; ++i)
        token += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(64)]);
    return token;
}

} // namespace

ApiResponse TokenService::issue(const QString &tenantInPath, const QByteArray &formBody, const QByteArray &authorization, const GraphState &state,
                                int lifetimeSeconds)
{
    const QUrlQuery form(QString::fromUtf8(formBody).replace(QLatin1Char('+'), QLatin1Char(' ')));
    QString clientId = form.queryItemValue(QStringLiteral("client_id"), QUrl::FullyDecoded);
    QString secret = form.queryItemValue(QStringLiteral("client_secret"), QUrl::FullyDecoded);
    if (authorization.startsWith("Basic ")) {   // RFC 6749 §2.3.1 client authentication
        const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6));
        const int colon = decoded.indexOf(':');
        clientId = QUrl::fromPercentEncoding(decoded.left(colon));
        secret = QUrl::fromPercentEncoding(decoded.mid(colon + 1));
    }
    const QString grantType = form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
    const QString scope = form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded);

    if (grantType.isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"), 900144,
                          QStringLiteral("The request body must contain the following parameter: 'grant_type'."));
    if (grantType != QLatin1String("client_credentials"))
        return oauthError(400, QStringLiteral("unsupported_grant_type"), 70003,
                          QStringLiteral("The app requested an unsupported grant type '%1'.").arg(grantType));
    if (clientId.isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"), 900144,
                          QStringLiteral("The request body must contain the following parameter: 'client_id'."));
    if (scope.isEmpty() || scope.contains(QLatin1Char(' ')) || !scope.endsWith(QLatin1String("/.default")))
        return oauthError(400, QStringLiteral("invalid_scope"), 70011,
                          QStringLiteral("The provided value for the input parameter 'scope' is not valid. The scope %1 is not valid.").arg(scope));
    const Tenant *tenant = state.tenant(tenantInPath);
    if (!tenant)
        return oauthError(400, QStringLiteral("invalid_request"), 90002,
                          QStringLiteral("Tenant '%1' not found. Check to make sure you have the correct tenant ID.").arg(tenantInPath));
    const App *app = tenant->app(clientId);
    if (!app)
        return oauthError(400, QStringLiteral("unauthorized_client"), 700016,
                          QStringLiteral("Application with identifier '%1' was not found in the directory '%2'.").arg(clientId, tenant->id));
    if (secret.isEmpty())
        return oauthError(401, QStringLiteral("invalid_client"), 7000216,
                          QStringLiteral("'client_assertion', 'client_secret' or 'request' is required for the 'client_credentials' grant type."));
    if (secret != app->secret)
        return oauthError(401, QStringLiteral("invalid_client"), 7000215,
                          QStringLiteral("Invalid client secret provided. Ensure the secret being sent in the request is the client secret "
                                         "value, not the client secret ID, for a secret added to app '%1'.").arg(clientId));

    const QString token = randomToken();
    m_tokens.insert(token, {tenant->id, clientId, QDateTime::currentMSecsSinceEpoch() + qint64(lifetimeSeconds) * 1000});
    return ApiResponse::json(200, QJsonObject{{QStringLiteral("token_type"), QStringLiteral("Bearer")},
                                              {QStringLiteral("expires_in"), lifetimeSeconds},
                                              {QStringLiteral("ext_expires_in"), lifetimeSeconds},
                                              {QStringLiteral("access_token"), token}});
}

TokenService::Check TokenService::check(const QByteArray &authorization, TokenInfo *info) const
{
    if (!authorization.startsWith("Bearer "))
        return Check::Missing;
    const auto found = m_tokens.constFind(QString::fromLatin1(authorization.mid(7).trimmed()));
    if (found == m_tokens.constEnd())
        return Check::Unknown;
    *info = found.value();
    return QDateTime::currentMSecsSinceEpoch() >= found->expiresAtMs ? Check::Expired : Check::Valid;
}

void TokenService::expireAll()
{
    for (TokenInfo &token : m_tokens)
        token.expiresAtMs = 0;
}

} // namespace GraphEmulator

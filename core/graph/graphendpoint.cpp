#include "graph/graphendpoint.h"

#include "graph/tlstrust.h"

#include <QCoreApplication>
#include <QHostAddress>

namespace SyncBridge {

GraphEndpoint GraphEndpoint::from(const SharePointConnection &connection)
{
    GraphEndpoint endpoint;
    endpoint.tenantId = connection.tenantId;
    endpoint.clientId = connection.clientId;
    endpoint.secretRef = connection.secretRef;
    endpoint.authorityHost = QUrl(connection.authorityHost);
    QString base = connection.graphBaseUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    endpoint.graphBaseUrl = QUrl(base);
    // Checked when it was entered (dialog, CLI); text that holds none trusts nothing more.
    if (auto extra = parseCaCertificates(connection.extraCaCertificates.toUtf8()))
        endpoint.extraCaCertificates = *extra;
    return endpoint;
}

QSslConfiguration GraphEndpoint::tlsConfiguration() const
{
    return tlsConfigurationTrusting(extraCaCertificates);
}

Result<void> checkTransportSecurity(const QUrl &url)
{
    if (url.scheme() == QLatin1String("https"))
        return success();
    const QHostAddress address(url.host());
    const bool loopback = url.host() == QLatin1String("localhost") || (!address.isNull() && address.isLoopback());
    if (url.scheme() == QLatin1String("http") && loopback)
        return success();
    return Error(ErrorCode::InvalidInput,
                 QCoreApplication::translate("SyncBridge::Graph", "Refusing to send credentials to %1: only https is allowed (plain http only to this computer).")
                     .arg(url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo)));
}

} // namespace SyncBridge

#pragma once

#include "common/result.h"
#include "model/connection.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QUrl>

namespace SyncBridge {

// Where a SharePoint connection's tokens and Graph calls go (national clouds and the emulator plug
// in the same way).
struct GraphEndpoint {
    QString tenantId;
    QString clientId;
    QString secretRef;
    QUrl authorityHost;     // https://login.microsoftonline.com
    QUrl graphBaseUrl;      // https://graph.microsoft.com/v1.0
    QList<QSslCertificate> extraCaCertificates; // trusted besides the system's, for tokens and Graph alike

    static GraphEndpoint from(const SharePointConnection &connection);
    // What every request of this endpoint uses: the system's CAs plus the extra ones, verification on.
    QSslConfiguration tlsConfiguration() const;
};

// TLS always; plain http only to this machine (the local emulator).
Result<void> checkTransportSecurity(const QUrl &url);

} // namespace SyncBridge

#pragma once

#include "common/result.h"
#include "model/connection.h"

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

    static GraphEndpoint from(const SharePointConnection &connection);
};

// TLS always; plain http only to this machine (the local emulator).
Result<void> checkTransportSecurity(const QUrl &url);

} // namespace SyncBridge

#include "graph/graphresponse.h"

#include <QCoreApplication>

namespace SyncBridge {
GraphErrorClass classifyGraphFailure(int status, QNetworkReply::NetworkError networkError)
{
    if (status >= 200 && status < 300)
        return GraphErrorClass::None;
    if (status == 0)
        return networkError == QNetworkReply::SslHandshakeFailedError ? GraphErrorClass::Fatal : GraphErrorClass::Transient;
    switch (status) {
    case 429: case 500: case 502: case 503: case 504: case 507:
        return GraphErrorClass::Transient;
    case 401: case 403: case 404: case 410:
        return GraphErrorClass::Fatal;
    default:
        return status >= 500 ? GraphErrorClass::Transient : GraphErrorClass::Item;
    }
}

Error describeGraphFailure(const GraphResponse &response, const QString &subject)
{
    if (response.localError)
        return *response.localError; // nothing was sent: "SharePoint rejected …" would be untrue
    QString detail = QStringLiteral("HTTP %1").arg(response.status);
    if (!response.errorCode.isEmpty())
        detail += QStringLiteral(" %1: %2").arg(response.errorCode, response.errorMessage);
    if (!response.requestId.isEmpty())
        detail += QStringLiteral(" (request-id %1)").arg(response.requestId);
    if (response.status == 0)
        return Error(ErrorCode::Timeout,
                     QCoreApplication::translate("SyncBridge::Graph", "SharePoint did not answer about %1 (network error %2). Check the connection and try again.")
                         .arg(subject).arg(int(response.networkError)),
                     detail);
    switch (response.status) {
    case 401:
        return Error(ErrorCode::AuthenticationFailed,
                     QCoreApplication::translate("SyncBridge::Graph", "SharePoint rejected the app's credentials. Check the client secret and that the app registration is still valid."), detail);
    case 403:
        return Error(ErrorCode::AuthenticationFailed,
                     QCoreApplication::translate("SyncBridge::Graph", "The app has no permission for %1. Grant it Sites.ReadWrite.All (or Sites.Selected for this site).").arg(subject),
                     detail);
    case 404:
        return Error(ErrorCode::NotFound,
                     QCoreApplication::translate("SyncBridge::Graph", "%1 was not found: it was deleted or renamed in SharePoint.").arg(subject), detail);
    case 409:
    case 412:
        return Error(ErrorCode::AlreadyExists,
                     QCoreApplication::translate("SyncBridge::Graph", "%1 was changed in SharePoint since it was last read.").arg(subject), detail);
    case 429:
    case 503:
        return Error(ErrorCode::Timeout,
                     QCoreApplication::translate("SyncBridge::Graph", "SharePoint kept throttling requests about %1; it will be retried.").arg(subject), detail);
    default:
        if (response.status >= 500)
            return Error(ErrorCode::Timeout,
                         QCoreApplication::translate("SyncBridge::Graph", "SharePoint failed while handling %1; it will be retried.").arg(subject), detail);
        return Error(ErrorCode::InvalidInput,
                     QCoreApplication::translate("SyncBridge::Graph", "SharePoint refused %1: %2").arg(subject, response.errorMessage), detail);
    }
}

} // namespace SyncBridge

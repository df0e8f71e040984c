#pragma once

#include "common/error.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QNetworkReply>

#include <optional>

namespace SyncBridge {

// How a failed Graph call should be handled (ARCHITECTURE.md §5).
enum class GraphErrorClass {
    None,
    Transient,  // 429, 503, 504, 500, 502, network, timeout: retry with backoff
    Item,       // 400, 409, 412, 413: this item fails, the run goes on
    Fatal,      // 401 after a refresh, 403, 404 of a site or list: the run stops
};

struct GraphResponse {
    int status = 0;                         // 0: no HTTP answer (network error, timeout)
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers;  // lower-case names
    QJsonObject body;
    QString errorCode;                      // Graph "code" (diagnostics only; classify by status)
    QString errorMessage;                   // Graph "message" (developer text)
    QString requestId;
    int attempts = 1;
    // Set when the request never reached SharePoint (no secret found, the token refused, an insecure
    // URL): the error says why, with its own kind, and describeGraphFailure() returns it as it is.
    std::optional<Error> localError;

    bool ok() const { return status >= 200 && status < 300; }
    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

GraphErrorClass classifyGraphFailure(int status, QNetworkReply::NetworkError networkError);

// A message a person can act on, e.g. "The list 'Projects' was deleted or renamed in SharePoint".
// `subject` names what the call was about ("the list 'Projects'", "item 42").
Error describeGraphFailure(const GraphResponse &response, const QString &subject);

} // namespace SyncBridge

#pragma once

#include "common/clock.h"
#include "common/result.h"
#include "graph/graphendpoint.h"

#include <QObject>

#include <functional>

class QNetworkAccessManager;

namespace SyncBridge {

// Gives the client secret when asked (normally from the SecretStore, asynchronously).
using SecretSource = std::function<void(std::function<void(Result<QString>)>)>;

// OAuth2 client credentials (contract §2): one token cached per endpoint, refreshed at 80 % of its
// life; concurrent callers share one fetch. Tokens and secrets never reach a log.
class TokenProvider : public QObject
{
    Q_OBJECT

public:
    TokenProvider(QNetworkAccessManager *network, GraphEndpoint endpoint, SecretSource secret, const Clock &clock,
                  QObject *parent = nullptr);

    void token(std::function<void(Result<QString>)> done);
    // The service said 401: the next token() fetches a new one.
    void invalidate();

private:
    void fetch();
    void finish(const Result<QString> &outcome);

    QNetworkAccessManager *m_network;
    GraphEndpoint m_endpoint;
    SecretSource m_secret;
    const Clock &m_clock;
    QString m_token;
    QDateTime m_refreshAt;
    bool m_fetching = false;
    QList<std::function<void(Result<QString>)>> m_waiting;
};

} // namespace SyncBridge

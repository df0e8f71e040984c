#pragma once

#include "graphjson.h"

#include <QByteArray>
#include <QHash>
#include <QString>

namespace GraphEmulator {

class GraphState;

struct TokenInfo {
    QString tenantId;
    QString clientId;
    qint64 expiresAtMs = 0;
};

// The OAuth2 client-credentials endpoint (contract §2) and the opaque tokens it issues.
class TokenService
{
public:
    enum class Check { Valid, Missing, Unknown, Expired };

    // POST /{tenant}/oauth2/v2.0/token with a form body (or HTTP Basic client authentication).
    ApiResponse issue(const QString &tenantInPath, const QByteArray &formBody, const QByteArray &authorization, const GraphState &state,
                      int lifetimeSeconds);
    Check check(const QByteArray &authorization, TokenInfo *info) const;
    void expireAll();   // fault: every issued token is now expired
    void clear() { m_tokens.clear(); }

private:
    QHash<QString, TokenInfo> m_tokens;
};

} // namespace GraphEmulator

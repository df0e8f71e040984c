#include "common/error.h"

#include <utility>

namespace SyncBridge {

QString errorCodeName(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidInput: return QStringLiteral("invalid-input");
    case ErrorCode::NotFound: return QStringLiteral("not-found");
    case ErrorCode::AlreadyExists: return QStringLiteral("already-exists");
    case ErrorCode::Io: return QStringLiteral("io");
    case ErrorCode::StoreFailure: return QStringLiteral("store-failure");
    case ErrorCode::ConnectionRefused: return QStringLiteral("connection-refused");
    case ErrorCode::HostNotFound: return QStringLiteral("host-not-found");
    case ErrorCode::AuthenticationFailed: return QStringLiteral("authentication-failed");
    case ErrorCode::DatabaseMissing: return QStringLiteral("database-missing");
    case ErrorCode::Timeout: return QStringLiteral("timeout");
    case ErrorCode::SourceFailure: return QStringLiteral("source-failure");
    case ErrorCode::ConnectionLost: return QStringLiteral("connection-lost");
    case ErrorCode::KeychainUnavailable: return QStringLiteral("keychain-unavailable");
    case ErrorCode::SecretNotFound: return QStringLiteral("secret-not-found");
    case ErrorCode::Unsupported: return QStringLiteral("unsupported");
    case ErrorCode::Cancelled: return QStringLiteral("cancelled");
    case ErrorCode::Busy:
        return QStringLiteral("busy");
    case ErrorCode::NeedsConfirmation:
        return QStringLiteral("needs-confirmation");
    case ErrorCode::CertificateUntrusted:
        return QStringLiteral("certificate-untrusted");
    case ErrorCode::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("unknown");
}

Error::Error(ErrorCode code, QString message, QString detail)
    : m_code(code)
    , m_message(std::move(message))
    , m_detail(std::move(detail))
{
}

QString Error::toString() const
{
    if (m_detail.isEmpty())
        return m_message;
    return QStringLiteral("%1 (%2)").arg(m_message, m_detail);
}

} // namespace SyncBridge

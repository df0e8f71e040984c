#pragma once

#include <QString>

namespace SyncBridge {

// What went wrong, in a form callers can branch on. The message is for people (already translated),
// the detail is for logs and bug reports (never contains secrets).
enum class ErrorCode {
    InvalidInput,
    NotFound,
    AlreadyExists,
    Io,
    StoreFailure,
    ConnectionRefused,
    HostNotFound,
    AuthenticationFailed,
    DatabaseMissing,
    Timeout,
    SourceFailure,
    ConnectionLost, // an open database connection broke (server stopped, network); another instance may serve
    KeychainUnavailable,
    SecretNotFound,
    Unsupported,
    Cancelled,
    Busy,                 // held by someone else for now (a definition running elsewhere); try again later
    NeedsConfirmation,    // refused until the user agrees to what it costs (e.g. resetting a definition's sync state)
    CertificateUntrusted, // a TLS peer's certificate failed verification: nothing was sent; trust its CA, never skip the check
    Internal,
};

QString errorCodeName(ErrorCode code);

class Error
{
public:
    Error(ErrorCode code, QString message, QString detail = {});

    ErrorCode code() const { return m_code; }
    const QString &message() const { return m_message; }
    const QString &detail() const { return m_detail; }

    // "message (detail)" — for CLI output and log lines.
    QString toString() const;

private:
    ErrorCode m_code;
    QString m_message;
    QString m_detail;
};

} // namespace SyncBridge

#pragma once

#include "common/result.h"

#include <QList>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>

namespace SyncBridge {

// Which certificate authorities a SharePoint connection trusts: the system's, plus the connection's
// extra CA certificates (a corporate proxy that inspects TLS, a national cloud's own CA).
// Verification is never switched off: a certificate outside that set is an error of its own kind.

// The certificates of PEM text; at least one, else InvalidInput saying so.
Result<QList<QSslCertificate>> parseCaCertificates(const QByteArray &pem);
// The system's CA set plus the extra ones, peer verification on.
QSslConfiguration tlsConfigurationTrusting(const QList<QSslCertificate> &extraCaCertificates);
// "CN=Contoso Proxy CA, O=Contoso (expires 2031-05-01)": what a person checks before trusting it.
QString describeCertificate(const QSslCertificate &certificate);
// ErrorCode::CertificateUntrusted naming host:port and why (self-signed, unknown issuer, expired, …).
Error untrustedCertificateError(const QUrl &url, const QList<QSslError> &errors);

} // namespace SyncBridge

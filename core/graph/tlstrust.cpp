#include "graph/tlstrust.h"

#include <QCoreApplication>
#include <QSet>

namespace SyncBridge {
namespace {

QString reasonOf(const QSslError &error)
{
    switch (error.error()) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
        return QCoreApplication::translate("SyncBridge::Graph", "self-signed");
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
        return QCoreApplication::translate("SyncBridge::Graph", "unknown issuer");
    case QSslError::CertificateExpired:
        return QCoreApplication::translate("SyncBridge::Graph", "expired");
    case QSslError::CertificateNotYetValid:
        return QCoreApplication::translate("SyncBridge::Graph", "not valid yet");
    case QSslError::HostNameMismatch:
        return QCoreApplication::translate("SyncBridge::Graph", "issued for another host name");
    case QSslError::CertificateRevoked:
        return QCoreApplication::translate("SyncBridge::Graph", "revoked");
    default:
        return error.errorString();
    }
}

} // namespace

Result<QList<QSslCertificate>> parseCaCertificates(const QByteArray &pem)
{
    QList<QSslCertificate> certificates;
    for (const QSslCertificate &certificate : QSslCertificate::fromData(pem, QSsl::Pem)) {
        if (!certificate.isNull())
            certificates.append(certificate);
    }
    if (certificates.isEmpty())
        return Error(ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "SyncBridge::Graph", "No certificate was found: an extra CA certificate is PEM text (-----BEGIN CERTIFICATE-----)."));
    return certificates;
}

QSslConfiguration tlsConfigurationTrusting(const QList<QSslCertificate> &extraCaCertificates)
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    if (!extraCaCertificates.isEmpty())
        configuration.addCaCertificates(extraCaCertificates);
    return configuration;
}

QString describeCertificate(const QSslCertificate &certificate)
{
    return QCoreApplication::translate("SyncBridge::Graph", "%1 (expires %2)")
        .arg(certificate.subjectDisplayName(), certificate.expiryDate().toUTC().date().toString(Qt::ISODate));
}

Error untrustedCertificateError(const QUrl &url, const QList<QSslError> &errors)
{
    QStringList reasons;
    QStringList details;
    for (const QSslError &error : errors) {
        const QString reason = reasonOf(error);
        if (!reasons.contains(reason))
            reasons.append(reason);
        details.append(error.errorString());
    }
    if (reasons.isEmpty()) // the handshake failed before a certificate was judged (protocol, cipher)
        reasons.append(QCoreApplication::translate("SyncBridge::Graph", "the TLS handshake failed"));
    if (!errors.isEmpty() && !errors.first().certificate().isNull())
        details.append(QStringLiteral("certificate: %1; issuer: %2")
                           .arg(errors.first().certificate().subjectDisplayName(), errors.first().certificate().issuerDisplayName()));
    const QString host = QStringLiteral("%1:%2").arg(url.host()).arg(url.port(url.scheme() == QLatin1String("https") ? 443 : 80));
    return Error(ErrorCode::CertificateUntrusted,
        QCoreApplication::translate("SyncBridge::Graph",
            "The certificate of %1 is not trusted (%2). If your organisation inspects TLS, add its CA certificate to the "
            "connection (Extra CA certificate).")
            .arg(host, reasons.join(QStringLiteral(" / "))),
        details.join(QStringLiteral("; ")));
}

} // namespace SyncBridge

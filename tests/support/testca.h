#pragma once

#include <QByteArray>
#include <QString>
#include <QTemporaryDir>

namespace SyncBridge::Test {

// A certificate authority made at test time with the openssl command, in a temporary directory:
// its certificate, and a server certificate for 127.0.0.1 and localhost that it signed (with the
// server's key), for the emulator's --tls-cert/--tls-key. Nothing is committed, nothing expires
// between runs.
class TestCertificateAuthority
{
public:
    // false with openssl's words when a step fails (no openssl, a refused option).
    bool create(QString *error);

    QString caCertificateFile() const { return m_dir.filePath(QStringLiteral("ca.pem")); }
    QString serverCertificateFile() const { return m_dir.filePath(QStringLiteral("server.pem")); }
    QString serverKeyFile() const { return m_dir.filePath(QStringLiteral("server.key")); }
    QByteArray caPem() const { return m_caPem; }

private:
    bool openssl(const QStringList &arguments, QString *error);

    QTemporaryDir m_dir;
    QByteArray m_caPem;
};

} // namespace SyncBridge::Test

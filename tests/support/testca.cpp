#include "testca.h"

#include <QFile>
#include <QProcess>

namespace SyncBridge::Test {

bool TestCertificateAuthority::openssl(const QStringList &arguments, QString *error)
{
    QProcess process;
    process.setWorkingDirectory(m_dir.path());
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        *error = QStringLiteral("openssl %1: %2 %3")
                     .arg(arguments.value(0), process.errorString(), QString::fromLocal8Bit(process.readAllStandardError()));
        return false;
    }
    return true;
}

bool TestCertificateAuthority::create(QString *error)
{
    if (!m_dir.isValid()) {
        *error = m_dir.errorString();
        return false;
    }
    QFile extensions(m_dir.filePath(QStringLiteral("server.ext")));
    if (!extensions.open(QIODevice::WriteOnly)
        || extensions.write("subjectAltName=IP:127.0.0.1,DNS:localhost\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n") < 0) {
        *error = extensions.errorString();
        return false;
    }
    extensions.close();
    const bool made = openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                  QStringLiteral("-nodes"), QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                                  QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                                  QStringLiteral("/CN=SyncBridge Test CA"), QStringLiteral("-addext"),
                                  QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                                  QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")},
                          error)
        && openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-nodes"),
                       QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"), QStringLiteral("server.csr"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")},
            error)
        && openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
                       QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
                       QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.pem"), QStringLiteral("-days"),
                       QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("server.ext")},
            error);
    if (!made)
        return false;
    QFile ca(caCertificateFile());
    if (!ca.open(QIODevice::ReadOnly)) {
        *error = ca.errorString();
        return false;
    }
    m_caPem = ca.readAll();
    return true;
}

} // namespace SyncBridge::Test

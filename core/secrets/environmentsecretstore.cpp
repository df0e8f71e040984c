#include "secrets/environmentsecretstore.h"

#include <QCoreApplication>

#include <utility>

namespace SyncBridge {

EnvironmentSecretStore::EnvironmentSecretStore(QProcessEnvironment environment)
    : m_environment(std::move(environment))
{
}

QString EnvironmentSecretStore::variableFor(const QString &key)
{
    QString name = QStringLiteral("SYNCBRIDGE_SECRET_");
    for (const QChar c : key)
        name += (c.isLetterOrNumber() && c.unicode() < 128) ? c.toUpper() : QLatin1Char('_');
    return name;
}

void EnvironmentSecretStore::read(const QString &key, ReadCallback done)
{
    const QString variable = variableFor(key);
    if (!m_environment.contains(variable)) {
        done(Error(ErrorCode::SecretNotFound,
            QCoreApplication::translate("SyncBridge::Secrets",
                "No secret was found: the environment variable %1 is not set (--secrets env reads secrets from the "
                "environment). Set %1 to the secret, or read secrets from the system keychain (--secrets keychain).")
                .arg(variable)));
        return;
    }
    done(m_environment.value(variable));
}

void EnvironmentSecretStore::write(const QString &key, const QString &, DoneCallback done)
{
    done(Error(ErrorCode::Unsupported,
               QCoreApplication::translate("SyncBridge::Secrets", "Secrets from the environment are read-only; set %1 instead.")
                   .arg(variableFor(key))));
}

void EnvironmentSecretStore::remove(const QString &key, DoneCallback done)
{
    write(key, {}, std::move(done));
}

QString EnvironmentSecretStore::describeLocation(const QString &key) const
{
    return QCoreApplication::translate("SyncBridge::Secrets", "environment variable %1").arg(variableFor(key));
}

QString EnvironmentSecretStore::backendName() const
{
    return QCoreApplication::translate("SyncBridge::Secrets", "environment variables");
}

} // namespace SyncBridge

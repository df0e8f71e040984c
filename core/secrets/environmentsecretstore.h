#pragma once

#include "secrets/secretstore.h"

#include <QProcessEnvironment>

namespace SyncBridge {

// Read-only secrets from environment variables, for headless agents that opt in explicitly
// (syncbridge-cli --secrets env). The key "postgres/1b4e…" is read from
// SYNCBRIDGE_SECRET_POSTGRES_1B4E… (upper case, every non-alphanumeric character as '_').
class EnvironmentSecretStore final : public SecretStore
{
public:
    explicit EnvironmentSecretStore(QProcessEnvironment environment = QProcessEnvironment::systemEnvironment());

    static QString variableFor(const QString &key);

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &secret, DoneCallback done) override;
    void remove(const QString &key, DoneCallback done) override;
    QString backendName() const override;
    QString describeLocation(const QString &key) const override;

private:
    QProcessEnvironment m_environment;
};

} // namespace SyncBridge

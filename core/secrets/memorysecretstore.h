#pragma once

#include "secrets/secretstore.h"

#include <QHash>
#include <QMutex>

namespace SyncBridge {

// Keeps secrets in process memory only: for tests, and for the session when the keychain is
// unavailable (the UI says so; nothing is ever written to disk).
class MemorySecretStore final : public SecretStore
{
public:
    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &secret, DoneCallback done) override;
    void remove(const QString &key, DoneCallback done) override;
    QString backendName() const override;

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_secrets;
};

} // namespace SyncBridge

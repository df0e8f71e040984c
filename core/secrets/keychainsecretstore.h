#pragma once

#include "secrets/secretstore.h"

namespace SyncBridge {

// The OS keychain through QtKeychain (Secret Service on Linux, Keychain on macOS, Credential
// Manager on Windows). Service name "SyncBridge". An unavailable keychain is reported as
// ErrorCode::KeychainUnavailable — there is no plaintext fallback.
class KeychainSecretStore final : public SecretStore
{
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("SyncBridge"));

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &secret, DoneCallback done) override;
    void remove(const QString &key, DoneCallback done) override;
    QString backendName() const override;

private:
    QString m_service;
};

} // namespace SyncBridge

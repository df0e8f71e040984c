#pragma once

#include "secrets/memorysecretstore.h"

#include <atomic>
#include <memory>

namespace SyncBridge {

// The desktop app's secret store: the OS keychain first. When the keychain is unavailable the
// secret is kept in memory for this session only (never on disk) and keychainUnavailable() turns
// true, so the UI can say so.
class SessionFallbackSecretStore final : public SecretStore
{
public:
    explicit SessionFallbackSecretStore(std::unique_ptr<SecretStore> keychain);

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &secret, DoneCallback done) override;
    void remove(const QString &key, DoneCallback done) override;
    QString backendName() const override;
    QString describeLocation(const QString &key) const override;

    bool keychainUnavailable() const { return m_keychainUnavailable; }

private:
    std::unique_ptr<SecretStore> m_keychain;
    MemorySecretStore m_session;
    std::atomic_bool m_keychainUnavailable{false};
};

} // namespace SyncBridge

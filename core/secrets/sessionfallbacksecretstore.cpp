#include "secrets/sessionfallbacksecretstore.h"

#include "common/logging.h"

#include <utility>

namespace SyncBridge {

SessionFallbackSecretStore::SessionFallbackSecretStore(std::unique_ptr<SecretStore> keychain)
    : m_keychain(std::move(keychain))
{
}

void SessionFallbackSecretStore::read(const QString &key, ReadCallback done)
{
    m_session.read(key, [this, key, done](Result<QString> fromSession) {
        if (fromSession) {
            done(std::move(fromSession));
            return;
        }
        m_keychain->read(key, [this, done](Result<QString> fromKeychain) {
            if (!fromKeychain && fromKeychain.error().code() == ErrorCode::KeychainUnavailable)
                m_keychainUnavailable = true;
            done(std::move(fromKeychain));
        });
    });
}

void SessionFallbackSecretStore::write(const QString &key, const QString &secret, DoneCallback done)
{
    m_keychain->write(key, secret, [this, key, secret, done](Result<void> written) {
        if (written || written.error().code() != ErrorCode::KeychainUnavailable) {
            done(std::move(written));
            return;
        }
        qCWarning(lcSecrets).noquote() << "keychain unavailable; keeping" << key << "for this session only";
        m_keychainUnavailable = true;
        m_session.write(key, secret, done);
    });
}

void SessionFallbackSecretStore::remove(const QString &key, DoneCallback done)
{
    m_session.remove(key, [this, key, done](Result<void>) {
        m_keychain->remove(key, [this, done](Result<void> removed) {
            if (!removed && removed.error().code() == ErrorCode::KeychainUnavailable) {
                m_keychainUnavailable = true;
                done(success());   // nothing can be in a keychain we cannot reach
                return;
            }
            done(std::move(removed));
        });
    });
}

QString SessionFallbackSecretStore::describeLocation(const QString &key) const
{
    return m_keychainUnavailable ? m_session.describeLocation(key) : m_keychain->describeLocation(key);
}

QString SessionFallbackSecretStore::backendName() const
{
    return m_keychainUnavailable ? m_session.backendName() : m_keychain->backendName();
}

} // namespace SyncBridge

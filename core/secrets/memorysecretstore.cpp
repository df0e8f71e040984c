#include "secrets/memorysecretstore.h"

#include <QCoreApplication>

namespace SyncBridge {

void MemorySecretStore::read(const QString &key, ReadCallback done)
{
    QMutexLocker lock(&m_mutex);
    const auto found = m_secrets.constFind(key);
    if (found == m_secrets.constEnd()) {
        lock.unlock();
        done(Error(ErrorCode::SecretNotFound,
                   QCoreApplication::translate("SyncBridge::Secrets", "No secret is stored for %1 in this session.").arg(key)));
        return;
    }
    const QString secret = found.value();
    lock.unlock();
    done(secret);
}

void MemorySecretStore::write(const QString &key, const QString &secret, DoneCallback done)
{
    {
        const QMutexLocker lock(&m_mutex);
        m_secrets.insert(key, secret);
    }
    done(success());
}

void MemorySecretStore::remove(const QString &key, DoneCallback done)
{
    {
        const QMutexLocker lock(&m_mutex);
        m_secrets.remove(key);
    }
    done(success());
}

QString MemorySecretStore::backendName() const
{
    return QCoreApplication::translate("SyncBridge::Secrets", "session memory");
}

} // namespace SyncBridge

#pragma once

#include "common/result.h"

#include <QString>

#include <functional>

namespace SyncBridge {

// Where secrets (database passwords, client secrets) live. Never the meta-store, settings or logs:
// those hold only the key ("<kind>/<uuid>").
//
// The interface is asynchronous because the OS keychain is: callbacks run on the calling thread's
// event loop. Worker threads and the CLI may use readSecretBlocking(); the GUI thread must not.
class SecretStore
{
public:
    using ReadCallback = std::function<void(Result<QString>)>;
    using DoneCallback = std::function<void(Result<void>)>;

    virtual ~SecretStore() = default;

    virtual void read(const QString &key, ReadCallback done) = 0;
    virtual void write(const QString &key, const QString &secret, DoneCallback done) = 0;
    virtual void remove(const QString &key, DoneCallback done) = 0;
    virtual QString backendName() const = 0;
    // Where the secret of this key really is, for people: "system keychain", or the environment
    // variable's name when secrets come from the environment.
    virtual QString describeLocation(const QString &key) const
    {
        Q_UNUSED(key);
        return backendName();
    }
};

// Kinds of secret, used as the first part of a key.
inline const QString postgresSecretKind = QStringLiteral("postgres");
inline const QString sharePointSecretKind = QStringLiteral("sharepoint");

// "<kind>/<new uuid>"
QString makeSecretKey(const QString &kind);

// Runs a local event loop until the store answers. Never call it on the GUI thread.
Result<QString> readSecretBlocking(SecretStore &store, const QString &key);
Result<void> writeSecretBlocking(SecretStore &store, const QString &key, const QString &secret);
Result<void> removeSecretBlocking(SecretStore &store, const QString &key);

} // namespace SyncBridge

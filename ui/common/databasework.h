#pragma once

#include "common/backgroundtask.h"

#include "model/connection.h"
#include "secrets/secretstore.h"
#include "source/passwordlookup.h"

#include <QHash>
#include <QThreadPool>

#include <memory>

namespace SyncBridge {

// Work against a source database from the GUI: the instances' passwords come from the secret store
// (asynchronously, the keychain may ask the user), then `work(passwords)` runs on the global pool,
// where libpq may block, and `done` receives its result on context's thread.
template<typename Work, typename Done>
void runWithDatabase(QObject *context, SecretStore &secrets, const Database &database, Work work, Done done)
{
    auto passwords = std::make_shared<QHash<QString, QString>>();
    auto pending = std::make_shared<int>(int(database.instances.size()) + 1);
    auto start = [context, passwords, pending, work = std::move(work), done = std::move(done)]() mutable {
        if (--*pending > 0)
            return;
        runInBackground(
            context, QThreadPool::globalInstance(),
            [work = std::move(work), passwords]() {
                return work(PasswordLookup([passwords](const DatabaseInstance &instance) -> Result<QString> { return passwords->value(instance.secretRef); }));
            },
            std::move(done));
    };
    auto shared = std::make_shared<decltype(start)>(std::move(start));
    for (const DatabaseInstance &instance : database.instances) {
        if (instance.secretRef.isEmpty()) {
            (*shared)();
            continue;
        }
        secrets.read(instance.secretRef, [passwords, shared, ref = instance.secretRef](Result<QString> password) {
            if (password)
                passwords->insert(ref, *password);
            (*shared)();
        });
    }
    (*shared)();   // the +1: starts now when no instance needs a password
}

} // namespace SyncBridge

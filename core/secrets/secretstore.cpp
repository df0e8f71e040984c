#include "secrets/secretstore.h"

#include <QEventLoop>
#include <QUuid>

#include <optional>

namespace SyncBridge {
namespace {

template<typename T, typename Start>
Result<T> waitFor(Start start)
{
    std::optional<Result<T>> outcome;
    QEventLoop loop;
    start([&](Result<T> result) {
        outcome.emplace(std::move(result));
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    return std::move(*outcome);
}

} // namespace

QString makeSecretKey(const QString &kind)
{
    return kind + QLatin1Char('/') + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

Result<QString> readSecretBlocking(SecretStore &store, const QString &key)
{
    return waitFor<QString>([&](auto done) { store.read(key, done); });
}

Result<void> writeSecretBlocking(SecretStore &store, const QString &key, const QString &secret)
{
    return waitFor<void>([&](auto done) { store.write(key, secret, done); });
}

Result<void> removeSecretBlocking(SecretStore &store, const QString &key)
{
    return waitFor<void>([&](auto done) { store.remove(key, done); });
}

} // namespace SyncBridge

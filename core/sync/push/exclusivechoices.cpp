#include "sync/push/exclusivechoices.h"

#include "common/logging.h"
#include "graph/graphclient.h"
#include "store/columnlockrepository.h"
#include "sync/interruptedruns.h"

#include <QCoreApplication>
#include <QUuid>

namespace SyncBridge {
namespace {

constexpr qint64 pollMs = 200;
// Renewed three times a lifetime: a renewal late by two thirds of one still finds the lock held.
constexpr int renewalsPerTtl = 3;
// Other holders are waited for this many lock lifetimes: each may have waited out a throttled tenant.
constexpr int lifetimesWaited = 3;

struct LockedExtension {
    MetaStore &store;
    GraphClient &client;
    const Clock &clock;
    qint64 ttlMs;
    QString siteId, listId, column;
    QStringList values;
    std::function<void(Result<ChoicesAdded>)> done;
    QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    qint64 waitedMs = 0;
    bool finished = false;

    Result<bool> lock() const { return ColumnLockRepository(store).tryLock(listId, column, token, thisAgent(), clock.nowUtc(), ttlMs); }
};

// Keeps the lock while the addition runs: its read, update and read again may each wait out a
// Retry-After or the budget for longer than a lock lives, and another writer must not take the
// column meanwhile. A renewal that finds the lock taken is logged; the addition's read-again still
// finds a value another writer's union dropped.
void renewWhileAdding(std::shared_ptr<LockedExtension> extension)
{
    extension->client.after(extension->ttlMs / renewalsPerTtl, [extension] {
        if (extension->finished || extension->client.isCancelled())
            return;
        const auto renewed = extension->lock();
        if (renewed && *renewed) {
            renewWhileAdding(extension);
            return;
        }
        qCWarning(lcSync).noquote() << "the lock on the choices of column" << extension->column << "of list" << extension->listId
                                    << "was lost:" << (renewed ? QStringLiteral("another writer holds it") : renewed.error().toString());
    });
}

void lockThenAdd(std::shared_ptr<LockedExtension> extension)
{
    if (extension->client.isCancelled()) {
        extension->done(Error(ErrorCode::Cancelled, QCoreApplication::translate("SyncBridge::Sync", "Cancelled.")));
        return;
    }
    const auto locked = extension->lock();
    if (!locked) {
        extension->done(locked.error());
        return;
    }
    if (!*locked) {
        const qint64 longestWaitMs = lifetimesWaited * extension->ttlMs;
        if (extension->waitedMs >= longestWaitMs) {
            const int longestWaitMinutes = int(std::max<qint64>(1, longestWaitMs / 60000));
            extension->done(Error(ErrorCode::Busy,
                QCoreApplication::translate("SyncBridge::Sync", "Another run kept changing the choices of column '%1' for %n minute(s).",
                    nullptr, longestWaitMinutes)
                    .arg(extension->column)));
            return;
        }
        extension->waitedMs += pollMs;
        extension->client.after(pollMs, [extension] { lockThenAdd(extension); });
        return;
    }
    renewWhileAdding(extension);
    addChoices(extension->client, extension->siteId, extension->listId, extension->column, extension->values,
        [extension](Result<ChoicesAdded> added) {
            extension->finished = true;
            // A lock left behind runs out by itself; the answer matters more than the unlock.
            (void)ColumnLockRepository(extension->store).unlock(extension->listId, extension->column, extension->token);
            extension->done(std::move(added));
        });
}

} // namespace

void addChoicesExclusively(MetaStore &store, GraphClient &client, const QString &siteId, const QString &listId, const QString &column,
    const QStringList &values, std::function<void(Result<ChoicesAdded>)> done, const Clock &clock, qint64 lockTtlMs)
{
    lockThenAdd(std::make_shared<LockedExtension>(
        LockedExtension{store, client, clock, lockTtlMs, siteId, listId, column, values, std::move(done)}));
}

} // namespace SyncBridge

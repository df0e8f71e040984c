#include "sync/push/exclusivechoices.h"

#include "graph/graphclient.h"
#include "store/columnlockrepository.h"
#include "sync/interruptedruns.h"

#include <QCoreApplication>
#include <QUuid>

namespace SyncBridge {
namespace {

// Long enough for a read, an update and a read again through a throttled tenant; a holder that died
// keeps the column no longer than this.
constexpr qint64 lockTtlMs = 2 * 60 * 1000;
constexpr qint64 pollMs = 200;
constexpr int longestWaitMinutes = 3 * lockTtlMs / 60000;
constexpr qint64 longestWaitMs = longestWaitMinutes * 60000;

struct LockedExtension {
    MetaStore &store;
    GraphClient &client;
    const Clock &clock;
    QString siteId, listId, column;
    QStringList values;
    std::function<void(Result<ChoicesAdded>)> done;
    QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    qint64 waitedMs = 0;
};

void lockThenAdd(std::shared_ptr<LockedExtension> extension)
{
    if (extension->client.isCancelled()) {
        extension->done(Error(ErrorCode::Cancelled, QCoreApplication::translate("SyncBridge::Sync", "Cancelled.")));
        return;
    }
    auto locked = ColumnLockRepository(extension->store)
                      .tryLock(extension->listId, extension->column, extension->token, thisAgent(), extension->clock.nowUtc(), lockTtlMs);
    if (!locked) {
        extension->done(locked.error());
        return;
    }
    if (!*locked) {
        if (extension->waitedMs >= longestWaitMs) {
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
    addChoices(extension->client, extension->siteId, extension->listId, extension->column, extension->values,
        [extension](Result<ChoicesAdded> added) {
            // A lock left behind runs out by itself; the answer matters more than the unlock.
            (void)ColumnLockRepository(extension->store).unlock(extension->listId, extension->column, extension->token);
            extension->done(std::move(added));
        });
}

} // namespace

void addChoicesExclusively(MetaStore &store, GraphClient &client, const QString &siteId, const QString &listId, const QString &column,
    const QStringList &values, std::function<void(Result<ChoicesAdded>)> done, const Clock &clock)
{
    lockThenAdd(std::make_shared<LockedExtension>(LockedExtension{store, client, clock, siteId, listId, column, values, std::move(done)}));
}

} // namespace SyncBridge

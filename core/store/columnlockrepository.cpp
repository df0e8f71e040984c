#include "store/columnlockrepository.h"

#include "store/metastore.h"
#include "store/sql.h"

namespace SyncBridge {

Result<bool> ColumnLockRepository::tryLock(
    const QString &listId, const QString &column, const QString &token, const QString &agent, const QDateTime &now, qint64 ttlMs)
{
    // The conflict's WHERE decides atomically: a live lock of another token is left as it is.
    auto taken = execute(m_store.connection(),
        QStringLiteral("INSERT INTO column_locks (list_id, column_name, token, agent, expires_at) VALUES (?, ?, ?, ?, ?)"
                       " ON CONFLICT (list_id, column_name) DO UPDATE SET token = excluded.token, agent = excluded.agent,"
                       " expires_at = excluded.expires_at WHERE column_locks.expires_at < ? OR column_locks.token = excluded.token"),
        {listId, column, token, agent, toStoredTime(now.addMSecs(ttlMs)), toStoredTime(now)});
    if (!taken)
        return taken.error();
    auto holder = execute(
        m_store.connection(), QStringLiteral("SELECT token FROM column_locks WHERE list_id = ? AND column_name = ?"), {listId, column});
    if (!holder)
        return holder.error();
    return holder->next() && holder->value(0).toString() == token;
}

Result<void> ColumnLockRepository::unlock(const QString &listId, const QString &column, const QString &token)
{
    auto query = execute(m_store.connection(),
        QStringLiteral("DELETE FROM column_locks WHERE list_id = ? AND column_name = ? AND token = ?"), {listId, column, token});
    return query ? success() : Result<void>(query.error());
}

} // namespace SyncBridge

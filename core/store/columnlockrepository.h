#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QString>

namespace SyncBridge {

class MetaStore;

// Short locks on one column of one list, across the processes that share the meta-store: a change
// Graph makes by replacing a whole setting (a choice column's choices) is made by one writer at a
// time. A lock runs out by itself after its ttl, so a holder that died holds nothing for long.
class ColumnLockRepository
{
public:
    explicit ColumnLockRepository(MetaStore &store)
        : m_store(store)
    {
    }

    // Takes the lock unless another token holds it and it has not run out; whether this token holds it.
    Result<bool> tryLock(
        const QString &listId, const QString &column, const QString &token, const QString &agent, const QDateTime &now, qint64 ttlMs);
    Result<void> unlock(const QString &listId, const QString &column, const QString &token);

private:
    MetaStore &m_store;
};

} // namespace SyncBridge

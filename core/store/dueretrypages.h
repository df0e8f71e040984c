#pragma once

#include "common/result.h"
#include "store/ledgerrepository.h"

#include <QDateTime>

namespace SyncBridge {

class Clock;
class MetaStore;

// A run's walk through its definition's retry queue: the rows due when the walk began, a page at a
// time in id order — bounded memory however long the queue, and a row that fails again in this run
// is due later, so the run does not meet it twice. Push and pull retry alike through it.
class DueRetryPages
{
public:
    DueRetryPages(qint64 definitionId, int pageSize)
        : m_definitionId(definitionId)
        , m_pageSize(pageSize)
    {
    }

    // The next page; empty once every due row was read. The first call fixes "due" at the clock's now.
    Result<QList<RetryItem>> next(MetaStore &store, const Clock &clock);

private:
    qint64 m_definitionId;
    int m_pageSize;
    QDateTime m_dueBy;
    qint64 m_lastId = 0;
};

} // namespace SyncBridge

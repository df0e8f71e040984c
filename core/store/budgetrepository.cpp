#include "store/budgetrepository.h"

#include "store/metastore.h"
#include "store/sql.h"

namespace SyncBridge {
namespace {

constexpr qint64 minuteMs = 60 * 1000;
constexpr qint64 dayMs = 24 * 60 * minuteMs;
constexpr qint64 keepSlotsMs = 10 * minuteMs; // slots older than this are no longer looked at
// A lease is counted when it is granted but spent during its life: counting grants over 60 s plus
// that life keeps what is sent in any 60 s within the budget.
constexpr qint64 countedMs = minuteMs + BudgetLedger::leaseLifeMs;

Result<qint64> singleNumber(Result<QSqlQuery> query)
{
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : 0;
}

} // namespace

BudgetRepository::BudgetRepository(std::shared_ptr<MetaStore> store)
    : m_store(std::move(store))
{
}

Result<BudgetLease> BudgetRepository::lease(const BudgetLeaseRequest &request)
{
    auto db = m_store->checkedConnection();
    if (!db)
        return db.error();
    const qint64 now = request.now.toMSecsSinceEpoch();
    const qint64 day = now - now % dayMs;
    const qint64 slot = now - now % slotMs;
    BudgetLease lease;
    auto done = inTransaction(*db, [&]() -> Result<void> {
        // Writing the day row first takes the lock that makes concurrent leases take turns.
        if (auto made = execute(*db,
                QStringLiteral("INSERT INTO graph_budget (connection_id, window_kind, window_start, reserved, spent)"
                               " VALUES (?, 'day', ?, 0, 0) ON CONFLICT DO NOTHING"),
                {request.connectionId, day});
            !made)
            return made.error();
        auto dayReserved = singleNumber(execute(*db,
            QStringLiteral("UPDATE graph_budget SET spent = spent + ?, reserved = reserved - ?"
                           " WHERE connection_id = ? AND window_kind = 'day' AND window_start = ? RETURNING reserved"),
            {request.spent, request.unused, request.connectionId, day}));
        if (!dayReserved)
            return dayReserved.error();
        auto minuteReserved = singleNumber(execute(*db,
            QStringLiteral("SELECT COALESCE(SUM(reserved), 0) FROM graph_budget"
                           " WHERE connection_id = ? AND window_kind = 'slot' AND window_start > ?"),
            {request.connectionId, now - countedMs}));
        if (!minuteReserved)
            return minuteReserved.error();
        const qint64 minuteRoom = request.ruPerMinute - (*minuteReserved - request.unused);
        const qint64 dayRoom = request.ruPerDay - *dayReserved;
        lease.granted = qMax<qint64>(0, qMin(request.wanted, qMin(minuteRoom, dayRoom)));
        if (lease.granted < request.wanted) {
            if (dayRoom < request.wanted) {
                lease.full = BudgetLease::Full::Day;
                lease.retryInMs = day + dayMs - now;
            } else {
                lease.full = BudgetLease::Full::Minute;
                // Room comes back when the oldest slot still counted leaves the last minute.
                auto oldest = singleNumber(execute(*db,
                    QStringLiteral("SELECT COALESCE(MIN(window_start), 0) FROM graph_budget"
                                   " WHERE connection_id = ? AND window_kind = 'slot' AND window_start > ? AND reserved > 0"),
                    {request.connectionId, now - countedMs}));
                if (!oldest)
                    return oldest.error();
                lease.retryInMs = *oldest > 0 ? qMax<qint64>(slotMs / 5, *oldest + countedMs - now) : slotMs;
            }
        }
        if (auto slotted = execute(*db,
                QStringLiteral(
                    "INSERT INTO graph_budget (connection_id, window_kind, window_start, reserved, spent) VALUES (?, 'slot', ?, ?, ?)"
                    " ON CONFLICT (connection_id, window_kind, window_start) DO UPDATE"
                    " SET reserved = graph_budget.reserved + excluded.reserved, spent = graph_budget.spent + excluded.spent"),
                {request.connectionId, slot, lease.granted - request.unused, request.spent});
            !slotted)
            return slotted.error();
        if (lease.granted > 0) {
            if (auto counted = execute(*db,
                    QStringLiteral("UPDATE graph_budget SET reserved = reserved + ?"
                                   " WHERE connection_id = ? AND window_kind = 'day' AND window_start = ?"),
                    {lease.granted, request.connectionId, day});
                !counted)
                return counted.error();
        }
        if (auto pruned
            = execute(*db, QStringLiteral("DELETE FROM graph_budget WHERE connection_id = ? AND window_kind = 'slot' AND window_start < ?"),
                {request.connectionId, now - keepSlotsMs});
            !pruned)
            return pruned.error();
        return success();
    });
    if (!done)
        return done.error();
    return lease;
}

void BudgetRepository::threadEnds()
{
    m_store->releaseThreadConnection();
}

Result<BudgetUsage> BudgetRepository::usage(qint64 connectionId, const QDateTime &now) const
{
    auto db = m_store->checkedConnection();
    if (!db)
        return db.error();
    const qint64 at = now.toMSecsSinceEpoch();
    BudgetUsage usage;
    auto today = singleNumber(execute(*db,
        QStringLiteral("SELECT COALESCE(SUM(spent), 0) FROM graph_budget"
                       " WHERE connection_id = ? AND window_kind = 'day' AND window_start = ?"),
        {connectionId, at - at % dayMs}));
    if (!today)
        return today.error();
    usage.spentToday = *today;
    auto minute = singleNumber(execute(*db,
        QStringLiteral("SELECT COALESCE(SUM(reserved), 0) FROM graph_budget"
                       " WHERE connection_id = ? AND window_kind = 'slot' AND window_start > ?"),
        {connectionId, at - minuteMs}));
    if (!minute)
        return minute.error();
    // A slot's reserved is net of RU given back then, which may belong to a lease older than the minute.
    usage.admittedLastMinute = qMax<qint64>(0, *minute);
    return usage;
}

} // namespace SyncBridge

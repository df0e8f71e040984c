#include "store/leaserepository.h"

#include "store/metastore.h"
#include "store/sql.h"

namespace SyncBridge {

Result<std::optional<RunLeaseHolder>> LeaseRepository::holder(qint64 definitionId) const
{
    auto query = execute(m_store.connection(),
        QStringLiteral("SELECT token, agent, run_id, acquired_at, expires_at, writes_land_by FROM run_leases WHERE definition_id = ?"),
        {definitionId});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<RunLeaseHolder>();
    RunLeaseHolder holder;
    holder.definitionId = definitionId;
    holder.token = query->value(0).toString();
    holder.agent = query->value(1).toString();
    holder.runId = query->value(2).toLongLong();
    holder.acquiredAt = fromStoredTime(query->value(3));
    holder.expiresAt = fromStoredTime(query->value(4));
    holder.writesLandBy = fromStoredTime(query->value(5));
    return std::optional<RunLeaseHolder>(holder);
}

Result<RunLeaseHolder> LeaseRepository::acquire(
    qint64 definitionId, const QString &token, const QString &agent, const QDateTime &now, qint64 ttlMs, const QString &replacing)
{
    // The conflict's WHERE decides atomically: a live lease of another run is left as it is. A lease
    // taken over keeps writes_land_by: the earlier holder's writes are still on their way.
    for (int attempt = 0; attempt < 3; ++attempt) {
        auto taken = execute(m_store.connection(),
            QStringLiteral("INSERT INTO run_leases (definition_id, token, agent, run_id, acquired_at, expires_at) VALUES (?, ?, ?, 0, ?, ?)"
                           " ON CONFLICT (definition_id) DO UPDATE SET token = excluded.token, agent = excluded.agent, run_id = 0,"
                           " acquired_at = excluded.acquired_at, expires_at = excluded.expires_at"
                           " WHERE run_leases.expires_at < ? OR run_leases.token = ? OR run_leases.token = ?"),
            {definitionId, token, agent, toStoredTime(now), toStoredTime(now.addMSecs(ttlMs)), toStoredTime(now), token,
                emptyIfNull(replacing)});
        if (!taken)
            return taken.error();
        auto held = holder(definitionId);
        if (!held)
            return held.error();
        if (*held)
            return **held;
        // released between the two statements: ask again
    }
    return Error(ErrorCode::StoreFailure, QStringLiteral("The run lease of definition %1 keeps changing hands.").arg(definitionId));
}

Result<bool> LeaseRepository::renew(qint64 definitionId, const QString &token, const QDateTime &now, qint64 ttlMs)
{
    auto query = execute(m_store.connection(), QStringLiteral("UPDATE run_leases SET expires_at = ? WHERE definition_id = ? AND token = ?"),
        {toStoredTime(now.addMSecs(ttlMs)), definitionId, token});
    if (!query)
        return query.error();
    return query->numRowsAffected() > 0;
}

Result<void> LeaseRepository::setRun(qint64 definitionId, const QString &token, qint64 runId)
{
    auto query = execute(m_store.connection(), QStringLiteral("UPDATE run_leases SET run_id = ? WHERE definition_id = ? AND token = ?"),
        {runId, definitionId, token});
    return query ? success() : Result<void>(query.error());
}

Result<void> LeaseRepository::setWritesLandBy(qint64 definitionId, const QString &token, const QDateTime &at)
{
    auto query
        = execute(m_store.connection(), QStringLiteral("UPDATE run_leases SET writes_land_by = ? WHERE definition_id = ? AND token = ?"),
            {toStoredTime(at), definitionId, token});
    return query ? success() : Result<void>(query.error());
}

Result<void> LeaseRepository::release(qint64 definitionId, const QString &token, const QDateTime &now)
{
    auto query = execute(m_store.connection(),
        QStringLiteral("DELETE FROM run_leases WHERE definition_id = ? AND token = ? AND (writes_land_by IS NULL OR writes_land_by <= ?)"),
        {definitionId, token, toStoredTime(now)});
    if (!query)
        return query.error();
    if (query->numRowsAffected() > 0)
        return success();
    auto kept = execute(m_store.connection(),
        QStringLiteral("UPDATE run_leases SET run_id = 0, expires_at = 0 WHERE definition_id = ? AND token = ?"), {definitionId, token});
    return kept ? success() : Result<void>(kept.error());
}

} // namespace SyncBridge

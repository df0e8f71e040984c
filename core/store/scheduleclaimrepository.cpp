#include "store/scheduleclaimrepository.h"

#include "store/metastore.h"
#include "store/sql.h"

namespace SyncBridge {
namespace {

const QString claimColumns = QStringLiteral("definition_id, occurrence_at, agent, claimed_at, lease_until, catch_up, run_id, outcome");

ScheduleClaim claimFromQuery(const QSqlQuery &query)
{
    ScheduleClaim claim;
    claim.definitionId = query.value(0).toLongLong();
    claim.occurrenceAt = fromStoredTime(query.value(1));
    claim.agent = query.value(2).toString();
    claim.claimedAt = fromStoredTime(query.value(3));
    claim.leaseUntil = fromStoredTime(query.value(4));
    claim.catchUp = query.value(5).toInt() != 0;
    claim.runId = query.value(6).toLongLong();
    claim.outcome = query.value(7).toString();
    return claim;
}

} // namespace

Result<ClaimResult> ScheduleClaimRepository::claim(
    qint64 definitionId, const QDateTime &occurrenceAt, const QString &agent, bool catchUp, qint64 ttlMs)
{
    const QSqlDatabase db = m_store.connection();
    const QString now = databaseNowSql(db);
    auto inserted = execute(db,
        QStringLiteral("INSERT INTO schedule_claims (definition_id, occurrence_at, agent, claimed_at, lease_until, catch_up)"
                       " VALUES (?, ?, ?, %1, %1 + ?, ?) ON CONFLICT (definition_id, occurrence_at) DO NOTHING RETURNING agent")
            .arg(now),
        {definitionId, toStoredTime(occurrenceAt), agent, ttlMs, catchUp ? 1 : 0});
    if (!inserted)
        return inserted.error();
    ClaimResult result;
    if (inserted->next()) {
        result.claimed = true;
        return result;
    }
    auto existing = claimOf(definitionId, occurrenceAt);
    if (!existing)
        return existing.error();
    if (!*existing || !(*existing)->outcome.isEmpty())
        return result; // ran already (or was deleted with its definition)
    // Only once its lease lapsed by the database's clock.
    return takeOver(**existing, agent, ttlMs, true);
}

Result<ClaimResult> ScheduleClaimRepository::rescue(const ScheduleClaim &orphan, const QString &agent, qint64 ttlMs)
{
    return takeOver(orphan, agent, ttlMs, false);
}

Result<ClaimResult> ScheduleClaimRepository::takeOver(const ScheduleClaim &previous, const QString &agent, qint64 ttlMs, bool onlyLapsed)
{
    // Compare-and-set on the claim as it was read: of two agents taking it over at once, one updates
    // the row and the other finds it changed.
    const QSqlDatabase db = m_store.connection();
    const QString now = databaseNowSql(db);
    auto rescued = execute(db,
        QStringLiteral("UPDATE schedule_claims SET agent = ?, claimed_at = %1, lease_until = %1 + ?, run_id = NULL"
                       " WHERE definition_id = ? AND occurrence_at = ? AND agent = ? AND claimed_at = ? AND outcome IS NULL"
                       " AND (lease_until < %1 OR ? = 0) RETURNING agent")
            .arg(now),
        {agent, ttlMs, previous.definitionId, toStoredTime(previous.occurrenceAt), previous.agent, toStoredTime(previous.claimedAt),
            onlyLapsed ? 1 : 0});
    if (!rescued)
        return rescued.error();
    ClaimResult result;
    if (rescued->next()) {
        result.claimed = true;
        result.rescued = previous;
    }
    return result;
}

Result<QList<ScheduleClaim>> ScheduleClaimRepository::openClaims() const
{
    const QSqlDatabase db = m_store.connection();
    auto query = execute(db,
        QStringLiteral("SELECT %1, CASE WHEN lease_until < %2 THEN 1 ELSE 0 END FROM schedule_claims WHERE outcome IS NULL"
                       " ORDER BY occurrence_at")
            .arg(claimColumns, databaseNowSql(db)));
    if (!query)
        return query.error();
    QList<ScheduleClaim> claims;
    while (query->next()) {
        claims << claimFromQuery(*query);
        claims.last().lapsed = query->value(8).toInt() != 0;
    }
    return claims;
}

Result<int> ScheduleClaimRepository::renew(const QString &agent, qint64 ttlMs)
{
    const QSqlDatabase db = m_store.connection();
    auto query = execute(db,
        QStringLiteral("UPDATE schedule_claims SET lease_until = %1 + ? WHERE agent = ? AND outcome IS NULL").arg(databaseNowSql(db)),
        {ttlMs, agent});
    if (!query)
        return query.error();
    return query->numRowsAffected();
}

Result<void> ScheduleClaimRepository::attachRun(qint64 definitionId, const QDateTime &occurrenceAt, qint64 runId)
{
    auto query = execute(m_store.connection(),
        QStringLiteral("UPDATE schedule_claims SET run_id = ? WHERE definition_id = ? AND occurrence_at = ? AND outcome IS NULL"),
        {runId, definitionId, toStoredTime(occurrenceAt)});
    return query ? success() : Result<void>(query.error());
}

Result<void> ScheduleClaimRepository::finish(
    qint64 definitionId, const QDateTime &occurrenceAt, const QString &agent, qint64 runId, const QString &outcome)
{
    const QSqlDatabase db = m_store.connection();
    auto query = execute(db,
        QStringLiteral("UPDATE schedule_claims SET outcome = ?, run_id = CASE WHEN ? > 0 THEN ? ELSE run_id END, lease_until = %1"
                       " WHERE definition_id = ? AND occurrence_at = ? AND agent = ?")
            .arg(databaseNowSql(db)),
        {outcome, runId, runId, definitionId, toStoredTime(occurrenceAt), agent});
    return query ? success() : Result<void>(query.error());
}

Result<void> ScheduleClaimRepository::release(qint64 definitionId, const QDateTime &occurrenceAt, const QString &agent)
{
    auto query = execute(m_store.connection(),
        QStringLiteral("DELETE FROM schedule_claims WHERE definition_id = ? AND occurrence_at = ? AND agent = ? AND outcome IS NULL"),
        {definitionId, toStoredTime(occurrenceAt), agent});
    return query ? success() : Result<void>(query.error());
}

Result<std::optional<ScheduleClaim>> ScheduleClaimRepository::claimOf(qint64 definitionId, const QDateTime &occurrenceAt) const
{
    auto query = execute(m_store.connection(),
        QStringLiteral("SELECT %1 FROM schedule_claims WHERE definition_id = ? AND occurrence_at = ?").arg(claimColumns),
        {definitionId, toStoredTime(occurrenceAt)});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<ScheduleClaim>();
    return std::optional<ScheduleClaim>(claimFromQuery(*query));
}

Result<QList<ScheduleClaim>> ScheduleClaimRepository::claims(qint64 definitionId) const
{
    auto query = execute(m_store.connection(),
        QStringLiteral("SELECT %1 FROM schedule_claims WHERE definition_id = ? ORDER BY occurrence_at").arg(claimColumns), {definitionId});
    if (!query)
        return query.error();
    QList<ScheduleClaim> claims;
    while (query->next())
        claims << claimFromQuery(*query);
    return claims;
}

} // namespace SyncBridge

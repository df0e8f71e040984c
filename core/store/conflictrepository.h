#pragma once

#include "common/result.h"
#include "model/conflict.h"

#include <QHash>
#include <QList>

#include <optional>

namespace SyncBridge {

class MetaStore;

// The conflict queue of MANUAL two-way definitions (`sync_conflicts`). A conflict is pending from
// the run that finds it until a later run has written its decision to both sides; a row and field
// have at most one pending conflict.
class ConflictRepository
{
public:
    explicit ConflictRepository(const MetaStore &store)
        : m_store(store)
    {
    }

    // Adds the conflict, or — when its row and field already have a pending one — refreshes that one
    // with the new values, run and time (a decision not yet applied is reopened: the values it was
    // made on have changed). The base value and first detection stay. Returns the conflict's id.
    Result<qint64> record(const SyncConflict &conflict);
    Result<std::optional<SyncConflict>> conflict(qint64 id) const;
    // Pending conflicts of a definition (open and decided-but-not-applied), by row then field.
    Result<QList<SyncConflict>> pending(qint64 definitionId) const;
    // The pending conflicts of these rows (one round trip), keyed by identity hash.
    Result<QHash<QString, QList<SyncConflict>>> pendingOf(qint64 definitionId, const QStringList &identityHashes) const;
    // Decided, not yet applied: what the next run writes to both sides.
    Result<QList<SyncConflict>> decided(qint64 definitionId) const;
    // Applied conflicts, newest first.
    Result<QList<SyncConflict>> history(qint64 definitionId, int limit) const;
    // Open conflicts per definition (every definition in one query; absent = none).
    Result<QHash<qint64, qint64>> openCounts() const;

    // Decides an open (or decided, not yet applied) conflict. Refused with InvalidInput for OPEN, and
    // with NotFound when the conflict is unknown or already applied.
    Result<void> resolve(qint64 id, ConflictResolution resolution, const QJsonValue &value, const QString &by, const QDateTime &at);
    Result<void> markApplied(const QList<qint64> &ids, qint64 runId, const QDateTime &at);
    // The row is gone (deleted on either side): its pending conflicts have nothing left to decide.
    Result<void> dropPending(qint64 definitionId, const QString &identityHash);

private:
    Result<QList<SyncConflict>> load(const QString &where, const QVariantList &binds, const QString &order) const;

    const MetaStore &m_store;
};

} // namespace SyncBridge

#pragma once

#include "common/result.h"
#include "model/definition.h"

#include <QList>

namespace SyncBridge {

class MetaStore;

// Sync definitions with their source, key columns, targets, sharding policy and field mappings.
class DefinitionRepository
{
public:
    explicit DefinitionRepository(const MetaStore &store) : m_store(store) {}

    // What saving does with an edit that reinterprets a synced definition's cursor and ledger
    // (see SyncStateChange): refuse it (ErrorCode::NeedsConfirmation, naming the changes), or save
    // it and reset the sync position, the retry queue and, for new key columns, the identities.
    enum class StateChange { Refuse, Reset };

    // Inserts or updates (by id) in one transaction; child rows are replaced. Fills in ids.
    Result<qint64> save(SyncDefinition &definition, StateChange stateChange = StateChange::Refuse);
    // The same, for callers that already hold a transaction on this thread's connection.
    Result<qint64> saveInCurrentTransaction(SyncDefinition &definition, StateChange stateChange = StateChange::Refuse);
    // Only the targets' list ids: what a run found, without overwriting an edit made meanwhile.
    Result<void> rememberListIds(const SyncDefinition &definition);

    Result<QList<SyncDefinition>> all() const;
    Result<SyncDefinition> byId(qint64 id) const;
    Result<SyncDefinition> byName(const QString &name) const;
    Result<void> remove(qint64 id);
    // The definition has run: a ledger entry, a cursor or a queued row is kept for it.
    Result<bool> hasSyncState(qint64 definitionId) const;

private:
    Result<QList<SyncDefinition>> load(const QString &where, const QVariantList &binds) const;
    Result<void> loadChildren(SyncDefinition &definition) const;
    Result<void> applyStateChange(const SyncDefinition &edited, StateChange stateChange);

    const MetaStore &m_store;
};

} // namespace SyncBridge

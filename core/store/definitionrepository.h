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

    // Inserts or updates (by id) in one transaction; child rows are replaced. Fills in ids.
    Result<qint64> save(SyncDefinition &definition);
    // The same, for callers that already hold a transaction on this thread's connection.
    Result<qint64> saveInCurrentTransaction(SyncDefinition &definition);

    Result<QList<SyncDefinition>> all() const;
    Result<SyncDefinition> byId(qint64 id) const;
    Result<SyncDefinition> byName(const QString &name) const;
    Result<void> remove(qint64 id);

private:
    Result<QList<SyncDefinition>> load(const QString &where, const QVariantList &binds) const;
    Result<void> loadChildren(SyncDefinition &definition) const;

    const MetaStore &m_store;
};

} // namespace SyncBridge

#pragma once

#include "common/result.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

namespace SyncBridge {

class MetaStore;

// Two-way's memory of the last state both sides agreed on, per row (`sync_agreed`, migration 18):
// each mapped field's value in SharePoint's form (the base of the field-level merge) and which side
// wrote it last. The ledger entry beside it keeps the same state's content hash.
struct AgreedState {
    QString identityHash;
    QJsonObject values; // SharePoint field → agreed value; a field absent has no agreed value yet
    QString provenance; // "database", "sharepoint", "both" (a merge) or "match" (first run, equal)
};

class AgreedStateRepository
{
public:
    explicit AgreedStateRepository(const MetaStore &store)
        : m_store(store)
    {
    }

    // Every agreed state of a definition, by identity hash (a two-way run compares the whole table).
    Result<QHash<QString, AgreedState>> all(qint64 definitionId) const;
    Result<void> save(qint64 definitionId, const QList<AgreedState> &states);
    Result<void> remove(qint64 definitionId, const QStringList &identityHashes);

private:
    const MetaStore &m_store;
};

} // namespace SyncBridge

#include "sync/references/lookups.h"

#include "store/definitionrepository.h"
#include "store/ledgerrepository.h"
#include "sync/fieldmapper.h"
#include "sync/identity.h"

#include <QCoreApplication>

namespace SyncBridge::Lookups {

Result<LookupSource> source(const MetaStore &store, const FieldMapping &mapping)
{
    auto referenced = DefinitionRepository(store).byName(mapping.referencedDefinition);
    if (!referenced)
        return mappingError(mapping,
            Error(ErrorCode::NotFound,
                QCoreApplication::translate(
                    "SyncBridge::Sync", "the lookup references the definition '%1', and there is none of that name (renamed or removed?).")
                    .arg(mapping.referencedDefinition)));
    LookupSource source;
    source.definitionId = referenced->id;
    source.definitionName = referenced->name;
    source.keySalt = referenced->keySalt;
    if (referenced->targets.size() == 1)
        source.listId = referenced->targets.constFirst().listGraphId;
    QStringList keyColumns = referenced->keyColumns;
    if (keyColumns.isEmpty()) {
        // The table's primary key, which the ledger's identities name: the definition may read
        // another database, so its entries say it rather than a second introspection.
        auto first = LedgerRepository(store).entriesAfter(referenced->id, QString(), 1);
        if (!first)
            return first.error();
        if (!first->isEmpty())
            keyColumns = keyColumnsFromIdentity(first->constFirst().identityText);
    }
    if (keyColumns.size() > 1)
        return mappingError(mapping,
            Error(ErrorCode::InvalidInput,
                QCoreApplication::translate("SyncBridge::Sync",
                    "the definition '%1' identifies its rows by %n columns (%2); a lookup needs a key of one column.", nullptr,
                    int(keyColumns.size()))
                    .arg(referenced->name, keyColumns.join(QStringLiteral(", ")))));
    source.keyColumn = keyColumns.value(0);
    return source;
}

Result<ReferenceAnswers> itemsOf(const MetaStore &store, const LookupSource &source, const FieldMapping &mapping, const QStringList &keys)
{
    ReferenceAnswers answers;
    QHash<QString, QString> keyOfHash;
    for (const QString &key : keys) {
        if (source.keyColumn.isEmpty())
            break;
        keyOfHash.insert(rowIdentity({source.keyColumn}, {key}, source.keySalt).hash, key);
    }
    auto ledger = LedgerRepository(store).lookup(source.definitionId, keyOfHash.keys());
    if (!ledger)
        return ledger.error();
    for (const QString &key : keys)
        answers.insert(key, itemAnswer(source, mapping, key, ledger->value(rowIdentity({source.keyColumn}, {key}, source.keySalt).hash)));
    return answers;
}

ReferenceAnswer itemAnswer(const LookupSource &source, const FieldMapping &mapping, const QString &key, const LedgerEntry &entry)
{
    ReferenceAnswer answer;
    // A MARKED item (its row gone from the source, flagged) is still there to be looked up.
    if (!source.keyColumn.isEmpty() && (entry.state == LedgerState::Synced || entry.state == LedgerState::Marked)
        && !entry.itemId.isEmpty()) {
        answer.value = entry.itemId;
        answer.listId = entry.listGraphId;
        return answer;
    }
    answer.problem = QCoreApplication::translate("SyncBridge::Sync",
        "Lookup %1: the row with %2 of the definition '%3' is not in SharePoint yet; this row waits in the retry queue "
        "until a run of '%3' has written it.")
                         .arg(mappingText(mapping),
                             source.keyColumn.isEmpty() ? QStringLiteral("key '%1'").arg(key) : source.keyColumn + QLatin1Char('=') + key,
                             source.definitionName);
    return answer;
}

Result<ReferenceAnswers> keysOf(
    const MetaStore &store, const LookupSource &source, const FieldMapping &mapping, const QString &listId, const QStringList &itemIds)
{
    auto ledger = LedgerRepository(store).byItems(source.definitionId, listId, itemIds);
    if (!ledger)
        return ledger.error();
    ReferenceAnswers answers;
    for (const QString &itemId : itemIds) {
        ReferenceAnswer answer;
        const auto entry = ledger->constFind(itemId);
        const QStringList key = entry == ledger->constEnd() ? QStringList() : keyValuesFromIdentity(entry->identityText);
        if (key.size() == 1)
            answer.value = key.constFirst();
        else
            answer.problem = QCoreApplication::translate("SyncBridge::Sync",
                "Lookup %1: item %2 of the lookup list belongs to no row that the definition '%3' syncs, so it has no key to write.")
                                 .arg(mappingText(mapping), itemId, source.definitionName);
        answers.insert(itemId, answer);
    }
    return answers;
}

} // namespace SyncBridge::Lookups

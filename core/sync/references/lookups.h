#pragma once

#include "common/result.h"
#include "model/definition.h"
#include "model/runtime.h"

#include <QHash>
#include <QStringList>

namespace SyncBridge {

class MetaStore;

// Where a LOOKUP mapping's keys become item ids: the ledger of the definition that syncs the
// referenced table (FieldMapping::referencedDefinition). Its key must be one column, the column the
// foreign key points at; the identity of a key value is that definition's (its key salt included).
struct LookupSource {
    qint64 definitionId = 0;
    QString definitionName;
    QString keyColumn; // empty while that definition names no key and has synced nothing
    QString keySalt;
    QString listId; // the one list that definition fills, once known (empty for several targets: it routes)
};

// What one key (or item id, in reverse) turned into. `value` is empty when it did not resolve, and
// `problem` says why, for the row's error in the retry queue.
struct ReferenceAnswer {
    QString value;  // push: the item id; pull: the referenced row's key value, or the person's email
    QString listId; // push of a lookup: the list the referenced item is in
    QString problem;
};
using ReferenceAnswers = QHash<QString, ReferenceAnswer>;
// Answers per mapping (by its SharePoint column): key or email → item or lookup id on the push,
// lookup id → key or email on the pull.
using ResolvedReferences = QHash<QString, ReferenceAnswers>;

namespace Lookups {

// The source of a LOOKUP mapping; an error names the mapping and what is wrong with the definition
// it references (missing, a key of several columns).
Result<LookupSource> source(const MetaStore &store, const FieldMapping &mapping);
// Key value → the item the referenced row became (one ledger round trip for all keys). A key whose
// row is not synced (never read, pending, deleted) answers with a problem saying it waits.
Result<ReferenceAnswers> itemsOf(const MetaStore &store, const LookupSource &source, const FieldMapping &mapping, const QStringList &keys);
// The answer for one key from the referenced definition's ledger entry of its row (an empty entry: none).
ReferenceAnswer itemAnswer(const LookupSource &source, const FieldMapping &mapping, const QString &key, const LedgerEntry &entry);
// Item id of `listId` → the key value of the row it was made from (pull and two-way).
Result<ReferenceAnswers> keysOf(
    const MetaStore &store, const LookupSource &source, const FieldMapping &mapping, const QString &listId, const QStringList &itemIds);

} // namespace Lookups
} // namespace SyncBridge

#pragma once

#include "common/result.h"
#include "model/catalog.h"
#include "model/definition.h"
#include "source/sourcerow.h"
#include "sync/references/lookups.h"

#include <QHash>

#include <functional>
#include <memory>

namespace SyncBridge {

class GraphClient;
class MetaStore;
class PersonDirectory;

// A drift check's LOOKUP and PERSON references, answered as a push's ReferenceResolver answers them
// (so the check compares those columns by the ids a push would write, and a repair writes them), but
// from what is read once, before the table: the ledger of every definition a lookup references and
// the site's whole User Information List. A check plans every row on its table reader's thread;
// there the answers are looked up, never fetched.
class DriftReferences
{
public:
    using Loaded = std::function<void(Result<std::shared_ptr<const DriftReferences>>)>;
    // Reads nothing for mappings without such references. An error names the mapping whose referenced
    // definition is missing or unfit (as a push fails), or says why the site's users could not be read.
    static void load(const MetaStore &store, GraphClient &client, const QString &siteId, const QList<FieldMapping> &mappings, Loaded done);
    ~DriftReferences();

    ResolvedReferences answersFor(const SourceRow &row, const QHash<QString, ColumnInfo> &sourceColumns) const;

private:
    struct LookupLedger {
        FieldMapping mapping;
        LookupSource source;
        QHash<QString, LedgerEntry> entries; // by identity hash: the referenced definition's rows (item, list, state)
    };
    DriftReferences();

    QList<LookupLedger> m_lookups;
    QList<FieldMapping> m_people;
    std::unique_ptr<PersonDirectory> m_directory;
};

} // namespace SyncBridge

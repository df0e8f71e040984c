#include "drift/driftreferences.h"

#include "graph/persondirectory.h"
#include "store/ledgerrepository.h"
#include "sync/identity.h"
#include "sync/references/referenceresolver.h"

namespace SyncBridge {
namespace {

// What a lookup answer needs of each referenced row's entry, held for the whole check: the identity
// text, content hash and eTag are left out.
Result<QHash<QString, LedgerEntry>> referencedRows(const MetaStore &store, qint64 definitionId)
{
    QHash<QString, LedgerEntry> rows;
    auto read = LedgerRepository(store).forEachEntry(definitionId, [&rows](const LedgerEntry &entry) {
        LedgerEntry slim;
        slim.itemId = entry.itemId;
        slim.listGraphId = entry.listGraphId;
        slim.state = entry.state;
        rows.insert(entry.identityHash, slim);
    });
    if (!read)
        return read.error();
    return rows;
}

} // namespace

DriftReferences::DriftReferences() = default;
DriftReferences::~DriftReferences() = default;

void DriftReferences::load(
    const MetaStore &store, GraphClient &client, const QString &siteId, const QList<FieldMapping> &mappings, Loaded done)
{
    std::shared_ptr<DriftReferences> references(new DriftReferences);
    for (const FieldMapping &mapping : mappings) {
        if (mapping.kind == FieldKind::Value || !mapping.pushes())
            continue;
        if (mapping.kind == FieldKind::Person) {
            references->m_people << mapping;
            continue;
        }
        auto source = Lookups::source(store, mapping);
        if (!source) {
            done(source.error());
            return;
        }
        auto rows = referencedRows(store, source->definitionId);
        if (!rows) {
            done(rows.error());
            return;
        }
        references->m_lookups.append({mapping, *source, std::move(*rows)});
    }
    if (references->m_people.isEmpty()) {
        done(std::shared_ptr<const DriftReferences>(references));
        return;
    }
    references->m_directory = std::make_unique<PersonDirectory>(client, siteId);
    references->m_directory->findEveryone([references, done = std::move(done)](Result<void> found) {
        if (!found)
            done(found.error());
        else
            done(std::shared_ptr<const DriftReferences>(references));
    });
}

ResolvedReferences DriftReferences::answersFor(const SourceRow &row, const QHash<QString, ColumnInfo> &sourceColumns) const
{
    ResolvedReferences resolved;
    for (const LookupLedger &lookup : m_lookups) {
        const FieldMapping &mapping = lookup.mapping;
        ReferenceAnswers &answers = resolved[mapping.targetColumn];
        for (const QString &key :
            referenceKeys(mapping, row.values.value(mapping.sourceColumn), sourceColumns.value(mapping.sourceColumn))) {
            const QString hash
                = lookup.source.keyColumn.isEmpty() ? QString() : rowIdentity({lookup.source.keyColumn}, {key}, lookup.source.keySalt).hash;
            answers.insert(key, Lookups::itemAnswer(lookup.source, mapping, key, lookup.entries.value(hash)));
        }
    }
    for (const FieldMapping &mapping : m_people) {
        ReferenceAnswers &answers = resolved[mapping.targetColumn];
        for (const QString &email :
            referenceKeys(mapping, row.values.value(mapping.sourceColumn), sourceColumns.value(mapping.sourceColumn)))
            answers.insert(email, personIdAnswer(*m_directory, mapping, email));
    }
    return resolved;
}

} // namespace SyncBridge

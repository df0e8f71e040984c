#include "sync/cdc/cdcchanges.h"

#include <QCoreApplication>

namespace SyncBridge {

using namespace PgOutput;

CdcChangeAssembler::CdcChangeAssembler(QString schema, QString table, QStringList keyColumns)
    : m_schema(std::move(schema))
    , m_table(std::move(table))
    , m_keyColumns(std::move(keyColumns))
{
}

const Relation *CdcChangeAssembler::capturedRelation(quint32 id) const
{
    const auto found = m_relations.constFind(id);
    if (found == m_relations.cend() || found->schema != m_schema || found->name != m_table)
        return nullptr; // another table of the publication
    return &*found;
}

Result<SourceRow> CdcChangeAssembler::rowFrom(const Relation &relation, const Tuple &tuple, bool keyOnly, QStringList *unchanged) const
{
    if (tuple.size() != relation.columns.size())
        return Error(ErrorCode::InvalidInput,
            QCoreApplication::translate(
                "SyncBridge::Sync", "A change of %1.%2 does not match the table's columns as the stream described them.")
                .arg(m_schema, m_table),
            QStringLiteral("%1 values, %2 columns").arg(tuple.size()).arg(relation.columns.size()));
    SourceRow row;
    for (int i = 0; i < tuple.size(); ++i) {
        const QString &name = relation.columns.at(i).name;
        const Value &value = tuple.at(i);
        switch (value.kind) {
        case Value::Kind::Text:
            row.values.insert(name, QString::fromUtf8(value.data));
            break;
        case Value::Kind::Null:
            // In an old-key tuple only the replica identity has values; the rest is not NULL, just absent.
            if (!keyOnly || relation.columns.at(i).partOfKey)
                row.values.insert(name, std::nullopt);
            break;
        case Value::Kind::Unchanged:
            if (unchanged)
                *unchanged << name;
            break;
        case Value::Kind::Binary:
            return Error(ErrorCode::InvalidInput, QStringLiteral("binary tuple values were not asked for (column %1)").arg(name));
        }
    }
    for (const QString &key : m_keyColumns) {
        const auto found = row.values.constFind(key);
        if (found == row.values.cend())
            return Error(ErrorCode::Unsupported,
                QCoreApplication::translate("SyncBridge::Sync",
                    "A change of %1.%2 does not carry the key column '%3': it is not the table's replica identity. Make the definition's "
                    "key "
                    "the primary key, or run ALTER TABLE %1.%2 REPLICA IDENTITY FULL (or USING INDEX on a unique index of the key).")
                    .arg(m_schema, m_table, key));
        row.keyValues << found->value_or(QString());
    }
    return row;
}

Result<void> CdcChangeAssembler::add(quint32 relationId, const Tuple *oldTuple, bool oldIsFull, const Tuple *newTuple)
{
    const Relation *relation = capturedRelation(relationId);
    if (!relation) {
        if (!m_relations.contains(relationId))
            return Error(ErrorCode::InvalidInput, QStringLiteral("a change of relation %1 before its Relation message").arg(relationId));
        return success();
    }
    if (!m_open)
        return Error(ErrorCode::InvalidInput, QStringLiteral("a change outside a transaction"));
    std::optional<SourceRow> before;
    if (oldTuple) {
        auto old = rowFrom(*relation, *oldTuple, !oldIsFull, nullptr);
        if (!old)
            return old.error();
        before = *old;
    }
    if (!newTuple) { // a delete
        CdcChange change;
        change.kind = CdcChange::Kind::Delete;
        change.row = *before;
        m_open->changes << change;
        return success();
    }
    CdcChange change;
    auto after = rowFrom(*relation, *newTuple, false, &change.unchangedColumns);
    if (!after)
        return after.error();
    change.row = *after;
    // A new key is a new identity: the old key's item goes, the new key's comes (a move of identity).
    if (before && before->keyValues != change.row.keyValues) {
        CdcChange gone;
        gone.kind = CdcChange::Kind::Delete;
        gone.row.keyValues = before->keyValues;
        for (const QString &key : std::as_const(m_keyColumns))
            gone.row.values.insert(key, before->values.value(key));
        m_open->changes << gone;
    }
    m_open->changes << change;
    return success();
}

Result<std::optional<CdcTransaction>> CdcChangeAssembler::feed(const PgOutputMessage &message)
{
    const auto none = std::optional<CdcTransaction>();
    if (const auto *relation = std::get_if<Relation>(&message)) {
        m_relations.insert(relation->id, *relation);
        return none;
    }
    if (const auto *begin = std::get_if<Begin>(&message)) {
        m_open = CdcTransaction{};
        m_open->commitTime = begin->commitTime;
        return none;
    }
    if (const auto *commit = std::get_if<Commit>(&message)) {
        if (!m_open)
            return Error(ErrorCode::InvalidInput, QStringLiteral("a commit without its begin"));
        CdcTransaction done = std::move(*m_open);
        m_open.reset();
        done.commitEnd = commit->endLsn;
        return std::optional<CdcTransaction>(std::move(done));
    }
    if (const auto *insert = std::get_if<Insert>(&message)) {
        if (auto added = add(insert->relationId, nullptr, false, &insert->newTuple); !added)
            return added.error();
        return none;
    }
    if (const auto *update = std::get_if<Update>(&message)) {
        const bool hasOld = update->oldKind != Update::OldKind::None;
        if (auto added
            = add(update->relationId, hasOld ? &update->oldTuple : nullptr, update->oldKind == Update::OldKind::Full, &update->newTuple);
            !added)
            return added.error();
        return none;
    }
    if (const auto *removed = std::get_if<Delete>(&message)) {
        if (auto added = add(removed->relationId, &removed->oldTuple, removed->fullOldTuple, nullptr); !added)
            return added.error();
        return none;
    }
    if (const auto *truncate = std::get_if<Truncate>(&message)) {
        for (quint32 id : truncate->relationIds) {
            if (capturedRelation(id) && m_open) {
                CdcChange change;
                change.kind = CdcChange::Kind::Truncate;
                m_open->changes << change;
            }
        }
        return none;
    }
    return none; // Origin, Type and the heartbeat's logical message change no row
}

} // namespace SyncBridge

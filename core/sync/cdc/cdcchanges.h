#pragma once

#include "common/result.h"
#include "source/replication/pgoutput.h"
#include "source/sourcerow.h"

#include <QHash>
#include <QStringList>

#include <optional>

namespace SyncBridge {

// One change of the captured table, as the engine plans it: the row's values as text (the same
// forms a read of the table gives), NULL as nullopt.
struct CdcChange {
    enum class Kind {
        Upsert,   // an insert or update: create or update the row's item
        Delete,   // the row is gone: `row` holds its key values only
        Truncate, // every row is gone: for the delete circuit breaker, never applied unasked
    };
    Kind kind = Kind::Upsert;
    SourceRow row;
    // Columns of an update whose TOASTed value did not change and is not in the message: absent
    // from row.values, so the item keeps SharePoint's value (or the engine reads it) — never a blank.
    QStringList unchangedColumns;
};

// A committed transaction's changes to the table, in commit order. commitEnd is the position a
// consumer confirms once every change in it is delivered.
struct CdcTransaction {
    Lsn commitEnd;
    QDateTime commitTime;
    QList<CdcChange> changes;
};

// Turns pgoutput messages into the changes of one table's rows, one committed transaction at a
// time. Relation messages replace what is known of a table whenever they come (a column added or
// dropped mid-stream), so every tuple is read with the columns it was written with. A key column of
// the definition that a delete's old-key tuple does not carry (the key is not the replica identity)
// is an error saying what to change — a guessed key would delete another row's item.
class CdcChangeAssembler
{
public:
    CdcChangeAssembler(QString schema, QString table, QStringList keyColumns);

    Result<std::optional<CdcTransaction>> feed(const PgOutputMessage &message);
    bool inTransaction() const { return m_open.has_value(); }

private:
    Result<SourceRow> rowFrom(const PgOutput::Relation &relation, const PgOutput::Tuple &tuple, bool keyOnly, QStringList *unchanged) const;
    const PgOutput::Relation *capturedRelation(quint32 id) const;
    Result<void> add(quint32 relationId, const PgOutput::Tuple *oldTuple, bool oldIsFull, const PgOutput::Tuple *newTuple);

    QString m_schema;
    QString m_table;
    QStringList m_keyColumns;
    QHash<quint32, PgOutput::Relation> m_relations;
    std::optional<CdcTransaction> m_open;
};

} // namespace SyncBridge

#pragma once

#include "source/replication/lsn.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>

#include <variant>

namespace SyncBridge {

// The messages of PostgreSQL's built-in pgoutput plugin, protocol version 1 ("Logical Replication
// Message Formats" in PostgreSQL's documentation), as plain values. Relation ids are the table's
// OID; a Relation message describes it before the first change of each session and again after
// every schema change, so a reader keeps the newest one per id.
namespace PgOutput {

// One column value of a tuple. Unchanged is an unchanged TOASTed value the server left out of an
// update: the new value is the old one, which the message does not carry — never write it as empty.
struct Value {
    enum class Kind { Null, Unchanged, Text, Binary };
    Kind kind = Kind::Null;
    QByteArray data; // Text: the type's output form in UTF-8; Binary: its send form

    friend bool operator==(const Value &a, const Value &b) { return a.kind == b.kind && a.data == b.data; }
};
using Tuple = QList<Value>;

struct Begin {
    Lsn finalLsn; // the commit's LSN
    QDateTime commitTime;
    quint32 xid = 0;
};

struct Commit {
    quint8 flags = 0;
    Lsn commitLsn;
    Lsn endLsn; // the position after the commit: what a consumer confirms once it has applied it
    QDateTime commitTime;
};

struct Origin {
    Lsn commitLsn;
    QString name;
};

struct RelationColumn {
    bool partOfKey = false; // part of the replica identity: present in a delete's or update's old-key tuple
    QString name;
    quint32 typeOid = 0;
    qint32 typeModifier = -1;
};

struct Relation {
    quint32 id = 0;
    QString schema;
    QString name;
    char replicaIdentity = 'd'; // d default (primary key), n nothing, f full, i index
    QList<RelationColumn> columns;
};

struct Type {
    quint32 oid = 0;
    QString schema;
    QString name;
};

struct Insert {
    quint32 relationId = 0;
    Tuple newTuple;
};

struct Update {
    enum class OldKind { None, Key, Full };
    quint32 relationId = 0;
    OldKind oldKind = OldKind::None; // Key: the replica identity changed; Full: REPLICA IDENTITY FULL
    Tuple oldTuple;
    Tuple newTuple;
};

struct Delete {
    quint32 relationId = 0;
    bool fullOldTuple = false; // REPLICA IDENTITY FULL; otherwise only the key columns have values
    Tuple oldTuple;
};

struct Truncate {
    bool cascade = false;
    bool restartIdentity = false;
    QList<quint32> relationIds;
};

// pg_logical_emit_message() (delivered when the stream asks for messages): the CDC heartbeat.
struct LogicalMessage {
    bool transactional = false;
    Lsn lsn;
    QString prefix;
    QByteArray content;
};

} // namespace PgOutput

using PgOutputMessage = std::variant<PgOutput::Begin, PgOutput::Commit, PgOutput::Origin, PgOutput::Relation, PgOutput::Type,
    PgOutput::Insert, PgOutput::Update, PgOutput::Delete, PgOutput::Truncate, PgOutput::LogicalMessage>;

} // namespace SyncBridge

#include "source/replication/pgoutputdecoder.h"

#include "source/replication/bytereader.h"

#include <QCoreApplication>
#include <QTimeZone>

namespace SyncBridge {

namespace {
using namespace PgOutput;

// PostgreSQL counts timestamps in microseconds from 2000-01-01 00:00 UTC.
constexpr qint64 postgresEpochMs = 946684800000LL;

QDateTime postgresTime(quint64 micros)
{
    return QDateTime::fromMSecsSinceEpoch(postgresEpochMs + qint64(micros) / 1000, QTimeZone::utc());
}

Error malformed(char type, const char *what)
{
    return Error(ErrorCode::InvalidInput,
        QCoreApplication::translate("SyncBridge::Source", "The replication stream sent a message this version cannot read."),
        QStringLiteral("pgoutput '%1': %2").arg(QString(QLatin1Char(type)), QString::fromLatin1(what)));
}

// Each reader returns false as soon as a field is missing; the caller names the message.
bool readTuple(ByteReader &in, Tuple &tuple)
{
    const auto count = in.u16();
    if (!count)
        return false;
    tuple.clear();
    tuple.reserve(qMin<int>(*count, int(in.left()))); // a forged count must not reserve 64k values for 3 bytes
    for (int i = 0; i < *count; ++i) {
        const auto kind = in.u8();
        if (!kind)
            return false;
        Value value;
        switch (*kind) {
        case 'n':
            value.kind = Value::Kind::Null;
            break;
        case 'u':
            value.kind = Value::Kind::Unchanged;
            break;
        case 't':
        case 'b': {
            const auto length = in.u32();
            if (!length)
                return false;
            auto data = in.bytes(qint32(*length));
            if (!data)
                return false;
            value.kind = *kind == 't' ? Value::Kind::Text : Value::Kind::Binary;
            value.data = std::move(*data);
            break;
        }
        default:
            return false;
        }
        tuple << value;
    }
    return true;
}

bool readBegin(ByteReader &in, Begin &out)
{
    const auto lsn = in.u64();
    const auto time = in.u64();
    const auto xid = in.u32();
    if (!lsn || !time || !xid)
        return false;
    out = {Lsn{*lsn}, postgresTime(*time), *xid};
    return true;
}

bool readCommit(ByteReader &in, Commit &out)
{
    const auto flags = in.u8();
    const auto commit = in.u64();
    const auto end = in.u64();
    const auto time = in.u64();
    if (!flags || !commit || !end || !time)
        return false;
    out = {*flags, Lsn{*commit}, Lsn{*end}, postgresTime(*time)};
    return true;
}

bool readOrigin(ByteReader &in, Origin &out)
{
    const auto lsn = in.u64();
    if (!lsn)
        return false;
    const auto name = in.cstring();
    if (!name)
        return false;
    out = {Lsn{*lsn}, *name};
    return true;
}

bool readRelation(ByteReader &in, Relation &out)
{
    const auto id = in.u32();
    if (!id)
        return false;
    const auto schema = in.cstring();
    if (!schema)
        return false;
    const auto name = in.cstring();
    const auto identity = in.u8();
    const auto count = in.u16();
    if (!name || !identity || !count)
        return false;
    out.id = *id;
    out.schema = *schema;
    out.name = *name;
    out.replicaIdentity = char(*identity);
    out.columns.clear();
    for (int i = 0; i < *count; ++i) {
        const auto flags = in.u8();
        if (!flags)
            return false;
        const auto column = in.cstring();
        if (!column)
            return false;
        const auto type = in.u32();
        const auto modifier = in.u32();
        if (!type || !modifier)
            return false;
        out.columns << RelationColumn{(*flags & 1) != 0, *column, *type, qint32(*modifier)};
    }
    return true;
}

bool readType(ByteReader &in, Type &out)
{
    const auto oid = in.u32();
    if (!oid)
        return false;
    const auto schema = in.cstring();
    if (!schema)
        return false;
    const auto name = in.cstring();
    if (!name)
        return false;
    out = {*oid, *schema, *name};
    return true;
}

bool readInsert(ByteReader &in, Insert &out)
{
    const auto id = in.u32();
    const auto marker = in.u8();
    if (!id || !marker || *marker != 'N')
        return false;
    out.relationId = *id;
    return readTuple(in, out.newTuple);
}

bool readUpdate(ByteReader &in, Update &out)
{
    const auto id = in.u32();
    auto marker = in.u8();
    if (!id || !marker)
        return false;
    out.relationId = *id;
    if (*marker == 'K' || *marker == 'O') {
        out.oldKind = *marker == 'K' ? Update::OldKind::Key : Update::OldKind::Full;
        if (!readTuple(in, out.oldTuple))
            return false;
        marker = in.u8();
        if (!marker)
            return false;
    }
    return *marker == 'N' && readTuple(in, out.newTuple);
}

bool readDelete(ByteReader &in, Delete &out)
{
    const auto id = in.u32();
    const auto marker = in.u8();
    if (!id || !marker || (*marker != 'K' && *marker != 'O'))
        return false;
    out.relationId = *id;
    out.fullOldTuple = *marker == 'O';
    return readTuple(in, out.oldTuple);
}

bool readTruncate(ByteReader &in, Truncate &out)
{
    const auto count = in.u32();
    const auto options = in.u8();
    if (!count || !options || qint64(*count) * 4 > in.left())
        return false;
    out.cascade = (*options & 1) != 0;
    out.restartIdentity = (*options & 2) != 0;
    for (quint32 i = 0; i < *count; ++i)
        out.relationIds << *in.u32();
    return true;
}

bool readLogicalMessage(ByteReader &in, LogicalMessage &out)
{
    const auto flags = in.u8();
    const auto lsn = in.u64();
    if (!flags || !lsn)
        return false;
    const auto prefix = in.cstring();
    if (!prefix)
        return false;
    const auto length = in.u32();
    if (!length)
        return false;
    auto content = in.bytes(qint32(*length));
    if (!content)
        return false;
    out = {(*flags & 1) != 0, Lsn{*lsn}, *prefix, std::move(*content)};
    return true;
}

template<typename Message, typename Reader> Result<PgOutputMessage> decodeAs(ByteReader &in, char type, Reader read)
{
    Message message;
    if (!read(in, message))
        return malformed(type, "truncated or malformed");
    if (!in.atEnd())
        return malformed(type, "trailing bytes");
    return PgOutputMessage(std::move(message));
}
} // namespace

Result<PgOutputMessage> decodePgOutput(const QByteArray &message)
{
    ByteReader in(message);
    const auto type = in.u8();
    if (!type)
        return malformed('?', "empty message");
    const char kind = char(*type);
    switch (kind) {
    case 'B':
        return decodeAs<Begin>(in, kind, readBegin);
    case 'C':
        return decodeAs<Commit>(in, kind, readCommit);
    case 'O':
        return decodeAs<Origin>(in, kind, readOrigin);
    case 'R':
        return decodeAs<Relation>(in, kind, readRelation);
    case 'Y':
        return decodeAs<Type>(in, kind, readType);
    case 'I':
        return decodeAs<Insert>(in, kind, readInsert);
    case 'U':
        return decodeAs<Update>(in, kind, readUpdate);
    case 'D':
        return decodeAs<Delete>(in, kind, readDelete);
    case 'T':
        return decodeAs<Truncate>(in, kind, readTruncate);
    case 'M':
        return decodeAs<LogicalMessage>(in, kind, readLogicalMessage);
    default:
        return malformed(kind >= 0x20 && kind < 0x7f ? kind : '?', "unknown message type");
    }
}

} // namespace SyncBridge

// The pgoutput decoder and the replication frames, on messages built byte by byte as the
// "Logical Replication Message Formats" page describes them; then fuzzed: every truncation of a
// valid message, random bytes after every type byte, and random mutations of valid messages are
// refused or decoded, never a crash (run under the ci build's assertions; ASan finds the rest).
#include "source/replication/lsn.h"
#include "source/replication/pgoutputdecoder.h"
#include "source/replication/walframes.h"

#include <QRandomGenerator>
#include <QTest>
#include <QTimeZone>
#include <QtEndian>

using namespace SyncBridge;
using namespace SyncBridge::PgOutput;

namespace {
// Writes the protocol's network-order fields: the test's own encoder, independent of the decoder.
class Message
{
public:
    explicit Message(char type) { m_bytes.append(type); }
    Message &u8(quint8 v)
    {
        m_bytes.append(char(v));
        return *this;
    }
    Message &u16(quint16 v) { return fixed(v); }
    Message &u32(quint32 v) { return fixed(v); }
    Message &u64(quint64 v) { return fixed(v); }
    Message &str(const QByteArray &s)
    {
        m_bytes.append(s);
        m_bytes.append('\0');
        return *this;
    }
    Message &raw(const QByteArray &s)
    {
        m_bytes.append(s);
        return *this;
    }
    Message &text(const QByteArray &value)
    {
        u8('t');
        u32(quint32(value.size()));
        return raw(value);
    }
    Message &null() { return u8('n'); }
    Message &unchanged() { return u8('u'); }
    QByteArray bytes() const { return m_bytes; }

private:
    template<typename T> Message &fixed(T v)
    {
        char out[sizeof(T)];
        qToBigEndian(v, out);
        m_bytes.append(out, sizeof(T));
        return *this;
    }
    QByteArray m_bytes;
};

// 2026-03-01 12:00:00 UTC in PostgreSQL's microseconds since 2000-01-01.
const quint64 commitMicros
    = quint64(QDateTime(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc()).toMSecsSinceEpoch() - 946684800000LL) * 1000;

QByteArray relationMessage()
{
    return Message('R')
        .u32(16384)
        .str("Odd Schema")
        .str("sélect \"t\"")
        .u8('d')
        .u16(3)
        .u8(1)
        .str("id")
        .u32(23)
        .u32(quint32(-1))
        .u8(0)
        .str("body")
        .u32(25)
        .u32(quint32(-1))
        .u8(0)
        .str("price")
        .u32(1700)
        .u32(655366)
        .bytes();
}

QByteArray updateMessage()
{
    return Message('U').u32(16384).u8('K').u16(3).text("7").null().null().u8('N').u16(3).text("8").unchanged().text("12.50").bytes();
}

// Valid messages of every kind: the seeds the fuzzer truncates and mutates.
QList<QByteArray> validMessages()
{
    return {
        Message('B').u64(0x16B374D848ULL).u64(commitMicros).u32(731).bytes(),
        Message('C').u8(0).u64(0x16B374D848ULL).u64(0x16B374D880ULL).u64(commitMicros).bytes(),
        Message('O').u64(0x10).str("node_a").bytes(),
        relationMessage(),
        Message('Y').u32(70001).str("public").str("mood").bytes(),
        Message('I').u32(16384).u8('N').u16(3).text("1").text("Grüße").null().bytes(),
        updateMessage(),
        Message('U').u32(16384).u8('N').u16(1).text("x").bytes(),
        Message('D').u32(16384).u8('K').u16(3).text("9").null().null().bytes(),
        Message('D').u32(16384).u8('O').u16(2).text("9").text("gone").bytes(),
        Message('T').u32(2).u8(3).u32(16384).u32(16390).bytes(),
        Message('M').u8(0).u64(0x20).str("syncbridge-heartbeat").u32(2).raw("hi").bytes(),
    };
}

template<typename T> T as(const QByteArray &bytes)
{
    const auto decoded = decodePgOutput(bytes);
    if (!decoded)
        qFatal("not decoded: %s", qPrintable(decoded.error().toString()));
    if (!std::holds_alternative<T>(*decoded))
        qFatal("decoded as another message type");
    return std::get<T>(*decoded);
}
} // namespace

class TestPgOutputDecoder : public QObject
{
    Q_OBJECT

private slots:
    void lsnTextRoundTrips_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<quint64>("value");
        QTest::newRow("zero-high") << QStringLiteral("0/16B3748") << quint64(0x16B3748);
        QTest::newRow("both halves") << QStringLiteral("16/B374D848") << quint64(0x16B374D848ULL);
        QTest::newRow("max") << QStringLiteral("FFFFFFFF/FFFFFFFF") << quint64(~0ULL);
    }
    void lsnTextRoundTrips()
    {
        QFETCH(QString, text);
        QFETCH(quint64, value);
        const auto parsed = Lsn::parse(text);
        QVERIFY(parsed.has_value());
        QCOMPARE(parsed->value, value);
        QCOMPARE(parsed->toString(), text);
    }
    void lsnRefusesWhatIsNotOne()
    {
        for (const char *bad : {"", "/", "1/", "/1", "1/2/3", "g/1", "100000000/0", "1 2"})
            QVERIFY2(!Lsn::parse(QString::fromLatin1(bad)).has_value(), bad);
    }

    void beginAndCommitCarryTheirPositionsAndTime()
    {
        const auto begin = as<Begin>(validMessages().at(0));
        QCOMPARE(begin.finalLsn.value, 0x16B374D848ULL);
        QCOMPARE(begin.xid, 731u);
        QCOMPARE(begin.commitTime, QDateTime(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc()));
        const auto commit = as<Commit>(validMessages().at(1));
        QCOMPARE(commit.commitLsn.value, 0x16B374D848ULL);
        QCOMPARE(commit.endLsn.value, 0x16B374D880ULL);
        QCOMPARE(commit.commitTime, begin.commitTime);
    }

    void aRelationNamesItsColumnsTypesAndKey()
    {
        const auto relation = as<Relation>(relationMessage());
        QCOMPARE(relation.id, 16384u);
        QCOMPARE(relation.schema, QStringLiteral("Odd Schema"));
        QCOMPARE(relation.name, QStringLiteral("sélect \"t\""));
        QCOMPARE(relation.replicaIdentity, 'd');
        QCOMPARE(relation.columns.size(), 3);
        QVERIFY(relation.columns.at(0).partOfKey);
        QVERIFY(!relation.columns.at(1).partOfKey);
        QCOMPARE(relation.columns.at(2).name, QStringLiteral("price"));
        QCOMPARE(relation.columns.at(2).typeOid, 1700u);
        QCOMPARE(relation.columns.at(2).typeModifier, 655366);
        QCOMPARE(relation.columns.at(0).typeModifier, -1);
    }

    void anUpdateKeepsUnchangedToastApartFromNullAndEmpty()
    {
        const auto update = as<Update>(updateMessage());
        QCOMPARE(update.oldKind, Update::OldKind::Key);
        QCOMPARE(update.oldTuple.size(), 3);
        QCOMPARE(update.oldTuple.at(0).data, QByteArray("7"));
        QCOMPARE(update.newTuple.at(1).kind, Value::Kind::Unchanged);
        QCOMPARE(update.newTuple.at(2).kind, Value::Kind::Text);
        QCOMPARE(update.newTuple.at(2).data, QByteArray("12.50"));
        const auto plain = as<Update>(validMessages().at(7));
        QCOMPARE(plain.oldKind, Update::OldKind::None);
        QVERIFY(plain.oldTuple.isEmpty());
        const auto empty = as<Insert>(Message('I').u32(1).u8('N').u16(2).text("").null().bytes());
        QCOMPARE(empty.newTuple.at(0).kind, Value::Kind::Text);
        QVERIFY(empty.newTuple.at(0).data.isEmpty());
        QCOMPARE(empty.newTuple.at(1).kind, Value::Kind::Null);
    }

    void insertsDeletesAndTruncatesDecode()
    {
        const auto insert = as<Insert>(validMessages().at(5));
        QCOMPARE(insert.relationId, 16384u);
        QCOMPARE(QString::fromUtf8(insert.newTuple.at(1).data), QStringLiteral("Grüße"));
        const auto keyDelete = as<Delete>(validMessages().at(8));
        QVERIFY(!keyDelete.fullOldTuple);
        QCOMPARE(keyDelete.oldTuple.at(0).data, QByteArray("9"));
        QCOMPARE(keyDelete.oldTuple.at(1).kind, Value::Kind::Null);
        QVERIFY(as<Delete>(validMessages().at(9)).fullOldTuple);
        const auto truncate = as<Truncate>(validMessages().at(10));
        QVERIFY(truncate.cascade);
        QVERIFY(truncate.restartIdentity);
        QCOMPARE(truncate.relationIds, (QList<quint32>{16384, 16390}));
        const auto message = as<LogicalMessage>(validMessages().at(11));
        QCOMPARE(message.prefix, QStringLiteral("syncbridge-heartbeat"));
        QCOMPARE(message.content, QByteArray("hi"));
        QCOMPARE(as<Origin>(validMessages().at(2)).name, QStringLiteral("node_a"));
        QCOMPARE(as<Type>(validMessages().at(4)).name, QStringLiteral("mood"));
    }

    void everyTruncationAndTrailingByteIsRefused()
    {
        for (const QByteArray &valid : validMessages()) {
            QVERIFY(decodePgOutput(valid).ok());
            for (qsizetype length = 0; length < valid.size(); ++length) {
                const auto cut = decodePgOutput(valid.left(length));
                QVERIFY2(!cut.ok(), qPrintable(QStringLiteral("%1 cut to %2 bytes").arg(QLatin1Char(valid.at(0))).arg(length)));
                QCOMPARE(cut.error().code(), ErrorCode::InvalidInput);
            }
            QVERIFY(!decodePgOutput(valid + '\0').ok());
        }
        // Stream messages of protocol 2 are never asked for: refused, not misread.
        QVERIFY(!decodePgOutput(Message('S').u32(1).u8(1).bytes()).ok());
    }

    void forgedLengthsAndCountsAreRefusedWithoutAllocatingThem()
    {
        QVERIFY(!decodePgOutput(Message('I').u32(1).u8('N').u16(1).u8('t').u32(0x7FFFFFF0).raw("abc").bytes()).ok());
        QVERIFY(!decodePgOutput(Message('I').u32(1).u8('N').u16(1).u8('t').u32(0xFFFFFFFF).bytes()).ok());
        QVERIFY(!decodePgOutput(Message('I').u32(1).u8('N').u16(65535).null().bytes()).ok());
        QVERIFY(!decodePgOutput(Message('T').u32(0x40000000).u8(0).u32(1).bytes()).ok());
        QVERIFY(!decodePgOutput(Message('I').u32(1).u8('N').u16(1).u8('x').bytes()).ok());
    }

    void randomMessagesNeverCrashTheDecoder()
    {
        QRandomGenerator random(20261202);
        const QByteArray types("BCORYIUDTMSEcAxk\0", 17);
        int decoded = 0;
        for (int i = 0; i < 200000; ++i) {
            QByteArray message(1 + int(random.bounded(64)), Qt::Uninitialized);
            for (char &c : message)
                c = char(random.bounded(256));
            message[0] = types.at(int(random.bounded(int(types.size()))));
            if (decodePgOutput(message).ok())
                ++decoded;
        }
        // Mutations of valid messages reach deeper than random bytes: flip, insert and drop bytes.
        const QList<QByteArray> seeds = validMessages();
        for (int i = 0; i < 200000; ++i) {
            QByteArray message = seeds.at(int(random.bounded(int(seeds.size()))));
            const int edits = 1 + int(random.bounded(4));
            for (int e = 0; e < edits && !message.isEmpty(); ++e) {
                const int at = int(random.bounded(int(message.size())));
                switch (random.bounded(3)) {
                case 0:
                    message[at] = char(random.bounded(256));
                    break;
                case 1:
                    message.insert(at, char(random.bounded(256)));
                    break;
                default:
                    message.remove(at, 1);
                    break;
                }
            }
            if (decodePgOutput(message).ok())
                ++decoded;
        }
        QVERIFY(decoded > 0); // some mutations (a changed value byte) still decode: the fuzz reached the end of messages
    }

    void walFramesDecodeAndTheStatusUpdateHasItsLayout()
    {
        const QByteArray payload = validMessages().at(0);
        const auto data = decodeWalFrame(Message('w').u64(0x100).u64(0x200).u64(commitMicros).raw(payload).bytes());
        QVERIFY(data.ok());
        const auto xlog = std::get<XLogData>(*data);
        QCOMPARE(xlog.start.value, 0x100ULL);
        QCOMPARE(xlog.walEnd.value, 0x200ULL);
        QCOMPARE(xlog.payload, payload);
        const auto keepalive = decodeWalFrame(Message('k').u64(0x300).u64(commitMicros).u8(1).bytes());
        QVERIFY(keepalive.ok());
        QCOMPARE(std::get<PrimaryKeepalive>(*keepalive).walEnd.value, 0x300ULL);
        QVERIFY(std::get<PrimaryKeepalive>(*keepalive).replyRequested);
        QVERIFY(!decodeWalFrame(Message('k').u64(0x300).bytes()).ok());
        QVERIFY(!decodeWalFrame(Message('w').u64(1).bytes()).ok());
        QVERIFY(!decodeWalFrame({}).ok());

        const QDateTime at(QDate(2026, 3, 1), QTime(12, 0), QTimeZone::utc());
        const QByteArray update = standbyStatusUpdate(Lsn{0x30}, Lsn{0x20}, Lsn{0x10}, at, true);
        QCOMPARE(update, Message('r').u64(0x30).u64(0x20).u64(0x10).u64(commitMicros).u8(1).bytes());
    }
};

QTEST_GUILESS_MAIN(TestPgOutputDecoder)
#include "tst_pgoutputdecoder.moc"

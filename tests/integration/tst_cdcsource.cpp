// The CDC source against a real PostgreSQL (wal_level=logical): the set-up (publication, slot with
// an exported snapshot, the snapshot load), the pgoutput stream with its keepalives and confirmed
// position, and the permission checks that run before anything is created.
#include "postgresfixture.h"

#include "source/pgsession.h"
#include "source/replication/cdcsource.h"
#include "source/replication/replicationstream.h"

#include <QDeadlineTimer>
#include <QSet>
#include <QTest>

#include <pqxx/transaction>

using namespace SyncBridge;
using namespace SyncBridge::PgOutput;

namespace {
// What a drain received, in stream order.
struct Drained {
    QList<StreamMessage> messages;

    template<typename T> QList<T> all() const
    {
        QList<T> out;
        for (const StreamMessage &m : messages) {
            if (const auto *found = std::get_if<T>(&m.message))
                out << *found;
        }
        return out;
    }
    QStringList insertedIds() const
    {
        QStringList ids;
        for (const Insert &insert : all<Insert>())
            ids << QString::fromUtf8(insert.newTuple.at(0).data);
        return ids;
    }
};
} // namespace

class TestCdcSource : public QObject
{
    Q_OBJECT

private:
    Test::PostgresFixture m_postgres;
    Database m_database;
    std::unique_ptr<PgSession> m_session;

    QString sql(const QString &statement)
    {
        auto result = m_postgres.query(QStringLiteral("cdc"), statement);
        if (!result)
            qWarning("%s", qPrintable(result.error().toString()));
        return result ? result->trimmed() : QStringLiteral("<error>");
    }

    Lsn walFlushed() { return Lsn::parse(sql(QStringLiteral("SELECT pg_current_wal_flush_lsn()"))).value_or(Lsn{}); }

    std::unique_ptr<ReplicationStream> openStream()
    {
        auto stream = ReplicationStream::open(m_database, m_database.instances.first(), m_postgres.password());
        if (!stream)
            qWarning("%s", qPrintable(stream.error().toString()));
        return stream ? std::move(*stream) : nullptr;
    }

    // Everything committed before the server's current WAL end, as a `run` drains it.
    Drained drain(ReplicationStream &stream, bool confirm)
    {
        const Lsn target = walFlushed();
        Drained drained;
        QDeadlineTimer deadline(60000);
        while (!stream.hasReached(target) && !deadline.hasExpired()) {
            auto next = stream.next(100);
            if (!next) {
                qWarning("%s", qPrintable(next.error().toString()));
                break;
            }
            if (!next->has_value()) {
                (void)stream.askPosition();
                continue;
            }
            if (confirm) {
                if (const auto *commit = std::get_if<Commit>(&(*next)->message))
                    (void)stream.confirm(commit->endLsn);
            }
            drained.messages << std::move(**next);
        }
        return drained;
    }

    // A publication and a slot for a fresh table; the slot's snapshot name in `snapshot`.
    std::unique_ptr<ReplicationStream> setUp(const QString &table, const CdcNames &names, CreatedSlot *slot)
    {
        if (!ensurePublication(*m_session, names.publication, QStringLiteral("public"), table).ok())
            return nullptr;
        auto stream = openStream();
        if (!stream)
            return nullptr;
        auto created = stream->createSlot(names.slot);
        if (!created) {
            qWarning("%s", qPrintable(created.error().toString()));
            return nullptr;
        }
        *slot = *created;
        return stream;
    }

    ChangeQuery queryFor(const QString &table)
    {
        ChangeQuery query;
        query.schema = QStringLiteral("public");
        query.table = table;
        ColumnInfo id;
        id.name = QStringLiteral("id");
        id.typeName = QStringLiteral("int4");
        id.dataType = QStringLiteral("integer");
        ColumnInfo body;
        body.name = QStringLiteral("body");
        body.typeName = QStringLiteral("text");
        body.dataType = QStringLiteral("text");
        query.columns = {id, body};
        query.keyColumns = {QStringLiteral("id")};
        return query;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_postgres.start().ok());
        QVERIFY(m_postgres.createDatabase(QStringLiteral("cdc")).ok());
        m_database = m_postgres.databaseConnection(QStringLiteral("cdc"));
        auto session = PgSession::openInstance(m_database, m_database.instances.first(), m_postgres.password());
        QVERIFY(session.ok());
        m_session = std::move(*session);
    }

    void theSnapshotAndTheStreamSeeEveryRowExactlyOnceWhileWritesGoOn()
    {
        sql(QStringLiteral("CREATE TABLE items (id int PRIMARY KEY, body text); INSERT INTO items SELECT i, 'before ' || i FROM "
                           "generate_series(1, 2000) i"));
        const CdcNames names = cdcNamesFor(1);
        QVERIFY(checkCdcPrerequisites(*m_session, QStringLiteral("public"), QStringLiteral("items"), names).ok());
        CreatedSlot slot;
        auto stream = setUp(QStringLiteral("items"), names, &slot);
        QVERIFY(stream);
        QVERIFY(slot.consistentPoint.isValid());
        QVERIFY(!slot.snapshotName.isEmpty());

        // Written after the slot, before the load begins: in the stream only.
        sql(QStringLiteral("INSERT INTO items SELECT i, 'after slot ' || i FROM generate_series(2001, 2300) i; UPDATE items SET body = "
                           "'changed' WHERE id <= 10"));
        auto reader = SnapshotReader::open(*m_session, slot.snapshotName, queryFor(QStringLiteral("items")));
        QVERIFY2(reader.ok(), reader ? "" : qPrintable(reader.error().toString()));
        QSet<QString> loaded;
        int pages = 0;
        while (true) {
            auto page = (*reader)->next(500);
            QVERIFY(page.ok());
            if (page->isEmpty())
                break;
            for (const SourceRow &row : *page) {
                QVERIFY2(!loaded.contains(row.keyValues.first()), "a row twice in the load");
                loaded.insert(row.keyValues.first());
                QVERIFY(row.values.value(QStringLiteral("body"))->startsWith(QLatin1String("before ")));
            }
            // Written while the load is under way (from another session): in the stream only.
            if (++pages == 1)
                sql(QStringLiteral("INSERT INTO items SELECT i, 'during load ' || i FROM generate_series(2301, 2500) i; DELETE FROM items "
                                   "WHERE id = 2000"));
        }
        QCOMPARE(loaded.size(), 2000);

        QVERIFY(stream->start(names.slot, names.publication, slot.consistentPoint).ok());
        const Drained drained = drain(*stream, true);
        const QStringList streamed = drained.insertedIds();
        QCOMPARE(streamed.size(), 500);
        QCOMPARE(QSet<QString>(streamed.cbegin(), streamed.cend()).size(), 500);
        for (const QString &id : streamed)
            QVERIFY2(!loaded.contains(id), qPrintable(QStringLiteral("row %1 both loaded and streamed").arg(id)));
        QCOMPARE(drained.all<Update>().size(), 10);
        QCOMPARE(drained.all<Delete>().size(), 1);
        // Every change arrives inside its transaction, the relation described before its first change.
        QVERIFY(std::holds_alternative<Relation>(drained.messages.at(1).message));
        QCOMPARE(drained.all<Begin>().size(), drained.all<Commit>().size());
    }

    void unchangedToastDeletesTruncateAndANewColumnArriveAsTheyAre()
    {
        sql(QStringLiteral("CREATE TABLE docs (id int PRIMARY KEY, title text, body text)"));
        const CdcNames names = cdcNamesFor(2);
        CreatedSlot slot;
        auto stream = setUp(QStringLiteral("docs"), names, &slot);
        QVERIFY(stream);
        QVERIFY(stream->start(names.slot, names.publication, slot.consistentPoint).ok());
        // 22 kB of hex digits: compressed still far above the TOAST threshold, so stored out of line.
        sql(QStringLiteral("INSERT INTO docs SELECT 1, 'first', string_agg(md5(i::text), '') FROM generate_series(1, 700) i"));
        sql(QStringLiteral("UPDATE docs SET title = 'renamed' WHERE id = 1"));
        sql(QStringLiteral("ALTER TABLE docs ADD COLUMN pages int; INSERT INTO docs VALUES (2, 'second', 'short', 12)"));
        sql(QStringLiteral("DELETE FROM docs WHERE id = 2"));
        sql(QStringLiteral("TRUNCATE docs"));
        const Drained drained = drain(*stream, true);

        const QList<Insert> inserts = drained.all<Insert>();
        QCOMPARE(inserts.size(), 2);
        QCOMPARE(inserts.at(0).newTuple.at(2).data.size(), 700 * 32);
        const QList<Update> updates = drained.all<Update>();
        QCOMPARE(updates.size(), 1);
        QCOMPARE(updates.at(0).newTuple.at(1).data, QByteArray("renamed"));
        QCOMPARE(updates.at(0).newTuple.at(2).kind, Value::Kind::Unchanged); // never an empty body
        QCOMPARE(updates.at(0).oldKind, Update::OldKind::None);

        const QList<Relation> relations = drained.all<Relation>();
        QVERIFY(relations.size() >= 2);
        QCOMPARE(relations.first().columns.size(), 3);
        QCOMPARE(relations.last().columns.size(), 4);
        QCOMPARE(relations.last().columns.last().name, QStringLiteral("pages"));
        QVERIFY(relations.last().columns.first().partOfKey);
        QCOMPARE(inserts.at(1).newTuple.size(), 4);
        QCOMPARE(inserts.at(1).newTuple.at(3).data, QByteArray("12"));

        const QList<Delete> deletes = drained.all<Delete>();
        QCOMPARE(deletes.size(), 1);
        QVERIFY(!deletes.at(0).fullOldTuple); // REPLICA IDENTITY DEFAULT: the key only
        QCOMPARE(deletes.at(0).oldTuple.at(0).data, QByteArray("2"));
        QCOMPARE(deletes.at(0).oldTuple.at(1).kind, Value::Kind::Null);

        const QList<Truncate> truncates = drained.all<Truncate>();
        QCOMPARE(truncates.size(), 1);
        QCOMPARE(truncates.at(0).relationIds, QList<quint32>{relations.last().id});
    }

    void aLateCommitIsCapturedWhereATimestampCursorMissesIt()
    {
        sql(QStringLiteral("CREATE TABLE orders (id int PRIMARY KEY, body text, updated_at timestamptz NOT NULL DEFAULT now())"));
        const CdcNames names = cdcNamesFor(3);
        CreatedSlot slot;
        auto stream = setUp(QStringLiteral("orders"), names, &slot);
        QVERIFY(stream);
        QVERIFY(stream->start(names.slot, names.publication, slot.consistentPoint).ok());

        auto lateSession = PgSession::openInstance(m_database, m_database.instances.first(), m_postgres.password());
        QVERIFY(lateSession.ok());
        {
            // The late transaction stamps its row first (now() is its start) and commits last.
            pqxx::work late((*lateSession)->connection());
            late.exec("INSERT INTO orders (id, body) VALUES (1, 'late')");
            QTest::qWait(50);
            sql(QStringLiteral("INSERT INTO orders (id, body) VALUES (2, 'early')"));
            // A timestamp cursor reads now: it sees row 2 only and moves past row 1's stamp.
            const QString cursor = sql(QStringLiteral("SELECT max(updated_at) FROM orders"));
            QCOMPARE(sql(QStringLiteral("SELECT string_agg(id::text, ',') FROM orders")), QStringLiteral("2"));
            late.commit();
            QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM orders WHERE updated_at > '%1'").arg(cursor)), QStringLiteral("0"));
        }
        // The WAL is in commit order: both rows, the late one after the early one.
        QCOMPARE(drain(*stream, true).insertedIds(), (QStringList{QStringLiteral("2"), QStringLiteral("1")}));
    }

    void anUnconfirmedTransactionIsDeliveredAgainAfterTheStreamDies()
    {
        sql(QStringLiteral("CREATE TABLE events (id int PRIMARY KEY, body text)"));
        const CdcNames names = cdcNamesFor(4);
        CreatedSlot slot;
        auto stream = setUp(QStringLiteral("events"), names, &slot);
        QVERIFY(stream);
        QVERIFY(stream->start(names.slot, names.publication, slot.consistentPoint).ok());
        sql(QStringLiteral("INSERT INTO events VALUES (1, 'one')"));
        QCOMPARE(drain(*stream, true).insertedIds(), QStringList{QStringLiteral("1")});
        (void)stream->confirm(stream->confirmed(), true);
        sql(QStringLiteral("INSERT INTO events VALUES (2, 'two'); INSERT INTO events VALUES (3, 'three')"));
        QCOMPARE(drain(*stream, false).insertedIds(), (QStringList{QStringLiteral("2"), QStringLiteral("3")}));
        // The server kills the walsender (a crash of either side): nothing after "1" was confirmed.
        sql(QStringLiteral("SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = '%1'").arg(names.slot));
        bool lost = false;
        for (int i = 0; i < 50 && !lost; ++i) {
            auto next = stream->next(100);
            lost = !next.ok();
            if (lost)
                QCOMPARE(next.error().code(), ErrorCode::ConnectionLost);
        }
        QVERIFY(lost);
        stream.reset();

        QTRY_VERIFY(!slotState(*m_session, names.slot)->value().active);
        const auto state = slotState(*m_session, names.slot);
        QVERIFY(state.ok() && state->has_value());
        QVERIFY((*state)->lagBytes > 0);
        QCOMPARE((*state)->walStatus, QStringLiteral("reserved"));
        auto again = openStream();
        QVERIFY(again);
        QVERIFY(again->start(names.slot, names.publication, (*state)->confirmedFlush).ok());
        QCOMPARE(drain(*again, true).insertedIds(), (QStringList{QStringLiteral("2"), QStringLiteral("3")}));
        (void)again->confirm(again->confirmed(), true);
        again.reset();
        QTRY_VERIFY(!slotState(*m_session, names.slot)->value().active);

        // Confirmed: the next stream starts after them.
        sql(QStringLiteral("INSERT INTO events VALUES (4, 'four')"));
        auto third = openStream();
        QVERIFY(third);
        QVERIFY(third->start(names.slot, names.publication, slotState(*m_session, names.slot)->value().confirmedFlush).ok());
        QCOMPARE(drain(*third, true).insertedIds(), QStringList{QStringLiteral("4")});
    }

    void anIdleCapturedTableLetsTheSlotAdvanceWhileOthersAreBusy()
    {
        sql(QStringLiteral("CREATE TABLE quiet (id int PRIMARY KEY); CREATE TABLE busy (id int PRIMARY KEY, body text)"));
        const CdcNames names = cdcNamesFor(5);
        CreatedSlot slot;
        auto stream = setUp(QStringLiteral("quiet"), names, &slot);
        QVERIFY(stream);
        QVERIFY(stream->start(names.slot, names.publication, slot.consistentPoint).ok());
        sql(QStringLiteral("INSERT INTO busy SELECT i, repeat('x', 200) FROM generate_series(1, 20000) i"));
        QVERIFY(emitHeartbeat(*m_session).ok());
        const Lsn busyEnd = walFlushed();
        const Drained drained = drain(*stream, true);
        QVERIFY(drained.all<Insert>().isEmpty());
        QVERIFY(stream->confirmed() >= busyEnd);
        // The server holds no WAL for the busy table's writes: the slot confirmed past them.
        QTRY_VERIFY(slotState(*m_session, names.slot)->value().confirmedFlush >= busyEnd);
    }

    void permissionProblemsAreNamedBeforeAnythingIsCreated()
    {
        sql(QStringLiteral("CREATE TABLE secret (id int PRIMARY KEY); CREATE ROLE plain LOGIN PASSWORD 'plain-password'; GRANT SELECT ON "
                           "secret TO plain"));
        Database asPlain = m_database;
        asPlain.instances.first().userName = QStringLiteral("plain");
        auto plain = PgSession::openInstance(asPlain, asPlain.instances.first(), QStringLiteral("plain-password"));
        QVERIFY(plain.ok());
        const QString slotsBefore = sql(QStringLiteral("SELECT count(*) FROM pg_replication_slots"));
        const auto refused = checkCdcPrerequisites(**plain, QStringLiteral("public"), QStringLiteral("secret"), cdcNamesFor(6));
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::AuthenticationFailed);
        QVERIFY2(
            refused.error().message().contains(QLatin1String("ALTER ROLE \"plain\" REPLICATION")), qPrintable(refused.error().message()));
        QVERIFY(refused.error().message().contains(QLatin1String("Only the owner of \"public\".\"secret\"")));
        // A replication connection is refused with what to change, too.
        auto stream = ReplicationStream::open(asPlain, asPlain.instances.first(), QStringLiteral("plain-password"));
        QVERIFY(!stream.ok());
        QVERIFY2(stream.error().message().contains(QLatin1String("REPLICATION")), qPrintable(stream.error().toString()));
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_replication_slots")), slotsBefore);
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_publication WHERE pubname = 'syncbridge_cdc_6'")), QStringLiteral("0"));

        // No free slot: named with what to change; the definition's own existing slot does not count.
        sql(QStringLiteral("SELECT pg_create_logical_replication_slot('filler_' || i, 'pgoutput') FROM generate_series(1, "
                           "current_setting('max_replication_slots')::int - (SELECT count(*) FROM pg_replication_slots)) i"));
        const auto full = checkCdcPrerequisites(*m_session, QStringLiteral("public"), QStringLiteral("secret"), cdcNamesFor(6));
        QVERIFY(!full.ok());
        QVERIFY2(full.error().message().contains(QLatin1String("max_replication_slots")), qPrintable(full.error().message()));
        QVERIFY(checkCdcPrerequisites(*m_session, QStringLiteral("public"), QStringLiteral("items"), cdcNamesFor(1)).ok());
        sql(QStringLiteral("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name LIKE 'filler_%'"));
    }

    void aDroppedSlotEndsTheStreamAndTheNamesAreChecked()
    {
        auto stream = openStream();
        QVERIFY(stream);
        QCOMPARE(stream->createSlot(QStringLiteral("Bad Name\"")).error().code(), ErrorCode::InvalidInput);
        QCOMPARE(stream->createSlot(cdcNamesFor(1).slot).error().code(), ErrorCode::AlreadyExists);
        QVERIFY(stream->currentWalEnd().ok());
        QVERIFY(stream->dropSlot(cdcNamesFor(5).slot).ok());
        QVERIFY(!slotState(*m_session, cdcNamesFor(5).slot)->has_value());
        QVERIFY(dropPublication(*m_session, cdcNamesFor(5).publication).ok());
        QCOMPARE(sql(QStringLiteral("SELECT count(*) FROM pg_publication WHERE pubname = 'syncbridge_cdc_5'")), QStringLiteral("0"));
        auto again = openStream();
        QVERIFY(again);
        QVERIFY(!again->start(cdcNamesFor(5).slot, cdcNamesFor(5).publication, Lsn{}).ok());
    }
};

QTEST_GUILESS_MAIN(TestCdcSource)
#include "tst_cdcsource.moc"

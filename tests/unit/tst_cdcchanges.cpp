// The changes of one table assembled from pgoutput messages (pure logic, messages built as values):
// commit-order transactions, unchanged TOAST kept apart, deletes keyed by the old-key tuple, key
// changes as a delete and an upsert, relations replaced mid-stream, other tables ignored.
#include "sync/cdc/cdcchanges.h"

#include <QTest>

using namespace SyncBridge;
using namespace SyncBridge::PgOutput;

namespace {
Value text(const char *value)
{
    return {Value::Kind::Text, QByteArray(value)};
}
Value null()
{
    return {Value::Kind::Null, {}};
}
Value unchanged()
{
    return {Value::Kind::Unchanged, {}};
}

Relation items(quint32 id = 100, bool withPages = false)
{
    Relation relation;
    relation.id = id;
    relation.schema = QStringLiteral("public");
    relation.name = QStringLiteral("items");
    relation.columns
        = {{true, QStringLiteral("id"), 23, -1}, {false, QStringLiteral("title"), 25, -1}, {false, QStringLiteral("body"), 25, -1}};
    if (withPages)
        relation.columns << RelationColumn{false, QStringLiteral("pages"), 23, -1};
    return relation;
}

// Feeds messages; returns the transactions that came out.
QList<CdcTransaction> feedAll(CdcChangeAssembler &assembler, const QList<PgOutputMessage> &messages)
{
    QList<CdcTransaction> out;
    for (const PgOutputMessage &message : messages) {
        auto fed = assembler.feed(message);
        if (!fed)
            qFatal("%s", qPrintable(fed.error().toString()));
        if (fed->has_value())
            out << **fed;
    }
    return out;
}

Commit commitAt(quint64 end)
{
    Commit commit;
    commit.endLsn = Lsn{end};
    return commit;
}
} // namespace

class TestCdcChanges : public QObject
{
    Q_OBJECT

private slots:
    void insertsAndUpdatesBecomeUpsertsAtTheirCommit()
    {
        CdcChangeAssembler assembler(QStringLiteral("public"), QStringLiteral("items"), {QStringLiteral("id")});
        Update update;
        update.relationId = 100;
        update.newTuple = {text("1"), text("renamed"), unchanged()};
        const auto transactions
            = feedAll(assembler, {Begin{}, items(), Insert{100, {text("1"), text("first"), text("a long body")}}, update, commitAt(0x50)});
        QCOMPARE(transactions.size(), 1);
        QCOMPARE(transactions.at(0).commitEnd.value, 0x50ULL);
        const auto &changes = transactions.at(0).changes;
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).kind, CdcChange::Kind::Upsert);
        QCOMPARE(changes.at(0).row.keyValues, QStringList{QStringLiteral("1")});
        QCOMPARE(changes.at(0).row.values.value(QStringLiteral("body")), std::optional<QString>(QStringLiteral("a long body")));
        // The unchanged TOASTed body is absent, never an empty text or NULL.
        QCOMPARE(changes.at(1).unchangedColumns, QStringList{QStringLiteral("body")});
        QVERIFY(!changes.at(1).row.values.contains(QStringLiteral("body")));
        QCOMPARE(changes.at(1).row.values.value(QStringLiteral("title")), std::optional<QString>(QStringLiteral("renamed")));
        QVERIFY(!assembler.inTransaction());
    }

    void aDeleteIsKeyedByItsOldKeyTuple()
    {
        CdcChangeAssembler assembler(QStringLiteral("public"), QStringLiteral("items"), {QStringLiteral("id")});
        Delete removed;
        removed.relationId = 100;
        removed.oldTuple = {text("7"), null(), null()};
        const auto transactions = feedAll(assembler, {items(), Begin{}, removed, commitAt(0x60)});
        const CdcChange &change = transactions.at(0).changes.at(0);
        QCOMPARE(change.kind, CdcChange::Kind::Delete);
        QCOMPARE(change.row.keyValues, QStringList{QStringLiteral("7")});
        QVERIFY(!change.row.values.contains(QStringLiteral("title"))); // not NULL: unknown
    }

    void aKeyChangeIsADeleteOfTheOldKeyAndAnUpsertOfTheNew()
    {
        CdcChangeAssembler assembler(QStringLiteral("public"), QStringLiteral("items"), {QStringLiteral("id")});
        Update update;
        update.relationId = 100;
        update.oldKind = Update::OldKind::Key;
        update.oldTuple = {text("1"), null(), null()};
        update.newTuple = {text("2"), text("t"), text("b")};
        const auto changes = feedAll(assembler, {items(), Begin{}, update, commitAt(0x70)}).at(0).changes;
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).kind, CdcChange::Kind::Delete);
        QCOMPARE(changes.at(0).row.keyValues, QStringList{QStringLiteral("1")});
        QCOMPARE(changes.at(1).kind, CdcChange::Kind::Upsert);
        QCOMPARE(changes.at(1).row.keyValues, QStringList{QStringLiteral("2")});
    }

    void aKeyThatIsNotTheReplicaIdentityIsRefusedWithWhatToChange()
    {
        CdcChangeAssembler assembler(QStringLiteral("public"), QStringLiteral("items"), {QStringLiteral("title")});
        Delete removed;
        removed.relationId = 100;
        removed.oldTuple = {text("7"), null(), null()};
        QVERIFY(assembler.feed(items()).ok());
        QVERIFY(assembler.feed(Begin{}).ok());
        const auto refused = assembler.feed(removed);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code(), ErrorCode::Unsupported);
        QVERIFY(refused.error().message().contains(QLatin1String("REPLICA IDENTITY FULL")));
    }

    void aRelationSentAgainDescribesTheTuplesAfterIt()
    {
        CdcChangeAssembler assembler(QStringLiteral("public"), QStringLiteral("items"), {QStringLiteral("id")});
        const auto transactions = feedAll(assembler,
            {items(), Begin{}, Insert{100, {text("1"), text("a"), text("b")}}, commitAt(0x80), items(100, true), Begin{},
                Insert{100, {text("2"), text("a"), text("b"), text("12")}}, commitAt(0x90)});
        QCOMPARE(transactions.size(), 2);
        QVERIFY(!transactions.at(0).changes.at(0).row.values.contains(QStringLiteral("pages")));
        QCOMPARE(transactions.at(1).changes.at(0).row.values.value(QStringLiteral("pages")), std::optional<QString>(QStringLiteral("12")));
        // A tuple that does not match its relation is refused, not misread.
        QVERIFY(assembler.feed(Begin{}).ok());
        QVERIFY(!assembler.feed(Insert{100, {text("3")}}).ok());
    }

    void otherTablesAndTruncatesOfThemAreLeftOut()
    {
        CdcChangeAssembler assembler(QStringLiteral("public"), QStringLiteral("items"), {QStringLiteral("id")});
        Relation other = items(200);
        other.name = QStringLiteral("others");
        Truncate truncate;
        truncate.relationIds = {200, 100};
        const auto transactions = feedAll(assembler,
            {items(), other, Begin{}, Insert{200, {text("1"), text("a"), text("b")}}, truncate, commitAt(0xA0), Begin{}, commitAt(0xB0)});
        QCOMPARE(transactions.size(), 2);
        QCOMPARE(transactions.at(0).changes.size(), 1);
        QCOMPARE(transactions.at(0).changes.at(0).kind, CdcChange::Kind::Truncate);
        QVERIFY(transactions.at(1).changes.isEmpty()); // still a position to confirm
        QCOMPARE(transactions.at(1).commitEnd.value, 0xB0ULL);
        // A change of a relation never described is a broken stream.
        QVERIFY(assembler.feed(Begin{}).ok());
        QVERIFY(!assembler.feed(Insert{300, {text("1")}}).ok());
    }
};

QTEST_GUILESS_MAIN(TestCdcChanges)
#include "tst_cdcchanges.moc"

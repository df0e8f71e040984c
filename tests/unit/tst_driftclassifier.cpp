// The drift check's classification in bounded memory as pure logic: field digests agree exactly
// where the field-by-field comparison does, and the compact classifier gives every class, with the
// second reading of the differing rows deciding what digests cannot.
#include "drift/driftclassifier.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QTest>

using namespace SyncBridge;

namespace {

QString hashOf(const QString &identity)
{
    return QString::fromLatin1(QCryptographicHash::hash(identity.toUtf8(), QCryptographicHash::Sha256).toHex());
}

ListedItem item(const QString &id, const QString &identity, const QJsonObject &fields)
{
    ListedItem listed;
    listed.itemId = id;
    listed.key = identity.isEmpty() ? QString() : hashOf(identity);
    listed.title = fields.value(QStringLiteral("Title")).toString();
    listed.fields = fields;
    return listed;
}

QJsonObject fields(const QString &title, const QJsonValue &status)
{
    return QJsonObject{{QStringLiteral("Title"), title}, {QStringLiteral("status"), status}};
}

LedgerEntry ledgerEntry(const QString &identity, const QString &listId, const QString &itemId)
{
    LedgerEntry entry;
    entry.identityHash = hashOf(identity);
    entry.identityText = identity;
    entry.listGraphId = listId;
    entry.itemId = itemId;
    entry.state = LedgerState::Synced;
    return entry;
}

const DriftEntry *entryOf(const DriftReport &report, DriftClass driftClass, const QString &itemId = {})
{
    for (const DriftEntry &entry : report.entries) {
        if (entry.driftClass == driftClass && (itemId.isEmpty() || entry.itemId == itemId))
            return &entry;
    }
    return nullptr;
}

} // namespace

class TestDriftClassifier : public QObject
{
    Q_OBJECT

private slots:
    void equalValuesHaveEqualDigests_data()
    {
        QTest::addColumn<QJsonValue>("sent");
        QTest::addColumn<QJsonValue>("returned");
        QTest::newRow("integer and decimal") << QJsonValue(5) << QJsonValue(5.0);
        QTest::newRow("lookup id as text and number") << QJsonValue(QStringLiteral("7")) << QJsonValue(7);
        QTest::newRow("date-time without and with milliseconds")
            << QJsonValue(QStringLiteral("2026-03-01T10:00:00Z")) << QJsonValue(QStringLiteral("2026-03-01T10:00:00.000Z"));
        QTest::newRow("null and empty text") << QJsonValue(QJsonValue::Null) << QJsonValue(QString());
        QTest::newRow("null and absent") << QJsonValue(QJsonValue::Null) << QJsonValue(QJsonValue::Undefined);
        // The digest reads a text as a number or a date only when it may be one (a cheap look at its start).
        QTest::newRow("signed decimal as text with blanks") << QJsonValue(QStringLiteral(" -2.50 ")) << QJsonValue(-2.5);
        QTest::newRow("exponent as text") << QJsonValue(QStringLiteral("1e3")) << QJsonValue(1000);
        QTest::newRow("fraction as text from its point") << QJsonValue(QStringLiteral(".5")) << QJsonValue(0.5);
        QTest::newRow("date-time in another offset")
            << QJsonValue(QStringLiteral("2026-03-01T11:00:00+01:00")) << QJsonValue(QStringLiteral("2026-03-01T10:00:00Z"));
        QTest::newRow("arrays of numbers as text and numbers")
            << QJsonValue(QJsonArray{QStringLiteral("1"), QStringLiteral("2")}) << QJsonValue(QJsonArray{1, 2.0});
    }
    void equalValuesHaveEqualDigests()
    {
        QFETCH(QJsonValue, sent);
        QFETCH(QJsonValue, returned);
        QJsonObject row{{QStringLiteral("Title"), QStringLiteral("A")}, {QStringLiteral("value"), sent}};
        QJsonObject listed{{QStringLiteral("Title"), QStringLiteral("A")}};
        if (!returned.isUndefined())
            listed.insert(QStringLiteral("value"), returned);
        QVERIFY(driftChanges(listed, row).isEmpty());
        QVERIFY(fieldsDigest(row) == fieldsDigest(listed));
    }

    void differentValuesHaveDifferentDigests_data()
    {
        QTest::addColumn<QJsonValue>("sent");
        QTest::addColumn<QJsonValue>("returned");
        QTest::newRow("text") << QJsonValue(QStringLiteral("Active")) << QJsonValue(QStringLiteral("Done"));
        QTest::newRow("number") << QJsonValue(5) << QJsonValue(6);
        QTest::newRow("emptied") << QJsonValue(QStringLiteral("x")) << QJsonValue(QJsonValue::Null);
        QTest::newRow("a day later") << QJsonValue(QStringLiteral("2026-03-01T10:00:00Z"))
                                     << QJsonValue(QStringLiteral("2026-03-02T10:00:00Z"));
        QTest::newRow("true and false") << QJsonValue(true) << QJsonValue(false);
        QTest::newRow("array order") << QJsonValue(QJsonArray{1, 2}) << QJsonValue(QJsonArray{2, 1});
    }
    void differentValuesHaveDifferentDigests()
    {
        QFETCH(QJsonValue, sent);
        QFETCH(QJsonValue, returned);
        const QJsonObject row{{QStringLiteral("value"), sent}};
        const QJsonObject listed{{QStringLiteral("value"), returned}};
        QVERIFY(!driftChanges(listed, row).isEmpty());
        QVERIFY(fieldsDigest(row) != fieldsDigest(listed));
    }

    void fieldsOutsideTheComparedOnesDoNotCount()
    {
        const QSet<QString> compared{QStringLiteral("Title")};
        QVERIFY(fieldsDigest(QJsonObject{{QStringLiteral("Title"), QStringLiteral("A")}, {QStringLiteral("Modified"), QStringLiteral("x")},
                                 {QStringLiteral("@odata.etag"), QStringLiteral("\"1\"")}},
                    &compared)
            == fieldsDigest(QJsonObject{{QStringLiteral("Title"), QStringLiteral("A")}}));
    }

    void identityKeysRoundTripAndRefuseWhatIsNoDigest()
    {
        const QString hash = hashOf(QStringLiteral("id=42"));
        const auto key = IdentityKey::fromHex(hash);
        QVERIFY(key.has_value());
        QCOMPARE(key->toHex(), hash);
        QVERIFY(!IdentityKey::fromHex(QStringLiteral("legacy-key-7")).has_value());
        QVERIFY(!IdentityKey::fromHex(hash.left(63) + QLatin1Char('g')).has_value());
    }

    // The table and the lists are read at once: items come before their rows, after them, or between.
    void everyClassWithTheSecondReading_data()
    {
        QTest::addColumn<bool>("itemsFirst");
        QTest::newRow("rows first") << false;
        QTest::newRow("items first") << true;
    }

    // Every class from one small set, each decided where it must be: digests for '=', the second
    // reading for '*' and for the fields and identities of the entries.
    void everyClassWithTheSecondReading()
    {
        QFETCH(const bool, itemsFirst);
        DriftClassifier classifier({{QStringLiteral("Active"), QStringLiteral("L1")}, {QStringLiteral("Done"), QStringLiteral("L2")}});
        const QHash<QString, QJsonObject> rows{{QStringLiteral("id=1"), fields(QStringLiteral("One"), QStringLiteral("Active"))},
            {QStringLiteral("id=2"), fields(QStringLiteral("Two"), QStringLiteral("Active"))},
            {QStringLiteral("id=3"), fields(QStringLiteral("Three"), QStringLiteral("Active"))},
            {QStringLiteral("id=4"), fields(QStringLiteral("Four"), QStringLiteral("Done"))},
            {QStringLiteral("id=5"), fields(QStringLiteral("Five"), QStringLiteral("Active"))},
            {QStringLiteral("id=6"), fields(QStringLiteral("Six"), 6)}};
        const QHash<QString, int> listOf{{QStringLiteral("id=1"), 0}, {QStringLiteral("id=2"), 0}, {QStringLiteral("id=3"), 0},
            {QStringLiteral("id=4"), 1}, {QStringLiteral("id=5"), 0}, {QStringLiteral("id=6"), 0}};
        const QSet<QString> compared{QStringLiteral("Title"), QStringLiteral("status")};
        classifier.setComparedFields(0, compared);
        classifier.setComparedFields(1, compared);
        const auto addRows = [&]() {
            for (auto row = rows.constBegin(); row != rows.constEnd(); ++row)
                classifier.addRow(hashOf(row.key()), listOf.value(row.key()), row.value());
            classifier.rowsComplete();
        };
        if (!itemsFirst)
            addRows();

        classifier.addItem(0, item(QStringLiteral("1"), QStringLiteral("id=1"), rows.value(QStringLiteral("id=1")))); // =
        classifier.addItem(
            0, item(QStringLiteral("2"), QStringLiteral("id=2"), fields(QStringLiteral("Two"), QStringLiteral("Done")))); // *
        // id=3: no item (+); id=4 in the wrong list (>)
        classifier.addItem(0, item(QStringLiteral("4"), QStringLiteral("id=4"), rows.value(QStringLiteral("id=4"))));
        // id=5: an older copy first, then the ledger's item: the copy is the duplicate (!)
        classifier.addItem(0, item(QStringLiteral("5"), QStringLiteral("id=5"), rows.value(QStringLiteral("id=5"))));
        classifier.addItem(0, item(QStringLiteral("6"), QStringLiteral("id=5"), rows.value(QStringLiteral("id=5"))));
        // id=6: "6" comes back for 6 (equal field by field, and in digests)
        classifier.addItem(0, item(QStringLiteral("7"), QStringLiteral("id=6"), fields(QStringLiteral("Six"), QStringLiteral("6"))));
        classifier.addItem(0, item(QStringLiteral("9"), QStringLiteral("id=9"), fields(QStringLiteral("Gone"), QStringLiteral("x")))); // -
        classifier.addItem(1, item(QStringLiteral("10"), {}, fields(QStringLiteral("Manual"), QStringLiteral("x"))));                  // ?
        if (itemsFirst)
            addRows();
        classifier.addLedgerEntry(ledgerEntry(QStringLiteral("id=1"), QStringLiteral("L1"), QStringLiteral("1")));
        classifier.addLedgerEntry(ledgerEntry(QStringLiteral("id=5"), QStringLiteral("L1"), QStringLiteral("6")));
        classifier.addLedgerEntry(ledgerEntry(QStringLiteral("id=9"), QStringLiteral("L1"), QStringLiteral("9")));
        // Held whole: 2 ('*'), 4 (another list's), 6 (a second item for id=5), 9 (no row); 1, 5 and 7
        // plainly hold their rows, whichever came first ('?' items are kept apart).
        QCOMPARE(classifier.itemsAwaitingRows(), 0);
        QCOMPARE(classifier.detailedItems(), 4);

        DriftReport report;
        const DriftDetailsNeeded needed = classifier.classify(report);
        QCOMPARE(report.lists.value(QStringLiteral("Active")).items, 7);
        QCOMPARE(report.lists.value(QStringLiteral("Active")).ledgerEntries, 3);
        QCOMPARE(report.lists.value(QStringLiteral("Active")).sourceRows, 5);
        QCOMPARE(report.lists.value(QStringLiteral("Done")).sourceRows, 1);
        // Before the second reading every entry lacks the row's identity; the '*' is a candidate.
        QVERIFY(needed.entriesOfRow.contains(hashOf(QStringLiteral("id=3"))));
        QVERIFY(needed.orphansOfLedgerKey.contains(hashOf(QStringLiteral("id=9"))));

        QSet<QString> found;
        for (auto row = rows.constBegin(); row != rows.constEnd(); ++row) {
            if (row.key() == QLatin1String("id=4"))
                continue; // deleted between the two readings
            found.insert(hashOf(row.key()));
            completeRow(report, needed, hashOf(row.key()), row.key(), QStringLiteral("c-") + row.key(), row.value());
        }
        completeOrphan(report, needed, hashOf(QStringLiteral("id=9")), QStringLiteral("id=9"));
        removeSettledEntries(report, needed, found);

        QCOMPARE(report.totals.value(DriftClass::InSync), 3); // id=1, the ledger's item of id=5, id=6 ("6" and 6 are equal)
        QCOMPARE(report.totals.value(DriftClass::Differs), 1);
        QCOMPARE(report.totals.value(DriftClass::Missing), 1);
        QCOMPARE(report.totals.value(DriftClass::WrongList), 0); // its row is gone: nothing safe to repair with
        QCOMPARE(report.totals.value(DriftClass::Duplicate), 1);
        QCOMPARE(report.totals.value(DriftClass::Orphan), 1);
        QCOMPARE(report.totals.value(DriftClass::Unkeyed), 1);
        QCOMPARE(report.entries.size(), 5);

        const DriftEntry *differs = entryOf(report, DriftClass::Differs);
        QVERIFY(differs);
        QCOMPARE(differs->itemId, QStringLiteral("2"));
        QCOMPARE(differs->changes.size(), 1);
        QCOMPARE(differs->changes.constFirst().field, QStringLiteral("status"));
        QCOMPARE(differs->fields, rows.value(QStringLiteral("id=2")));
        const DriftEntry *missing = entryOf(report, DriftClass::Missing);
        QVERIFY(missing);
        QCOMPARE(missing->identityText, QStringLiteral("id=3"));
        QCOMPARE(missing->contentHash, QStringLiteral("c-id=3"));
        QCOMPARE(missing->fields, rows.value(QStringLiteral("id=3")));
        const DriftEntry *duplicate = entryOf(report, DriftClass::Duplicate);
        QVERIFY(duplicate);
        QCOMPARE(duplicate->itemId, QStringLiteral("5"));   // the ledger names 6
        QCOMPARE(duplicate->title, QStringLiteral("Five")); // kept without its title: the row's
        const DriftEntry *orphan = entryOf(report, DriftClass::Orphan);
        QVERIFY(orphan);
        QCOMPARE(orphan->identityText, QStringLiteral("id=9"));
        QCOMPARE(orphan->title, QStringLiteral("Gone"));
        QVERIFY(entryOf(report, DriftClass::Unkeyed, QStringLiteral("10")));

        // Items holding their row in the right list that the ledger does not name are adopted:
        // id=2's and id=6's (the ledger names id=1's and id=5's).
        QCOMPARE(report.unlinked.size(), 2);
        for (const DriftEntry &unlinked : std::as_const(report.unlinked))
            QVERIFY(!unlinked.fields.isEmpty());
    }

    // Nothing is held for an item that plainly holds its row: what makes a million fit.
    void aPlainMatchNeedsNoSecondReading()
    {
        DriftClassifier classifier({{QStringLiteral("Active"), QStringLiteral("L1")}});
        classifier.addRow(hashOf(QStringLiteral("id=1")), 0, fields(QStringLiteral("One"), 1.5));
        classifier.setComparedFields(0, {QStringLiteral("Title"), QStringLiteral("status")});
        classifier.addLedgerEntry(ledgerEntry(QStringLiteral("id=1"), QStringLiteral("L1"), QStringLiteral("1")));
        classifier.addItem(0, item(QStringLiteral("1"), QStringLiteral("id=1"), fields(QStringLiteral("One"), QStringLiteral("1.50"))));
        DriftReport report;
        const DriftDetailsNeeded needed = classifier.classify(report);
        QVERIFY(!needed.needsRows());
        QVERIFY(needed.orphansOfLedgerKey.isEmpty());
        QCOMPARE(report.totals.value(DriftClass::InSync), 1);
        QVERIFY(report.entries.isEmpty());
    }

    // An item read before its row is held whole only until the row comes: then, holding it plainly,
    // it is 16 bytes like any other; one whose row never comes is an orphan's, held for the report.
    void anItemBeforeItsRowIsHeldUntilTheRowComes()
    {
        DriftClassifier classifier({{QStringLiteral("Active"), QStringLiteral("L1")}});
        classifier.setComparedFields(0, {QStringLiteral("Title"), QStringLiteral("status")});
        classifier.addItem(0, item(QStringLiteral("1"), QStringLiteral("id=1"), fields(QStringLiteral("One"), QStringLiteral("1.50"))));
        classifier.addItem(0, item(QStringLiteral("2"), QStringLiteral("id=2"), fields(QStringLiteral("Two"), QStringLiteral("edited"))));
        classifier.addItem(0, item(QStringLiteral("3"), QStringLiteral("id=3"), fields(QStringLiteral("Three"), 3)));
        QCOMPARE(classifier.itemsAwaitingRows(), 3);
        QCOMPARE(classifier.detailedItems(), 3);

        classifier.addRow(hashOf(QStringLiteral("id=1")), 0, fields(QStringLiteral("One"), 1.5));
        classifier.addRow(hashOf(QStringLiteral("id=2")), 0, fields(QStringLiteral("Two"), QStringLiteral("open")));
        QCOMPARE(classifier.itemsAwaitingRows(), 1);
        QCOMPARE(classifier.detailedItems(), 2); // id=2 differs: its fields are kept for the verdict
        classifier.rowsComplete();
        QCOMPARE(classifier.itemsAwaitingRows(), 0);
        QCOMPARE(classifier.detailedItems(), 2);

        DriftReport report;
        const DriftDetailsNeeded needed = classifier.classify(report);
        QCOMPARE(report.totals.value(DriftClass::InSync), 1);
        QCOMPARE(report.totals.value(DriftClass::Differs), 1);
        QCOMPARE(report.totals.value(DriftClass::Orphan), 1);
        QCOMPARE(needed.currentFields.size(), 1);
        QCOMPARE(needed.currentFields.constBegin()->value(QStringLiteral("status")), QJsonValue(QStringLiteral("edited")));
    }

    // A row a push cannot plan is there all the same: its item, read before or after it, is no
    // orphan (a repair would delete it) and is not judged either.
    void anUnplannedRowsItemIsNeitherOrphanNorJudged()
    {
        DriftClassifier classifier({{QStringLiteral("Active"), QStringLiteral("L1")}});
        classifier.setComparedFields(0, {QStringLiteral("Title"), QStringLiteral("status")});
        classifier.addItem(0, item(QStringLiteral("1"), QStringLiteral("id=1"), fields(QStringLiteral("One"), 1)));
        const auto unplanned = [](const QString &identity) {
            return DigestedRow{*IdentityKey::fromHex(hashOf(identity)), {}, DigestedRow::unplannedRow};
        };
        classifier.addRows({unplanned(QStringLiteral("id=1"))});
        classifier.addRows({unplanned(QStringLiteral("id=2"))});
        classifier.addItem(0, item(QStringLiteral("2"), QStringLiteral("id=2"), fields(QStringLiteral("Two"), 2)));
        classifier.rowsComplete();
        DriftReport report;
        const DriftDetailsNeeded needed = classifier.classify(report);
        QVERIFY(report.entries.isEmpty());
        QCOMPARE(report.totals.value(DriftClass::Orphan), 0);
        QCOMPARE(report.totals.value(DriftClass::InSync), 0);
        QVERIFY(needed.orphansOfLedgerKey.isEmpty() && !needed.needsRows());
    }
};

QTEST_GUILESS_MAIN(TestDriftClassifier)
#include "tst_driftclassifier.moc"

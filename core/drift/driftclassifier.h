#pragma once

#include "drift/driftdigest.h"
#include "drift/driftreport.h"
#include "model/runtime.h"

#include <QHash>
#include <QJsonObject>

namespace SyncBridge {

// One item as a list holds it (only the selected fields).
struct ListedItem {
    QString itemId;
    QString key; // SyncBridgeKey; empty: SyncBridge did not create it
    QString title;
    QJsonObject fields;
};

// A planned row as the classifier keeps it: its identity, its fields' digest and its list (-1 when no
// rule routes it, unplannedRow when a push could not plan it). What a reader of the table hands over,
// so that planning stays on its thread.
struct DigestedRow {
    static constexpr qint16 unplannedRow = -3;
    IdentityKey key;
    FieldsDigest fields;
    qint16 list = -1;
};

struct DriftList {
    QString name;
    QString listId;
};

// What the classification could not tell from digests: the entries that need their row as a push
// would write it now (fields, identity text, content hash) — filled by a second read of the table —
// and the orphans that need the ledger's identity text. Indices are into DriftReport::entries.
struct DriftDetailsNeeded {
    QHash<QString, QList<int>> entriesOfRow;       // by identity hash
    QHash<QString, QList<int>> unlinkedOfRow;      // by identity hash, into DriftReport::unlinked
    QHash<int, QJsonObject> currentFields;         // '*' candidates: the item's fields, compared exactly against the row
    QHash<int, QJsonObject> unlinkedCurrentFields; // the same for DriftReport::unlinked
    QHash<QString, QList<int>> orphansOfLedgerKey; // by identity hash

    bool needsRows() const { return !entriesOfRow.isEmpty() || !unlinkedOfRow.isEmpty(); }
};

// Classifies every row and item in bounded memory (pure: no I/O, so every rule is testable on its
// own). Rows (their digest and list) and each list's items are added as they are read, in any
// interleaving; then rowsComplete(), then the ledger. An item that plainly holds its row (first for
// its key, in the row's list, equal digest) is kept as 16 bytes; any other keeps its title and
// fields for the verdict. An item whose row has not come yet keeps them too, until the row comes:
// itemsAwaitingRows() is what a reader of the lists watches so as not to run ahead of the table.
class DriftClassifier
{
public:
    explicit DriftClassifier(QList<DriftList> lists);

    // A planned row: its list (-1 when no rule routes it: its items are orphans) and fields. A row
    // planned as unplannedRow is there but not compared: its items are neither orphans nor judged.
    void addRow(const QString &identityHash, int listIndex, const QJsonObject &fields);
    void addRows(const QList<DigestedRow> &rows);
    // Every row is in: an item still awaiting its row has none.
    void rowsComplete();
    qsizetype itemsAwaitingRows() const { return m_awaitingRow.size(); }
    // Items held with their title and fields (the others are 16 bytes each).
    qsizetype detailedItems() const { return m_details.size(); }
    // Only the entries of rows added before are kept (the others do not decide which item is kept).
    void addLedgerEntry(const LedgerEntry &entry);
    // The fields an item of `listIndex` is compared on (the fields its rows write); set before its items come.
    void setComparedFields(int listIndex, QSet<QString> fields) { m_comparedFields[listIndex] = std::move(fields); }
    void addItem(int listIndex, const ListedItem &item);

    // Fills report.totals, report.lists, report.entries and report.unlinked as far as digests tell;
    // completeRow() and completeOrphan() finish the entries named in the result.
    DriftDetailsNeeded classify(DriftReport &report) const;

private:
    static constexpr qint16 noRow = -2;
    struct Slot {
        FieldsDigest expected;
        qint64 ledgerItemId = 0;
        qint32 firstItem = -1;
        qint16 rowList = noRow; // noRow, -1 (routed nowhere), DigestedRow::unplannedRow, or the list's index
        qint16 ledgerList = -1;
        LedgerState ledgerState = LedgerState::Pending;
        bool hasLedger = false;
    };
    struct Item {
        qint64 id = 0;
        qint32 next = -1; // the next item with the same key
        qint16 list = 0;
        bool detailed = false;
    };
    struct Detail {
        QString itemId;
        QString title;
        QJsonObject fields;
    };
    struct LooseItem {
        Detail detail;
        int list = 0;
        QString key;
    };

    int listIndexOf(const QString &listId) const;
    QString itemIdText(int index) const;
    // Of one key's items, the one a push would keep updating: the ledger's in the right list, else the
    // oldest in the right list, else the ledger's elsewhere, else the oldest elsewhere.
    int keptItem(const Slot &slot, const QList<int> &items) const;

    QList<DriftList> m_lists;
    QHash<int, QSet<QString>> m_comparedFields;
    QHash<IdentityKey, Slot> m_slots;
    QList<Item> m_items;
    QHash<int, Detail> m_details; // by item index: the items that are not plainly in sync
    QHash<int, FieldsDigest> m_awaitingRow; // by item index: first items of their key that came before any row of it
    bool m_rowsComplete = false;
    QList<LooseItem> m_loose;     // '?' items, and items whose key no row can have
    QList<qint64> m_itemsOfList;
    QList<qint64> m_ledgerEntriesOfList; // synced or marked entries per list
};

// Finishes the entries of one row (from DriftDetailsNeeded::entriesOfRow) with the row as a push
// would write it now. A '*' candidate that compares equal field by field becomes '=' (its entry is
// emptied: driftClass InSync and counted so; removeSettledEntries() drops it).
void completeRow(DriftReport &report, const DriftDetailsNeeded &needed, const QString &identityHash, const QString &identityText,
    const QString &contentHash, const QJsonObject &fields);
// Orphans' readable identity from the ledger.
void completeOrphan(DriftReport &report, const DriftDetailsNeeded &needed, const QString &identityHash, const QString &identityText);
// Drops the entries that turned out in sync, and the row entries whose row was gone by the second
// read (the next check sees what is left of them); sorts the rest.
void removeSettledEntries(DriftReport &report, const DriftDetailsNeeded &needed, const QSet<QString> &rowsFound);

// The fields of `expected` that `current` (an item's fields as Graph returns them) does not hold.
// Values SharePoint gives back in another form are equal: 5 and 5.0, "7" and 7 (lookup ids),
// a date-time with and without milliseconds, absent and null.
QList<FieldChange> driftChanges(const QJsonObject &current, const QJsonObject &expected);

} // namespace SyncBridge

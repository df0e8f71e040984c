#pragma once

#include "drift/driftreport.h"
#include "model/runtime.h"

#include <QHash>
#include <QJsonObject>

namespace SyncBridge {

// One source row as a push would write it now.
struct ExpectedRow {
    QString identityText;
    int listIndex = -1; // the list its route names; -1: no rule routes it (its items are orphans)
    QJsonObject fields; // mapped and serialized as a push sends them (OData annotations are not compared)
    QString contentHash;
};

// One item as a list holds it (only the selected fields).
struct ListedItem {
    QString itemId;
    QString key; // SyncBridgeKey; empty: SyncBridge did not create it
    QString title;
    QJsonObject fields;
};

struct DriftList {
    QString name;
    QString listId;
};

// Classifies every row and item; pure (no I/O), so every rule is testable on its own. Rows are keyed
// by identity hash; `items` holds one list of items per entry of `lists`.
class DriftClassifier
{
public:
    explicit DriftClassifier(QList<DriftList> lists)
        : m_lists(std::move(lists))
    {
        m_items.resize(m_lists.size());
    }

    void addRow(const QString &identityHash, ExpectedRow row) { m_rows.insert(identityHash, std::move(row)); }
    void addItems(int listIndex, const QList<ListedItem> &items);
    void setLedger(const QList<LedgerEntry> &entries);
    const ExpectedRow *row(const QString &identityHash) const
    {
        const auto found = m_rows.constFind(identityHash);
        return found == m_rows.constEnd() ? nullptr : &found.value();
    }

    // Fills report.totals, report.lists and report.entries.
    void classify(DriftReport &report) const;

private:
    struct Placed {
        int listIndex = -1;
        int position = -1;
    };
    const ListedItem &item(const Placed &placed) const { return m_items.at(placed.listIndex).at(placed.position); }
    // Of one row's items, the one a push would keep updating: the ledger's in the right list, else the
    // oldest in the right list, else the ledger's elsewhere, else the oldest elsewhere.
    int keptItem(const QString &identityHash, int expectedList, const QList<Placed> &placed) const;

    QList<DriftList> m_lists;
    QList<QList<ListedItem>> m_items;
    QHash<QString, ExpectedRow> m_rows;
    QHash<QString, LedgerEntry> m_ledger;
};

// The fields of `expected` that `current` (an item's fields as Graph returns them) does not hold.
// Values SharePoint gives back in another form are equal: 5 and 5.0, "7" and 7 (lookup ids),
// a date-time with and without milliseconds, absent and null.
QList<FieldChange> driftChanges(const QJsonObject &current, const QJsonObject &expected);

} // namespace SyncBridge

#include "drift/driftclassifier.h"

#include "sync/previewrow.h"

#include <QDateTime>
#include <QJsonArray>

namespace SyncBridge {
namespace {

bool isEmptyValue(const QJsonValue &value)
{
    return value.isNull() || value.isUndefined() || (value.isString() && value.toString().isEmpty())
        || (value.isArray() && value.toArray().isEmpty());
}

bool sameScalar(const QJsonValue &a, const QJsonValue &b)
{
    if (a == b)
        return true;
    if (isEmptyValue(a) && isEmptyValue(b))
        return true;
    // Lookup ids go out as strings and come back as numbers (or the other way round).
    if ((a.isDouble() || a.isString()) && (b.isDouble() || b.isString())) {
        bool aNumber = a.isDouble(), bNumber = b.isDouble();
        const double x = a.isDouble() ? a.toDouble() : a.toString().toDouble(&aNumber);
        const double y = b.isDouble() ? b.toDouble() : b.toString().toDouble(&bNumber);
        if (aNumber && bNumber)
            return x == y;
    }
    if (a.isString() && b.isString()) {
        const QDateTime x = QDateTime::fromString(a.toString(), Qt::ISODateWithMs);
        const QDateTime y = QDateTime::fromString(b.toString(), Qt::ISODateWithMs);
        if (x.isValid() && y.isValid() && a.toString().size() > 10 && b.toString().size() > 10)
            return x.toUTC() == y.toUTC();
    }
    return false;
}

bool sameValue(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isArray() && b.isArray()) {
        const QJsonArray x = a.toArray(), y = b.toArray();
        if (x.size() != y.size())
            return false;
        for (qsizetype i = 0; i < x.size(); ++i) {
            if (!sameScalar(x.at(i), y.at(i)))
                return false;
        }
        return true;
    }
    return sameScalar(a, b);
}

} // namespace

QList<FieldChange> driftChanges(const QJsonObject &current, const QJsonObject &expected)
{
    QList<FieldChange> changes;
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it) {
        if (it.key().contains(QLatin1Char('@')))
            continue;
        const QJsonValue before = current.value(it.key());
        if (!sameValue(before, it.value()))
            changes.append({it.key(), before.isUndefined() ? QJsonValue() : before, it.value()});
    }
    return changes;
}

DriftClassifier::DriftClassifier(QList<DriftList> lists)
    : m_lists(std::move(lists))
    , m_ledgerEntriesOfList(m_lists.size(), 0)
{
    m_itemsOfList.resize(m_lists.size());
}

int DriftClassifier::listIndexOf(const QString &listId) const
{
    for (int i = 0; i < m_lists.size(); ++i) {
        if (!listId.isEmpty() && m_lists.at(i).listId == listId)
            return i;
    }
    return -1;
}

void DriftClassifier::addRow(const QString &identityHash, int listIndex, const QJsonObject &fields)
{
    const std::optional<IdentityKey> key = IdentityKey::fromHex(identityHash);
    if (!key)
        return; // identities are SHA-256 digests; nothing else can name a row
    addRows({{*key, fieldsDigest(fields), qint16(listIndex)}});
}

void DriftClassifier::addRows(const QList<DigestedRow> &rows)
{
    for (const DigestedRow &row : rows) {
        Slot &slot = m_slots[row.key];
        slot.rowList = row.list;
        slot.expected = row.fields;
        if (slot.firstItem < 0)
            continue;
        // The row's first item came before it: now its details can go if it plainly holds the row.
        const auto awaiting = m_awaitingRow.constFind(slot.firstItem);
        if (awaiting == m_awaitingRow.cend())
            continue;
        Item &item = m_items[slot.firstItem];
        if (item.list == row.list && *awaiting == row.fields) {
            m_details.remove(slot.firstItem);
            item.detailed = false;
        }
        m_awaitingRow.erase(awaiting);
    }
}

void DriftClassifier::rowsComplete()
{
    m_rowsComplete = true;
    m_awaitingRow.clear(); // rowless: their items are orphans and keep their details for the report
}

void DriftClassifier::addLedgerEntry(const LedgerEntry &entry)
{
    const int list = listIndexOf(entry.listGraphId);
    if (list >= 0 && (entry.state == LedgerState::Synced || entry.state == LedgerState::Marked))
        ++m_ledgerEntriesOfList[list];
    const std::optional<IdentityKey> key = IdentityKey::fromHex(entry.identityHash);
    if (!key)
        return;
    const auto slot = m_slots.find(*key);
    if (slot == m_slots.end())
        return;
    slot->hasLedger = true;
    slot->ledgerState = entry.state;
    slot->ledgerList = qint16(list);
    slot->ledgerItemId = entry.itemId.toLongLong();
}

void DriftClassifier::addItem(int listIndex, const ListedItem &item)
{
    ++m_itemsOfList[listIndex];
    const std::optional<IdentityKey> key = IdentityKey::fromHex(item.key);
    if (!key) {
        m_loose.append({{item.itemId, item.title, {}}, listIndex, item.key});
        return;
    }
    Item compact;
    bool numericId = false;
    compact.id = item.itemId.toLongLong(&numericId);
    compact.list = qint16(listIndex);
    const int index = int(m_items.size());
    Slot &slot = m_slots[*key];
    const bool mayHoldItsRow = numericId && slot.firstItem < 0;
    const bool rowToCome = slot.rowList == noRow && !m_rowsComplete;
    const FieldsDigest digest = mayHoldItsRow && (rowToCome || slot.rowList == listIndex)
        ? fieldsDigest(item.fields, &m_comparedFields[listIndex])
        : FieldsDigest{};
    const bool plainlyInSync = mayHoldItsRow && slot.rowList == listIndex && digest == slot.expected;
    if (!plainlyInSync) {
        compact.detailed = true;
        m_details.insert(index, {item.itemId, item.title, item.fields});
        if (mayHoldItsRow && rowToCome)
            m_awaitingRow.insert(index, digest);
    }
    m_items.append(compact);
    if (slot.firstItem < 0) {
        slot.firstItem = index;
        return;
    }
    int last = slot.firstItem;
    while (m_items.at(last).next >= 0)
        last = m_items.at(last).next;
    m_items[last].next = index;
}

QString DriftClassifier::itemIdText(int index) const
{
    const Item &item = m_items.at(index);
    return item.detailed ? m_details.value(index).itemId : QString::number(item.id);
}

int DriftClassifier::keptItem(const Slot &slot, const QList<int> &items) const
{
    const auto known = [&](int index) {
        const Item &item = m_items.at(index);
        return slot.hasLedger && slot.ledgerItemId != 0 && slot.ledgerItemId == item.id && slot.ledgerList == item.list;
    };
    const auto oldest = [&](bool inExpected) {
        int best = -1;
        for (int i = 0; i < items.size(); ++i) {
            if ((m_items.at(items.at(i)).list == slot.rowList) != inExpected)
                continue;
            if (best < 0 || m_items.at(items.at(i)).id < m_items.at(items.at(best)).id)
                best = i;
        }
        return best;
    };
    for (int i = 0; i < items.size(); ++i) {
        if (m_items.at(items.at(i)).list == slot.rowList && known(items.at(i)))
            return i;
    }
    if (const int best = oldest(true); best >= 0)
        return best;
    for (int i = 0; i < items.size(); ++i) {
        if (known(items.at(i)))
            return i;
    }
    return oldest(false);
}

DriftDetailsNeeded DriftClassifier::classify(DriftReport &report) const
{
    DriftDetailsNeeded needed;
    report.lists.clear();
    report.totals.clear();
    report.entries.clear();
    report.unlinked.clear();
    for (int list = 0; list < m_lists.size(); ++list) {
        DriftListCounts &counts = report.lists[m_lists.at(list).name];
        counts.listId = m_lists.at(list).listId;
        counts.items = m_itemsOfList.at(list);
        counts.ledgerEntries = m_ledgerEntriesOfList.at(list);
    }
    const auto count = [&](DriftClass driftClass, int listIndex) {
        ++report.totals[driftClass];
        ++report.lists[m_lists.at(listIndex).name].classes[driftClass];
    };
    const auto itemEntry = [&](DriftClass driftClass, int listIndex, const QString &itemId, const QString &title) {
        DriftEntry entry;
        entry.driftClass = driftClass;
        entry.list = m_lists.at(listIndex).name;
        entry.listId = m_lists.at(listIndex).listId;
        entry.itemId = itemId;
        entry.title = title;
        return entry;
    };

    for (const LooseItem &loose : m_loose) {
        // No row can have a key that is not an identity digest: an orphan; no key at all: not ours.
        const DriftClass driftClass = loose.key.isEmpty() ? DriftClass::Unkeyed : DriftClass::Orphan;
        DriftEntry entry = itemEntry(driftClass, loose.list, loose.detail.itemId, loose.detail.title);
        entry.identityHash = loose.key;
        count(driftClass, loose.list);
        report.entries << entry;
    }

    for (auto slot = m_slots.constBegin(); slot != m_slots.constEnd(); ++slot) {
        const QString hash = slot.key().toHex();
        if (slot->rowList == DigestedRow::unplannedRow)
            continue; // the row is there, as what a push cannot tell yet: deleting its items would lose them
        QList<int> items;
        for (int at = slot->firstItem; at >= 0; at = m_items.at(at).next)
            items << at;
        if (slot->rowList < 0) { // no row, or one no rule routes: every item is an orphan
            for (const int at : std::as_const(items)) {
                DriftEntry entry = itemEntry(DriftClass::Orphan, m_items.at(at).list, itemIdText(at), m_details.value(at).title);
                entry.identityHash = hash;
                count(DriftClass::Orphan, m_items.at(at).list);
                needed.orphansOfLedgerKey[hash] << int(report.entries.size());
                report.entries << entry;
            }
            continue;
        }
        ++report.lists[m_lists.at(slot->rowList).name].sourceRows;
        if (items.isEmpty()) {
            DriftEntry entry = itemEntry(DriftClass::Missing, slot->rowList, {}, {});
            entry.identityHash = hash;
            count(DriftClass::Missing, slot->rowList);
            needed.entriesOfRow[hash] << int(report.entries.size());
            report.entries << entry;
            continue;
        }
        const int kept = keptItem(*slot, items);
        for (int i = 0; i < items.size(); ++i) {
            const int at = items.at(i);
            const Item &item = m_items.at(at);
            DriftEntry entry = itemEntry(DriftClass::InSync, item.list, itemIdText(at), m_details.value(at).title);
            entry.identityHash = hash;
            if (i != kept) {
                entry.driftClass = DriftClass::Duplicate;
            } else if (item.list != slot->rowList) {
                entry.driftClass = DriftClass::WrongList;
                entry.expectedList = m_lists.at(slot->rowList).name;
                entry.expectedListId = m_lists.at(slot->rowList).listId;
            } else if (item.detailed) { // the exact comparison decides, once the row's fields are read again
                entry.driftClass = DriftClass::Differs;
                needed.currentFields.insert(int(report.entries.size()), m_details.value(at).fields);
            }
            count(entry.driftClass, item.list);
            if (entry.driftClass != DriftClass::InSync) {
                needed.entriesOfRow[hash] << int(report.entries.size());
                report.entries << entry;
            }
            const bool linked = slot->hasLedger && slot->ledgerState == LedgerState::Synced && slot->ledgerItemId == item.id
                && slot->ledgerList == item.list;
            if (i == kept && item.list == slot->rowList && !linked) {
                if (entry.driftClass == DriftClass::Differs)
                    needed.unlinkedCurrentFields.insert(int(report.unlinked.size()), m_details.value(at).fields);
                needed.unlinkedOfRow[hash] << int(report.unlinked.size());
                report.unlinked << entry;
            }
        }
    }
    return needed;
}

namespace {

void recount(DriftReport &report, const DriftEntry &entry, DriftClass to)
{
    --report.totals[entry.driftClass];
    --report.lists[entry.list].classes[entry.driftClass];
    ++report.totals[to];
    ++report.lists[entry.list].classes[to];
}

// A '*' candidate compared field by field: its changes, or '=' when there are none.
void compareExactly(DriftEntry &entry, const QJsonObject &current, const QJsonObject &fields)
{
    entry.changes = driftChanges(current, fields);
    if (entry.changes.isEmpty())
        entry.driftClass = DriftClass::InSync;
}

} // namespace

void completeRow(DriftReport &report, const DriftDetailsNeeded &needed, const QString &identityHash, const QString &identityText,
    const QString &contentHash, const QJsonObject &fields)
{
    const QString readable = readableIdentity(identityText);
    const auto complete = [&](DriftEntry &entry) {
        entry.identity = readable;
        entry.identityText = identityText;
        entry.contentHash = contentHash;
        entry.fields = fields;
        // An item that held its row plainly was kept without its title: the row's is the same.
        if (!entry.itemId.isEmpty() && entry.title.isEmpty())
            entry.title = fields.value(QStringLiteral("Title")).toString();
    };
    for (const int index : needed.entriesOfRow.value(identityHash)) {
        DriftEntry &entry = report.entries[index];
        complete(entry);
        if (entry.driftClass == DriftClass::Differs) {
            compareExactly(entry, needed.currentFields.value(index), fields);
            if (entry.driftClass == DriftClass::InSync) {
                entry.driftClass = DriftClass::Differs; // recount from what was counted
                recount(report, entry, DriftClass::InSync);
                entry.driftClass = DriftClass::InSync;
            }
        }
        if (entry.driftClass == DriftClass::Duplicate)
            entry.fields = {};
    }
    for (const int index : needed.unlinkedOfRow.value(identityHash)) {
        DriftEntry &entry = report.unlinked[index];
        complete(entry);
        if (entry.driftClass == DriftClass::Differs)
            compareExactly(entry, needed.unlinkedCurrentFields.value(index), fields);
    }
}

void completeOrphan(DriftReport &report, const DriftDetailsNeeded &needed, const QString &identityHash, const QString &identityText)
{
    for (const int index : needed.orphansOfLedgerKey.value(identityHash)) {
        report.entries[index].identity = readableIdentity(identityText);
        report.entries[index].identityText = identityText;
    }
}

void removeSettledEntries(DriftReport &report, const DriftDetailsNeeded &needed, const QSet<QString> &rowsFound)
{
    QSet<int> gone;
    for (auto row = needed.entriesOfRow.constBegin(); row != needed.entriesOfRow.constEnd(); ++row) {
        if (rowsFound.contains(row.key()))
            continue;
        // The row was deleted while the lists were read: without it there is nothing safe to repair
        // with (a '+' without fields would create an empty item); the next check tells what is left.
        for (const int index : row.value()) {
            const DriftEntry &entry = report.entries.at(index);
            --report.totals[entry.driftClass];
            --report.lists[entry.list].classes[entry.driftClass];
            gone.insert(index);
        }
    }
    QList<DriftEntry> kept;
    kept.reserve(report.entries.size());
    for (int i = 0; i < report.entries.size(); ++i) {
        if (!gone.contains(i) && report.entries.at(i).driftClass != DriftClass::InSync)
            kept << report.entries.at(i);
    }
    report.entries = std::move(kept);
    QList<DriftEntry> unlinked;
    for (const DriftEntry &entry : std::as_const(report.unlinked)) {
        if (rowsFound.contains(entry.identityHash))
            unlinked << entry;
    }
    report.unlinked = std::move(unlinked);
    std::sort(report.entries.begin(), report.entries.end(), [](const DriftEntry &a, const DriftEntry &b) {
        return std::tie(a.driftClass, a.list, a.identity, a.itemId) < std::tie(b.driftClass, b.list, b.identity, b.itemId);
    });
}

} // namespace SyncBridge

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

void DriftClassifier::addItems(int listIndex, const QList<ListedItem> &items)
{
    m_items[listIndex] << items;
}

void DriftClassifier::setLedger(const QList<LedgerEntry> &entries)
{
    m_ledger.clear();
    m_ledger.reserve(entries.size());
    for (const LedgerEntry &entry : entries)
        m_ledger.insert(entry.identityHash, entry);
}

int DriftClassifier::keptItem(const QString &identityHash, int expectedList, const QList<Placed> &placed) const
{
    const auto ledger = m_ledger.constFind(identityHash);
    const auto known = [&](const Placed &p) {
        return ledger != m_ledger.constEnd() && ledger->itemId == item(p).itemId && ledger->listGraphId == m_lists.at(p.listIndex).listId;
    };
    const auto oldest = [&](bool inExpected) {
        int best = -1;
        for (int i = 0; i < placed.size(); ++i) {
            if ((placed.at(i).listIndex == expectedList) != inExpected)
                continue;
            if (best < 0 || item(placed.at(i)).itemId.toLongLong() < item(placed.at(best)).itemId.toLongLong())
                best = i;
        }
        return best;
    };
    for (int i = 0; i < placed.size(); ++i) {
        if (placed.at(i).listIndex == expectedList && known(placed.at(i)))
            return i;
    }
    if (const int best = oldest(true); best >= 0)
        return best;
    for (int i = 0; i < placed.size(); ++i) {
        if (known(placed.at(i)))
            return i;
    }
    return oldest(false);
}

void DriftClassifier::classify(DriftReport &report) const
{
    report.lists.clear();
    report.totals.clear();
    report.entries.clear();
    report.unlinked.clear();
    for (const DriftList &list : m_lists) {
        DriftListCounts &counts = report.lists[list.name];
        counts.listId = list.listId;
    }
    for (const LedgerEntry &entry : m_ledger) {
        if (entry.state != LedgerState::Synced && entry.state != LedgerState::Marked)
            continue;
        for (const DriftList &list : m_lists) {
            if (list.listId == entry.listGraphId)
                ++report.lists[list.name].ledgerEntries;
        }
    }
    const auto count = [&](DriftClass driftClass, int listIndex) {
        ++report.totals[driftClass];
        ++report.lists[m_lists.at(listIndex).name].classes[driftClass];
    };
    const auto entryFor = [&](DriftClass driftClass, const Placed &placed, const QString &identityHash) {
        const ListedItem &listed = item(placed);
        DriftEntry entry;
        entry.driftClass = driftClass;
        entry.identityHash = identityHash;
        entry.list = m_lists.at(placed.listIndex).name;
        entry.listId = m_lists.at(placed.listIndex).listId;
        entry.itemId = listed.itemId;
        entry.title = listed.title;
        return entry;
    };

    QHash<QString, QList<Placed>> byKey;
    for (int list = 0; list < m_items.size(); ++list) {
        report.lists[m_lists.at(list).name].items = m_items.at(list).size();
        for (int i = 0; i < m_items.at(list).size(); ++i) {
            const ListedItem &listed = m_items.at(list).at(i);
            if (listed.key.isEmpty()) {
                count(DriftClass::Unkeyed, list);
                report.entries << entryFor(DriftClass::Unkeyed, {list, i}, {});
                continue;
            }
            byKey[listed.key] << Placed{list, i};
        }
    }

    for (auto row = m_rows.constBegin(); row != m_rows.constEnd(); ++row) {
        const ExpectedRow &expected = row.value();
        if (expected.listIndex < 0)
            continue; // routed nowhere: its items are orphans (below)
        ++report.lists[m_lists.at(expected.listIndex).name].sourceRows;
        const QString readable = readableIdentity(expected.identityText);
        const QList<Placed> placed = byKey.value(row.key());
        if (placed.isEmpty()) {
            count(DriftClass::Missing, expected.listIndex);
            DriftEntry entry;
            entry.driftClass = DriftClass::Missing;
            entry.identity = readable;
            entry.identityHash = row.key();
            entry.identityText = expected.identityText;
            entry.contentHash = expected.contentHash;
            entry.list = m_lists.at(expected.listIndex).name;
            entry.listId = m_lists.at(expected.listIndex).listId;
            entry.fields = expected.fields;
            report.entries << entry;
            continue;
        }
        const int kept = keptItem(row.key(), expected.listIndex, placed);
        const auto ledger = m_ledger.constFind(row.key());
        for (int i = 0; i < placed.size(); ++i) {
            const Placed &at = placed.at(i);
            DriftEntry entry = entryFor(DriftClass::InSync, at, row.key());
            entry.identity = readable;
            entry.identityText = expected.identityText;
            entry.contentHash = expected.contentHash;
            if (i != kept) {
                entry.driftClass = DriftClass::Duplicate;
            } else if (at.listIndex != expected.listIndex) {
                entry.driftClass = DriftClass::WrongList;
                entry.expectedList = m_lists.at(expected.listIndex).name;
                entry.expectedListId = m_lists.at(expected.listIndex).listId;
                entry.fields = expected.fields;
            } else {
                entry.changes = driftChanges(item(at).fields, expected.fields);
                if (!entry.changes.isEmpty()) {
                    entry.driftClass = DriftClass::Differs;
                    entry.fields = expected.fields;
                }
            }
            count(entry.driftClass, at.listIndex);
            if (entry.driftClass != DriftClass::InSync)
                report.entries << entry;
            const bool linked = ledger != m_ledger.constEnd() && ledger->state == LedgerState::Synced && ledger->itemId == entry.itemId
                && ledger->listGraphId == entry.listId;
            if (i == kept && at.listIndex == expected.listIndex && !linked) {
                entry.fields = expected.fields;
                report.unlinked << entry;
            }
        }
    }

    for (auto key = byKey.constBegin(); key != byKey.constEnd(); ++key) {
        const auto row = m_rows.constFind(key.key());
        if (row != m_rows.constEnd() && row->listIndex >= 0)
            continue;
        const auto ledger = m_ledger.constFind(key.key());
        for (const Placed &at : key.value()) {
            DriftEntry entry = entryFor(DriftClass::Orphan, at, key.key());
            if (ledger != m_ledger.constEnd()) {
                entry.identity = readableIdentity(ledger->identityText);
                entry.identityText = ledger->identityText;
            }
            count(DriftClass::Orphan, at.listIndex);
            report.entries << entry;
        }
    }
}

} // namespace SyncBridge

// TwoWayRun, the matching half of Pushing: which row, item and ledger entry are one. Every row of the
// table is paired with its item (by the ledger, or — a first run, or a create whose record a crash lost —
// by its key or SyncBridgeKey among the items read), and what each pair becomes is decided: merged field
// by field (twowayplan.cpp), created on the side that lacks it, deleted, left or marked by the delete
// policy; items nobody has become rows, and a second item of one row goes.
#include "sync/twoway/twowayrun.h"

#include "graph/provisioning.h"
#include "store/conflictrepository.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "sync/deletemarks.h"
#include "sync/pull/pullvalue.h"
#include "sync/valueconverter.h"

namespace SyncBridge {
namespace {

// The database's cursor value as an instant (text read with TimeZone=UTC); invalid when NULL or not a time.
QDateTime changedAt(const std::optional<QString> &text)
{
    if (!text)
        return {};
    QString iso = text->trimmed();
    iso.replace(QLatin1Char(' '), QLatin1Char('T'));
    if (iso.endsWith(QStringLiteral("+00")))
        iso.chop(3), iso += QLatin1Char('Z');
    QDateTime at = QDateTime::fromString(iso, Qt::ISODateWithMs);
    if (!at.isValid())
        at = QDateTime::fromString(iso, Qt::ISODate);
    if (at.isValid() && at.timeSpec() == Qt::LocalTime)
        at.setTimeZone(QTimeZone::utc());
    return at;
}

} // namespace

std::optional<QString> TwoWayRun::itemIdentityHash(const QJsonObject &item, const QJsonObject &values) const
{
    // By the key mapping when every key column is mapped, else by the SyncBridgeKey a create wrote.
    QStringList keyValues;
    for (const QString &key : m_writeTable.keyColumns) {
        const auto mapping = std::find_if(
            m_mappings.cbegin(), m_mappings.cend(), [&](const FieldMapping &candidate) { return candidate.sourceColumn == key; });
        if (mapping == m_mappings.cend())
            break;
        auto text = toPostgresValue(*m_table.column(key), values.value(mapping->targetColumn), m_siteZone);
        if (!text || !*text)
            return std::nullopt;
        keyValues << **text;
    }
    if (keyValues.size() == m_writeTable.keyColumns.size())
        return rowIdentity(m_writeTable.keyColumns, keyValues, m_definition.keySalt).hash;
    const QString key = item.value(QStringLiteral("fields")).toObject().value(syncBridgeKeyColumn).toString();
    return key.isEmpty() ? std::nullopt : std::optional<QString>(key);
}

Result<void> TwoWayRun::plan()
{
    auto rows = readTable();
    if (!rows)
        return rows.error();
    m_run.counters.rowsRead += rows->size();
    LedgerRepository ledger(*m_store);
    auto entries = ledger.entries(m_definitionId);
    if (!entries)
        return entries.error();
    auto agreed = AgreedStateRepository(*m_store).all(m_definitionId);
    if (!agreed)
        return agreed.error();
    m_agreed = *agreed;
    // One read of the queue for the run (not one per row: a no-change run over 10,000 rows).
    auto conflicts = ConflictRepository(*m_store).pending(m_definitionId);
    if (!conflicts)
        return conflicts.error();
    for (const SyncConflict &conflict : std::as_const(*conflicts))
        m_pendingConflicts[conflict.identityHash] << conflict;
    QHash<QString, LedgerEntry> byHash, byItem;
    for (const LedgerEntry &entry : std::as_const(*entries)) {
        byHash.insert(entry.identityHash, entry);
        if (!entry.itemId.isEmpty() && entry.listGraphId == m_listId)
            byItem.insert(entry.itemId, entry);
    }
    if (m_fullEnumeration) { // every item was read: the ledger's items not among them are gone
        for (auto it = byItem.cbegin(); it != byItem.cend(); ++it) {
            if (!m_changedItems.contains(it.key()))
                m_deletedItems.insert(it.key());
        }
    }

    // SharePoint's values of the items read, in the database's comparable form.
    QHash<QString, QJsonObject> itemValues;
    QHash<QString, QString> unlinkedByHash; // items the ledger does not know, by the row identity they name
    for (auto it = m_changedItems.cbegin(); it != m_changedItems.cend(); ++it) {
        QHash<QString, QString> unresolved;
        auto values = sharePointValues(*it, &unresolved);
        if (!unresolved.isEmpty())
            m_unresolved.insert(it.key(), unresolved);
        if (!values) {
            RowPlan failed;
            failed.kind = RowPlan::Kind::CreateRow;
            failed.itemId = it.key();
            failed.error = values.error().message();
            m_plans << failed;
            continue;
        }
        itemValues.insert(it.key(), *values);
        if (byItem.contains(it.key()))
            continue;
        const auto hash = itemIdentityHash(*it, *values);
        if (!hash)
            continue;
        if (unlinkedByHash.contains(*hash)) {
            RowPlan twice;
            twice.kind = RowPlan::Kind::CreateRow;
            twice.itemId = it.key();
            twice.error = tr("Item %1 has the key of item %2; a key must be unique, so neither becomes a row until one is changed.")
                              .arg(it.key(), unlinkedByHash.value(*hash));
            m_plans << twice;
            continue;
        }
        unlinkedByHash.insert(*hash, it.key());
    }
    // A row is never made with a reference left out (as a NULL): the item waits, re-read next run.
    const auto unresolvedReference = [this](const QString &itemId) {
        const QHash<QString, QString> why = m_unresolved.value(itemId);
        return why.isEmpty() ? QString() : why.cbegin().value();
    };
    // A flagged item (MARK) read with its flag cleared: a person brought it back.
    const auto flagCleared = [this](const QString &itemId) {
        const auto item = m_changedItems.constFind(itemId);
        return item != m_changedItems.constEnd()
            && !item->value(QStringLiteral("fields")).toObject().value(goneFromSourceColumn).toBool(false);
    };

    QSet<QString> rowsSeen, itemsTaken;
    for (const SourceRow &row : std::as_const(*rows)) {
        RowPlan plan;
        plan.keyValues = row.keyValues;
        plan.identity = rowIdentity(m_writeTable.keyColumns, row.keyValues, m_definition.keySalt);
        rowsSeen.insert(plan.identity.hash);
        if (const auto entry = byHash.constFind(plan.identity.hash); entry != byHash.constEnd())
            plan.ledger = *entry;
        auto database = databaseValues(row);
        if (!database) {
            plan.error = database.error().message();
            m_plans << plan;
            continue;
        }
        const QDateTime rowChangedAt
            = m_definition.cursorColumn.isEmpty() ? QDateTime() : changedAt(row.values.value(m_definition.cursorColumn));
        const QJsonObject base = m_agreed.value(plan.identity.hash).values;
        const bool markedGone = plan.ledger && plan.ledger->state == LedgerState::Marked && plan.ledger->itemId.isEmpty()
            && rowIsMarkedGone(row.values.value(rowGoneColumn));
        if (markedGone && !unlinkedByHash.contains(plan.identity.hash)) {
            plan.kind = RowPlan::Kind::Leave; // its item was deleted and the row marked (MARK): not recreated
            m_plans << plan;
            continue;
        } // a marked row whose mark a person cleared comes back: a new item; one whose item a person created again: paired (below)
        const bool linked = plan.ledger && !plan.ledger->itemId.isEmpty() && plan.ledger->listGraphId == m_listId;
        // Its row was gone and the item flagged (MARK), and the row is back: the item is merged and unflagged.
        const bool flagged = linked && plan.ledger->state == LedgerState::Marked;
        if (linked && plan.ledger->state == LedgerState::Deleted) {
            plan.kind = RowPlan::Kind::Leave; // its item was deleted and the row left (LEAVE): not recreated
            plan.itemId = plan.ledger->itemId;
            itemsTaken.insert(plan.itemId);
            m_plans << plan;
            continue;
        }
        if (linked) {
            plan.itemId = plan.ledger->itemId;
            itemsTaken.insert(plan.itemId);
            if (m_deletedItems.contains(plan.itemId)) {
                // Deleted in SharePoint. A row edited since they agreed keeps its edit: the item comes back.
                const bool edited = base.isEmpty() || *database != base;
                plan.kind = edited                                      ? RowPlan::Kind::CreateItem
                    : m_definition.deletePolicy == DeletePolicy::Delete ? RowPlan::Kind::DeleteRow
                    : m_definition.deletePolicy == DeletePolicy::Mark   ? RowPlan::Kind::MarkRow
                                                                        : RowPlan::Kind::Leave;
                if (plan.kind == RowPlan::Kind::MarkRow)
                    plan.rowWrite.insert(rowGoneColumn, rowGoneValue(m_table, m_clock.nowUtc()));
                if (edited) {
                    plan.itemId.clear();
                    plan.agreed = *database;
                    plan.provenance = QStringLiteral("database");
                    if (auto sent = planRowWrites(plan, *database, false); !sent)
                        plan.error = sent.error().message();
                }
                m_plans << plan;
                continue;
            }
            QJsonObject sharePoint = itemValues.value(plan.itemId, base);
            for (auto it = database->constBegin(); it != database->constEnd(); ++it) {
                if (!sharePoint.contains(it.key())) // never agreed and not read: taken to be what the row holds
                    sharePoint.insert(it.key(), it.value());
            }
            mergeRow(plan, *database, sharePoint, base, rowChangedAt, m_changedItems.value(plan.itemId));
            if (flagged && m_columns.contains(goneFromSourceColumn))
                plan.sharePointWrite.insert(goneFromSourceColumn, false);
            m_plans << plan;
            continue;
        }
        if (const QString itemId = unlinkedByHash.take(plan.identity.hash); !itemId.isEmpty()) {
            // The same row on both sides (a first run, or a create whose record a crash lost): one
            // pair, its differing fields decided by the policy as conflicts with no base.
            plan.itemId = itemId;
            plan.matched = true;
            itemsTaken.insert(itemId);
            mergeRow(plan, *database, itemValues.value(itemId), {}, rowChangedAt, m_changedItems.value(itemId));
            if (markedGone) // its item created again (its key, or its SyncBridgeKey): the row is back, unmarked
                plan.rowWrite.insert(rowGoneColumn, std::nullopt);
            m_plans << plan;
            continue;
        }
        plan.kind = RowPlan::Kind::CreateItem;
        plan.agreed = *database;
        plan.provenance = QStringLiteral("database");
        for (const FieldMapping &mapping : std::as_const(m_mappings)) {
            if (mapping.direction == FieldDirection::PullOnly) // not written: the new item has no value there
                plan.agreed.insert(mapping.targetColumn, QJsonValue());
        }
        QJsonObject sent = *database;
        for (const FieldMapping &mapping : std::as_const(m_mappings)) {
            if (mapping.direction == FieldDirection::PullOnly)
                sent.remove(mapping.targetColumn);
        }
        if (auto written = planRowWrites(plan, sent, false); !written)
            plan.error = written.error().message();
        m_plans << plan;
    }

    // A ledger entry whose row is gone from the table. `rowMayBeLost`: the entry records a new row
    // about to be inserted (PENDING with its item), which a crash may have lost.
    const auto planGoneRow = [&](const LedgerEntry &entry, bool rowMayBeLost) {
        RowPlan plan;
        plan.ledger = entry;
        plan.itemId = entry.itemId;
        plan.identity = {entry.identityText, entry.identityHash};
        plan.keyValues = keyValuesFromIdentity(entry.identityText);
        itemsTaken.insert(entry.itemId);
        const QJsonObject base = m_agreed.value(entry.identityHash).values;
        if (m_deletedItems.contains(entry.itemId)) {
            plan.kind = RowPlan::Kind::Forget; // gone from both sides
        } else if (entry.state == LedgerState::Deleted || (entry.state == LedgerState::Marked && !flagCleared(entry.itemId))) {
            plan.kind = RowPlan::Kind::Leave; // left (LEAVE), or flagged (MARK) and still flagged
        } else {
            const bool read = itemValues.contains(entry.itemId);
            const bool edited = read && (base.isEmpty() || itemValues.value(entry.itemId) != base);
            if (rowMayBeLost || edited || entry.state == LedgerState::Marked) {
                // A row a crashed run's insert may have lost, an item edited after its row was deleted, or
                // a flagged item a person unflagged: the row comes back with the item's values.
                plan.kind = RowPlan::Kind::CreateRow;
                plan.agreed = read ? itemValues.value(entry.itemId) : base;
                plan.provenance = QStringLiteral("sharepoint");
                QJsonObject pulledValues = plan.agreed;
                for (const FieldMapping &mapping : std::as_const(m_mappings)) {
                    if (mapping.direction == FieldDirection::PushOnly)
                        pulledValues.remove(mapping.targetColumn);
                }
                if (auto written = planRowWrites(plan, pulledValues, true); !written)
                    plan.error = written.error().message();
                else if (read)
                    plan.error = unresolvedReference(entry.itemId);
            } else {
                plan.kind = m_definition.deletePolicy == DeletePolicy::Delete ? RowPlan::Kind::DeleteItem
                    : m_definition.deletePolicy == DeletePolicy::Mark         ? RowPlan::Kind::FlagItem
                                                                              : RowPlan::Kind::Leave;
            }
        }
        m_plans << plan;
    };
    for (auto it = byItem.cbegin(); it != byItem.cend(); ++it) {
        if (!rowsSeen.contains(it->identityHash))
            planGoneRow(*it, it->state == LedgerState::Pending);
    }
    // An entry with neither a row nor an item: the ledger lets it go.
    const auto forget = [this](const LedgerEntry &entry) {
        RowPlan plan;
        plan.kind = RowPlan::Kind::Forget;
        plan.ledger = entry;
        plan.identity = {entry.identityText, entry.identityHash};
        m_plans << plan;
    };
    // A create of an item recorded (PENDING, no item yet) by a run that ended before its answer, and
    // the row deleted since. Its item landed — found by its SyncBridgeKey, and judged against the values
    // it was sent with, as a linked one is — or never will: earlier writes are awaited before the read.
    for (const LedgerEntry &entry : std::as_const(*entries)) {
        if (entry.state != LedgerState::Pending || !entry.itemId.isEmpty() || rowsSeen.contains(entry.identityHash))
            continue;
        LedgerEntry landed = entry;
        landed.itemId = unlinkedByHash.take(entry.identityHash);
        landed.listGraphId = m_listId;
        if (landed.itemId.isEmpty())
            forget(entry);
        else
            planGoneRow(landed, false);
    }
    // Rows marked (MARK) and deleted in the database since: nothing is left on either side.
    for (const LedgerEntry &entry : std::as_const(*entries)) {
        if (entry.state == LedgerState::Marked && entry.itemId.isEmpty() && !rowsSeen.contains(entry.identityHash))
            forget(entry);
    }

    // Items nobody has: new in SharePoint (rows to create), or twins of an item the ledger links.
    for (auto it = itemValues.cbegin(); it != itemValues.cend(); ++it) {
        if (itemsTaken.contains(it.key()) || byItem.contains(it.key()))
            continue;
        RowPlan plan;
        plan.itemId = it.key();
        const QString key = m_changedItems.value(it.key()).value(QStringLiteral("fields")).toObject().value(syncBridgeKeyColumn).toString();
        const auto owner = byHash.constFind(key);
        if (!key.isEmpty() && owner != byHash.constEnd() && !owner->itemId.isEmpty() && owner->itemId != it.key()
            && !m_deletedItems.contains(owner->itemId)) {
            plan.kind = RowPlan::Kind::Twin; // a create sent twice (a re-sent request): the second item goes
            m_plans << plan;
            continue;
        }
        plan.kind = RowPlan::Kind::CreateRow;
        plan.agreed = it.value();
        plan.provenance = QStringLiteral("sharepoint");
        QJsonObject pulledValues = it.value();
        for (const FieldMapping &mapping : std::as_const(m_mappings)) {
            if (mapping.direction == FieldDirection::PushOnly)
                pulledValues.remove(mapping.targetColumn);
        }
        if (auto written = planRowWrites(plan, pulledValues, true); !written)
            plan.error = written.error().message();
        else
            plan.error = unresolvedReference(it.key());
        // The row's key: the item's when the pull writes every key column, else the database's default.
        QStringList key_;
        for (const QString &column : std::as_const(m_writeTable.keyColumns)) {
            const auto value = plan.rowWrite.constFind(column);
            if (value == plan.rowWrite.constEnd() || !value->has_value())
                break;
            key_ << **value;
        }
        if (key_.size() == m_writeTable.keyColumns.size()) {
            plan.keyValues = key_;
            plan.identity = rowIdentity(m_writeTable.keyColumns, key_, m_definition.keySalt);
        }
        m_plans << plan;
    }
    if (holdBackDeletes())
        m_keepOldLink = true;
    return success();
}

} // namespace SyncBridge

// PullRun, steps Retrying and Pulling: reading a list's delta feed page by page and writing each page
// into the table in one transaction; items that fail wait in the retry queue, re-read by id later.
#include "sync/pull/pullrun.h"

#include "graph/deltareader.h"
#include "graph/graphclient.h"
#include "source/sourcereader.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/sql.h"
#include "sync/previewrow.h"
#include "sync/pull/pullvalue.h"

#include <QCoreApplication>

namespace SyncBridge {
namespace {
constexpr int retryBackoffBaseSeconds = 30;

QString itemIdOf(const QJsonObject &item)
{
    return item.value(QStringLiteral("id")).toString();
}

} // namespace

// A new item whose key another item's row already has must not take that row over (the two items
// would write one row in turn, and the other's ledger entry would be lost): it fails, naming both.
Result<void> PullRun::refuseSharedKeys(const PulledList &list, QList<ItemPlan> &plans) const
{
    QHash<QString, QString> itemOfKey; // identity hash → item id, within the page
    QStringList lookups;
    for (ItemPlan &plan : plans) {
        if (!plan.error.isEmpty() || plan.write.kind != RowWrite::Kind::Upsert)
            continue;
        const QString hash = rowIdentity(m_writeTable.keyColumns, plan.write.keyValues, m_definition.keySalt).hash;
        if (itemOfKey.contains(hash) && itemOfKey.value(hash) != plan.itemId)
            plan.error = sharedKeyError(plan, itemOfKey.value(hash));
        itemOfKey.insert(hash, plan.itemId);
        if (!plan.ledger)
            lookups << hash;
    }
    auto known = LedgerRepository(*m_store).lookup(m_definitionId, lookups);
    if (!known)
        return known.error();
    for (ItemPlan &plan : plans) {
        if (!plan.error.isEmpty() || plan.ledger || plan.write.kind != RowWrite::Kind::Upsert)
            continue;
        const auto owner = known->constFind(rowIdentity(m_writeTable.keyColumns, plan.write.keyValues, m_definition.keySalt).hash);
        if (owner != known->constEnd() && !owner->itemId.isEmpty() && (owner->itemId != plan.itemId || owner->listGraphId != list.listId))
            plan.error = sharedKeyError(plan, owner->itemId);
    }
    return success();
}

QString PullRun::sharedKeyError(const ItemPlan &plan, const QString &otherItem) const
{
    return QCoreApplication::translate(
        "SyncBridge::Sync", "Item %1 has the key (%2) of the row item %3 is written to; a key must be unique, so it is not written.")
        .arg(plan.itemId, plan.write.keyValues.join(QStringLiteral(", ")), otherItem);
}

RowIdentity PullRun::retryIdentity(const QString &listId, const QString &itemId) const
{
    return rowIdentity({QStringLiteral("list"), QStringLiteral("item")}, {listId, itemId}, m_definition.keySalt);
}

void PullRun::retryDueItems()
{
    auto due = m_dueRetries.next(*m_store, m_clock);
    if (!due) {
        fail(due.error());
        return;
    }
    if (due->isEmpty()) {
        nextStep();
        return;
    }
    event(EventSeverity::Info, QStringLiteral("retrying"),
        QCoreApplication::translate("SyncBridge::Sync", "Retrying %n item(s) that failed before.", nullptr, int(due->size())));
    retryNext(std::make_shared<QList<RetryItem>>(*due), 0);
}

void PullRun::retryNext(std::shared_ptr<QList<RetryItem>> due, int index)
{
    if (m_cancelled) {
        finish(RunStatus::Cancelled);
        return;
    }
    if (index >= due->size()) {
        QMetaObject::invokeMethod(this, &PullRun::retryDueItems, Qt::QueuedConnection); // the next page of due retries
        return;
    }
    const QStringList where = keyValuesFromIdentity(due->at(index).identityText); // list id, item id
    const QString listId = where.value(0), itemId = where.value(1);
    const auto list = std::find_if(m_lists.cbegin(), m_lists.cend(), [&](const PulledList &l) { return l.listId == listId; });
    if (list == m_lists.cend()) { // the list is no longer a target of the definition
        if (m_options.dryRun) {
            retryNext(due, index + 1);
            return;
        }
        if (auto removed = LedgerRepository(*m_store).removeRetry(m_definitionId, due->at(index).identityHash); !removed) {
            fail(removed.error());
            return;
        }
        retryNext(due, index + 1);
        return;
    }
    const int listIndex = int(list - m_lists.cbegin());
    readItem(*m_graph, m_siteId, listId, itemId, [this, due, index, listIndex](Result<std::optional<QJsonObject>> item) {
        if (!item) {
            fail(item.error());
            return;
        }
        if (*item) {
            applyWithReferences(listIndex, {**item}, [this, due, index](Result<void> applied) {
                if (!applied) {
                    fail(applied.error());
                    return;
                }
                retryNext(due, index + 1);
            });
            return;
        }
        Result<void> applied = success();
        { // deleted: its row goes by the delete policy (a delete that failed before is tried again)
            if (!m_options.dryRun)
                applied = LedgerRepository(*m_store).removeRetry(m_definitionId, due->at(index).identityHash);
            const QString goneId = keyValuesFromIdentity(due->at(index).identityText).value(1);
            auto known = LedgerRepository(*m_store).byItems(m_definitionId, m_lists.at(listIndex).listId, {goneId});
            if (applied && !known)
                applied = known.error();
            else if (applied && !known->isEmpty())
                applied = deleteRows(listIndex, known->values());
        }
        if (!applied) {
            fail(applied.error());
            return;
        }
        retryNext(due, index + 1);
    });
}

void PullRun::pullList(int index)
{
    if (m_cancelled) {
        finish(RunStatus::Cancelled);
        return;
    }
    if (index >= m_lists.size()) {
        nextStep();
        return;
    }
    m_round = Round();
    m_round.list = index;
    const PulledList &list = m_lists.at(index);
    auto cursor = LedgerRepository(*m_store).cursor(m_definitionId, QStringLiteral("pull"), 0, list.listId);
    if (!cursor) {
        fail(cursor.error());
        return;
    }
    // Without a kept link every item is read: the ledger may know some (an earlier push), and those
    // it names that are not there any more are the list's deletes. A dry run of --reset-cursor leaves
    // the link and reads as if it were gone.
    m_round.fullEnumeration = !cursor->has_value() || (*cursor)->position.isEmpty() || (m_options.dryRun && m_options.resetCursor);
    readPage(m_round.fullEnumeration ? deltaStartUrl(m_siteId, list.listId, true) : (*cursor)->position);
}

void PullRun::readPage(const QString &url)
{
    if (m_cancelled) {
        finish(RunStatus::Cancelled);
        return;
    }
    readDeltaPage(*m_graph, url, [this](Result<DeltaPage> page) {
        if (!page) {
            fail(page.error());
            return;
        }
        const PulledList &list = m_lists.at(m_round.list);
        if (page->resyncRequired) {
            // The kept link is too old (410): every item is read again, and what the ledger knows that
            // is not there any more is deleted (the documented "apply differences").
            event(EventSeverity::Warning, QStringLiteral("delta-resync"),
                QCoreApplication::translate("SyncBridge::Sync",
                    "SharePoint no longer knows the position in list '%1' (410): every item is read again and compared.")
                    .arg(list.name));
            m_round.fullEnumeration = true;
            m_round.seen.clear();
            m_round.deletedIds.clear();
            readPage(page->restartUrl.isEmpty() ? deltaStartUrl(m_siteId, list.listId, true) : page->restartUrl);
            return;
        }
        m_round.deletedIds << page->deletedIds;
        for (const QJsonObject &item : std::as_const(page->changed))
            m_round.seen.insert(itemIdOf(item));
        auto items = std::make_shared<QList<QJsonObject>>(page->changed);
        const QString next = page->nextLink, deltaLink = page->deltaLink;
        completeFields(items, 0, [this, items, next, deltaLink]() {
            m_run.counters.rowsRead += items->size();
            applyWithReferences(m_round.list, *items, [this, next, deltaLink](Result<void> applied) {
                if (!applied) {
                    fail(applied.error());
                    return;
                }
                report(RunPhase::Pulling);
                if (!next.isEmpty())
                    QMetaObject::invokeMethod(
                        this, [this, next]() { readPage(next); }, Qt::QueuedConnection);
                else
                    endRound(deltaLink);
            });
        });
    });
}

void PullRun::completeFields(std::shared_ptr<QList<QJsonObject>> items, int index, std::function<void()> then)
{
    // A delta row without `fields` (the feed need not carry them) is read again by id.
    while (index < items->size() && items->at(index).contains(QStringLiteral("fields")))
        ++index;
    if (index >= items->size()) {
        then();
        return;
    }
    const PulledList &list = m_lists.at(m_round.list);
    readItem(
        *m_graph, m_siteId, list.listId, itemIdOf(items->at(index)), [this, items, index, then](Result<std::optional<QJsonObject>> item) {
            if (!item) {
                fail(item.error());
                return;
            }
            if (*item)
                (*items)[index] = **item;
            else
                items->removeAt(index); // deleted meanwhile: a later round carries the deletion
            completeFields(items, *item ? index + 1 : index, then);
        });
}

void PullRun::applyWithReferences(int listIndex, const QList<QJsonObject> &items, std::function<void(Result<void>)> done)
{
    if (!m_references || m_references->isEmpty() || items.isEmpty()) {
        done(applyItems(listIndex, items, {}));
        return;
    }
    m_references->resolveItems(items, m_lists.at(listIndex).columns, [this, listIndex, items, done](Result<ResolvedReferences> references) {
        if (m_done)
            return;
        done(references ? applyItems(listIndex, items, *references) : Result<void>(references.error()));
    });
}

Result<void> PullRun::applyItems(int listIndex, const QList<QJsonObject> &items, const ResolvedReferences &references)
{
    if (items.isEmpty())
        return success();
    const PulledList &list = m_lists.at(listIndex);
    const QStringList &keyColumns = m_writeTable.keyColumns;
    // An item twice in one page is one change: its last state (the feed's rule).
    QList<QJsonObject> latest;
    QHash<QString, int> at;
    for (const QJsonObject &item : items) {
        if (at.contains(itemIdOf(item))) {
            latest[at.value(itemIdOf(item))] = item;
            continue;
        }
        at.insert(itemIdOf(item), int(latest.size()));
        latest << item;
    }
    QStringList ids = at.keys();
    LedgerRepository ledger(*m_store);
    auto known = ledger.byItems(m_definitionId, list.listId, ids);
    if (!known)
        return known.error();

    QList<ItemPlan> plans;
    for (const QJsonObject &item : std::as_const(latest)) {
        ItemPlan plan;
        plan.itemId = itemIdOf(item);
        if (known->contains(plan.itemId))
            plan.ledger = known->value(plan.itemId);
        for (const FieldMapping &mapping : std::as_const(m_pulled)) {
            const auto column = list.columns.constFind(mapping.targetColumn);
            const QJsonValue value = pulledValue(item, mapping, column == list.columns.constEnd() ? nullptr : &*column);
            plan.pulled.insert(mapping.sourceColumn, value);
            QJsonValue written = value;
            if (mapping.kind != FieldKind::Value) { // a lookup id → the referenced row's key, a person → the email
                written = takeReferences(value, references.value(mapping.targetColumn), &plan.error);
                if (!plan.error.isEmpty())
                    break;
            }
            auto converted = toPostgresValue(*m_table.column(mapping.sourceColumn), written, m_siteZone);
            if (!converted) {
                plan.error = converted.error().message();
                break;
            }
            plan.write.values.insert(mapping.sourceColumn, *converted);
            if (const ColumnInfo *descriptionColumn = m_table.column(mapping.descriptionColumn)) {
                const QJsonValue description = pulledDescription(item, mapping);
                plan.pulled.insert(mapping.descriptionColumn, description); // a changed description is a change
                auto text = toPostgresValue(*descriptionColumn, description, m_siteZone);
                if (!text) {
                    plan.error = text.error().message();
                    break;
                }
                plan.write.values.insert(mapping.descriptionColumn, *text);
            }
        }
        plan.contentHash = contentHash(plan.pulled);
        if (plan.error.isEmpty()) {
            if (plan.ledger) {
                plan.write.kind = RowWrite::Kind::Upsert;
                plan.write.keyValues = keyValuesFromIdentity(plan.ledger->identityText);
                plan.skip = plan.ledger->state == LedgerState::Synced && plan.ledger->contentHash == plan.contentHash;
                for (int i = 0; i < keyColumns.size() && plan.error.isEmpty(); ++i) {
                    const auto pulledKey = plan.write.values.constFind(keyColumns.at(i));
                    if (pulledKey != plan.write.values.constEnd() && pulledKey->value_or(QString()) != plan.write.keyValues.value(i))
                        plan.error = QCoreApplication::translate("SyncBridge::Sync",
                            "The key column '%1' was changed in SharePoint (%2 → %3); a pull does not move a row to another key.")
                                         .arg(keyColumns.at(i), plan.write.keyValues.value(i), pulledKey->value_or(QStringLiteral("NULL")));
                }
            } else {
                // A new item: its row is found by the key when the pull owns every key column (so a row
                // already there is matched, not doubled); otherwise the database gives the key.
                QStringList key;
                for (const QString &column : keyColumns) {
                    const auto pulledKey = plan.write.values.constFind(column);
                    if (pulledKey == plan.write.values.constEnd() || !pulledKey->has_value())
                        break;
                    key << **pulledKey;
                }
                plan.write.kind = key.size() == keyColumns.size() ? RowWrite::Kind::Upsert : RowWrite::Kind::Insert;
                plan.write.keyValues = plan.write.kind == RowWrite::Kind::Upsert ? key : QStringList();
            }
        }
        plans << plan;
    }
    if (auto refused = refuseSharedKeys(list, plans); !refused)
        return refused;

    QList<int> written; // plans that go to the database, in write order
    QList<RowWrite> writes;
    for (int i = 0; i < plans.size(); ++i) {
        if (plans.at(i).error.isEmpty() && !plans.at(i).skip) {
            written << i;
            writes << plans.at(i).write;
        }
    }
    if (m_options.dryRun) { // each write tried and rolled back: the database judges it, nothing stays
        auto tried = m_source->write(m_writeTable, writes, {}, RowWriteEnd::RollBack);
        if (!tried)
            return tried.error();
        countPlanned(list, plans, written, *tried);
        return success();
    }
    const QSqlDatabase db = m_store->connection();
    const auto ledgerEntry = [&](const ItemPlan &plan, const QStringList &keyValues, LedgerState state) {
        const RowIdentity identity = rowIdentity(keyColumns, keyValues, m_definition.keySalt);
        LedgerEntry entry;
        entry.definitionId = m_definitionId;
        entry.identityHash = identity.hash;
        entry.identityText = identity.text;
        entry.listGraphId = list.listId;
        entry.itemId = plan.itemId;
        entry.contentHash = plan.contentHash;
        entry.state = state;
        entry.syncedAt = m_clock.nowUtc();
        return entry;
    };
    // Before the database commits, the ledger learns every written row as PENDING (a row a crash
    // leaves inserted is then found by its key, not inserted twice); after, as SYNCED.
    auto results = m_source->write(m_writeTable, writes, [&](const QList<RowWriteResult> &outcome) -> Result<void> {
        QList<LedgerEntry> pending;
        for (int i = 0; i < outcome.size(); ++i) {
            if (outcome.at(i).ok)
                pending << ledgerEntry(plans.at(written.at(i)), outcome.at(i).keyValues, LedgerState::Pending);
        }
        return inTransaction(db, [&]() { return ledger.upsert(pending); });
    });
    if (!results)
        return results.error();
    for (int i = 0; i < results->size(); ++i) {
        if (!results->at(i).ok)
            plans[written.at(i)].error = results->at(i).error;
    }

    return inTransaction(db, [&]() -> Result<void> {
        QList<LedgerEntry> synced;
        for (int i = 0; i < results->size(); ++i) {
            const RowWriteResult &result = results->at(i);
            if (!result.ok)
                continue;
            synced << ledgerEntry(plans.at(written.at(i)), result.keyValues, LedgerState::Synced);
            if (result.inserted)
                ++m_run.counters.created;
            else
                ++m_run.counters.updated;
        }
        if (auto stored = ledger.upsert(synced); !stored)
            return stored;
        for (const ItemPlan &plan : std::as_const(plans)) {
            const RowIdentity retry = retryIdentity(list.listId, plan.itemId);
            if (plan.error.isEmpty()) {
                if (plan.skip)
                    ++m_run.counters.skipped;
                if (m_queued.remove(retry.hash)) {
                    if (auto removed = ledger.removeRetry(m_definitionId, retry.hash); !removed)
                        return removed;
                }
                continue;
            }
            if (auto queued = queueFailure(listIndex, plan.itemId, plan.error); !queued)
                return queued;
        }
        return success();
    });
}

void PullRun::countPlanned(
    const PulledList &list, const QList<ItemPlan> &plans, const QList<int> &written, const QList<RowWriteResult> &results)
{
    for (int i = 0; i < plans.size(); ++i) {
        const ItemPlan &plan = plans.at(i);
        if (m_plannedItems.contains(plan.itemId)) // retried, then met again in the feed: one change
            continue;
        m_plannedItems.insert(plan.itemId);
        const qsizetype write = written.indexOf(i);
        const RowWriteResult *result = write < 0 ? nullptr : &results.at(write);
        const QString error = !plan.error.isEmpty() ? plan.error : result && !result->ok ? result->error : QString();
        if (!error.isEmpty()) {
            ++m_run.counters.failed;
            ++m_outcome.failures[error];
            planned(list, QStringLiteral("failed"), plan, error);
        } else if (plan.skip) {
            ++m_run.counters.skipped;
            planned(list, QStringLiteral("unchanged"), plan);
        } else if (result && result->inserted) {
            ++m_run.counters.created;
            planned(list, QStringLiteral("pull create"), plan);
        } else {
            ++m_run.counters.updated;
            planned(list, QStringLiteral("pull update"), plan, {}, result);
        }
    }
}

PreviewRow *PullRun::planned(const PulledList &list, const QString &action, const QString &identity, const QString &itemId,
    const QJsonObject &fields, const QString &error)
{
    ++m_outcome.plan[list.name][action];
    if (m_outcome.preview.size() >= m_options.previewRows) {
        ++m_outcome.previewLeftOut;
        return nullptr;
    }
    PreviewRow row;
    row.action = action;
    row.identity = identity;
    row.list = list.name;
    row.fields = fields;
    row.error = error;
    row.itemListId = list.listId;
    row.itemId = itemId;
    m_outcome.preview << row;
    return &m_outcome.preview.last();
}

void PullRun::planned(
    const PulledList &list, const QString &action, const ItemPlan &plan, const QString &error, const RowWriteResult *result)
{
    const QString identity = plan.ledger ? readableIdentity(plan.ledger->identityText)
        : plan.write.keyValues.isEmpty()
        ? QCoreApplication::translate("SyncBridge::Sync", "item %1 (a new row)").arg(plan.itemId)
        : readableIdentity(rowIdentity(m_writeTable.keyColumns, plan.write.keyValues, m_definition.keySalt).text);
    const auto text = [](const std::optional<QString> &value) { return value ? QJsonValue(*value) : QJsonValue(); };
    const bool compared = result && result->compared; // an update of a row that is there: only what it changes
    QJsonObject fields; // what the row would be written with, as the database's input text
    for (auto value = plan.write.values.cbegin(); value != plan.write.values.cend(); ++value) {
        if (!compared || result->changedFrom.contains(value.key()))
            fields.insert(value.key(), text(*value));
    }
    PreviewRow *row = planned(list, action, identity, plan.itemId, fields, error);
    if (!row || !compared)
        return;
    row->currentKnown = true;
    for (auto before = result->changedFrom.cbegin(); before != result->changedFrom.cend(); ++before)
        row->changes << FieldChange{before.key(), text(*before), fields.value(before.key())};
}

Result<void> PullRun::queueFailure(int listIndex, const QString &itemId, const QString &error)
{
    const PulledList &list = m_lists.at(listIndex);
    LedgerRepository ledger(*m_store);
    const RowIdentity retry = retryIdentity(list.listId, itemId);
    ++m_run.counters.failed;
    ++m_outcome.failures[error];
    auto attempts = ledger.retryAttempts(m_definitionId, {retry.hash});
    if (!attempts)
        return attempts.error();
    const int before = attempts->value(retry.hash);
    RetryItem item;
    item.definitionId = m_definitionId;
    item.identityHash = retry.hash;
    item.identityText = retry.text;
    item.lastError = error;
    // The first retry comes with the next run, later ones 30 s × 2ⁿ⁻² up to an hour (as push's).
    item.nextAttemptAt = before == 0
        ? m_clock.nowUtc()
        : m_clock.nowUtc().addSecs(qMin<qint64>(3600, qint64(retryBackoffBaseSeconds) << qMin(before - 1, 10)));
    if (auto queued = ledger.enqueueRetry(item); !queued)
        return queued;
    m_queued.insert(retry.hash);
    event(EventSeverity::Warning, QStringLiteral("item-failed"),
        QCoreApplication::translate("SyncBridge::Sync", "Item %1 of list '%2' was not written: %3").arg(itemId, list.name, error),
        QJsonObject{{QStringLiteral("list"), list.listId}, {QStringLiteral("item"), itemId}, {QStringLiteral("error"), error}});
    return success();
}

} // namespace SyncBridge

// TwoWayRun, steps Pulling and the planning half of Pushing: SharePoint's changes since the kept
// delta link, the whole table, each side's values in one comparable form, the field-level merge of a
// pair (which pairs there are: twowaymatch.cpp), the delete breaker and the dry run's plan.
#include "sync/twoway/twowayrun.h"

#include "graph/deltareader.h"
#include "graph/graphclient.h"
#include "graph/hyperlinkvalue.h"
#include "graph/provisioning.h"
#include "source/sourcereader.h"
#include "store/conflictrepository.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "sync/deletemarks.h"
#include "sync/previewrow.h"
#include "sync/pull/pullvalue.h"
#include "sync/references/referenceresolver.h"
#include "sync/valueconverter.h"

#include <QCoreApplication>

namespace SyncBridge {
namespace {

const QString twoWayScope = QStringLiteral("twoway");

QDateTime itemModified(const QJsonObject &item)
{
    const QString modified = item.value(QStringLiteral("fields")).toObject().value(QStringLiteral("Modified")).toString();
    return QDateTime::fromString(
        modified.isEmpty() ? item.value(QStringLiteral("lastModifiedDateTime")).toString() : modified, Qt::ISODate);
}

QString itemEditor(const QJsonObject &item)
{
    const QJsonObject user = item.value(QStringLiteral("lastModifiedBy")).toObject().value(QStringLiteral("user")).toObject();
    const QString person = personText(user.value(QStringLiteral("displayName")).toString(), user.value(QStringLiteral("email")).toString());
    if (!person.isEmpty())
        return person;
    // A delta feed leaves lastModifiedBy out (contract §8): the editor's lookup id in the site's people,
    // named before the conflict is recorded (twowayeditors.cpp).
    const QString lookupId = item.value(QStringLiteral("fields")).toObject().value(QStringLiteral("EditorLookupId")).toString();
    return lookupId.isEmpty() ? QString() : QStringLiteral("#%1").arg(lookupId);
}

// A hyperlink with a description column is one SharePoint field made of two columns. Both sides
// compare it in the form Graph reads it, {Url, Description}, so a change of either part is a change
// of the field, and each part goes back into its own column.
bool carriesDescription(const FieldMapping &mapping)
{
    return !mapping.descriptionColumn.isEmpty();
}

} // namespace

void TwoWayRun::readChanges()
{
    auto cursor = LedgerRepository(*m_store).cursor(m_definitionId, twoWayScope, 0, m_listId);
    if (!cursor) {
        fail(cursor.error());
        return;
    }
    // Without a kept link every item is read (a first run, or after --reset): the ledger's items
    // not among them are gone.
    const QString link = cursor->has_value() ? (*cursor)->position : QString();
    m_fullEnumeration = link.isEmpty();
    readDelta(*m_graph, m_siteId, m_listId, link, m_fullEnumeration, [this](Result<DeltaChanges> changes) {
        if (!changes) {
            fail(changes.error());
            return;
        }
        if (changes->resyncRequired) {
            m_fullEnumeration = true;
            event(EventSeverity::Warning, QStringLiteral("delta-resync"),
                tr("SharePoint no longer knows the position in list '%1' (410): every item is read again and compared.").arg(m_listName));
        }
        m_deltaLink = changes->deltaLink;
        for (const QJsonObject &item : std::as_const(changes->changed))
            m_changedItems.insert(item.value(QStringLiteral("id")).toString(), item);
        for (const QString &id : std::as_const(changes->deletedIds)) {
            m_deletedItems.insert(id);
            m_changedItems.remove(id);
        }
        m_run.counters.rowsRead += changes->changed.size();
        auto queued = LedgerRepository(*m_store).retries(m_definitionId);
        if (!queued) {
            fail(queued.error());
            return;
        }
        // Items whose write into the database failed are read again (their change is behind the link),
        // and so is every changed item that came without its fields.
        auto reads = std::make_shared<QList<RetryItem>>();
        for (const RetryItem &retry : std::as_const(*queued)) {
            const QStringList where = keyValuesFromIdentity(retry.identityText);
            if (where.value(0) != m_listId) { // a row whose new item waits for a reference: compared again anyway
                m_queuedRows.insert(retry.identityHash);
                continue;
            }
            m_queuedItems.insert(where.value(1));
            if (!m_changedItems.contains(where.value(1)) && !m_deletedItems.contains(where.value(1)))
                reads->append(retry);
        }
        for (auto it = m_changedItems.cbegin(); it != m_changedItems.cend(); ++it) {
            if (!it->contains(QStringLiteral("fields"))) {
                RetryItem read;
                read.identityText = QStringLiteral("list=%1|item=%2").arg(m_listId, it.key());
                reads->append(read);
            }
        }
        readQueuedItems(reads, 0);
    });
}

void TwoWayRun::readQueuedItems(std::shared_ptr<QList<RetryItem>> queued, int index)
{
    if (m_cancelled) {
        finish(RunStatus::Cancelled);
        return;
    }
    if (index >= queued->size()) {
        nextStep();
        return;
    }
    const QString itemId = keyValuesFromIdentity(queued->at(index).identityText).value(1);
    readItem(*m_graph, m_siteId, m_listId, itemId, [this, queued, index, itemId](Result<std::optional<QJsonObject>> item) {
        if (!item) {
            fail(item.error());
            return;
        }
        if (*item) {
            m_changedItems.insert(itemId, **item);
        } else {
            m_changedItems.remove(itemId);
            m_deletedItems.insert(itemId);
        }
        readQueuedItems(queued, index + 1);
    });
}

Result<QList<SourceRow>> TwoWayRun::readTable()
{
    // The whole table, in key order: a row gone from it is a delete, which no cursor can show.
    ChangeQuery query;
    query.schema = m_table.schema;
    query.table = m_table.name;
    query.keyColumns = m_writeTable.keyColumns;
    query.pageSize = qMax(100, m_options.pageSize);
    for (const ColumnInfo &column : std::as_const(m_table.columns)) {
        const bool mapped = std::any_of(m_mappings.cbegin(), m_mappings.cend(),
            [&](const FieldMapping &mapping) { return mapping.sourceColumn == column.name || mapping.descriptionColumn == column.name; });
        const bool mark = m_definition.deletePolicy == DeletePolicy::Mark && column.name == rowGoneColumn;
        if (mapped || mark || m_writeTable.keyColumns.contains(column.name) || column.name == m_definition.cursorColumn)
            query.columns << column;
    }
    QList<SourceRow> rows;
    for (;;) {
        auto page = m_source->changes(query);
        if (!page)
            return page.error();
        rows << page->rows;
        if (!page->more || page->rows.isEmpty())
            break;
        query.afterKey = page->rows.constLast().keyValues;
    }
    return rows;
}

Result<QJsonObject> TwoWayRun::databaseValues(const SourceRow &row) const
{
    QJsonObject values;
    for (const FieldMapping &mapping : m_mappings) {
        auto value = toSharePointValue(*m_table.column(mapping.sourceColumn), row.values.value(mapping.sourceColumn), m_siteZone);
        if (!value)
            return Error(value.error().code(), QStringLiteral("%1: %2").arg(mapping.sourceColumn, value.error().message()));
        if (carriesDescription(mapping)) {
            auto description
                = toSharePointValue(*m_table.column(mapping.descriptionColumn), row.values.value(mapping.descriptionColumn), m_siteZone);
            if (!description)
                return Error(
                    description.error().code(), QStringLiteral("%1: %2").arg(mapping.descriptionColumn, description.error().message()));
            *value = Hyperlink::fromColumns(*value, *description);
        }
        values.insert(mapping.targetColumn, *value);
    }
    return values;
}

Result<QJsonObject> TwoWayRun::sharePointValues(const QJsonObject &item, QHash<QString, QString> *unresolved) const
{
    // Through the database's form and back, so SharePoint's value compares with the database's in
    // the one form the push writes (the round trip is identity for every mapped type). A lookup or
    // person id becomes the key or email the row holds, as a pull writes it.
    QJsonObject values;
    for (const FieldMapping &mapping : m_mappings) {
        const auto column = m_columns.constFind(mapping.targetColumn);
        const ColumnInfo &tableColumn = *m_table.column(mapping.sourceColumn);
        QJsonValue pulled = pulledValue(item, mapping, column == m_columns.constEnd() ? nullptr : &*column);
        if (carriesDescription(mapping)) {
            values.insert(mapping.targetColumn, Hyperlink::fromColumns(pulled, pulledDescription(item, mapping)));
            continue;
        }
        if (mapping.kind != FieldKind::Value) {
            QString problem;
            pulled = takeReferences(pulled, m_itemReferences.value(mapping.targetColumn), &problem);
            if (!problem.isEmpty()) { // not known as a key or email: compared as nothing, never as a NULL
                unresolved->insert(mapping.targetColumn, problem);
                continue;
            }
        }
        auto text = toPostgresValue(tableColumn, pulled, m_siteZone);
        if (!text)
            return Error(text.error().code(), QStringLiteral("%1: %2").arg(mapping.targetColumn, text.error().message()));
        auto value = toSharePointValue(tableColumn, *text, m_siteZone);
        if (!value)
            return Error(value.error().code(), QStringLiteral("%1: %2").arg(mapping.targetColumn, value.error().message()));
        values.insert(mapping.targetColumn, *value);
    }
    return values;
}

Result<void> TwoWayRun::planRowWrites(RowPlan &plan, const QJsonObject &values, bool toDatabase)
{
    for (const FieldMapping &mapping : std::as_const(m_mappings)) {
        if (!values.contains(mapping.targetColumn))
            continue;
        if (!toDatabase) {
            plan.sharePointWrite.insert(mapping.targetColumn, values.value(mapping.targetColumn));
            continue;
        }
        if (carriesDescription(mapping)) {
            const QJsonObject link = values.value(mapping.targetColumn).toObject();
            for (const auto &[column, part] : {std::pair(mapping.sourceColumn, QStringLiteral("Url")),
                     std::pair(mapping.descriptionColumn, QStringLiteral("Description"))}) {
                auto text = toPostgresValue(*m_table.column(column), link.value(part), m_siteZone);
                if (!text)
                    return Error(text.error().code(), QStringLiteral("%1: %2").arg(mapping.targetColumn, text.error().message()));
                plan.rowWrite.insert(column, *text);
            }
            continue;
        }
        auto text = toPostgresValue(*m_table.column(mapping.sourceColumn), values.value(mapping.targetColumn), m_siteZone);
        if (!text)
            return Error(text.error().code(), QStringLiteral("%1: %2").arg(mapping.targetColumn, text.error().message()));
        plan.rowWrite.insert(mapping.sourceColumn, *text);
    }
    return success();
}

void TwoWayRun::mergeRow(RowPlan &plan, const QJsonObject &database, const QJsonObject &sharePoint, const QJsonObject &base,
    const QDateTime &databaseChangedAt, const QJsonObject &item)
{
    const ChangeTimes times{databaseChangedAt, itemModified(item)};
    QJsonObject toDatabase, toSharePoint;
    QHash<QString, SyncConflict> pending; // by field
    for (const SyncConflict &conflict : m_pendingConflicts.value(plan.identity.hash))
        pending.insert(conflict.field, conflict);
    plan.sharePointNow = sharePoint;
    const QHash<QString, QString> unresolved = m_unresolved.value(plan.itemId);
    for (const FieldMapping &mapping : std::as_const(m_mappings)) {
        const QString field = mapping.targetColumn;
        if (const auto waits = unresolved.constFind(field); waits != unresolved.constEnd()) {
            // SharePoint's reference names nothing the database knows: neither side is written, the
            // agreed value stays, and the item is read again next run (a decision on it waits too).
            if (base.contains(field))
                plan.agreed.insert(field, base.value(field));
            if (plan.referenceProblem.isEmpty())
                plan.referenceProblem = *waits;
            continue;
        }
        const QJsonValue db = database.value(field), sp = sharePoint.value(field);
        const auto conflict = pending.constFind(field);
        if (conflict != pending.constEnd() && !conflict->isOpen()) {
            // A decision: its value goes to both sides, whatever they hold now.
            const QJsonValue decided = conflict->resolution == ConflictResolution::Database ? conflict->databaseValue
                : conflict->resolution == ConflictResolution::SharePoint                    ? conflict->sharePointValue
                                                                                            : conflict->resolvedValue;
            if (db != decided && mapping.direction != FieldDirection::PushOnly)
                toDatabase.insert(field, decided);
            if (sp != decided && mapping.direction != FieldDirection::PullOnly)
                toSharePoint.insert(field, decided);
            plan.agreed.insert(field, decided);
            plan.appliedConflicts << conflict->id;
            continue;
        }
        FieldState state;
        if (base.contains(field))
            state.base = base.value(field);
        state.database = db;
        state.sharePoint = sp;
        state.direction = mapping.direction;
        const FieldMerge merge = mergeField(state, m_definition.conflictPolicy, times);
        switch (merge.action) {
        case FieldMerge::Action::Keep:
        case FieldMerge::Action::Agree:
            plan.agreed.insert(field, merge.value);
            break;
        case FieldMerge::Action::ToSharePoint:
            toSharePoint.insert(field, merge.value);
            plan.agreed.insert(field, merge.value);
            break;
        case FieldMerge::Action::ToDatabase:
            toDatabase.insert(field, merge.value);
            plan.agreed.insert(field, merge.value);
            break;
        case FieldMerge::Action::Conflict: {
            if (state.base)
                plan.agreed.insert(field, *state.base);
            SyncConflict queued;
            queued.definitionId = m_definitionId;
            queued.identityHash = plan.identity.hash;
            queued.identityText = plan.identity.text;
            queued.listGraphId = m_listId;
            queued.itemId = plan.itemId;
            queued.field = field;
            queued.column = mapping.sourceColumn;
            queued.baseValue = state.base.value_or(QJsonValue());
            queued.databaseValue = db;
            queued.sharePointValue = sp;
            queued.databaseChangedAt = databaseChangedAt;
            queued.sharePointModifiedAt = times.sharePoint;
            queued.sharePointEditor = itemEditor(item);
            queued.runId = m_run.id;
            queued.detectedAt = m_clock.nowUtc();
            plan.conflicts << queued;
            break;
        }
        }
        if (merge.conflicting)
            countConflict(field, plan, m_definition.conflictPolicy);
        if (conflict != pending.constEnd() && merge.action != FieldMerge::Action::Conflict) {
            // An open conflict the sides settled themselves (one took the other's value): nothing left to decide.
            SyncConflict settled = *conflict;
            settled.resolvedValue = merge.value;
            plan.appliedConflicts << settled.id;
        }
    }
    if (auto written = planRowWrites(plan, toDatabase, true); !written)
        plan.error = written.error().message();
    else if (auto sent = planRowWrites(plan, toSharePoint, false); !sent)
        plan.error = sent.error().message();
    plan.provenance = !toDatabase.isEmpty() && !toSharePoint.isEmpty() ? QStringLiteral("both")
        : !toDatabase.isEmpty()                                        ? QStringLiteral("sharepoint")
        : !toSharePoint.isEmpty()                                      ? QStringLiteral("database")
        : plan.matched                                                 ? QStringLiteral("match")
                                                                       : m_agreed.value(plan.identity.hash).provenance;
}

bool TwoWayRun::holdBackDeletes()
{
    qint64 rowDeletes = 0, itemDeletes = 0;
    for (const RowPlan &plan : std::as_const(m_plans)) {
        rowDeletes += plan.kind == RowPlan::Kind::DeleteRow;
        itemDeletes += plan.kind == RowPlan::Kind::DeleteItem;
    }
    const qint64 deletions = qMax(rowDeletes, itemDeletes);
    if (deletions == 0)
        return false;
    auto synced = LedgerRepository(*m_store).count(m_definitionId, LedgerState::Synced);
    const qint64 items = synced ? *synced : 0;
    if (deletions <= m_definition.maxDeleteShare * items)
        return false;
    if (m_options.dryRun) { // says what a real run's breaker would ask
        m_outcome.warnings << QCoreApplication::translate("SyncBridge::Sync",
            "A real run would hold back %n deletion(s) of list '%1' and ask first (more than the definition's share).", nullptr,
            int(rowDeletes + itemDeletes))
                                  .arg(m_listName);
        return false;
    }
    MassDeleteCheck check{m_listName, deletions, items, m_definition.maxDeleteShare};
    if (m_approveMassDelete && m_approveMassDelete(check))
        return false;
    m_heldBackDeletes = rowDeletes + itemDeletes;
    for (RowPlan &plan : m_plans) {
        if (plan.kind == RowPlan::Kind::DeleteRow || plan.kind == RowPlan::Kind::DeleteItem)
            plan.kind = RowPlan::Kind::Leave, plan.error = QStringLiteral("held back");
    }
    event(EventSeverity::Warning, QStringLiteral("deletes-held-back"),
        QCoreApplication::translate("SyncBridge::Sync",
            "%n deletion(s) held back: more than the definition's share of list '%1' would go. Run with --allow-mass-delete to confirm.",
            nullptr, int(m_heldBackDeletes))
            .arg(m_listName),
        QJsonObject{{QStringLiteral("list"), m_listName}, {QStringLiteral("rows"), rowDeletes}, {QStringLiteral("items"), itemDeletes}});
    return rowDeletes > 0;
}

void TwoWayRun::dryRunOutcome()
{
    QMap<QString, qint64> actions;
    const auto preview = [&](const QString &action, const RowPlan &plan, const QJsonObject &fields) {
        ++actions[action];
        if (m_outcome.preview.size() >= m_options.previewRows) {
            m_outcome.previewLeftOut += m_options.previewRows > 0;
            return;
        }
        PreviewRow row;
        row.action = action;
        row.identity = readableIdentity(plan.identity.text);
        row.list = m_listName;
        row.fields = fields;
        row.error = plan.error;
        row.itemListId = m_listId;
        row.itemId = plan.itemId;
        m_outcome.preview << row;
    };
    const auto pulled = [&](const RowPlan &plan) {
        QJsonObject fields;
        for (auto it = plan.rowWrite.cbegin(); it != plan.rowWrite.cend(); ++it)
            fields.insert(it.key(), it.value() ? QJsonValue(*it.value()) : QJsonValue());
        return fields;
    };
    for (const RowPlan &plan : std::as_const(m_plans)) {
        if (!plan.error.isEmpty() && plan.error != QStringLiteral("held back")) {
            preview(QStringLiteral("failed"), plan, {});
            continue;
        }
        switch (plan.kind) {
        case RowPlan::Kind::Merge: {
            if (plan.matched)
                preview(QStringLiteral("match"), plan, {});
            if (!plan.rowWrite.isEmpty())
                preview(QStringLiteral("pull update"), plan, pulled(plan));
            if (!plan.sharePointWrite.isEmpty())
                preview(QStringLiteral("push update"), plan, plan.sharePointWrite);
            for (const SyncConflict &conflict : plan.conflicts)
                preview(QStringLiteral("conflict"), plan,
                    QJsonObject{{QStringLiteral("field"), conflict.field}, {QStringLiteral("base"), conflict.baseValue},
                        {QStringLiteral("database"), conflict.databaseValue}, {QStringLiteral("sharepoint"), conflict.sharePointValue}});
            if (plan.rowWrite.isEmpty() && plan.sharePointWrite.isEmpty() && plan.conflicts.isEmpty() && !plan.matched)
                ++actions[QStringLiteral("unchanged")];
            break;
        }
        case RowPlan::Kind::CreateItem:
            preview(QStringLiteral("push create"), plan, plan.sharePointWrite);
            break;
        case RowPlan::Kind::CreateRow:
            preview(QStringLiteral("pull create"), plan, pulled(plan));
            break;
        case RowPlan::Kind::DeleteItem:
        case RowPlan::Kind::Twin:
            preview(QStringLiteral("push delete"), plan, {});
            break;
        case RowPlan::Kind::DeleteRow:
            preview(QStringLiteral("pull delete"), plan, {});
            break;
        case RowPlan::Kind::MarkRow:
            preview(QStringLiteral("pull mark"), plan, pulled(plan));
            break;
        case RowPlan::Kind::FlagItem:
            preview(QStringLiteral("push mark"), plan, {{goneFromSourceColumn, true}});
            break;
        case RowPlan::Kind::Leave:
        case RowPlan::Kind::Forget:
            ++actions[QStringLiteral("unchanged")];
            break;
        }
    }
    // Conflicts a policy decides are updates above; the count says how many fields met one.
    if (m_counts.conflicts > 0)
        actions[QStringLiteral("conflict")] = m_counts.conflicts;
    m_outcome.plan.insert(m_listName, actions);
    m_run.counters.skipped = actions.value(QStringLiteral("unchanged")); // the summary's "unchanged" is the plan's
}

} // namespace SyncBridge

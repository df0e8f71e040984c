// PushRun, a dry run's preview: the planned rows with their values, and for updates and moves the
// fields that differ from the item SharePoint holds. The ledger keeps only a hash of what was
// written, so the current values are read from the lists themselves — the affected lists only,
// paged, with $select of the mapped columns, through the run's client and so its governor.
#include "sync/push/pushrun.h"
#include "sync/push/rowbatch.h"

#include "graph/discovery.h"
#include "graph/graphclient.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace SyncBridge {

void PushRun::keepPreviewRow(const PreviewRow &row)
{
    if (m_options.previewRows <= 0)
        return;
    if (m_outcome.preview.size() >= m_options.previewRows) {
        ++m_outcome.previewLeftOut;
        return;
    }
    if (!row.itemListId.isEmpty() && !m_previewLists.contains(row.itemListId))
        m_previewLists << row.itemListId;
    m_outcome.preview.append(row);
}

void PushRun::previewRow(const PlannedRow &plan, const QString &listName)
{
    if (m_options.previewRows <= 0)
        return;
    PreviewRow row;
    row.action = actionName(plan.action);
    row.identity = readableIdentity(plan.identity.text);
    row.list = listName;
    row.fields = withoutAnnotations(plan.fields);
    row.error = plan.error;
    if ((plan.action == PlannedRow::Action::Update || plan.action == PlannedRow::Action::Move) && plan.ledger) {
        row.itemListId = plan.ledger->listGraphId;
        row.itemId = plan.ledger->itemId;
        if (plan.action == PlannedRow::Action::Move)
            row.fromList = listNameOf(plan.ledger->listGraphId);
    }
    keepPreviewRow(row);
}

void PushRun::readCurrentValues(int listIndex)
{
    if (m_cancelled) {
        finish(RunStatus::Cancelled);
        return;
    }
    if (listIndex >= m_previewLists.size()) {
        finishDryRun();
        return;
    }
    const QString listId = m_previewLists.at(listIndex);
    // The items this list's previewed rows would change, and the columns they write.
    auto wanted = std::make_shared<QHash<QString, QList<int>>>(); // item id → preview rows
    QStringList columns;
    for (int i = 0; i < m_outcome.preview.size(); ++i) {
        const PreviewRow &row = m_outcome.preview.at(i);
        if (row.itemListId != listId)
            continue;
        (*wanted)[row.itemId] << i;
        for (auto field = row.fields.constBegin(); field != row.fields.constEnd(); ++field) {
            if (!columns.contains(field.key()))
                columns << field.key();
        }
    }
    report(RunPhase::Planning);
    Discovery::itemPages(
        *m_graph, m_siteId, listId, columns, {}, 0,
        [this, wanted](const QJsonArray &items) {
            for (const QJsonValue &value : items) {
                const QJsonObject item = value.toObject();
                const auto rows = wanted->constFind(item.value(QStringLiteral("id")).toString());
                if (rows == wanted->constEnd())
                    continue;
                const QJsonObject current = item.value(QStringLiteral("fields")).toObject();
                for (const int index : *rows) {
                    PreviewRow &row = m_outcome.preview[index];
                    row.changes = changedFields(current, row.fields);
                    row.currentKnown = true;
                }
            }
        },
        [this, listIndex, listId](Result<void> walked) {
            if (m_done)
                return;
            if (!walked) {
                if (m_cancelled) {
                    finish(RunStatus::Cancelled);
                    return;
                }
                // The plan stands without them: the preview says whose old values are unknown.
                m_outcome.currentValuesUnread = QCoreApplication::translate("SyncBridge::Sync", "The items of '%1' could not be read: %2")
                                                    .arg(listNameOf(listId), walked.error().message());
            }
            readCurrentValues(listIndex + 1);
        });
}

void PushRun::finishDryRun()
{
    finish(m_run.counters.failed > 0 || m_heldBackDeletes > 0 ? RunStatus::PartiallyFailed : RunStatus::Succeeded);
}

} // namespace SyncBridge

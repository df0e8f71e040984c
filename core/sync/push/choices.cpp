// PushRun, step Pushing: the choices a batch needs added to its choice columns before it is written
// (FieldMapping::addsChoices; newchoices.h says which).
#include "sync/push/pushrun.h"
#include "sync/push/rowbatch.h"

#include "sync/push/exclusivechoices.h"
#include "sync/push/newchoices.h"

#include <QJsonArray>

namespace SyncBridge {
namespace {

QString quotedList(const QStringList &values)
{
    QStringList quoted;
    for (const QString &value : values)
        quoted << QLatin1Char('\'') + value + QLatin1Char('\'');
    return quoted.join(QStringLiteral(", "));
}

} // namespace

void PushRun::previewNewChoices(const QList<PlannedRow> &plans)
{
    for (const NewChoices &choices : newChoicesIn(m_context, plans)) {
        ResolvedTarget &target = m_context.targets[choices.targetIndex];
        target.columns[choices.column].choices << choices.values; // so that the rows carrying them plan as they will run
        m_outcome.warnings << QCoreApplication::translate("SyncBridge::Sync", "Would add %1 to the choices of column '%2' of list '%3'.")
                                  .arg(quotedList(choices.values), choices.column, target.target.listName);
    }
}

void PushRun::addNewChoices(std::shared_ptr<RowBatch> batch)
{
    const QList<NewChoices> pending = newChoicesIn(m_context, batch->plans);
    if (pending.isEmpty()) {
        writeBatch(batch);
        return;
    }
    addChoicesOf(batch, std::make_shared<QList<NewChoices>>(pending));
}

void PushRun::addChoicesOf(std::shared_ptr<RowBatch> batch, std::shared_ptr<QList<NewChoices>> pending)
{
    if (pending->isEmpty()) {
        writeBatch(batch);
        return;
    }
    const NewChoices choices = pending->takeFirst();
    const QString listId = m_context.targets.at(choices.targetIndex).listId;
    addChoicesExclusively(
        *m_store, *m_graph, m_siteId, listId, choices.column, choices.values,
        [this, batch, pending, choices](Result<ChoicesAdded> added) {
            if (m_done)
                return;
            if (m_cancelled) {
                finish(RunStatus::Cancelled); // nothing of the batch was sent; its rows are read again next time
                return;
            }
            ResolvedTarget &target = m_context.targets[choices.targetIndex];
            const QJsonObject payload{{QStringLiteral("list"), target.target.listName}, {QStringLiteral("column"), choices.column},
                {QStringLiteral("values"), QJsonArray::fromStringList(choices.values)}};
            if (!added) {
                // The rows that carry a value the column does not offer fail with why it could not be
                // added (and wait in the retry queue); the rest of the batch is written.
                const QString reason
                    = QCoreApplication::translate("SyncBridge::Sync", "Column '%1' does not offer %2, and adding it failed: %3")
                          .arg(choices.column, quotedList(choices.values), added.error().message());
                for (PlannedRow &plan : batch->plans) {
                    if (writesAnyOf(plan, choices, choices.values)) {
                        plan.action = PlannedRow::Action::Failed;
                        plan.error = reason;
                    }
                }
                event(EventSeverity::Warning, QStringLiteral("choices-not-added"), reason, payload);
            } else {
                target.columns[choices.column].choices = added->choices;
                if (!added->added.isEmpty())
                    event(EventSeverity::Info, QStringLiteral("choices-added"),
                        QCoreApplication::translate("SyncBridge::Sync", "Added %1 to the choices of column '%2' of list '%3'.")
                            .arg(quotedList(added->added), choices.column, target.target.listName),
                        payload);
            }
            addChoicesOf(batch, pending);
        },
        m_clock);
}

} // namespace SyncBridge

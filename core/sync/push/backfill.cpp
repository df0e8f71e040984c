// PushRun, part 5: backfill — chosen fields re-sent to every synced item, nothing else touched.
#include "sync/push/pushrun.h"
#include "sync/push/rowbatch.h"

#include <QCoreApplication>

namespace SyncBridge {

Result<void> PushRun::resolveBackfill()
{
    if (m_options.backfillFields.isEmpty())
        return success();
    QStringList pushed;
    for (const QString &name : std::as_const(m_options.backfillFields)) {
        const auto mapping = std::find_if(m_definition.mappings.cbegin(), m_definition.mappings.cend(), [&](const FieldMapping &m) {
            return m.pushes() && (m.sourceColumn == name || m.targetColumn == name);
        });
        if (mapping == m_definition.mappings.cend()) {
            for (const FieldMapping &m : std::as_const(m_definition.mappings)) {
                if (m.pushes())
                    pushed << m.sourceColumn;
            }
            return Error(ErrorCode::InvalidInput, QCoreApplication::translate("SyncBridge::Sync", "'%1' is not a field this definition pushes. Backfill one of: %2.")
                                                      .arg(name, pushed.join(QStringLiteral(", "))));
        }
        m_backfillColumns.insert(mapping->targetColumn);
    }
    QStringList columns(m_backfillColumns.cbegin(), m_backfillColumns.cend());
    columns.sort();
    event(EventSeverity::Info, QStringLiteral("backfill"),
          QCoreApplication::translate("SyncBridge::Sync", "Backfilling %1 on every synced item; nothing is created, moved or deleted, and the cursor stays where it is.")
              .arg(columns.join(QStringLiteral(", "))));
    return success();
}

void PushRun::restrictToBackfill(PlannedRow &plan) const
{
    const bool inPlace = plan.ledger && plan.ledger->state == LedgerState::Synced && !plan.ledger->itemId.isEmpty()
        && (plan.action == PlannedRow::Action::Update || plan.action == PlannedRow::Action::Skip);
    if (plan.action == PlannedRow::Action::Failed)
        return;
    if (!inPlace) {
        plan.action = PlannedRow::Action::Skip;   // a normal run creates or moves it, with every field
        return;
    }
    QJsonObject fields;
    for (auto it = plan.fields.constBegin(); it != plan.fields.constEnd(); ++it) {
        // a column's value travels with its annotations: "Tags@odata.type", "OwnerLookupId"
        QString column = it.key().section(QLatin1Char('@'), 0, 0);
        if (column.endsWith(QLatin1String("LookupId")))
            column.chop(8);
        if (m_backfillColumns.contains(column))
            fields.insert(it.key(), it.value());
    }
    plan.fields = fields;
    plan.contentHash = plan.ledger->contentHash;   // the other fields are as they were
    plan.action = PlannedRow::Action::Update;
}

} // namespace SyncBridge

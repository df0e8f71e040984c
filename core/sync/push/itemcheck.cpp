#include "sync/push/itemcheck.h"

#include "graph/itemvalidator.h"
#include "graph/provisioning.h"

namespace SyncBridge {

QJsonObject fieldsToSend(const PlannedRow &plan)
{
    QJsonObject fields = plan.fields;
    const bool creates = plan.action == PlannedRow::Action::Create || plan.action == PlannedRow::Action::Move;
    if (creates || (plan.action == PlannedRow::Action::Update && plan.ledger && plan.ledger->contentHash.isEmpty()))
        fields.insert(syncBridgeKeyColumn, plan.identity.hash);
    return fields;
}

void refuseInvalidWrite(const PlanContext &context, PlannedRow &plan)
{
    const bool creates = plan.action == PlannedRow::Action::Create || plan.action == PlannedRow::Action::Move;
    if (!creates && plan.action != PlannedRow::Action::Update)
        return;
    if (plan.targetIndex < 0 || plan.targetIndex >= context.targets.size())
        return;
    const QString refusal = validateItemFields(fieldsToSend(plan), context.targets.at(plan.targetIndex).columns, creates);
    if (refusal.isEmpty())
        return;
    plan.action = PlannedRow::Action::Failed;
    plan.error = refusal;
}

} // namespace SyncBridge

#pragma once

#include "sync/push/planner.h"

namespace SyncBridge {

// The body the batch writer sends for a planned Create, Move or Update (write.cpp): the mapped
// fields, with SyncBridgeKey for a create (a move creates in its new list) and for an update of an
// item whose key may be an old one (re-keyed or never confirmed).
QJsonObject fieldsToSend(const PlannedRow &plan);

// A planned Create, Move or Update whose body its list would refuse (graph/itemvalidator.h) becomes
// a Failed row with SharePoint's reason, word for word; other plans are left alone. The dry run
// applies it to every planned row, so its failing rows and reasons are the run's.
void refuseInvalidWrite(const PlanContext &context, PlannedRow &plan);

} // namespace SyncBridge

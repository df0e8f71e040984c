#pragma once

#include "sync/push/planner.h"

namespace SyncBridge {

// Values that planned writes carry into a choice column the column does not offer yet, for a
// mapping that adds choices (FieldMapping::addsChoices): one per list and column, the values in the
// order the rows carry them. Columns that take fill-in values, and mappings without the option, are
// left out (SharePoint takes the first, and refuses such a row of the second with its reason).
struct NewChoices {
    int targetIndex = -1;
    QString column;
    QStringList values;
};

QList<NewChoices> newChoicesIn(const PlanContext &context, const QList<PlannedRow> &plans);
// Whether the plan writes one of `values` into the column of `choices`.
bool writesAnyOf(const PlannedRow &plan, const NewChoices &choices, const QStringList &values);

} // namespace SyncBridge

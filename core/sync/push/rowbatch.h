#pragma once

// PushRun's private parts, shared by its files: the rows of one read (a page of changes, or the due
// retries) on their way through planning, writing and committing, and the small helpers around them.
#include "sync/push/pushrun.h"

#include <QCoreApplication>
#include <QDateTime>

namespace SyncBridge {

struct PushRun::RowBatch {
    QList<SourceRow> rows;
    bool retries = false;               // rows from the retry queue: the cursor does not move
    QList<PlannedRow> plans;
    QList<LedgerEntry> ledger;          // to write when committing
    QList<RetryItem> failures;
    QStringList recovered;              // identity hashes to take off the retry queue
    QStringList seen;                   // FULL_SCAN: identity hashes of every row read
    bool partOfScan = false;            // FULL_SCAN: rows of the scan (their marks are set)
    std::optional<SyncCursor> cursor;   // what to save once every row succeeded or waits for a retry
};

// The first retry comes on the next run; later ones back off to at most an hour.
inline QDateTime nextAttempt(const QDateTime &now, int attempts)
{
    if (attempts <= 1)
        return now;
    return now.addSecs(qMin<qint64>(3600, qint64(30) << qMin(attempts - 2, 7)));
}

// The list a planned row goes to, as counts and previews name it; a row that fails before it is
// routed (a value that cannot be converted) or that no rule routes counts under "(no list)".
inline QString plannedListName(const PlanContext &context, const PlannedRow &plan)
{
    return plan.targetIndex >= 0 ? context.targets.at(plan.targetIndex).target.listName
                                 : QCoreApplication::translate("SyncBridge::Sync", "(no list)");
}

inline QString actionName(PlannedRow::Action action)
{
    switch (action) {
    case PlannedRow::Action::Create: return QStringLiteral("create");
    case PlannedRow::Action::Update: return QStringLiteral("update");
    case PlannedRow::Action::Move: return QStringLiteral("move");
    case PlannedRow::Action::Skip: return QStringLiteral("skip");
    case PlannedRow::Action::Unrouted: return QStringLiteral("unrouted");
    case PlannedRow::Action::Failed: return QStringLiteral("failed");
    }
    return {};
}

} // namespace SyncBridge

#pragma once

#include <QString>

namespace SyncBridge {

// Where a run is. A push run takes the steps in this order (docs/sync-engine.md); a step that has
// nothing to do passes at once. Pull and CDC runs report the steps they share with it.
enum class RunPhase {
    /// Reads the definition, opens the source in failover order, finds the table, picks the tenant's governor.
    Connecting,
    /// Finds the SharePoint site and every target list (provisioning a missing one) with its columns.
    Resolving,
    /// Resolves creates and moves an earlier run left pending, by SyncBridgeKey, before anything is created again.
    Recovering,
    /// After a change of key columns: gives each ledger entry the identity its row has under the new
    /// key (rows are found by the old one), so existing items are updated, never created again.
    Rekeying,
    /// Sends again the rows of the retry queue that are due.
    Retrying,
    /// Reads changed rows page by page, plans and writes them (creates, updates, moves), commits each page.
    Pushing,
    /// Pull: reads each list's changes (Graph delta) page by page and writes them into the table, one
    /// transaction per page; the list's position is kept once its last page is written.
    Pulling,
    /// A dry run's reading: every row planned, nothing written.
    Planning,
    /// Reads back the items this run created and removes twins a silently re-sent request made.
    CheckingDuplicates,
    /// Looks up by SyncBridgeKey the creates and moves of this run whose answer was lost, so the run
    /// ends knowing what it delivered.
    Confirming,
    /// FULL_SCAN: deletes (or flags) the items of rows gone from the source, behind the circuit breaker.
    Deleting,
    /// Not a step: writes wait for the tenant's budget or a long pause SharePoint asked for; the run
    /// goes on with its step when the wait ends.
    WaitingForBudget,
    /// The run has ended; its outcome follows.
    Finished,
};

// What people read: "Finding the lists…" (translated).
QString runPhaseText(RunPhase phase);
// A stable English identifier for logs: "resolving".
QString runPhaseId(RunPhase phase);

} // namespace SyncBridge

#pragma once

#include "common/result.h"
#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"
#include "model/runtime.h"
#include "source/sourcerow.h"
#include "sync/condition.h"
#include "sync/identity.h"
#include "sync/references/lookups.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QTimeZone>

#include <optional>

namespace SyncBridge {

// A resolved target: the definition's target with its list id and columns.
struct ResolvedTarget {
    SyncTarget target;
    QString listId;
    QHash<QString, SharePointColumn> columns;
};

struct RoutingRule {
    Condition condition;
    int targetIndex = -1;
};

// What to do with one source row.
struct PlannedRow {
    enum class Action { Create, Update, Move, Skip, Unrouted, Failed };
    Action action = Action::Skip;
    RowIdentity identity;
    int targetIndex = -1;
    QJsonObject fields;             // mapped, serialized (no SyncBridgeKey)
    QString contentHash;
    std::optional<LedgerEntry> ledger;
    QString error;                  // Failed: a message a person can act on
    bool unidentified = false;      // Failed because a key column is NULL: no retry can find the row by its key
};

// Everything a plan needs that does not change during a run.
struct PlanContext {
    SyncDefinition definition;
    QHash<QString, ColumnInfo> sourceColumns;
    QStringList keyColumns;
    QList<ResolvedTarget> targets;
    QList<RoutingRule> rules;
    int defaultTarget = -1;         // CONDITIONAL: rows matching no rule; -1 = unrouted (skipped)
    QTimeZone siteZone = QTimeZone::utc(); // the site's (every list of a definition is in one site)
    // false: planRow leaves PlannedRow::contentHash empty. Only for planning without a ledger, where
    // the hash would be thrown away (a drift check's reading of the table digests fields its own way).
    bool hashContent = true;

    // Builds rules and the default from the definition's sharding policy.
    static Result<PlanContext> make(const SyncDefinition &definition, const TableInfo &table, const QList<ResolvedTarget> &targets);
};

// Converts, routes, maps and compares one row with its ledger entry (if any). LOOKUP and PERSON
// mappings take their ids from `references` (ReferenceResolver); one that did not resolve fails the row.
PlannedRow planRow(
    const PlanContext &context, const SourceRow &row, const QHash<QString, LedgerEntry> &ledger, const ResolvedReferences &references = {});
// The fields planRow writes into the items of a target (annotations left out): the same for every
// row routed there, so a reader of the list can select them before any row is planned.
QSet<QString> plannedFieldNames(const PlanContext &context, int targetIndex);
// Rows of one read that share an identity are different rows (one read never returns a row twice)
// that the key cannot tell apart: written, they would overwrite one item, and the twin check would
// take the others' items for duplicates. Every one of them fails, saying which key value they share.
void failRowsSharingAKey(QList<PlannedRow> &plans, const QStringList &keyColumns);

// Only the identity (for ledger lookups before planning a page).
RowIdentity identityOf(const PlanContext &context, const SourceRow &row);

} // namespace SyncBridge

#pragma once

#include "common/result.h"
#include "graph/provisioning.h"
#include "model/catalog.h"
#include "model/definition.h"

#include <QDateTime>

#include <optional>

namespace SyncBridge {

// Delete policy MARK on both sides (docs/definitions.md, `deletes.policy`): a row whose item was
// deleted in SharePoint keeps living with its column syncbridge_gone set (pull, two-way); an item whose
// row is gone from the table keeps living with its Yes/No column SyncBridgeGone set (push, two-way).
inline const QString rowGoneColumn = QStringLiteral("syncbridge_gone");

// The table can be marked: a boolean or timestamp column syncbridge_gone that no mapping in
// `writtenBack` (the mappings written into the database) writes; else what to add, or to change.
Result<void> checkRowGoneColumn(const TableInfo &table, const QList<FieldMapping> &writtenBack);
// What the mark column gets: true, or the moment the run saw the delete (`now`), by its type.
QString rowGoneValue(const TableInfo &table, const QDateTime &now);
// A row whose mark is set (read as text: NULL and false are not marks).
bool rowIsMarkedGone(const std::optional<QString> &value);

// The list column SyncBridgeGone, as a run adds it the first time it flags an item.
ListPlan itemGoneFlagPlan(const QString &listName);

} // namespace SyncBridge

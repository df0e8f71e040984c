#pragma once

#include <QJsonObject>

namespace SyncBridge {
struct RunOutcome;
}

namespace SyncBridge::Cli {

struct CommandContext;

// A dry run's planned rows in `run --dry-run`'s detailed output: every row that is not unchanged,
// by its key values, with its list and what it changes — an update's fields "old → new".
void printPreviewRows(CommandContext &context, const RunOutcome &outcome);
// `run --json`: the outcome as data (counts, plan per list, failures, and a dry run's rows with
// their per-field changes).
QJsonObject outcomeJson(const RunOutcome &outcome);

} // namespace SyncBridge::Cli

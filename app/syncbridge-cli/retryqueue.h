#pragma once

#include "common/result.h"
#include "model/runtime.h"

#include <QJsonArray>
#include <QList>

namespace SyncBridge {
struct SyncDefinition;
}

namespace SyncBridge::Cli {

struct CommandContext;

// A row of a definition's retry queue and the list its item is in (empty while it has none).
struct WaitingRow {
    RetryItem item;
    QString list;
};

// What `retry list` and `runs show` print of the queue, the same way.
Result<QList<WaitingRow>> waitingRows(CommandContext &context, const SyncDefinition &definition);
QJsonArray waitingRowsJson(const QList<WaitingRow> &rows);
void printWaitingRows(CommandContext &context, const QList<WaitingRow> &rows);

} // namespace SyncBridge::Cli

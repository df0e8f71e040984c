#pragma once

#include "model/enums.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace SyncBridge {

// What the engine records while it runs: ledger, cursors, retry queue, runs, events and metrics.

struct LedgerEntry {
    qint64 definitionId = 0;
    QString identityHash;           // SHA-256 of the source identity; also the item's SyncBridgeKey
    QString identityText;           // readable identity, e.g. "id=42"
    QString listGraphId;
    QString itemId;                 // empty while a create is pending; the old item while a move is pending
    QString previousListGraphId;    // set while a move is pending: the list the old item is in
    QString contentHash;
    LedgerState state = LedgerState::Pending;
    QString etag;
    QDateTime syncedAt;
};

// Scoped by (definition, scope, source instance, target list) so CDC, per-list and per-instance
// positions never overwrite each other.
struct SyncCursor {
    qint64 definitionId = 0;
    QString scope = QStringLiteral("push");
    qint64 sourceInstanceId = 0;    // 0 = not instance-specific
    QString listGraphId;            // empty = not list-specific
    QString position;               // timestamp text, LSN, or delta link
    QStringList lastKey;            // key values of the last row at `position`, for keyset paging
    QDateTime updatedAt;
};

struct RetryItem {
    qint64 id = 0;
    qint64 definitionId = 0;
    QString identityHash;
    QString identityText;
    int attempts = 0;
    QDateTime nextAttemptAt;
    QString lastError;
};

struct RunCounters {
    qint64 rowsRead = 0;
    qint64 created = 0;
    qint64 updated = 0;
    qint64 moved = 0;
    qint64 deleted = 0;
    qint64 skipped = 0;
    qint64 failed = 0;
    qint64 ruSpent = 0;
};

struct SyncRun {
    qint64 id = 0;
    qint64 definitionId = 0;
    RunType type = RunType::Push;
    RunStatus status = RunStatus::Running;
    QDateTime startedAt;
    QDateTime finishedAt;
    RunCounters counters;
    QString agent;     // host/process that ran it ("<host>:<pid>": whether it lives can be asked)
    QString agentName; // the agent's name (a scheduling agent's --name; the host name by default)
    RunTrigger trigger = RunTrigger::Manual;
    QString message;                // the outcome in one sentence
};

struct RunEvent {
    qint64 id = 0;
    qint64 runId = 0;
    QDateTime at;
    EventSeverity severity = EventSeverity::Info;
    QString type;                   // machine-readable: "item-failed", "failover", …
    QString message;                // for people
    QJsonObject payload;            // row identity, Graph error, …
};

struct RunMetric {
    qint64 runId = 0;
    QDateTime at;
    QString name;                   // "items_per_second", "ru_spent", …
    double value = 0;
};

} // namespace SyncBridge

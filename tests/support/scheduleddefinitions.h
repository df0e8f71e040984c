#pragma once

#include "store/metastore.h"
#include "store/sql.h"

#include <QDateTime>
#include <QList>

namespace SyncBridge::Test {

// Definitions on a schedule, written straight into the store in one transaction: what the scheduling
// agent reads of them, for suites whose runs never look at what they sync (RecordingJob) or that run
// nothing (the idle benchmark). Returns their ids; empty when the store refused.
inline QList<qint64> addScheduledDefinitions(
    MetaStore &store, int count, const QString &cron, const QDateTime &savedAt, const QString &prefix = QStringLiteral("Scheduled"))
{
    QList<qint64> ids;
    const auto added = inTransaction(store.connection(), [&]() -> Result<void> {
        for (int i = 0; i < count; ++i) {
            auto id = insertReturningId(store.connection(),
                QStringLiteral("INSERT INTO sync_definitions (name, enabled, mode, conflict_policy, key_strategy, cursor_strategy,"
                               " delete_policy, max_delete_share, target_strategy, sharding_json, schedule_cron, schedule_time_zone,"
                               " created_at, updated_at) VALUES (?, 1, 'PUSH_ONLY', 'SOURCE_WINS', 'PRIMARY_KEY', 'FULL_SCAN', 'LEAVE',"
                               " 0.2, 'SINGLE', '{}', ?, 'UTC', ?, ?) RETURNING id"),
                {QStringLiteral("%1 %2").arg(prefix).arg(i), cron, toStoredTime(savedAt), toStoredTime(savedAt)});
            if (!id)
                return id.error();
            ids << *id;
        }
        return success();
    });
    return added.ok() ? ids : QList<qint64>();
}

} // namespace SyncBridge::Test

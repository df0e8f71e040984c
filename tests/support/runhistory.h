#pragma once

#include "store/metastore.h"
#include "store/sql.h"

#include <QDateTime>

namespace SyncBridge::Test {

// A long run history in one statement: `count` finished push runs of a definition, one every 15
// minutes back from `newest`; every 10th failed, every 10th + 1 partly failed, the rest succeeded.
inline Result<void> addRunHistory(const MetaStore &store, qint64 definitionId, int count, const QDateTime &newest)
{
    const QString sql = QStringLiteral(
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < %1) "
        "INSERT INTO sync_runs (definition_id, run_type, status, started_at, finished_at, rows_read, created, updated, skipped, failed, ru_spent, agent, message) "
        "SELECT %2, 'PUSH', CASE i %% 10 WHEN 0 THEN 'FAILED' WHEN 1 THEN 'PARTIALLY_FAILED' ELSE 'SUCCEEDED' END, "
        "%3 - i * 900000, %3 - i * 900000 + 30000 + (i %% 7) * 10000, 25000 + (i %% 13) * 2000 + i %% 300 * 20, (i %% 13) * 2000, 20000 + i %% 300 * 20, 5000, "
        "CASE i %% 10 WHEN 1 THEN 3 ELSE 0 END, 2 * ((i %% 13) * 2000 + 20000 + i %% 300 * 20), 'history', 'A run from the generated history.' FROM n")
                            .arg(count)
                            .arg(definitionId)
                            .arg(newest.toMSecsSinceEpoch())
                            .replace(QStringLiteral("%%"), QStringLiteral("%"));
    auto inserted = execute(store.connection(), sql);
    return inserted ? success() : Result<void>(inserted.error());
}

} // namespace SyncBridge::Test

#include "clioptions.h"

namespace SyncBridge::Cli {

void CliOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({store, secrets, output, all, reset, name, database, instance, host, port, user, role, priority, tenant, clientId,
        authority, graphUrl, secretRef, caFile, ruPerMinute, dryRun, resetCursor, backfill, allowMassDelete, pageSize, lookBack, streamFor,
        untilIdle, passwordStdin, json, definition, status, limit, once, maxRuns, classes, only, use, value, resnapshot, dropSlot});
}

} // namespace SyncBridge::Cli

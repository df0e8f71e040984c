#pragma once

#include "common/result.h"
#include "model/catalog.h"

#include <pqxx/connection>

namespace SyncBridge {

// Reads tables (and partitioned tables) of every user schema from pg_catalog: columns with types,
// nullability, identity, defaults, enum labels; primary and unique constraints; indexes; row estimates.
Result<QList<TableInfo>> introspectTables(pqxx::connection &connection);

} // namespace SyncBridge

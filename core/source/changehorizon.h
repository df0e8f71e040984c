#pragma once

#include "common/result.h"
#include "model/catalog.h"
#include "source/sourcerow.h"

#include <pqxx/connection>

namespace SyncBridge {

// Reads the horizon on a connection of this thread (SourceReader::changeHorizon for the engine).
Result<ChangeHorizon> readChangeHorizon(pqxx::connection &connection, const ColumnInfo &cursorColumn, int floorSeconds);

} // namespace SyncBridge

#pragma once

#include "model/catalog.h"
#include "model/enums.h"

#include <QStringList>

namespace SyncBridge {

// What an admin should know about an UPDATED_AT cursor column before the definition runs: no index
// to page by it, or NULLs (rows without a stamp are read again on every run, in a pass of their own).
// The editor shows these under the cursor; `definitions import` prints them.
QStringList cursorColumnWarnings(const TableInfo &table, CursorStrategy strategy, const QString &cursorColumn);

} // namespace SyncBridge

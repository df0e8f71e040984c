#pragma once

#include "appcontext.h"

#include "common/result.h"
#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"

#include <QObject>

#include <functional>

namespace SyncBridge {

// A list read from SharePoint and recorded in the catalog.
struct RecordedList {
    SharePointSite site;
    SharePointList list; // with its columns
};

// Reads a target's list — its site, the site's lists, the list's columns — through the connection's
// shared Graph client (asynchronous: the GUI thread never waits) and records it in the catalog on
// the store's thread, so the mapping editor and the Save check know its columns. `done` runs on
// `context`'s thread, and not at all once `context` is gone. A list the site does not have is a
// NotFound error that says what to do.
void readAndRecordList(QObject *context, const AppContext &app, const SharePointConnection &connection, const SyncTarget &target,
    std::function<void(Result<RecordedList>)> done);

} // namespace SyncBridge

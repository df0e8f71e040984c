#pragma once

#include <QString>

namespace SyncBridge {

struct RunEvent;

// A run event's type in the reader's words ("Item failed", "Waiting (Retry-After)"); the stored
// type stays the machine-readable key ("item-failed") the CLI and scripts read. An unknown key (a
// newer version's) is shown as it is.
QString runEventTypeText(const QString &type);

// Everything an event says, for the Runs page's detail pane: its type in words, time, list, item
// key, the full message, the Graph error and the rest of its payload (HTML).
QString runEventDetailHtml(const RunEvent &event, const QString &message);

} // namespace SyncBridge

#include "uisettings.h"

namespace SyncBridge::UiSettings {

const Setting<QByteArray> mainWindowGeometry{"ui/mainWindow/geometry", {}};
const Setting<QByteArray> mainWindowState{"ui/mainWindow/state", {}};
const Setting<QByteArray> connectionsSplitter{"ui/connections/splitter", {}};
const Setting<QByteArray> connectionsTreeHeader{"ui/connections/treeHeader", {}};
const Setting<int> currentPage{"ui/mainWindow/currentPage", 0};

} // namespace SyncBridge::UiSettings

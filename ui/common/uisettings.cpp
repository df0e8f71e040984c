#include "common/uisettings.h"

namespace SyncBridge::UiSettings {

const Setting<QByteArray> mainWindowGeometry{"ui/mainWindow/geometry", {}};
const Setting<QByteArray> mainWindowState{"ui/mainWindow/state", {}};
const Setting<QByteArray> connectionsSplitter{"ui/connections/splitter", {}};
const Setting<QByteArray> connectionsTreeHeader{"ui/connections/treeHeader", {}};
const Setting<int> currentPage{"ui/mainWindow/currentPage", 0};
const Setting<QByteArray> runsSplitter{"ui/runs/splitter", {}};
const Setting<QByteArray> catalogSplitter{"ui/catalog/splitter", {}};
const Setting<QByteArray> definitionsSplitter{"ui/definitions/splitter", {}};
const Setting<QByteArray> mappingTableHeader{"ui/definitions/mappingTableHeader", {}};
const Setting<QByteArray> runsTableHeader{"ui/runs/tableHeader", {}};
const Setting<QStringList> catalogExpanded{"ui/catalog/expanded", {}};
const Setting<QStringList> catalogCollapsed{"ui/catalog/collapsed", {}};
const Setting<bool> catalogSystemColumns{"ui/catalog/systemColumns", true};

} // namespace SyncBridge::UiSettings

#include "common/uisettings.h"

#include <QtGlobal>

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

const Setting<bool> keepRunningInTray{
    "app/keepRunningInTray", false, QT_TRANSLATE_NOOP("SyncBridge::SettingsPage", "Keep running in the tray when the window is closed")};
const Setting<bool> startAtLogin{"app/startAtLogin", false, QT_TRANSLATE_NOOP("SyncBridge::SettingsPage", "Start at login")};
const Setting<bool> runSchedules{
    "agent/runSchedules", false, QT_TRANSLATE_NOOP("SyncBridge::SettingsPage", "Run scheduled syncs on this computer")};
const Setting<QString> agentName{"agent/name", {}, QT_TRANSLATE_NOOP("SyncBridge::SettingsPage", "Agent name")};
const Setting<bool> notifications{"app/notifications", true, QT_TRANSLATE_NOOP("SyncBridge::SettingsPage", "Desktop notifications")};

} // namespace SyncBridge::UiSettings

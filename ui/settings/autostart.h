#pragma once

#include "common/result.h"

#include <QString>

namespace SyncBridge {

// Start at login through the XDG autostart entry (freedesktop.org Desktop Application Autostart
// Specification): <GenericConfigLocation>/autostart/syncbridge.desktop, i.e. ~/.config/autostart
// unless XDG_CONFIG_HOME says otherwise. The file is the truth: a user may remove it by hand.
QString autostartEntryPath();
bool startsAtLogin();
// Writes the entry starting executable (minimised to the tray), or removes it.
Result<void> setStartAtLogin(bool enabled, const QString &executable);

} // namespace SyncBridge

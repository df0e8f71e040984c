#pragma once

class QCoreApplication;

namespace SyncBridge {

// Loads SyncBridge's catalogue (embedded under :/i18n) and Qt's own for the user's locale;
// English stays when there is none.
void installTranslations(QCoreApplication &app);

} // namespace SyncBridge

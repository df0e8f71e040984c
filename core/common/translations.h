#pragma once

class QCoreApplication;

namespace SyncBridge {

// Loads SyncBridge's catalogues (embedded under :/i18n) and Qt's own: the English plural forms
// always, and the user's language over them; English stays when there is no catalogue for it.
void installTranslations(QCoreApplication &app);

} // namespace SyncBridge

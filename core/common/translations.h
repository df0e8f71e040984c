#pragma once

#include <QString>

class QCoreApplication;

namespace SyncBridge {

// Loads SyncBridge's catalogues and Qt's own: the English plural forms always, and the user's
// language over them; English stays when there is no catalogue for it. Catalogues are read from
// the installed translations directory (translationsDirectory()) when it holds them, else from
// the copies embedded under :/i18n (a build tree, a relocated binary).
void installTranslations(QCoreApplication &app);

// <prefix>/share/syncbridge/translations beside <prefix>/bin, where the package installs the .qm
// files (so a distribution or a translator can update a catalogue without a rebuild).
QString translationsDirectory();

} // namespace SyncBridge

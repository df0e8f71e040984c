#pragma once

#include <QString>
#include <QtGlobal>

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

// A count as %n takes it (an int), capped for the tables of millions a drift check or a stream
// counts. A function, not qMin<qint64>(…) at the call: a template argument list (or a division) inside
// translate()'s arguments sends lupdate into an endless loop, and the catalogues stop refreshing.
inline int pluralCount(qint64 count)
{
    constexpr qint64 largestShown = 2000000000;
    return int(count < 0 ? 0 : (count > largestShown ? largestShown : count));
}

} // namespace SyncBridge

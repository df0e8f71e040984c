#include "common/translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace SyncBridge {

void installTranslations(QCoreApplication &app)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    // English first, whatever the locale: the sources write plurals as "%n row(s)" and only the
    // English catalogue says "1 row" and "2 rows" (also under the C locale of a service). The
    // reader's language, installed after it, is asked first.
    auto *english = new QTranslator(&app);
    if (english->load(QStringLiteral("syncbridge_en"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(english);
    if (QLocale().language() == QLocale::English)
        return;
    auto *translator = new QTranslator(&app);
    if (translator->load(QLocale(), QStringLiteral("syncbridge"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(translator);
}

} // namespace SyncBridge

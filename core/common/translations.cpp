#include "common/translations.h"

#include "common/logging.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace SyncBridge {
namespace {

// The installed directory first, the embedded catalogues second.
bool loadCatalogue(QTranslator *translator, const QString &name, const QLocale *locale)
{
    for (const QString &directory : {translationsDirectory(), QStringLiteral(":/i18n")}) {
        const bool loaded = locale ? translator->load(*locale, name, QStringLiteral("_"), directory) : translator->load(name, directory);
        if (loaded) {
            qCDebug(lcCommon).noquote() << "translations:" << translator->filePath();
            return true;
        }
    }
    return false;
}

} // namespace

QString translationsDirectory()
{
    return QDir::cleanPath(QCoreApplication::applicationDirPath() + QStringLiteral("/../share/syncbridge/translations"));
}

void installTranslations(QCoreApplication &app)
{
    auto *qtTranslator = new QTranslator(&app);
    if (qtTranslator->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qtTranslator);
    // English first, whatever the locale: the sources write plurals as "%n row(s)" and only the
    // English catalogue says "1 row" and "2 rows" (also under the C locale of a service). The
    // reader's language, installed after it, is asked first.
    auto *english = new QTranslator(&app);
    if (loadCatalogue(english, QStringLiteral("syncbridge_en"), nullptr))
        QCoreApplication::installTranslator(english);
    if (QLocale().language() == QLocale::English)
        return;
    auto *translator = new QTranslator(&app);
    const QLocale locale;
    if (loadCatalogue(translator, QStringLiteral("syncbridge"), &locale))
        QCoreApplication::installTranslator(translator);
}

} // namespace SyncBridge

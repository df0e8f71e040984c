// syncbridge: the desktop entry point. Parses the command line, guards the single instance, opens
// the meta-store and the keychain, and shows the main window. Nothing else lives here.
#include "singleinstance.h"

#include "appservices.h"
#include "common/logging.h"
#include "common/translations.h"
#include "mainwindow.h"
#include "overview/overviewpage.h"
#include "secrets/environmentsecretstore.h"
#include "secrets/keychainsecretstore.h"
#include "secrets/sessionfallbacksecretstore.h"
#include "store/metastore.h"
#include "tray/trayicon.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QMessageBox>
#include <QTimer>

using namespace SyncBridge;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("SyncBridge"));
    QApplication::setApplicationName(QStringLiteral("SyncBridge"));
    QApplication::setApplicationVersion(QStringLiteral(SYNCBRIDGE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("io.github.syncbridge.SyncBridge"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/syncbridge.svg")));
    installTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Keeps PostgreSQL tables and SharePoint lists in sync."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption storeOption(QStringLiteral("store"),
                                         QApplication::translate("main", "Meta-store: a SQLite file or postgresql://user@host:port/db."),
                                         QStringLiteral("location"));
    const QCommandLineOption screenshotOption(QStringLiteral("screenshot"),
                                              QApplication::translate("main", "Render the window to a PNG file once loaded, then exit."),
                                              QStringLiteral("file"));
    const QCommandLineOption secretsOption(QStringLiteral("secrets"),
                                           QApplication::translate("main", "Where secrets come from: keychain (default) or env (SYNCBRIDGE_SECRET_* variables, for demos and kiosks)."),
                                           QStringLiteral("source"), QStringLiteral("keychain"));
    const QCommandLineOption trayOption(
        QStringLiteral("tray"), QApplication::translate("main", "Start in the system tray, without the window (start at login does)."));
    parser.addOptions({storeOption, screenshotOption, secretsOption, trayOption});
    parser.process(app);
    const QString screenshot = parser.value(screenshotOption);

    SingleInstance instance(QStringLiteral("syncbridge-gui-") + qEnvironmentVariable("USER", QStringLiteral("user")));
    if (screenshot.isEmpty() && !instance.claim(QApplication::arguments()))
        return 0;   // the running SyncBridge was asked to come to the front

    LogFileOptions logOptions;
    logOptions.directory = defaultLogDirectory();
    installRotatingLogFile(logOptions);

    auto location = parser.isSet(storeOption) ? StoreLocation::parse(parser.value(storeOption))
                                              : Result<StoreLocation>(StoreLocation::defaultSqlite());
    auto store = location ? MetaStore::open(*location) : Result<std::shared_ptr<MetaStore>>(location.error());
    if (!store) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "SyncBridge cannot start"),
                              QApplication::translate("main", "The meta-store could not be opened:\n%1").arg(store.error().toString()));
        return 2;
    }

    const bool environmentSecrets = parser.value(secretsOption) == QLatin1String("env");
    if (!environmentSecrets && parser.value(secretsOption) != QLatin1String("keychain")) {
        QMessageBox::critical(nullptr, QApplication::translate("main", "SyncBridge cannot start"),
                              QApplication::translate("main", "--secrets must be keychain or env."));
        return 64;
    }
    SessionFallbackSecretStore secrets(environmentSecrets ? std::unique_ptr<SecretStore>(std::make_unique<EnvironmentSecretStore>())
                                                          : std::unique_ptr<SecretStore>(std::make_unique<KeychainSecretStore>()));
    int exitCode = 0;
    {
        AppServices services(*store, secrets);
        services.setKeychainUnavailable([&secrets] { return secrets.keychainUnavailable(); });
        {
            MainWindow window(services.context());
            QObject::connect(&instance, &SingleInstance::activated, &window, &MainWindow::raiseToFront);
            // The window may hide into the tray, and a dialog closed meanwhile must not end the
            // process: it ends when the window closes for real.
            QApplication::setQuitOnLastWindowClosed(false);
            QObject::connect(&window, &MainWindow::closed, &app, &QApplication::quit, Qt::QueuedConnection);
            if (!screenshot.isEmpty()) {
                // The Overview with every definition's last run, saved as a picture; then quit.
                window.showPage(window.overviewPage());
                QObject::connect(
                    window.overviewPage(), &OverviewPage::loaded, &window,
                    [&window, screenshot]() {
                        QTimer::singleShot(
                            200, &window, [&window, screenshot]() { QApplication::exit(window.grab().save(screenshot) ? 0 : 2); });
                    },
                    Qt::SingleShotConnection);
            }
            if (!(parser.isSet(trayOption) && TrayIcon::isAvailable()))
                window.show();
            exitCode = QApplication::exec();
        }
        // Database work of the pages may still run on the global pool; the services go after it.
        QThreadPool::globalInstance()->waitForDone();
    }
    return exitCode;
}

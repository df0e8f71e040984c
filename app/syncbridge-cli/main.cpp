// syncbridge-cli: the headless entry point. Parses the command line, opens the meta-store and the
// secret store, and hands over to a command. Links SyncBridge::core only (no Qt Gui).
#include "clioptions.h"
#include "commands.h"

#include "common/logging.h"
#include "common/translations.h"
#include "secrets/environmentsecretstore.h"
#include "secrets/keychainsecretstore.h"
#include "store/metastore.h"
#include "sync/interruptedruns.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTextStream>

#include <cstdio>

using namespace SyncBridge;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("SyncBridge"));
    QCoreApplication::setApplicationName(QStringLiteral("SyncBridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SYNCBRIDGE_VERSION));

    installTranslations(app);
    // Numbers in what the CLI prints stay plain ("5000", not "5,000"): scripts read them. The
    // language still follows the environment.
    QLocale::setDefault(QLocale::c());

    QTextStream out(stdout);
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate("SyncBridge::Cli", "SyncBridge command line: keeps PostgreSQL tables and SharePoint lists in sync.") + QStringLiteral("\n\n")
                                     + Cli::commandSummary());
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QCoreApplication::translate("SyncBridge::Cli", "The command and its arguments (see above)."));
    const Cli::CliOptions options;
    options.addTo(parser);
    if (!parser.parse(app.arguments())) {
        err << QCoreApplication::translate("SyncBridge::Cli", "usage error: %1").arg(parser.errorText()) << "\n\n" << Cli::commandSummary() << '\n';
        return Cli::ExitUsage;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(Cli::ExitOk);
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion();

    const QStringList words = parser.positionalArguments();
    if (words.isEmpty()) {
        err << QCoreApplication::translate("SyncBridge::Cli", "usage error: no command given") << "\n\n" << Cli::commandSummary() << '\n';
        return Cli::ExitUsage;
    }

    const QString secretSource = parser.value(options.secrets);
    std::unique_ptr<SecretStore> secrets;
    if (secretSource == QLatin1String("keychain"))
        secrets = std::make_unique<KeychainSecretStore>();
    else if (secretSource == QLatin1String("env"))
        secrets = std::make_unique<EnvironmentSecretStore>();
    else {
        err << QCoreApplication::translate("SyncBridge::Cli", "usage error: --secrets must be keychain or env") << '\n';
        return Cli::ExitUsage;
    }

    auto location = parser.isSet(options.store) ? StoreLocation::parse(parser.value(options.store))
                                                : Result<StoreLocation>(StoreLocation::defaultSqlite());
    if (!location) {
        err << QCoreApplication::translate("SyncBridge::Cli", "error: %1").arg(location.error().toString()) << '\n';
        return Cli::ExitUsage;
    }
    LogFileOptions logOptions;
    logOptions.directory = defaultLogDirectory();
    logOptions.baseName = QStringLiteral("syncbridge-cli");
    logOptions.consoleThreshold = QtWarningMsg;   // the terminal shows results; details go to the log file
    installRotatingLogFile(logOptions);

    auto store = MetaStore::open(*location);
    if (!store) {
        err << QCoreApplication::translate("SyncBridge::Cli", "error: %1").arg(store.error().message()) << '\n';
        if (!store.error().detail().isEmpty())
            err << QCoreApplication::translate("SyncBridge::Cli", "  detail: %1").arg(store.error().detail()) << '\n';
        return Cli::ExitFailure;
    }

    // Runs a killed or crashed SyncBridge left "running" on this machine are marked interrupted.
    if (auto marked = markInterruptedRuns(**store, 0); !marked)
        err << QCoreApplication::translate("SyncBridge::Cli", "warning: %1").arg(marked.error().message()) << '\n';
    Cli::CommandContext context{parser, options, {}, *store, *secrets, out, err};
    const int code = Cli::runCommand(words, context);
    out.flush();
    err.flush();
    return code;
}

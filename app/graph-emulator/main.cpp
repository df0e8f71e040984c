// syncbridge-graph-emulator: a local Microsoft Graph for SharePoint lists (what Azurite is for Azure
// Storage). Parses the command line, loads configuration and seed, listens, and saves on exit.
#include "emulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

using namespace GraphEmulator;

namespace {

int signalPipe[2];

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(signalPipe[1], &byte, 1);
}

// SIGINT/SIGTERM end the event loop through a pipe (the only safe thing a handler can do).
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, &QCoreApplication::quit);
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
}

bool readJsonFile(const QString &path, QJsonObject *json, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!document.isObject()) {
        *error = QStringLiteral("%1 is not a JSON object: %2").arg(path, parseError.errorString());
        return false;
    }
    *json = document.object();
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("syncbridge-graph-emulator"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SYNCBRIDGE_VERSION));
    QTextStream err(stderr);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "A local Microsoft Graph for SharePoint lists, for offline trials and tests.\n"
        "Token endpoint: POST /{tenant}/oauth2/v2.0/token; Graph: /v1.0/…; admin API: /_emulator/…\n"
        "Default tenant 'contoso', app 'syncbridge-demo' with secret 'demo-secret'."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption port(QStringLiteral("port"), QStringLiteral("Port to listen on; 0 picks a free one (printed)."), QStringLiteral("port"),
                                  QStringLiteral("8765"));
    const QCommandLineOption bind(QStringLiteral("bind"), QStringLiteral("Address to listen on."), QStringLiteral("address"), QStringLiteral("127.0.0.1"));
    const QCommandLineOption allowRemote(QStringLiteral("allow-remote"), QStringLiteral("Allow a non-loopback --bind (the emulator has no real security)."));
    const QCommandLineOption data(QStringLiteral("data"), QStringLiteral("Persist state in this file across restarts (written atomically)."),
                                  QStringLiteral("file"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Seed tenants, sites, lists and items from this JSON file."), QStringLiteral("file"));
    const QCommandLineOption config(QStringLiteral("config"), QStringLiteral("Faults, throttling, latency and time scale from this JSON file."),
                                    QStringLiteral("file"));
    const QCommandLineOption logRequests(QStringLiteral("log-requests"), QStringLiteral("Print every request and its status on stderr."));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
        QStringLiteral("Serve https with this PEM certificate (the server's first, then its chain); needs --tls-key."),
        QStringLiteral("file"));
    const QCommandLineOption tlsKey(
        QStringLiteral("tls-key"), QStringLiteral("The unencrypted PEM private key of --tls-cert."), QStringLiteral("file"));
    parser.addOptions({port, bind, allowRemote, data, seed, config, logRequests, tlsCert, tlsKey});
    parser.process(app);

    EmulatorOptions options;
    options.dataPath = parser.value(data);
    options.logRequests = parser.isSet(logRequests);
    QString error;
    if (parser.isSet(seed) && !readJsonFile(parser.value(seed), &options.seed, &error)) {
        err << "error: " << error << '\n';
        return 2;
    }
    if (parser.isSet(config)) {
        QJsonObject json;
        if (!readJsonFile(parser.value(config), &json, &error)) {
            err << "error: " << error << '\n';
            return 2;
        }
        error = options.config.applyJson(json);
        if (!error.isEmpty()) {
            err << "error: " << parser.value(config) << ": " << error << '\n';
            return 2;
        }
    }
    const QHostAddress address(parser.value(bind));
    if (address.isNull()) {
        err << "error: --bind " << parser.value(bind) << " is not an IP address\n";
        return 64;
    }
    if (!address.isLoopback() && !parser.isSet(allowRemote)) {
        err << "error: refusing to listen on " << parser.value(bind) << ": the emulator is for this machine only (add --allow-remote to insist)\n";
        return 64;
    }
    // The same rule as SyncBridge's client: plain http only to this machine.
    if (!address.isLoopback() && !parser.isSet(tlsCert)) {
        err << "error: refusing to serve plain http on " << parser.value(bind)
            << ": add --tls-cert and --tls-key (plain http only on loopback)\n";
        return 64;
    }
    bool portOk = false;
    const int portNumber = parser.value(port).toInt(&portOk);
    if (!portOk || portNumber < 0 || portNumber > 65535) {
        err << "error: --port must be 0 to 65535\n";
        return 64;
    }

    if (parser.isSet(tlsCert) != parser.isSet(tlsKey)) {
        err << "error: --tls-cert and --tls-key go together\n";
        return 64;
    }

    Emulator emulator(options);
    if (parser.isSet(tlsCert)) {
        error = emulator.useTls(parser.value(tlsCert), parser.value(tlsKey));
        if (!error.isEmpty()) {
            err << "error: cannot serve https: " << error << '\n';
            return 2;
        }
    }
    error = emulator.initialise();
    if (!error.isEmpty()) {
        err << "error: " << error << '\n';
        return 2;
    }
    if (!emulator.listen(address, quint16(portNumber), &error)) {
        err << "error: cannot listen on " << parser.value(bind) << ':' << portNumber << ": " << error << '\n';
        return 2;
    }
    quitOnSignals(app);
    QTextStream out(stdout);
    out << "SyncBridge Graph emulator listening on " << emulator.scheme() << "://" << address.toString() << ':' << emulator.port()
        << Qt::endl;
    const int code = QCoreApplication::exec();
    emulator.saveNow();
    return code;
}

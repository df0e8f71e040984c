#pragma once

#include "emulatorconfig.h"
#include "faultinjector.h"
#include "graphapi.h"
#include "graphstate.h"
#include "httpserver.h"
#include "throttler.h"
#include "tokenservice.h"

#include <QObject>
#include <QTimer>

namespace GraphEmulator {

struct EmulatorOptions {
    EmulatorConfig config;
    QJsonObject seed;           // applied after the defaults, at start and on reset
    QString dataPath;           // persist state here (atomically); empty = memory only
    bool logRequests = false;
};

// The emulator: HTTP in, the token endpoint, Graph, and the admin API under /_emulator.
class Emulator : public QObject
{
    Q_OBJECT

public:
    explicit Emulator(EmulatorOptions options, QObject *parent = nullptr);

    // Loads --data or applies the seed; returns an error message or "".
    QString initialise();
    // https with this certificate and key (before listen()); an error message or "".
    QString useTls(const QString &certificateFile, const QString &keyFile) { return m_server->useTls(certificateFile, keyFile); }
    QString scheme() const { return m_server->isTls() ? QStringLiteral("https") : QStringLiteral("http"); }
    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 port() const { return m_server->port(); }
    void saveNow();

private:
    void serve(const HttpRequest &request, HttpResponder responder);
    HttpResponse process(const HttpRequest &request, bool *isGraph);
    ApiResponse graph(const HttpRequest &request, const QString &path, const QString &version, const QUrlQuery &query);
    ApiResponse admin(const HttpRequest &request, const QString &path);
    QString graphBaseUrl(const HttpRequest &request, const QString &version) const; // "{scheme}://{host}/v1.0"
    HttpResponse toHttp(const ApiResponse &response, const HttpRequest &request, bool isGraph) const;
    void resetAll();
    void markChanged();
    QJsonObject stats() const;
    QJsonObject index() const;

    EmulatorOptions m_options;
    EmulatorConfig m_config;
    GraphState m_state;
    TokenService m_tokens;
    Throttler m_throttler;
    FaultInjector m_faults;
    Stats m_stats;
    qint64 m_requestSerial = 0; // numbers Graph requests, so the throttle can tell a retry from its own batch
    GraphApi m_api;
    HttpServer *m_server;
    QTimer m_saveTimer;
};

} // namespace GraphEmulator

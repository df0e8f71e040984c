#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <memory>

namespace SyncBridge {
class GraphClient;
struct GovernorSettings;
struct SharePointConnection;
}

namespace SyncBridge::Test {

// One HTTP exchange as a test sees it.
struct HttpExchange {
    int status = 0;                          // 0 when no HTTP response arrived
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers;   // lower-case names
    QByteArray body;
    qint64 elapsedMs = 0;

    QJsonObject json() const;
    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

// The real syncbridge-graph-emulator process on a free loopback port, stopped when destroyed.
// request() is synchronous (a local event loop): fine in tests, never in product code.
class EmulatorProcess
{
public:
    EmulatorProcess();
    ~EmulatorProcess();

    // Serve https with this certificate and key from the next start() on; every request of this
    // fixture, and the connections it makes, trust caPem explicitly (the connection's extra CA).
    void useTls(const QString &certificateFile, const QString &keyFile, const QByteArray &caPem);
    bool isTls() const { return !m_tlsCertificate.isEmpty(); }
    // Starts the emulator with extra arguments (--data, --config, …); false with a reason on failure.
    bool start(const QStringList &arguments = {}, QString *error = nullptr);
    // Back to the startup state (POST /_emulator/reset) with a fresh token; false on failure.
    bool reset();
    // SIGTERM and wait; returns the exit code.
    int stop();

    QString baseUrl() const
    {
        return QStringLiteral("%1://127.0.0.1:%2").arg(isTls() ? QStringLiteral("https") : QStringLiteral("http")).arg(m_port);
    }
    QString graphUrl() const { return baseUrl() + QStringLiteral("/v1.0"); }
    int port() const { return m_port; }
    qint64 processId() const { return m_process.processId(); }

    HttpExchange request(const QByteArray &method, const QString &url, const QByteArray &body = {},
                         const QHash<QByteArray, QByteArray> &headers = {});
    // Graph call with a bearer token for the default app (fetched once); path relative to /v1.0.
    HttpExchange graph(const QByteArray &method, const QString &path, const QJsonObject &body = {},
                       const QHash<QByteArray, QByteArray> &headers = {});
    HttpExchange admin(const QByteArray &method, const QString &path, const QJsonObject &body = {});
    QString token(bool fresh = false);
    HttpExchange tokenRequest(const QByteArray &form, const QString &tenant = QStringLiteral("contoso"));

    // A SharePoint connection for the default app against this emulator, as the product stores it.
    SharePointConnection sharePointConnection(const QString &name = QStringLiteral("Emulator"),
                                              const QString &secretRef = QStringLiteral("sharepoint/demo")) const;
    // A product GraphClient for the default app against this emulator (graphBase overrides the URL).
    std::unique_ptr<GraphClient> graphClient(const GovernorSettings &governor, const QString &secret = QStringLiteral("demo-secret"),
                                             const QString &graphBase = {}) const;

    // Convenience: the id of the /sites/pmo site and a new list with the given columns.
    QString pmoSiteId();
    QString createList(const QString &displayName, const QJsonArray &columns);
    // The list called displayName in any site, as the admin index shows it ({id, displayName,
    // itemCount}); empty when there is none. itemCount() is -1 when there is no such list.
    QJsonObject list(const QString &displayName);
    int itemCount(const QString &displayName);

private:
    QProcess m_process;
    QNetworkAccessManager m_network;
    int m_port = 0;
    QString m_token;
    QString m_tlsCertificate;
    QString m_tlsKey;
    QByteArray m_caPem;
};

} // namespace SyncBridge::Test

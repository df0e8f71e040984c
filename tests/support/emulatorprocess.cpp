#include "emulatorprocess.h"

#include "graph/governor.h"
#include "graph/graphclient.h"
#include "graph/tlstrust.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>

#include <csignal>

#include <sys/prctl.h>

namespace SyncBridge::Test {

QJsonObject HttpExchange::json() const
{
    return QJsonDocument::fromJson(body).object();
}

EmulatorProcess::EmulatorProcess() = default;

EmulatorProcess::~EmulatorProcess()
{
    if (m_process.state() != QProcess::NotRunning)
        stop();
}

void EmulatorProcess::useTls(const QString &certificateFile, const QString &keyFile, const QByteArray &caPem)
{
    m_tlsCertificate = certificateFile;
    m_tlsKey = keyFile;
    m_caPem = caPem;
}

bool EmulatorProcess::start(const QStringList &arguments, QString *error)
{
    QStringList all{QStringLiteral("--port"), QStringLiteral("0")};
    if (isTls())
        all << QStringLiteral("--tls-cert") << m_tlsCertificate << QStringLiteral("--tls-key") << m_tlsKey;
    all << arguments;
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    // A test that aborts never runs this fixture's destructor: the emulator must not outlive it.
    m_process.setChildProcessModifier([]() { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    m_process.start(QStringLiteral(SYNCBRIDGE_EMULATOR_PATH), all);
    if (!m_process.waitForStarted(10000)) {
        if (error)
            *error = m_process.errorString();
        return false;
    }
    static const QRegularExpression listening(QStringLiteral("listening on https?://[^:]+:(\\d+)"));
    QByteArray output;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 10000) {
        m_process.waitForReadyRead(200);
        output += m_process.readAllStandardOutput();
        const auto match = listening.match(QString::fromUtf8(output));
        if (match.hasMatch()) {
            m_port = match.captured(1).toInt();
            m_token.clear();
            return true;
        }
        if (m_process.state() == QProcess::NotRunning)
            break;
    }
    if (error)
        *error = QString::fromUtf8(output + m_process.readAllStandardError());
    return false;
}

bool EmulatorProcess::reset()
{
    if (admin("POST", QStringLiteral("/reset")).status != 200)
        return false;
    return !token(true).isEmpty();
}

int EmulatorProcess::stop()
{
    m_process.terminate();
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
}

HttpExchange EmulatorProcess::request(const QByteArray &method, const QString &url, const QByteArray &body,
                                      const QHash<QByteArray, QByteArray> &headers)
{
    QNetworkRequest request{QUrl(url, QUrl::TolerantMode)};
    request.setTransferTimeout(60000);
    if (isTls())
        request.setSslConfiguration(tlsConfigurationTrusting(QSslCertificate::fromData(m_caPem, QSsl::Pem)));
    for (auto it = headers.constBegin(); it != headers.constEnd(); ++it)
        request.setRawHeader(it.key(), it.value());
    if (!body.isEmpty() && !headers.contains("Content-Type"))
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QElapsedTimer timer;
    timer.start();
    QNetworkReply *reply = m_network.sendCustomRequest(request, method, body);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    HttpExchange exchange;
    exchange.elapsedMs = timer.elapsed();
    exchange.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    exchange.networkError = reply->error();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        exchange.headers.insert(name.toLower(), value);
    exchange.body = reply->readAll();
    reply->deleteLater();
    return exchange;
}

HttpExchange EmulatorProcess::tokenRequest(const QByteArray &form, const QString &tenant)
{
    return request("POST", baseUrl() + QStringLiteral("/%1/oauth2/v2.0/token").arg(tenant), form,
                   {{"Content-Type", "application/x-www-form-urlencoded"}});
}

QString EmulatorProcess::token(bool fresh)
{
    if (m_token.isEmpty() || fresh) {
        const HttpExchange reply = tokenRequest("client_id=syncbridge-demo&client_secret=demo-secret"
                                                "&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&grant_type=client_credentials");
        m_token = reply.json().value(QStringLiteral("access_token")).toString();
    }
    return m_token;
}

HttpExchange EmulatorProcess::graph(const QByteArray &method, const QString &path, const QJsonObject &body,
                                    const QHash<QByteArray, QByteArray> &headers)
{
    QHash<QByteArray, QByteArray> all = headers;
    if (!all.contains("Authorization"))
        all.insert("Authorization", "Bearer " + token().toLatin1());
    const QString url = path.startsWith(QLatin1String("http")) ? path : graphUrl() + path;
    return request(method, url, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact), all);
}

HttpExchange EmulatorProcess::admin(const QByteArray &method, const QString &path, const QJsonObject &body)
{
    return request(method, baseUrl() + QStringLiteral("/_emulator") + path,
                   body.isEmpty() && method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
}

SharePointConnection EmulatorProcess::sharePointConnection(const QString &name, const QString &secretRef) const
{
    SharePointConnection connection;
    connection.name = name;
    connection.tenantId = QStringLiteral("contoso");
    connection.clientId = QStringLiteral("syncbridge-demo");
    connection.authorityHost = baseUrl();
    connection.graphBaseUrl = graphUrl();
    connection.secretRef = secretRef;
    connection.extraCaCertificates = QString::fromLatin1(m_caPem);
    return connection;
}

std::unique_ptr<GraphClient> EmulatorProcess::graphClient(const GovernorSettings &governor, const QString &secret, const QString &graphBase) const
{
    SharePointConnection connection = sharePointConnection();
    if (!graphBase.isEmpty())
        connection.graphBaseUrl = graphBase;
    return std::make_unique<GraphClient>(GraphEndpoint::from(connection),
                                         [secret](std::function<void(Result<QString>)> done) { done(secret); },
                                         std::make_shared<Governor>(governor));
}

QString EmulatorProcess::pmoSiteId()
{
    return graph("GET", QStringLiteral("/sites/contoso.sharepoint.com:/sites/pmo")).json().value(QStringLiteral("id")).toString();
}

QString EmulatorProcess::createList(const QString &displayName, const QJsonArray &columns)
{
    const HttpExchange created = graph("POST", QStringLiteral("/sites/%1/lists").arg(pmoSiteId()),
                                       QJsonObject{{QStringLiteral("displayName"), displayName}, {QStringLiteral("columns"), columns}});
    return created.json().value(QStringLiteral("id")).toString();
}

QJsonObject EmulatorProcess::list(const QString &displayName)
{
    for (const QJsonValue &site : admin("GET", QStringLiteral("/index")).json().value(QStringLiteral("sites")).toArray()) {
        for (const QJsonValue &list : site.toObject().value(QStringLiteral("lists")).toArray()) {
            if (list.toObject().value(QStringLiteral("displayName")).toString() == displayName)
                return list.toObject();
        }
    }
    return {};
}

int EmulatorProcess::itemCount(const QString &displayName)
{
    const QJsonObject found = list(displayName);
    return found.isEmpty() ? -1 : found.value(QStringLiteral("itemCount")).toInt();
}

} // namespace SyncBridge::Test

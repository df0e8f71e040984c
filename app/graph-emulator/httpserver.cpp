#include "httpserver.h"

#include <QFile>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace GraphEmulator {
namespace {

constexpr int maxHeaderBytes = 64 * 1024;
constexpr qint64 maxBodyBytes = 64 * 1024 * 1024;

const char *reasonPhrase(int status)
{
    switch (status) {
    case 200: return "OK";
    case 201: return "Created";
    case 204: return "No Content";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 412: return "Precondition Failed";
    case 413: return "Payload Too Large";
    case 424: return "Failed Dependency";
    case 429: return "Too Many Requests";
    case 500: return "Internal Server Error";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 507: return "Insufficient Storage";
    }
    return "Unknown";
}

QByteArray readPem(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return {};
    }
    return file.readAll();
}

// RSA and EC keys, PKCS#1/SEC1 or PKCS#8 PEM, without a passphrase (a test or trial server's key).
QSslKey loadKey(const QByteArray &pem)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey);
        if (!key.isNull())
            return key;
    }
    return {};
}

} // namespace

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

QByteArray HttpResponse::header(const QByteArray &name) const
{
    for (const auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

HttpResponder::HttpResponder(QTcpSocket *socket, bool keepAlive)
    : m_socket(socket)
    , m_keepAlive(keepAlive)
{
}

QByteArray HttpResponder::head(const HttpResponse &response, bool keepAlive)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    for (const auto &[name, value] : response.headers)
        head += name + ": " + value + "\r\n";
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    if (!keepAlive)
        head += "Connection: close\r\n";
    return head + "\r\n";
}

void HttpResponder::send(const HttpResponse &response)
{
    if (!m_socket)
        return;
    m_socket->write(head(response, m_keepAlive) + response.body);
    if (!m_keepAlive)
        m_socket->disconnectFromHost();
    m_socket->setProperty("busy", false);
    // A request that arrived while this one was answered is in the buffer: go on.
    QMetaObject::invokeMethod(m_socket, "readyRead", Qt::QueuedConnection);
}

void HttpResponder::sendSlowly(const HttpResponse &response, int bytesPerSecond)
{
    if (!m_socket)
        return;
    m_socket->write(head(response, m_keepAlive));
    const int chunk = qMax(1, bytesPerSecond / 10);
    auto remaining = std::make_shared<QByteArray>(response.body);
    auto *timer = new QTimer(m_socket);
    QPointer<QTcpSocket> socket = m_socket;
    const bool keepAlive = m_keepAlive;
    QObject::connect(timer, &QTimer::timeout, timer, [timer, socket, remaining, chunk, keepAlive]() {
        if (!socket) {
            timer->deleteLater();
            return;
        }
        socket->write(remaining->left(chunk));
        remaining->remove(0, chunk);
        if (remaining->isEmpty()) {
            timer->deleteLater();
            if (!keepAlive)
                socket->disconnectFromHost();
            socket->setProperty("busy", false);
            QMetaObject::invokeMethod(socket, "readyRead", Qt::QueuedConnection);
        }
    });
    timer->start(100);
}

void HttpResponder::drop()
{
    if (m_socket)
        m_socket->abort();
}

HttpServer::HttpServer(Handler handler, QObject *parent)
    : QObject(parent)
    , m_handler(std::move(handler))
    , m_server(new QTcpServer(this))
{
    connect(m_server, &QTcpServer::newConnection, this, &HttpServer::accept);
}

HttpServer::~HttpServer() = default;

QString HttpServer::useTls(const QString &certificateFile, const QString &keyFile)
{
    QString error;
    const QByteArray certificatePem = readPem(certificateFile, &error);
    if (!error.isEmpty())
        return error;
    const QByteArray keyPem = readPem(keyFile, &error);
    if (!error.isEmpty())
        return error;
    const QList<QSslCertificate> chain = QSslCertificate::fromData(certificatePem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull())
        return QStringLiteral("%1 holds no PEM certificate").arg(certificateFile);
    const QSslKey key = loadKey(keyPem);
    if (key.isNull())
        return QStringLiteral("%1 holds no unencrypted PEM RSA or EC private key").arg(keyFile);
    // Qt cannot pair a private key with a certificate before a handshake; compare the key's size and
    // algorithm with the certificate's public key to catch the commonest mix-up (files of two servers).
    const QSslKey publicKey = chain.first().publicKey();
    if (publicKey.algorithm() != key.algorithm() || publicKey.length() != key.length())
        return QStringLiteral("the key in %1 does not belong to the certificate in %2").arg(keyFile, certificateFile);

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(chain.first());
    configuration.setLocalCertificateChain(chain);
    configuration.setPrivateKey(key);
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone); // no client certificates
    auto *server = new QSslServer(this);
    server->setSslConfiguration(configuration);
    connect(server, &QSslServer::errorOccurred, this, [this](QSslSocket *socket, QAbstractSocket::SocketError) {
        if (!socket->isEncrypted() && !socket->property("handshakeFailed").toBool()) {
            socket->setProperty("handshakeFailed", true); // once per connection, however many errors follow
            ++m_failedHandshakes;
        }
    });
    delete m_server;
    m_server = server;
    // QSslServer adds a connection once its handshake is done and says so with
    // pendingConnectionAvailable, not newConnection (Qt 6.4).
    connect(m_server, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::accept);
    m_tls = true;
    return {};
}

bool HttpServer::listen(const QHostAddress &address, quint16 port)
{
    return m_server->listen(address, port);
}

quint16 HttpServer::port() const
{
    return m_server->serverPort();
}

QString HttpServer::errorString() const
{
    return m_server->errorString();
}

void HttpServer::accept()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        socket->setProperty("busy", false);
        // Answers are written whole; without this, Nagle + delayed ACK stall keep-alive exchanges.
        socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket]() { readFrom(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        // QSslServer hands a socket over once its handshake is done: the first request may already
        // be waiting, its readyRead emitted before anyone listened.
        if (socket->bytesAvailable() > 0)
            QMetaObject::invokeMethod(socket, "readyRead", Qt::QueuedConnection);
    }
}

void HttpServer::readFrom(QTcpSocket *socket)
{
    if (socket->property("busy").toBool())
        return;
    QByteArray buffer = socket->property("buffer").toByteArray() + socket->readAll();
    const int headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (buffer.size() > maxHeaderBytes)
            socket->abort();
        else
            socket->setProperty("buffer", buffer);
        return;
    }
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    if (requestLine.size() < 3) {
        socket->abort();
        return;
    }
    HttpRequest request;
    request.method = requestLine.at(0);
    request.target = requestLine.at(1);
    for (int i = 1; i < lines.size(); ++i) {
        const int colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    const qint64 length = request.header("content-length").toLongLong();
    if (length < 0 || length > maxBodyBytes) {
        socket->abort();
        return;
    }
    if (buffer.size() < headerEnd + 4 + length) {
        socket->setProperty("buffer", buffer);
        return;
    }
    request.body = buffer.mid(headerEnd + 4, length);
    socket->setProperty("buffer", buffer.mid(headerEnd + 4 + length));
    socket->setProperty("busy", true);
    const bool keepAlive = request.header("connection").toLower() != "close" && requestLine.at(2) != "HTTP/1.0";
    m_handler(request, HttpResponder(socket, keepAlive));
}

} // namespace GraphEmulator

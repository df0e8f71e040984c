#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>

class QTcpServer;
class QTcpSocket;

namespace GraphEmulator {

struct HttpRequest {
    QByteArray method;
    QByteArray target;                      // as sent: path and query, percent-encoded
    QHash<QByteArray, QByteArray> headers;  // names in lower case
    QByteArray body;

    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(const QByteArray &name) const;
};

// How a handler answers: now or later, normally, slowly, or by dropping the connection.
class HttpResponder
{
public:
    HttpResponder() = default;
    HttpResponder(QTcpSocket *socket, bool keepAlive);

    bool isValid() const { return !m_socket.isNull(); }
    void send(const HttpResponse &response);
    // Writes the body at the given rate (a slow network or a slow service).
    void sendSlowly(const HttpResponse &response, int bytesPerSecond);
    // Closes the connection without a response, as a crashed front end would.
    void drop();

private:
    static QByteArray head(const HttpResponse &response, bool keepAlive);

    QPointer<QTcpSocket> m_socket;
    bool m_keepAlive = true;
};

// A small HTTP/1.1 server: keep-alive, Content-Length bodies, one request at a time per connection.
// Kept in one class so the transport can change without touching the emulator.
class HttpServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<void(const HttpRequest &, HttpResponder)>;

    explicit HttpServer(Handler handler, QObject *parent = nullptr);
    ~HttpServer() override;

    // Serves https with this certificate (PEM; the server's first, then its chain) and unencrypted
    // PEM private key. Called before listen(); an error message when either does not load, else "".
    QString useTls(const QString &certificateFile, const QString &keyFile);
    bool isTls() const { return m_tls; }
    bool listen(const QHostAddress &address, quint16 port);
    quint16 port() const;
    QString errorString() const;
    // Connections whose TLS handshake failed (the client refused the certificate, or spoke plain
    // http): they never reached the handler.
    qint64 failedHandshakes() const { return m_failedHandshakes; }

private:
    void accept();
    void readFrom(QTcpSocket *socket);

    Handler m_handler;
    QTcpServer *m_server;
    bool m_tls = false;
    qint64 m_failedHandshakes = 0;
};

} // namespace GraphEmulator

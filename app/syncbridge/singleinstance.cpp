#include "singleinstance.h"

#include <QDataStream>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>
#include <QStandardPaths>

namespace SyncBridge {
namespace {

QString runtimeDirectory()
{
    const QString runtime = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    return runtime.isEmpty() ? QDir::tempPath() : runtime;
}

} // namespace

SingleInstance::SingleInstance(const QString &name, QObject *parent)
    : QObject(parent)
    , m_name(name)
{
}

SingleInstance::~SingleInstance()
{
    if (m_server)
        m_server->close();
}

bool SingleInstance::claim(const QStringList &arguments)
{
    m_lock = std::make_unique<QLockFile>(QDir(runtimeDirectory()).filePath(m_name + QStringLiteral(".lock")));
    m_lock->setStaleLockTime(0);   // a lock of a crashed process (dead PID) is taken over
    if (!m_lock->tryLock(100)) {
        QLocalSocket socket;
        socket.connectToServer(m_name);
        if (socket.waitForConnected(2000)) {
            QByteArray payload;
            QDataStream stream(&payload, QIODevice::WriteOnly);
            stream << arguments;
            socket.write(payload);
            socket.waitForBytesWritten(2000);
            socket.disconnectFromServer();
        }
        return false;
    }
    QLocalServer::removeServer(m_name);
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    m_server->listen(m_name);
    connect(m_server, &QLocalServer::newConnection, this, [this]() {
        QLocalSocket *socket = m_server->nextPendingConnection();
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket]() {
            QStringList forwarded;
            QDataStream stream(socket->readAll());
            stream >> forwarded;
            emit activated(forwarded);
        });
    });
    return true;
}

} // namespace SyncBridge

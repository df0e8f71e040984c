#pragma once

#include <QLockFile>
#include <QObject>
#include <QStringList>

#include <memory>

class QLocalServer;

namespace SyncBridge {

// One GUI per user: the first launch holds a lock file and listens on a local socket; a second
// launch forwards its arguments there and exits, and the first raises its window.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(const QString &name, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when this process is the first; false after forwarding arguments to the running one.
    bool claim(const QStringList &arguments);

signals:
    void activated(const QStringList &arguments);

private:
    QString m_name;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
};

} // namespace SyncBridge

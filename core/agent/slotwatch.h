#pragma once

#include "common/error.h"
#include "sync/cdc/slotalerts.h"
#include "sync/cdc/slothealth.h"

#include <QObject>
#include <QTimer>

#include <chrono>
#include <memory>

namespace SyncBridge {

class MetaStore;
class SecretStore;
class StoreThread;

// The slot guardian inside an agent (the headless `agent` and the tray's): every CDC definition's slot
// read on a thread of its own (libpq and the meta-store; the owner's thread never waits), at start and
// then every interval, and each change of verdict announced once (SlotAlerts) — entering warning,
// critical or lost, and recovering. A slot that cannot be read (the database down) keeps its verdict.
class SlotWatch : public QObject
{
    Q_OBJECT

public:
    SlotWatch(std::shared_ptr<MetaStore> store, SecretStore &secrets, std::chrono::milliseconds interval = std::chrono::minutes(5),
        QObject *parent = nullptr);
    ~SlotWatch() override;

    void start();
    // Reads every CDC slot now (unless a reading is under way), e.g. after a CDC run.
    void checkNow();

signals:
    // Every reading of a slot, on the owner's thread.
    void checked(qint64 definitionId, const QString &name, const SyncBridge::SlotHealth &health);
    // A change of verdict worth a notification (or a log line).
    void alerted(const SyncBridge::SlotAlert &alert, const QString &name, const SyncBridge::SlotHealth &health);
    // A slot that could not be read.
    void unreadable(qint64 definitionId, const QString &name, const SyncBridge::Error &error);

private:
    std::shared_ptr<MetaStore> m_store;
    SecretStore &m_secrets;
    std::unique_ptr<StoreThread> m_thread;
    QTimer m_timer;
    SlotAlerts m_alerts;
    bool m_checking = false;
};

} // namespace SyncBridge

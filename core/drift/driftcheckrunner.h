#pragma once

#include "common/error.h"
#include "drift/driftreport.h"

#include <QObject>

#include <memory>
#include <optional>

class QThread;

namespace SyncBridge {

class GovernorRegistry;
class MetaStore;
class SecretStore;

// Runs one DriftCheck at a time on a worker thread of its own (the check waits on Graph and reads
// the whole table: the owner's thread — the GUI's, an agent's — never does), spending the tenant
// governors of the runs.
class DriftCheckRunner : public QObject
{
    Q_OBJECT

public:
    DriftCheckRunner(std::shared_ptr<MetaStore> store, SecretStore *secrets, GovernorRegistry *governors, QObject *parent = nullptr);
    ~DriftCheckRunner() override;

    bool isRunning() const { return m_thread != nullptr; }
    void start(qint64 definitionId);
    void cancel();

signals:
    void progress(const QString &step, qint64 rowsRead, qint64 itemsRead);
    // On the owner's thread: the report, or why there is none.
    void finished(const SyncBridge::DriftReport &report, const std::optional<SyncBridge::Error> &error);

private:
    std::shared_ptr<MetaStore> m_store;
    SecretStore *m_secrets;
    GovernorRegistry *m_governors;
    QThread *m_thread = nullptr;
    QObject *m_check = nullptr; // the DriftCheck, living on m_thread
};

} // namespace SyncBridge

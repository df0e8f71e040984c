#pragma once

#include "appcontext.h"

#include "common/error.h"
#include "drift/driftreport.h"

#include <QObject>

#include <optional>

class QThread;

namespace SyncBridge {

// Runs one DriftCheck at a time on a worker thread of its own (the check waits on Graph and reads
// the whole table: the GUI thread never does), spending the tenant governors of the runs.
class DriftCheckRunner : public QObject
{
    Q_OBJECT

public:
    explicit DriftCheckRunner(AppContext context, QObject *parent = nullptr);
    ~DriftCheckRunner() override;

    bool isRunning() const { return m_thread != nullptr; }
    void start(qint64 definitionId);
    void cancel();

signals:
    void progress(const QString &step, qint64 rowsRead, qint64 itemsRead);
    // On the GUI thread: the report, or why there is none.
    void finished(const SyncBridge::DriftReport &report, const std::optional<SyncBridge::Error> &error);

private:
    AppContext m_context;
    QThread *m_thread = nullptr;
    QObject *m_check = nullptr; // the DriftCheck, living on m_thread
};

} // namespace SyncBridge

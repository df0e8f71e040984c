#include "drift/driftcheckrunner.h"

#include "drift/driftcheck.h"
#include "graph/governorregistry.h"
#include "store/metastore.h"

#include <QThread>

namespace SyncBridge {

DriftCheckRunner::DriftCheckRunner(std::shared_ptr<MetaStore> store, SecretStore *secrets, GovernorRegistry *governors, QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_secrets(secrets)
    , m_governors(governors)
{
}

DriftCheckRunner::~DriftCheckRunner()
{
    cancel();
    if (m_thread) {
        m_thread->quit();
        m_thread->wait();
    }
}

void DriftCheckRunner::start(qint64 definitionId)
{
    if (m_thread || !m_governors || !m_secrets)
        return;
    GovernorRegistry *governors = m_governors;
    auto *check = new DriftCheck(
        m_store, *m_secrets, [governors](const SharePointConnection &connection) { return governors->governorFor(connection); },
        definitionId);
    m_thread = new QThread(this);
    check->moveToThread(m_thread);
    m_check = check;
    connect(m_thread, &QThread::finished, check, &QObject::deleteLater);
    connect(check, &DriftCheck::progress, this, &DriftCheckRunner::progress, Qt::QueuedConnection);
    connect(
        check, &DriftCheck::finished, this,
        [this, check]() {
            // On the check's thread: copy the outcome, then hand it over.
            const DriftReport report = check->report();
            const std::optional<Error> error = check->error();
            m_store->releaseThreadConnection(); // Qt Sql connections are per thread, and this one ends
            QMetaObject::invokeMethod(this, [this, report, error]() {
                QThread *thread = m_thread;
                m_thread = nullptr;
                m_check = nullptr;
                thread->quit();
                thread->wait();
                thread->deleteLater();
                emit finished(report, error);
            });
        },
        Qt::DirectConnection);
    m_thread->start();
    QMetaObject::invokeMethod(check, &DriftCheck::start, Qt::QueuedConnection);
}

void DriftCheckRunner::cancel()
{
    if (m_check)
        QMetaObject::invokeMethod(m_check, [check = m_check]() { static_cast<DriftCheck *>(check)->cancel(); });
}

} // namespace SyncBridge

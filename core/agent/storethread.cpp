#include "agent/storethread.h"

#include "store/metastore.h"

namespace SyncBridge {

StoreThread::StoreThread(std::shared_ptr<MetaStore> store)
    : m_store(std::move(store))
    , m_worker(new QObject)
{
    m_thread.setObjectName(QStringLiteral("agent-store"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

StoreThread::~StoreThread()
{
    // The thread's connection closes on that thread (Qt Sql connections belong to one thread); the
    // work queued before runs first.
    QMetaObject::invokeMethod(
        m_worker,
        [this]() {
            m_store->releaseThreadConnection();
            delete m_worker;
            m_thread.quit();
        },
        Qt::QueuedConnection);
    m_thread.wait();
}

} // namespace SyncBridge

#pragma once

#include <QObject>
#include <QThread>

#include <memory>
#include <utility>

namespace SyncBridge {

class MetaStore;

// One thread for an agent's meta-store work, in order, so the thread that owns the agent (the GUI's)
// never waits for SQL. Destroy it before the objects its answers go to: it does the work queued and
// waits for it; answers not yet delivered go with their receiver.
class StoreThread
{
public:
    explicit StoreThread(std::shared_ptr<MetaStore> store);
    ~StoreThread();

    // Runs work() on the store's thread, then then(result) on context's thread.
    template<typename Work, typename Then> void run(QObject *context, Work work, Then then)
    {
        QMetaObject::invokeMethod(
            m_worker,
            [context, work = std::move(work), then = std::move(then)]() mutable {
                auto result = work();
                QMetaObject::invokeMethod(
                    context, [then = std::move(then), result = std::move(result)]() mutable { then(result); }, Qt::QueuedConnection);
            },
            Qt::QueuedConnection);
    }

private:
    std::shared_ptr<MetaStore> m_store;
    QThread m_thread;
    QObject *m_worker = nullptr; // lives on m_thread
};

} // namespace SyncBridge

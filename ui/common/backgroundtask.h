#pragma once

#include <QFutureWatcher>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <type_traits>
#include <utility>

namespace SyncBridge {

// Runs work on pool and hands its result to done on context's thread — unless context is gone by
// then. The GUI's way to do anything that may block (SQL, libpq, keychain on some platforms).
template<typename Work, typename Done>
void runInBackground(QObject *context, QThreadPool *pool, Work work, Done done)
{
    using T = std::invoke_result_t<Work>;
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcher<T>::finished, context, [watcher, done = std::move(done)]() mutable {
        done(watcher->future().takeResult());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(pool, std::move(work)));
}

} // namespace SyncBridge

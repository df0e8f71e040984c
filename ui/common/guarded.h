#pragma once

#include <QObject>
#include <QPointer>

#include <utility>

namespace SyncBridge {

// A callback that does nothing once `context` is gone. For answers from shared services — a Graph
// client that outlives the page or dialog that asked — which may arrive after the asker was destroyed.
template<typename Callback> auto guarded(QObject *context, Callback callback)
{
    return [context = QPointer<QObject>(context), callback = std::move(callback)](auto &&...arguments) mutable {
        if (context)
            callback(std::forward<decltype(arguments)>(arguments)...);
    };
}

} // namespace SyncBridge

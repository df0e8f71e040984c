#pragma once

#include <QEventLoop>

#include <functional>
#include <optional>

namespace SyncBridge::Test {

// Runs the event loop until an asynchronous call reports back, and returns what it reported.
// Tests only: product code never nests event loops.
template<typename T>
T await(const std::function<void(std::function<void(T)>)> &start)
{
    std::optional<T> outcome;
    QEventLoop loop;
    start([&](T value) {
        outcome.emplace(std::move(value));
        loop.quit();
    });
    if (!outcome)
        loop.exec();
    return std::move(*outcome);
}

} // namespace SyncBridge::Test

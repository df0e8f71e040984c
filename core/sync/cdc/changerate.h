#pragma once

#include <QList>

#include <utility>

namespace SyncBridge {

// Changes per second over the last few seconds of a stream (a continuous CDC run's progress): a run
// that streamed fast an hour ago and idles now shows 0, not its average since it began.
class ChangeRate
{
public:
    explicit ChangeRate(qint64 windowMs = 10000)
        : m_windowMs(windowMs)
    {
    }

    void add(qint64 nowMs, qint64 changes);
    double perSecond(qint64 nowMs) const;

private:
    void forgetBefore(qint64 oldestMs);

    qint64 m_windowMs;
    qint64 m_firstMs = -1;                    // the first sample: a window not yet full divides by its own length
    QList<std::pair<qint64, qint64>> m_added; // (when, how many), oldest first, within the window
};

} // namespace SyncBridge

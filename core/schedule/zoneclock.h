#pragma once

#include <QTimeZone>

#include <limits>

namespace SyncBridge {

// The wall clock of one time zone, in whole seconds. An instant is seconds since the epoch (UTC);
// a wall time is the local date and time counted the same way as if it were UTC, so wall times
// add and compare like numbers. A wall time can have no instant (the spring gap), one, or two (the
// repeated autumn hour). Keeps the offset and the span of the UTC interval it holds for, so most
// conversions cost no time zone lookup. Not thread-safe: one per computation.
class ZoneClock
{
public:
    explicit ZoneClock(QTimeZone zone);

    struct Instants {
        int count = 0;     // 0: the wall time falls into a gap
        qint64 first = 0;  // count 0: the end of the gap (the first instant after it)
        qint64 second = 0; // count 2: the repeated occurrence
    };

    qint64 wallOf(qint64 instant);
    Instants instantsOf(qint64 wall);

    // When the next change after instant turns the clock back and instant is within the repeated
    // span before it: how far back (seconds); else 0.
    qint64 repeatAhead(qint64 instant);

private:
    struct Span {
        qint64 from = std::numeric_limits<qint64>::min(); // the UTC interval [from, until) …
        qint64 until = std::numeric_limits<qint64>::max();
        int offset = 0;       // … has this offset from UTC,
        int offsetBefore = 0; // the interval before it this one,
        int offsetAfter = 0;  // the one after it this one
    };

    int offsetAt(qint64 instant) const;
    const Span &spanAt(qint64 instant);
    Instants slowInstantsOf(qint64 wall);

    QTimeZone m_zone;
    bool m_transitions = false;
    Span m_span;
    bool m_spanValid = false;
};

} // namespace SyncBridge

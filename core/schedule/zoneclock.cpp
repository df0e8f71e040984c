#include "schedule/zoneclock.h"

#include <QDateTime>

#include <algorithm>
#include <array>

namespace SyncBridge {

ZoneClock::ZoneClock(QTimeZone zone)
    : m_zone(std::move(zone))
    , m_transitions(m_zone.hasTransitions())
{
}

int ZoneClock::offsetAt(qint64 instant) const
{
    return m_zone.offsetFromUtc(QDateTime::fromSecsSinceEpoch(instant, Qt::UTC));
}

const ZoneClock::Span &ZoneClock::spanAt(qint64 instant)
{
    if (m_spanValid && instant >= m_span.from && instant < m_span.until)
        return m_span;
    Span span;
    span.offset = offsetAt(instant);
    span.offsetBefore = span.offsetAfter = span.offset;
    if (m_transitions) {
        const QDateTime at = QDateTime::fromSecsSinceEpoch(instant, Qt::UTC);
        const QTimeZone::OffsetData next = m_zone.nextTransition(at);
        if (next.atUtc.isValid()) {
            span.until = next.atUtc.toSecsSinceEpoch();
            span.offsetAfter = offsetAt(span.until);
        }
        // previousTransition() is strictly before its argument: one second on, a change at
        // instant itself counts.
        const QTimeZone::OffsetData previous = m_zone.previousTransition(at.addSecs(1));
        if (previous.atUtc.isValid()) {
            span.from = previous.atUtc.toSecsSinceEpoch();
            span.offsetBefore = offsetAt(span.from - 1);
        }
        // A zone whose transition data disagrees with its offsets is read offset by offset.
        if (span.from > instant || span.until <= instant) {
            span.from = instant;
            span.until = instant + 1;
            span.offsetBefore = offsetAt(instant - 1);
            span.offsetAfter = offsetAt(instant + 1);
        }
    }
    m_span = span;
    m_spanValid = true;
    return m_span;
}

qint64 ZoneClock::wallOf(qint64 instant)
{
    return instant + spanAt(instant).offset;
}

qint64 ZoneClock::repeatAhead(qint64 instant)
{
    const Span &span = spanAt(instant);
    const qint64 back = qint64(span.offset) - span.offsetAfter;
    if (back > 0 && span.until != std::numeric_limits<qint64>::max() && instant >= span.until - back)
        return back;
    return 0;
}

ZoneClock::Instants ZoneClock::instantsOf(qint64 wall)
{
    if (m_spanValid) {
        // The wall time belongs to the cached span alone when the spans before and after it do not
        // reach it: the last wall time before the span is from + offsetBefore, the first after it
        // until + offsetAfter.
        const Span &span = m_span;
        const qint64 instant = wall - span.offset;
        const bool inside = instant >= span.from && instant < span.until;
        const bool beforeIsBehind = span.from == std::numeric_limits<qint64>::min() || wall >= span.from + span.offsetBefore;
        const bool afterIsAhead = span.until == std::numeric_limits<qint64>::max() || wall < span.until + span.offsetAfter;
        if (inside && beforeIsBehind && afterIsAhead)
            return {1, instant, 0};
    }
    return slowInstantsOf(wall);
}

// Every instant whose wall time is wall, from the offsets in use two days either side (wider than
// any change of a zone's offset); none: the first instant after the gap the wall time falls into.
ZoneClock::Instants ZoneClock::slowInstantsOf(qint64 wall)
{
    const qint64 guess = wall - offsetAt(wall);
    std::array<int, 3> offsets{offsetAt(guess - 2 * 86400), offsetAt(guess), offsetAt(guess + 2 * 86400)};
    std::array<qint64, 3> found{};
    int count = 0;
    for (const int offset : offsets) {
        const qint64 instant = wall - offset;
        if (offsetAt(instant) == offset && std::find(found.begin(), found.begin() + count, instant) == found.begin() + count)
            found[count++] = instant;
    }
    for (int i = 1; i < count; ++i) { // at most three: an insertion sort (std::sort trips GCC 12's -Warray-bounds here)
        for (int j = i; j > 0 && found[j] < found[j - 1]; --j)
            std::swap(found[j], found[j - 1]);
    }
    if (count > 0) {
        spanAt(found[0]);
        return {std::min(count, 2), found[0], count > 1 ? found[1] : 0};
    }
    // In a gap: the clock jumps from below wall to above it. The first instant whose wall time is
    // past wall lies between wall - largest offset and wall - smallest offset.
    const auto [smallest, largest] = std::minmax_element(offsets.begin(), offsets.end());
    qint64 low = wall - *largest;   // its wall time is before wall
    qint64 high = wall - *smallest; // its wall time is after wall
    while (high - low > 1) {
        const qint64 middle = low + (high - low) / 2;
        if (middle + offsetAt(middle) > wall)
            high = middle;
        else
            low = middle;
    }
    spanAt(high);
    return {0, high, 0};
}

} // namespace SyncBridge

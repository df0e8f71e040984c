#pragma once

#include "graph/servicewait.h"
#include "model/runtime.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace SyncBridge {

// A stable English identifier of a wait's reason for logs and event payloads: "service-unavailable".
QString serviceWaitId(ServiceWait::Reason reason);
// What people read while a run waits, with the time left at `now` (translated):
// "SharePoint unavailable (503) — retrying in 42 s", "Waiting for the resource-unit budget — 18 s".
QString serviceWaitText(const ServiceWait &wait, const QDateTime &now = QDateTime::currentDateTimeUtc());
// "42 s", "3 min 20 s", "5 h 04 min" (translated, numbers in the reader's locale).
QString waitDurationText(qint64 seconds);

// A run's summary as data: what sync_runs.message holds for the runs that end as planned, rendered
// in the reader's language when it is shown (runMessageText). The counts are the run's counters.
struct RunSummary {
    enum class Kind { Sync, DryRun, Cancelled, CancelledWaitingForBudget };
    Kind kind = Kind::Sync;
    qint64 rowsWaiting = 0;   // in the retry queue when the run ended
    QDateTime nextRetryAt;    // UTC, when rowsWaiting > 0
    qint64 writesPending = 0; // writes the next run confirms
};

// What the run's message column stores for a summary: a small JSON object ({"summary": …}).
QString storedRunSummary(const RunSummary &summary);
// The summary a stored message holds; nothing for a message that is a sentence (runs recorded before
// summaries were data, and what stopped a failed run, which is its error's message).
std::optional<RunSummary> parseRunSummary(const QString &stored);
// "Read 1 row(s)" → "Read 1 row", "2 row(s)" → "2 rows": what %n strings become in English, the
// source language, for which no catalogue holds numerus forms (other languages' catalogues replace
// the whole text, so nothing is left to change).
QString englishPlurals(const QString &text);
// A run's message for people, in the reader's language: the summary rendered from the data with the
// numbers in the reader's locale, or the stored sentence as it is.
QString runMessageText(const SyncRun &run);

} // namespace SyncBridge

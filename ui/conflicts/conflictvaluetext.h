#pragma once

#include "model/conflict.h"

#include <QJsonValue>
#include <QLocale>
#include <QString>

namespace SyncBridge {

// A conflict's value as a person reads it: no value as "— no value", numbers and dates in the
// user's locale, yes/no for booleans, a multi-choice as a comma list. The stored form (SharePoint's)
// stays what is compared and written; this is only for reading.
QString conflictValueText(const QJsonValue &value, const QLocale &locale = QLocale());

// Dates reach the queue as SharePoint's ISO strings; they are shown as dates, not as ISO text.
bool isIsoDateText(const QString &text);

// Where the conflict stands: open, decided (which side, or the edited value) and waiting for the
// next run, or applied by a run.
QString conflictDecisionText(const SyncConflict &conflict, const QLocale &locale = QLocale());

} // namespace SyncBridge

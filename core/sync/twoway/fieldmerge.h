#pragma once

#include "model/enums.h"

#include <QDateTime>
#include <QJsonValue>

#include <optional>

namespace SyncBridge {

// One mapped field of one row as a two-way run sees it: the last value both sides agreed on (none
// before they ever agreed: a first run's match, a conflict never decided), and each side's value now.
// Values are in SharePoint's form (valueconverter), so equal values compare equal.
struct FieldState {
    std::optional<QJsonValue> base;
    QJsonValue database;
    QJsonValue sharePoint;
    FieldDirection direction = FieldDirection::Bidirectional;
};

// When each side last changed the row, for LATEST_WINS: the row's cursor column (invalid without one,
// or NULL) and the item's Modified.
struct ChangeTimes {
    QDateTime database;
    QDateTime sharePoint;
};

// What the run does with the field (docs/sync-engine.md, "Two-way", the merge table).
struct FieldMerge {
    enum class Action {
        Keep,         // both sides hold the agreed value: nothing to do
        Agree,        // both hold the same new value (both made the same edit, or a write whose record a crash lost): record it
        ToSharePoint, // the database's value goes to SharePoint
        ToDatabase,   // SharePoint's value goes to the database
        Conflict,     // MANUAL: both changed to different values; neither side is touched until decided
    };
    Action action = Action::Keep;
    QJsonValue value;         // the agreed value after the write (Keep/Conflict: the base)
    bool conflicting = false; // both sides changed to different values (decided by the policy, or queued)
};

// The field-level three-way merge: a field changed on one side only is taken from that side; a field
// both changed to different values is decided by the policy. A PUSH_ONLY field only ever goes to
// SharePoint (a SharePoint edit of it is not pulled), a PULL_ONLY field only to the database.
FieldMerge mergeField(const FieldState &field, ConflictPolicy policy, const ChangeTimes &times);

// SOURCE_WINS for LATEST_WINS ties and undated database changes (see the docs' table).
bool databaseIsLatest(const ChangeTimes &times);

} // namespace SyncBridge

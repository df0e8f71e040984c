#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>

namespace SyncBridge {

// One field a planned update (or move) changes: what SharePoint holds now and what the run would write.
struct FieldChange {
    QString field; // the SharePoint column's internal name
    QJsonValue before;
    QJsonValue after;
};

// One planned action of a dry run, as the preview shows it: the row by its key values, its list, the
// values it would carry and, for updates and moves, the fields that differ from the item SharePoint
// holds (read from the list: the ledger keeps only a hash of what was written).
struct PreviewRow {
    QString action;             // actionName(): create, update, move, skip (unchanged), unrouted, failed, delete
    QString identity;           // readable: "id 42", "region EU · id 7"
    QString list;               // the target list's name ("(no list)" for unrouted rows)
    QString fromList;           // a move: the list the item is in now
    QJsonObject fields;         // what the run would write (no OData annotations)
    QList<FieldChange> changes; // updates and moves: only the fields that differ
    bool currentKnown = false;  // updates and moves: SharePoint's item was read, so `changes` is what differs
    QString error;              // failed: why
    // Where the item is now (updates and moves), to read its current values.
    QString itemListId;
    QString itemId;
};

// "id=42" → "id 42"; "region=EU|id=7" → "region EU · id 7" (an identity text as the ledger keeps it).
QString readableIdentity(const QString &identityText);
// The fields of `after` whose value differs from `current` (an item's fields as Graph returns them),
// in `after`'s order; annotations ("…@odata.type") are not values and are left out.
QList<FieldChange> changedFields(const QJsonObject &current, const QJsonObject &after);
// `fields` without OData annotations.
QJsonObject withoutAnnotations(const QJsonObject &fields);
// As data for `run --dry-run --json`: {"action", "row", "list", "fromList", "fields", "changes": [{field, old, new}], "error"}.
QJsonObject previewRowJson(const PreviewRow &row);

} // namespace SyncBridge

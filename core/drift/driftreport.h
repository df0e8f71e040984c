#pragma once

#include "drift/schemadrift.h"
#include "sync/previewrow.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSet>
#include <QString>

namespace SyncBridge {

// What a drift check finds for one row or item, in rclone-check's symbols (docs/drift.md).
enum class DriftClass {
    InSync,    // '=' the row's item holds what a push would write
    Missing,   // '+' a row with no item
    Orphan,    // '-' an item whose SyncBridgeKey names no row (unknown, or the row is gone or no longer routed)
    Differs,   // '*' the row's item holds other values (someone edited SharePoint, or a push is due)
    WrongList, // '>' the row's only item is in another list than the current rules route it to
    Duplicate, // '!' a second item for one row (the kept one is the ledger's, else the oldest)
    Unkeyed,   // '?' an item without SyncBridgeKey: SyncBridge did not create it
};

inline constexpr DriftClass allDriftClasses[] = {DriftClass::InSync, DriftClass::Missing, DriftClass::Orphan, DriftClass::Differs,
    DriftClass::WrongList, DriftClass::Duplicate, DriftClass::Unkeyed};

QChar driftSymbol(DriftClass driftClass);
// Stable names for JSON, run history and filters: "in-sync", "missing", "orphan", …
QString driftClassId(DriftClass driftClass);
std::optional<DriftClass> driftClassFromSymbolOrId(const QString &text);
// For people (translated): "missing in SharePoint", …
QString driftClassText(DriftClass driftClass);

// One difference (or, for counting only, a row in sync: those are not kept as entries).
struct DriftEntry {
    DriftClass driftClass = DriftClass::InSync;
    QString identity;     // readable ("id 42"); empty for '?' items
    QString identityHash; // the SyncBridgeKey (empty for '?')
    QString list;         // the list the item is in ('+': the list the row belongs in)
    QString listId;
    QString itemId;       // empty for '+'
    QString expectedList; // '>': where the rules route the row
    QString expectedListId;
    QList<FieldChange> changes; // '*': only the fields that differ (before = SharePoint, after = the row)
    QJsonObject fields;         // '+', '*', '>': what a push would write (no annotations)
    QString title;              // '?' and '-': the item's Title, to recognise it
    // For repairs: the row's identity text and content hash as the ledger keeps them.
    QString identityText;
    QString contentHash;
};

// One list's counts: the source rows routed to it, the items it holds, the ledger's entries for it,
// and each class.
struct DriftListCounts {
    QString listId;
    qint64 sourceRows = 0;
    qint64 items = 0;
    qint64 ledgerEntries = 0;
    QMap<DriftClass, qint64> classes;
};

struct DriftReport {
    qint64 definitionId = 0;
    QString definitionName;
    qint64 runId = 0; // the check's entry in run history (type DRIFT)
    QDateTime checkedAt;
    double seconds = 0;
    qint64 ruSpent = 0;
    qint64 sourceRows = 0;
    qint64 itemsRead = 0;
    qint64 itemsReadSingly = 0;           // re-read one by one: lookup fields beyond the 12th are left out of collection reads
    qint64 unplannedRows = 0;             // rows a push could not plan (a value it cannot convert): not compared
    QMap<QString, DriftListCounts> lists; // by list name
    QMap<DriftClass, qint64> totals;
    QList<DriftEntry> entries; // every difference, none for '='
    // Items that hold their row ('=' or '*') in the right list but that the ledger does not name:
    // a repair adopts them (records them in the ledger) instead of creating them again.
    QList<DriftEntry> unlinked;
    // Schema drift (docs/drift.md): how the table's and the lists' columns differ from the mappings.
    QList<SchemaFinding> schema;
    // Set when the schema drift kept the rows from being compared (a mapping names a column that is
    // gone): why. The data counts are then empty.
    QString dataNotCompared;

    bool inSync() const;
    qint64 differences() const;
};

// The differences' counts by class, in symbols: "+ 3, * 2" (empty when in sync).
QString driftTotalsText(const DriftReport &report);

// Names one difference across checks (class, list, row and item), for repairing chosen ones.
QString driftEntryKey(const DriftEntry &entry);

// The name of the report's list with this Graph id (the id itself when it has none).
QString listNameOf(const DriftReport &report, const QString &listId);

// What a repair limited to `keys` (driftEntryKey()s) says of those no entry of the report has; empty
// when it has every one.
QString keysNotFoundWarning(const DriftReport &report, const QSet<QString> &keys);

// The `drift check` line of one entry: "* id 42 (Active): status 'Done' → 'Active'".
QString driftLine(const DriftEntry &entry);
QJsonObject driftEntryJson(const DriftEntry &entry);
QJsonObject driftReportJson(const DriftReport &report);
QJsonObject schemaFindingJson(const SchemaFinding &finding);

} // namespace SyncBridge

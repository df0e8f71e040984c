#pragma once

#include <QDateTime>
#include <QJsonValue>
#include <QString>

namespace SyncBridge {

// How a conflict of a MANUAL definition was decided. Open: nobody has chosen yet.
enum class ConflictResolution { Open, Database, SharePoint, Edited };

QString conflictResolutionName(ConflictResolution resolution); // "OPEN", "DATABASE", …
bool conflictResolutionFromName(const QString &name, ConflictResolution *resolution);

// One field of one row changed on both sides, to different values, since they last agreed
// (docs/sync-engine.md, "Two-way"). Values are in SharePoint's form — the form the content hash and
// the ledger's last agreed values use — so the three compare; Null is "no value".
struct SyncConflict {
    qint64 id = 0;
    qint64 definitionId = 0;
    QString identityHash; // the row, as the ledger knows it
    QString identityText; // its key, readable: "id=42"
    QString listGraphId;
    QString itemId;
    QString field;                  // the SharePoint column
    QString column;                 // the database column
    QJsonValue baseValue;           // the last agreed value
    QJsonValue databaseValue;       // the row's value when the conflict was found
    QJsonValue sharePointValue;     // the item's value then
    QDateTime databaseChangedAt;    // the row's cursor column, when the definition has one
    QDateTime sharePointModifiedAt; // the item's Modified
    QString sharePointEditor;       // who changed the item last, as SharePoint names them
    qint64 runId = 0;               // the run that found (or last found) it
    QDateTime detectedAt;
    ConflictResolution resolution = ConflictResolution::Open;
    QJsonValue resolvedValue; // what both sides are given once the decision is applied
    QString resolvedBy;
    QDateTime resolvedAt;
    qint64 appliedRunId = 0; // the run that wrote the decision to both sides; 0 while it waits
    QDateTime appliedAt;

    bool isOpen() const { return resolution == ConflictResolution::Open; }
    bool isApplied() const { return appliedRunId > 0; }
};

} // namespace SyncBridge

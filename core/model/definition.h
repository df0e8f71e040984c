#pragma once

#include "model/enums.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace SyncBridge {

struct FieldMapping {
    qint64 id = 0;
    QString sourceColumn;
    QString targetColumn;           // SharePoint internal name
    FieldDirection direction = FieldDirection::Bidirectional;
    bool systemField = false;       // SharePoint-managed (Created, Modified, …): never pushed
    bool key = false;
    QString transform;              // e.g. "TRIM", "UPPER", "DEFAULT('n/a')"; empty = none
    FieldKind kind = FieldKind::Value;
    // LOOKUP: the definition that syncs the referenced table into the lookup column's list; its
    // ledger turns a key into an item id, and its runs go first (docs/definitions.md).
    QString referencedDefinition;
    // Into a hyperlink column: the source column whose value is the link's description (its text);
    // empty = the URL is its own description. A pull writes the description back into it.
    QString descriptionColumn;
    // The source holds HTML: a list SyncBridge provisions gets a rich text column for it. Values go
    // as they are either way (a plain text column shows the tags as text).
    bool richText = false;
    // Into a choice column that takes no fill-in values: a value outside its choices is added to them
    // before the items that carry it are written (else such a row fails with SharePoint's reason).
    bool addsChoices = false;

    bool pushes() const { return !systemField && direction != FieldDirection::PullOnly; }
};

struct SyncSource {
    qint64 databaseId = 0;
    QString databaseName;           // the Database's SyncBridge name: how exports refer to it
    QString schema = QStringLiteral("public");
    QString table;
};

struct SyncTarget {
    qint64 id = 0;
    QString name;                   // how sharding rules refer to this target
    qint64 connectionId = 0;
    QString connectionName;
    QString site;                   // site path ("contoso.sharepoint.com:/sites/pmo") or composite id
    QString listName;               // display name in SharePoint
    QString listGraphId;            // filled once the list is found or provisioned
    // The site's time zone (IANA id; empty = UTC): SharePoint keeps a date-only value as the site-local
    // midnight in UTC, and Graph does not say which zone that is, so the definition does.
    QString siteTimeZone;
};

struct ShardingRule {
    QJsonValue condition;           // text form ("status == 'Active'") or expression tree (object)
    QString targetName;
};

struct ShardingPolicy {
    QList<ShardingRule> rules;      // evaluated in order; the first match wins
    QString defaultTargetName;      // rows matching no rule; empty = such rows are skipped
};

struct SyncDefinition {
    qint64 id = 0;
    QString name;
    QString description;
    bool enabled = true;
    SyncMode mode = SyncMode::Push;
    ConflictPolicy conflictPolicy = ConflictPolicy::SourceWins;
    SyncSource source;
    KeyStrategy keyStrategy = KeyStrategy::PrimaryKey;
    QStringList keyColumns;
    CursorStrategy cursorStrategy = CursorStrategy::UpdatedAt;
    QString cursorColumn;
    DeletePolicy deletePolicy = DeletePolicy::Leave;
    double maxDeleteShare = 0.2;    // the delete circuit breaker's threshold
    QString scheduleCron;           // empty = manual runs only
    QString scheduleTimeZone;       // IANA name; empty = the agent's local zone
    MissedRunPolicy missedRuns = MissedRunPolicy::CatchUpOnce; // occurrences passed while no agent ran
    bool schedulePaused = false;                               // the schedule is kept but agents start no run from it
    QString driftCheckCron; // empty = drift checks by hand only; else agents check at its times (in scheduleTimeZone)
    TargetStrategy targetStrategy = TargetStrategy::Single;
    QList<SyncTarget> targets;
    ShardingPolicy sharding;
    QList<FieldMapping> mappings;
    // Given by the store when the definition is first saved, never exported or edited: it makes the
    // row identities (ledger keys, SyncBridgeKey) of two definitions differ, so two definitions
    // writing one list never take each other's items. Empty for definitions made before it existed.
    QString keySalt;
};

} // namespace SyncBridge

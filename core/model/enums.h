#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace SyncBridge {

enum class InstanceRole { Primary, Standby, Replica };
enum class SyncMode { Push, Pull, TwoWay, Cdc };
enum class ConflictPolicy { SourceWins, TargetWins, LatestWins, Manual };
enum class KeyStrategy { PrimaryKey, UniqueConstraint, CompositeColumns, Hashed };
enum class TargetStrategy { Single, Conditional };
enum class CursorStrategy { UpdatedAt, FullScan, Cdc };
enum class FieldDirection { Bidirectional, PushOnly, PullOnly };
// What a mapped value is: the value itself, a key of a row another definition syncs (a lookup into
// that definition's list), or a person named by email or UPN (docs/definitions.md, "Lookup and Person").
enum class FieldKind { Value, Lookup, Person };
enum class DeletePolicy { Delete, Leave, Mark };
enum class LedgerState { Pending, Synced, Failed, Deleted, Marked };   // Marked: gone from the source, flagged in SharePoint (MARK policy)
enum class RunType { Push, Pull, Cdc, DryRun, Drift, Repair, TwoWay };
// Interrupted: the process running it ended (killed, crashed) before it finished.
enum class RunStatus { Running, Succeeded, PartiallyFailed, Failed, Cancelled, Interrupted };
enum class EventSeverity { Info, Warning, Error };
// What a schedule does about occurrences that passed while no agent ran (docs/schedules.md).
enum class MissedRunPolicy { CatchUpOnce, Skip };
// What started a run: a person (GUI, CLI), an agent on time, or an agent catching up once after downtime.
enum class RunTrigger { Manual, Scheduled, CatchUp };

// Stable upper-case names, used in JSON exports and in the meta-store (e.g. "TWO_WAY", "PULL_ONLY").
QString enumName(InstanceRole value);
QString enumName(SyncMode value);
QString enumName(ConflictPolicy value);
QString enumName(KeyStrategy value);
QString enumName(TargetStrategy value);
QString enumName(CursorStrategy value);
QString enumName(FieldDirection value);
QString enumName(FieldKind value);
QString enumName(DeletePolicy value);
QString enumName(LedgerState value);
QString enumName(RunType value);
QString enumName(RunStatus value);
QString enumName(EventSeverity value);
QString enumName(MissedRunPolicy value);
QString enumName(RunTrigger value);

// Parses a stable name; std::nullopt when the text names no value. Tag dispatch keeps one name per
// direction: fromString<SyncMode>(text).
template<typename E>
std::optional<E> fromString(const QString &text);

// Every stable name of an enum, in declaration order — for error messages and combo boxes.
template<typename E>
QStringList allNames();

} // namespace SyncBridge

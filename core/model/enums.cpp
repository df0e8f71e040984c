#include "model/enums.h"

#include <array>
#include <utility>

namespace SyncBridge {
namespace {

template<typename E, std::size_t N>
using NameTable = std::array<std::pair<E, const char *>, N>;

constexpr NameTable<InstanceRole, 3> instanceRoles{{
    {InstanceRole::Primary, "PRIMARY"}, {InstanceRole::Standby, "STANDBY"}, {InstanceRole::Replica, "REPLICA"}}};
constexpr NameTable<SyncMode, 4> syncModes{{
    {SyncMode::Push, "PUSH"}, {SyncMode::Pull, "PULL"}, {SyncMode::TwoWay, "TWO_WAY"}, {SyncMode::Cdc, "CDC"}}};
constexpr NameTable<ConflictPolicy, 4> conflictPolicies{{
    {ConflictPolicy::SourceWins, "SOURCE_WINS"}, {ConflictPolicy::TargetWins, "TARGET_WINS"},
    {ConflictPolicy::LatestWins, "LATEST_WINS"}, {ConflictPolicy::Manual, "MANUAL"}}};
constexpr NameTable<KeyStrategy, 4> keyStrategies{{
    {KeyStrategy::PrimaryKey, "PRIMARY_KEY"}, {KeyStrategy::UniqueConstraint, "UNIQUE_CONSTRAINT"},
    {KeyStrategy::CompositeColumns, "COMPOSITE_COLUMNS"}, {KeyStrategy::Hashed, "HASHED"}}};
constexpr NameTable<TargetStrategy, 2> targetStrategies{{
    {TargetStrategy::Single, "SINGLE"}, {TargetStrategy::Conditional, "CONDITIONAL"}}};
constexpr NameTable<CursorStrategy, 3> cursorStrategies{{
    {CursorStrategy::UpdatedAt, "UPDATED_AT"}, {CursorStrategy::FullScan, "FULL_SCAN"}, {CursorStrategy::Cdc, "CDC"}}};
constexpr NameTable<FieldDirection, 3> fieldDirections{{
    {FieldDirection::Bidirectional, "BIDIRECTIONAL"}, {FieldDirection::PushOnly, "PUSH_ONLY"},
    {FieldDirection::PullOnly, "PULL_ONLY"}}};
constexpr NameTable<FieldKind, 3> fieldKinds{{{FieldKind::Value, "VALUE"}, {FieldKind::Lookup, "LOOKUP"}, {FieldKind::Person, "PERSON"}}};
constexpr NameTable<DeletePolicy, 3> deletePolicies{{
    {DeletePolicy::Delete, "DELETE"}, {DeletePolicy::Leave, "LEAVE"}, {DeletePolicy::Mark, "MARK"}}};
constexpr NameTable<LedgerState, 5> ledgerStates{{
    {LedgerState::Pending, "PENDING"}, {LedgerState::Synced, "SYNCED"}, {LedgerState::Failed, "FAILED"},
    {LedgerState::Deleted, "DELETED"}, {LedgerState::Marked, "MARKED"}}};
constexpr NameTable<RunType, 7> runTypes{{{RunType::Push, "PUSH"}, {RunType::Pull, "PULL"}, {RunType::Cdc, "CDC"},
    {RunType::DryRun, "DRY_RUN"}, {RunType::Drift, "DRIFT"}, {RunType::Repair, "REPAIR"}, {RunType::TwoWay, "TWO_WAY"}}};
constexpr NameTable<RunStatus, 6> runStatuses{
    {{RunStatus::Running, "RUNNING"}, {RunStatus::Succeeded, "SUCCEEDED"}, {RunStatus::PartiallyFailed, "PARTIALLY_FAILED"},
        {RunStatus::Failed, "FAILED"}, {RunStatus::Cancelled, "CANCELLED"}, {RunStatus::Interrupted, "INTERRUPTED"}}};
constexpr NameTable<EventSeverity, 3> eventSeverities{{
    {EventSeverity::Info, "INFO"}, {EventSeverity::Warning, "WARNING"}, {EventSeverity::Error, "ERROR"}}};
constexpr NameTable<MissedRunPolicy, 2> missedRunPolicies{
    {{MissedRunPolicy::CatchUpOnce, "CATCH_UP_ONCE"}, {MissedRunPolicy::Skip, "SKIP"}}};
constexpr NameTable<RunTrigger, 3> runTriggers{
    {{RunTrigger::Manual, "MANUAL"}, {RunTrigger::Scheduled, "SCHEDULED"}, {RunTrigger::CatchUp, "CATCH_UP"}}};

template<typename E> constexpr const auto &tableFor();
template<> constexpr const auto &tableFor<InstanceRole>() { return instanceRoles; }
template<> constexpr const auto &tableFor<SyncMode>() { return syncModes; }
template<> constexpr const auto &tableFor<ConflictPolicy>() { return conflictPolicies; }
template<> constexpr const auto &tableFor<KeyStrategy>() { return keyStrategies; }
template<> constexpr const auto &tableFor<TargetStrategy>() { return targetStrategies; }
template<> constexpr const auto &tableFor<CursorStrategy>() { return cursorStrategies; }
template<> constexpr const auto &tableFor<FieldDirection>() { return fieldDirections; }
template<> constexpr const auto &tableFor<FieldKind>()
{
    return fieldKinds;
}
template<> constexpr const auto &tableFor<DeletePolicy>() { return deletePolicies; }
template<> constexpr const auto &tableFor<LedgerState>() { return ledgerStates; }
template<> constexpr const auto &tableFor<RunType>() { return runTypes; }
template<> constexpr const auto &tableFor<RunStatus>() { return runStatuses; }
template<> constexpr const auto &tableFor<EventSeverity>() { return eventSeverities; }
template<> constexpr const auto &tableFor<MissedRunPolicy>()
{
    return missedRunPolicies;
}
template<> constexpr const auto &tableFor<RunTrigger>()
{
    return runTriggers;
}

template<typename E>
QString lookupName(E value)
{
    for (const auto &[candidate, name] : tableFor<E>()) {
        if (candidate == value)
            return QLatin1String(name);
    }
    return {};
}

} // namespace

QString enumName(InstanceRole value) { return lookupName(value); }
QString enumName(SyncMode value) { return lookupName(value); }
QString enumName(ConflictPolicy value) { return lookupName(value); }
QString enumName(KeyStrategy value) { return lookupName(value); }
QString enumName(TargetStrategy value) { return lookupName(value); }
QString enumName(CursorStrategy value) { return lookupName(value); }
QString enumName(FieldDirection value) { return lookupName(value); }
QString enumName(FieldKind value)
{
    return lookupName(value);
}
QString enumName(DeletePolicy value) { return lookupName(value); }
QString enumName(LedgerState value) { return lookupName(value); }
QString enumName(RunType value) { return lookupName(value); }
QString enumName(RunStatus value) { return lookupName(value); }
QString enumName(EventSeverity value) { return lookupName(value); }
QString enumName(MissedRunPolicy value)
{
    return lookupName(value);
}
QString enumName(RunTrigger value)
{
    return lookupName(value);
}

template<typename E>
std::optional<E> fromString(const QString &text)
{
    for (const auto &[value, name] : tableFor<E>()) {
        if (text == QLatin1String(name))
            return value;
    }
    return std::nullopt;
}

template<typename E>
QStringList allNames()
{
    QStringList names;
    for (const auto &entry : tableFor<E>())
        names << QLatin1String(entry.second);
    return names;
}

#define SYNCBRIDGE_INSTANTIATE_ENUM(E)                              \
    template std::optional<E> fromString<E>(const QString &text); \
    template QStringList allNames<E>();
SYNCBRIDGE_INSTANTIATE_ENUM(InstanceRole)
SYNCBRIDGE_INSTANTIATE_ENUM(SyncMode)
SYNCBRIDGE_INSTANTIATE_ENUM(ConflictPolicy)
SYNCBRIDGE_INSTANTIATE_ENUM(KeyStrategy)
SYNCBRIDGE_INSTANTIATE_ENUM(TargetStrategy)
SYNCBRIDGE_INSTANTIATE_ENUM(CursorStrategy)
SYNCBRIDGE_INSTANTIATE_ENUM(FieldDirection)
SYNCBRIDGE_INSTANTIATE_ENUM(FieldKind)
SYNCBRIDGE_INSTANTIATE_ENUM(DeletePolicy)
SYNCBRIDGE_INSTANTIATE_ENUM(LedgerState)
SYNCBRIDGE_INSTANTIATE_ENUM(RunType)
SYNCBRIDGE_INSTANTIATE_ENUM(RunStatus)
SYNCBRIDGE_INSTANTIATE_ENUM(EventSeverity)
SYNCBRIDGE_INSTANTIATE_ENUM(MissedRunPolicy)
SYNCBRIDGE_INSTANTIATE_ENUM(RunTrigger)
#undef SYNCBRIDGE_INSTANTIATE_ENUM

} // namespace SyncBridge

#include "sync/twoway/fieldmerge.h"

namespace SyncBridge {

bool databaseIsLatest(const ChangeTimes &times)
{
    // The database is the system of record: an undated database change (no cursor column, or NULL
    // in it) cannot be shown to be older, and a tie is not a later SharePoint edit.
    if (!times.database.isValid() || !times.sharePoint.isValid())
        return true;
    return times.database >= times.sharePoint;
}

FieldMerge mergeField(const FieldState &field, ConflictPolicy policy, const ChangeTimes &times)
{
    using Action = FieldMerge::Action;
    const QJsonValue base = field.base.value_or(QJsonValue());
    const bool databaseChanged = !field.base || field.database != base;
    const bool sharePointChanged = !field.base || field.sharePoint != base;
    const auto merge = [&](Action action, const QJsonValue &value, bool conflicting = false) {
        return FieldMerge{action, value, conflicting};
    };

    if (field.direction == FieldDirection::PushOnly) {
        if (field.database == field.sharePoint)
            return merge(databaseChanged ? Action::Agree : Action::Keep, field.database);
        return databaseChanged ? merge(Action::ToSharePoint, field.database) : merge(Action::Keep, base);
    }
    if (field.direction == FieldDirection::PullOnly) {
        if (field.database == field.sharePoint)
            return merge(sharePointChanged ? Action::Agree : Action::Keep, field.sharePoint);
        return sharePointChanged ? merge(Action::ToDatabase, field.sharePoint) : merge(Action::Keep, base);
    }
    if (field.database == field.sharePoint)
        return merge(field.base && field.database == base ? Action::Keep : Action::Agree, field.database);
    if (databaseChanged && !sharePointChanged)
        return merge(Action::ToSharePoint, field.database);
    if (sharePointChanged && !databaseChanged)
        return merge(Action::ToDatabase, field.sharePoint);
    switch (policy) {
    case ConflictPolicy::SourceWins:
        return merge(Action::ToSharePoint, field.database, true);
    case ConflictPolicy::TargetWins:
        return merge(Action::ToDatabase, field.sharePoint, true);
    case ConflictPolicy::LatestWins:
        return databaseIsLatest(times) ? merge(Action::ToSharePoint, field.database, true)
                                       : merge(Action::ToDatabase, field.sharePoint, true);
    case ConflictPolicy::Manual:
        break;
    }
    return merge(Action::Conflict, base, true);
}

} // namespace SyncBridge

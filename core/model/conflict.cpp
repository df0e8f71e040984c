#include "model/conflict.h"

#include <QHash>

namespace SyncBridge {
namespace {

const QHash<ConflictResolution, QString> &names()
{
    static const QHash<ConflictResolution, QString> all = {
        {ConflictResolution::Open, QStringLiteral("OPEN")},
        {ConflictResolution::Database, QStringLiteral("DATABASE")},
        {ConflictResolution::SharePoint, QStringLiteral("SHAREPOINT")},
        {ConflictResolution::Edited, QStringLiteral("EDITED")},
    };
    return all;
}

} // namespace

QString conflictResolutionName(ConflictResolution resolution)
{
    return names().value(resolution);
}

bool conflictResolutionFromName(const QString &name, ConflictResolution *resolution)
{
    for (auto it = names().cbegin(); it != names().cend(); ++it) {
        if (it.value().compare(name, Qt::CaseInsensitive) == 0) {
            *resolution = it.key();
            return true;
        }
    }
    return false;
}

} // namespace SyncBridge

#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace SyncBridge {

class GraphClient;

struct DeltaChanges {
    QList<QJsonObject> changed;     // the last state of each item that changed (same id: last wins)
    QStringList deletedIds;         // items carrying the "deleted" facet
    QString deltaLink;              // where the next round starts
    bool resyncRequired = false;    // the old token was refused (410): this is a full enumeration — reconcile
};

// Reads one list's delta feed (contract §8) to its deltaLink. Without a link it bootstraps with
// token=latest (nothing to read, just a position) or, with fullEnumeration, lists every item.
// A 410 is followed through its Location and reported as resyncRequired.
void readDelta(GraphClient &client, const QString &siteId, const QString &listId, const QString &deltaLink, bool fullEnumeration,
               std::function<void(Result<DeltaChanges>)> done);

} // namespace SyncBridge

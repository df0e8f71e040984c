#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

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

// One page of a list's delta feed, for a reader that applies each page before it asks for the next
// (a pull): the round's position is kept only once its last page (the one with the deltaLink) is applied.
struct DeltaPage {
    QList<QJsonObject> changed;  // items in feed order; an item may come again on a later page (the later state wins)
    QStringList deletedIds;      // items carrying the "deleted" facet
    QString nextLink;            // more pages of this round
    QString deltaLink;           // the round's end: where the next round starts
    bool resyncRequired = false; // 410: the token is gone; start again at restartUrl, a full enumeration
    QString restartUrl;
};

// Where a round starts without a link: every item (fullEnumeration), or nothing and the latest position.
QString deltaStartUrl(const QString &siteId, const QString &listId, bool fullEnumeration);
void readDeltaPage(GraphClient &client, const QString &url, std::function<void(Result<DeltaPage>)> done);
// One item with its fields (a delta row that came without them is read again).
void readItem(GraphClient &client, const QString &siteId, const QString &listId, const QString &itemId,
    std::function<void(Result<std::optional<QJsonObject>>)> done); // nullopt: the item is gone (404)

} // namespace SyncBridge

#pragma once

#include "common/result.h"
#include "model/connection.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace SyncBridge {

class GraphClient;

// Finding sites, lists and columns (contract §3–4). Asynchronous; callbacks on the client's thread.
namespace Discovery {

// "contoso.sharepoint.com:/sites/pmo", "contoso.sharepoint.com" (root web) or a site id.
void site(GraphClient &client, const QString &reference, std::function<void(Result<SharePointSite>)> done);
void searchSites(GraphClient &client, const QString &query, std::function<void(Result<QList<SharePointSite>>)> done);
// User lists only: system lists stay hidden (the service hides them unless asked).
void lists(GraphClient &client, const QString &siteId, std::function<void(Result<QList<SharePointList>>)> done);
// Every column including hidden ones, with read-only and system (deny-list) flags.
void columns(GraphClient &client, const QString &siteId, const QString &listId, std::function<void(Result<QList<SharePointColumn>>)> done);
// GET …/items with $expand=fields($select=…), $filter, $top; follows every page.
void items(GraphClient &client, const QString &siteId, const QString &listId, const QStringList &fields, const QString &filter, int top,
           std::function<void(Result<QList<QJsonObject>>)> done);
// The same request, page by page: for collections too large to hold.
void itemPages(GraphClient &client, const QString &siteId, const QString &listId, const QStringList &fields, const QString &filter, int top,
               std::function<void(const QJsonArray &)> onPage, std::function<void(Result<void>)> done);
// Every item's id and selected fields ($select=id: the item's other properties are most of an
// answer, and a reader of a whole list needs none of them), page by page at the caller's pace
// (GraphClient::forEachPagePaced).
void itemFieldPagesPaced(GraphClient &client, const QString &siteId, const QString &listId, const QStringList &fields, int top,
    std::function<void(const QJsonArray &items, const std::function<void()> &more)> onPage, std::function<void(Result<void>)> done);

// Columns SharePoint manages itself (contract §7.5); `hidden` does not tell them apart.
bool isSystemField(const QString &internalName);
SharePointColumn columnFromJson(const QJsonObject &json);

} // namespace Discovery
} // namespace SyncBridge

#include "graph/discovery.h"

#include "graph/graphclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QUrl>

namespace SyncBridge::Discovery {
namespace {

SharePointSite siteFromJson(const QJsonObject &json)
{
    SharePointSite site;
    site.graphId = json.value(QStringLiteral("id")).toString();
    site.displayName = json.value(QStringLiteral("displayName")).toString();
    site.webUrl = json.value(QStringLiteral("webUrl")).toString();
    return site;
}

SharePointList listFromJson(const QJsonObject &json)
{
    SharePointList list;
    list.graphId = json.value(QStringLiteral("id")).toString();
    list.displayName = json.value(QStringLiteral("displayName")).toString();
    list.webUrl = json.value(QStringLiteral("webUrl")).toString();
    return list;
}

QString encoded(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment, ",:"));
}

const QStringList columnFacets{QStringLiteral("text"), QStringLiteral("number"), QStringLiteral("currency"), QStringLiteral("dateTime"),
                               QStringLiteral("boolean"), QStringLiteral("choice"), QStringLiteral("lookup"), QStringLiteral("personOrGroup"),
                               QStringLiteral("hyperlinkOrPicture"), QStringLiteral("calculated"), QStringLiteral("term"),
                               QStringLiteral("geolocation"), QStringLiteral("thumbnail"), QStringLiteral("contentApprovalStatus")};

QString itemsUrl(const QString &siteId, const QString &listId, const QStringList &fields, const QString &filter, int top)
{
    QString url = QStringLiteral("/sites/%1/lists/%2/items?$expand=fields").arg(encoded(siteId), encoded(listId));
    if (!fields.isEmpty())
        url += QStringLiteral("($select=%1)").arg(fields.join(QLatin1Char(',')));
    if (!filter.isEmpty())
        url += QStringLiteral("&$filter=") + QString::fromLatin1(QUrl::toPercentEncoding(filter, "/'"));
    if (top > 0)
        url += QStringLiteral("&$top=%1").arg(top);
    return url;
}

} // namespace

bool isSystemField(const QString &name)
{
    static const QSet<QString> denied{
        QStringLiteral("id"), QStringLiteral("ID"), QStringLiteral("ContentType"), QStringLiteral("ContentTypeId"), QStringLiteral("Created"),
        QStringLiteral("Modified"), QStringLiteral("Author"), QStringLiteral("Editor"), QStringLiteral("AuthorLookupId"),
        QStringLiteral("EditorLookupId"), QStringLiteral("AppAuthor"), QStringLiteral("AppEditor"), QStringLiteral("AppAuthorLookupId"),
        QStringLiteral("AppEditorLookupId"), QStringLiteral("Attachments"), QStringLiteral("Edit"), QStringLiteral("LinkTitle"),
        QStringLiteral("LinkTitleNoMenu"), QStringLiteral("ItemChildCount"), QStringLiteral("FolderChildCount"), QStringLiteral("DocIcon"),
        QStringLiteral("GUID"), QStringLiteral("FileRef"), QStringLiteral("FileLeafRef"), QStringLiteral("FileDirRef"), QStringLiteral("FSObjType"),
        QStringLiteral("Created_x0020_Date"), QStringLiteral("Last_x0020_Modified")};
    return denied.contains(name) || name.startsWith(QLatin1Char('_')) || name.startsWith(QLatin1Char('@'));
}

SharePointColumn columnFromJson(const QJsonObject &json)
{
    SharePointColumn column;
    column.name = json.value(QStringLiteral("name")).toString();
    column.displayName = json.value(QStringLiteral("displayName")).toString();
    column.hidden = json.value(QStringLiteral("hidden")).toBool();
    column.indexed = json.value(QStringLiteral("indexed")).toBool();
    column.required = json.value(QStringLiteral("required")).toBool();
    column.system = isSystemField(column.name);
    column.readOnly = json.value(QStringLiteral("readOnly")).toBool() || column.system;
    for (const QString &facet : columnFacets) {
        if (!json.contains(facet))
            continue;
        column.type = facet;
        const QJsonObject settings = json.value(facet).toObject();
        if (facet == QLatin1String("text")) {
            column.maxLength = settings.value(QStringLiteral("allowMultipleLines")).toBool() ? -1 : settings.value(QStringLiteral("maxLength")).toInt(255);
            column.richText = settings.value(QStringLiteral("textType")).toString() == QLatin1String("richText");
        }
        if (facet == QLatin1String("choice")) {
            for (const QJsonValue &choice : settings.value(QStringLiteral("choices")).toArray())
                column.choices << choice.toString();
            column.allowTextEntry = settings.value(QStringLiteral("allowTextEntry")).toBool();
            column.multiValue = settings.value(QStringLiteral("displayAs")).toString() == QLatin1String("checkBoxes");
        }
        if (facet == QLatin1String("lookup")) {
            column.multiValue = settings.value(QStringLiteral("allowMultipleValues")).toBool();
            column.lookupListId = settings.value(QStringLiteral("listId")).toString();
        }
        if (facet == QLatin1String("number")) {
            if (settings.value(QStringLiteral("minimum")).isDouble())
                column.minimum = settings.value(QStringLiteral("minimum")).toDouble();
            if (settings.value(QStringLiteral("maximum")).isDouble())
                column.maximum = settings.value(QStringLiteral("maximum")).toDouble();
        }
        if (facet == QLatin1String("personOrGroup"))
            column.multiValue = settings.value(QStringLiteral("allowMultipleSelection")).toBool();
    }
    return column;
}

void site(GraphClient &client, const QString &reference, std::function<void(Result<SharePointSite>)> done)
{
    GraphRequest request;
    request.url = QStringLiteral("/sites/") + (reference.contains(QLatin1String(":/")) ? reference : encoded(reference));
    client.send(request, [done, reference](GraphResponse response) {
        if (!response.ok()) {
            done(describeGraphFailure(response, QCoreApplication::translate("SyncBridge::Graph", "The site '%1'").arg(reference)));
            return;
        }
        done(siteFromJson(response.body));
    });
}

void searchSites(GraphClient &client, const QString &query, std::function<void(Result<QList<SharePointSite>>)> done)
{
    client.getAll(QStringLiteral("/sites?search=") + QString::fromLatin1(QUrl::toPercentEncoding(query)),
                  [done](Result<QList<QJsonObject>> found, GraphResponse) {
                      if (!found) {
                          done(found.error());
                          return;
                      }
                      QList<SharePointSite> sites;
                      for (const QJsonObject &json : std::as_const(*found))
                          sites << siteFromJson(json);
                      done(sites);
                  });
}

void lists(GraphClient &client, const QString &siteId, std::function<void(Result<QList<SharePointList>>)> done)
{
    client.getAll(QStringLiteral("/sites/%1/lists").arg(encoded(siteId)), [done](Result<QList<QJsonObject>> found, GraphResponse) {
        if (!found) {
            done(found.error());
            return;
        }
        QList<SharePointList> result;
        for (const QJsonObject &json : std::as_const(*found)) {
            if (!json.contains(QStringLiteral("system")))
                result << listFromJson(json);
        }
        done(result);
    });
}

void columns(GraphClient &client, const QString &siteId, const QString &listId, std::function<void(Result<QList<SharePointColumn>>)> done)
{
    // Hidden columns (like SyncBridgeKey) come back only when "hidden" is selected, so select everything we read.
    QStringList select{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("displayName"), QStringLiteral("hidden"),
                       QStringLiteral("indexed"), QStringLiteral("readOnly"), QStringLiteral("required")};
    select << columnFacets;
    client.getAll(QStringLiteral("/sites/%1/lists/%2/columns?$select=%3").arg(encoded(siteId), encoded(listId), select.join(QLatin1Char(','))),
                  [done](Result<QList<QJsonObject>> found, GraphResponse) {
                      if (!found) {
                          done(found.error());
                          return;
                      }
                      QList<SharePointColumn> result;
                      for (const QJsonObject &json : std::as_const(*found))
                          result << columnFromJson(json);
                      done(result);
                  });
}

void items(GraphClient &client, const QString &siteId, const QString &listId, const QStringList &fields, const QString &filter, int top,
           std::function<void(Result<QList<QJsonObject>>)> done)
{
    client.getAll(itemsUrl(siteId, listId, fields, filter, top), [done](Result<QList<QJsonObject>> found, GraphResponse) { done(found); });
}

void itemPages(GraphClient &client, const QString &siteId, const QString &listId, const QStringList &fields, const QString &filter, int top,
               std::function<void(const QJsonArray &)> onPage, std::function<void(Result<void>)> done)
{
    client.forEachPage(itemsUrl(siteId, listId, fields, filter, top), std::move(onPage), [done](Result<void> walked, GraphResponse) { done(walked); });
}

void itemFieldPagesPaced(GraphClient &client, const QString &siteId, const QString &listId, const QStringList &fields, int top,
    std::function<void(const QJsonArray &, const std::function<void()> &)> onPage, std::function<void(Result<void>)> done)
{
    client.forEachPagePaced(itemsUrl(siteId, listId, fields, {}, top) + QStringLiteral("&$select=id"), std::move(onPage),
        [done](Result<void> walked, GraphResponse) { done(walked); });
}

} // namespace SyncBridge::Discovery

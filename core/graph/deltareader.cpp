#include "graph/deltareader.h"

#include "common/logging.h"
#include "graph/graphclient.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QUrl>

namespace SyncBridge {

void readDelta(GraphClient &client, const QString &siteId, const QString &listId, const QString &deltaLink, bool fullEnumeration,
               std::function<void(Result<DeltaChanges>)> done)
{
    auto changes = std::make_shared<DeltaChanges>();
    auto latest = std::make_shared<QHash<QString, int>>();   // id → index in changed
    auto next = std::make_shared<std::function<void(const QString &)>>();
    *next = [&client, changes, latest, done, next, listId](const QString &url) {
        GraphRequest request;
        request.url = url;
        request.cost = url.contains(QLatin1String("token=")) ? 1 : 2;
        client.send(request, [changes, latest, done, next, listId](GraphResponse response) {
            if (response.status == 410 && !changes->resyncRequired) {
                const QString location = QString::fromUtf8(response.header("location"));
                qCWarning(lcGraph).noquote() << "delta token for list" << listId << "refused (410): full resync";
                changes->resyncRequired = true;
                changes->changed.clear();
                changes->deletedIds.clear();
                latest->clear();
                if (!location.isEmpty()) {
                    (*next)(location);
                    return;
                }
            }
            if (!response.ok()) {
                done(describeGraphFailure(response, QCoreApplication::translate("SyncBridge::Graph", "The changes of list '%1'").arg(listId)));
                *next = nullptr;
                return;
            }
            for (const QJsonValue &value : response.body.value(QStringLiteral("value")).toArray()) {
                const QJsonObject item = value.toObject();
                const QString id = item.value(QStringLiteral("id")).toString();
                if (item.contains(QStringLiteral("deleted"))) {
                    if (latest->contains(id)) {   // created and deleted within the round
                        changes->changed[latest->value(id)] = QJsonObject();
                        latest->remove(id);
                    }
                    changes->deletedIds << id;
                    continue;
                }
                changes->deletedIds.removeAll(id);
                if (latest->contains(id)) {
                    changes->changed[latest->value(id)] = item;   // "use the last occurrence"
                } else {
                    latest->insert(id, int(changes->changed.size()));
                    changes->changed << item;
                }
            }
            const QString nextLink = response.body.value(QStringLiteral("@odata.nextLink")).toString();
            if (!nextLink.isEmpty()) {
                (*next)(nextLink);
                return;
            }
            changes->deltaLink = response.body.value(QStringLiteral("@odata.deltaLink")).toString();
            changes->changed.removeIf([](const QJsonObject &item) { return item.isEmpty(); });
            done(*changes);
            *next = nullptr;
        });
    };
    if (!deltaLink.isEmpty()) {
        (*next)(deltaLink);
        return;
    }
    const QString start = QStringLiteral("/sites/%1/lists/%2/items/delta?$expand=fields")
                              .arg(QString::fromLatin1(QUrl::toPercentEncoding(siteId, ",")), QString::fromLatin1(QUrl::toPercentEncoding(listId)));
    (*next)(fullEnumeration ? start : start + QStringLiteral("&token=latest"));
}

QString deltaStartUrl(const QString &siteId, const QString &listId, bool fullEnumeration)
{
    const QString start
        = QStringLiteral("/sites/%1/lists/%2/items/delta?$expand=fields")
              .arg(QString::fromLatin1(QUrl::toPercentEncoding(siteId, ",")), QString::fromLatin1(QUrl::toPercentEncoding(listId)));
    return fullEnumeration ? start : start + QStringLiteral("&token=latest");
}

void readDeltaPage(GraphClient &client, const QString &url, std::function<void(Result<DeltaPage>)> done)
{
    GraphRequest request;
    request.url = url;
    request.cost = url.contains(QLatin1String("token=")) ? 1 : 2;
    client.send(request, [done, url](GraphResponse response) {
        DeltaPage page;
        if (response.status == 410) {
            page.resyncRequired = true;
            page.restartUrl = QString::fromUtf8(response.header("location"));
            done(page);
            return;
        }
        if (!response.ok()) {
            done(describeGraphFailure(response, QCoreApplication::translate("SyncBridge::Graph", "The list's changes")));
            return;
        }
        for (const QJsonValue &value : response.body.value(QStringLiteral("value")).toArray()) {
            const QJsonObject item = value.toObject();
            if (item.contains(QStringLiteral("deleted")))
                page.deletedIds << item.value(QStringLiteral("id")).toString();
            else
                page.changed << item;
        }
        page.nextLink = response.body.value(QStringLiteral("@odata.nextLink")).toString();
        page.deltaLink = response.body.value(QStringLiteral("@odata.deltaLink")).toString();
        done(page);
    });
}

void readItem(GraphClient &client, const QString &siteId, const QString &listId, const QString &itemId,
    std::function<void(Result<std::optional<QJsonObject>>)> done)
{
    GraphRequest request;
    request.url = QStringLiteral("/sites/%1/lists/%2/items/%3?$expand=fields")
                      .arg(QString::fromLatin1(QUrl::toPercentEncoding(siteId, ",")), QString::fromLatin1(QUrl::toPercentEncoding(listId)),
                          QString::fromLatin1(QUrl::toPercentEncoding(itemId)));
    request.cost = 1;
    client.send(request, [done, itemId](GraphResponse response) {
        if (response.status == 404) {
            done(std::optional<QJsonObject>());
            return;
        }
        if (!response.ok()) {
            done(describeGraphFailure(response, QCoreApplication::translate("SyncBridge::Graph", "The item %1").arg(itemId)));
            return;
        }
        done(std::optional<QJsonObject>(response.body));
    });
}

} // namespace SyncBridge

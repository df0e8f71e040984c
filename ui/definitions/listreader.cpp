#include "definitions/listreader.h"

#include "common/backgroundtask.h"
#include "common/guarded.h"

#include "graph/discovery.h"
#include "graph/graphclient.h"
#include "graph/graphclients.h"
#include "store/catalogrepository.h"
#include "store/metastore.h"

#include <QCoreApplication>

#include <memory>

namespace SyncBridge {

void readAndRecordList(QObject *context, const AppContext &app, const SharePointConnection &connection, const SyncTarget &target,
    std::function<void(Result<RecordedList>)> done)
{
    if (!app.graph || !app.store) {
        done(Error(ErrorCode::Unsupported,
            QCoreApplication::translate("SyncBridge::DefinitionEditor", "SharePoint cannot be reached from here.")));
        return;
    }
    GraphClient *client = &app.graph->clientFor(connection);
    auto finish = std::make_shared<std::function<void(Result<RecordedList>)>>(std::move(done));
    const qint64 connectionId = connection.id;
    Discovery::site(
        *client, target.site, guarded(context, [context, app, client, target, finish, connectionId](Result<SharePointSite> site) {
            if (!site) {
                (*finish)(site.error());
                return;
            }
            SharePointSite found = *site;
            found.connectionId = connectionId;
            Discovery::lists(*client, found.graphId,
                guarded(context, [context, app, client, target, finish, found](Result<QList<SharePointList>> lists) {
                    if (!lists) {
                        (*finish)(lists.error());
                        return;
                    }
                    const auto list = std::find_if(lists->cbegin(), lists->cend(), [&](const SharePointList &candidate) {
                        return (!target.listGraphId.isEmpty() && candidate.graphId == target.listGraphId)
                            || candidate.displayName.compare(target.listName, Qt::CaseInsensitive) == 0;
                    });
                    if (list == lists->cend()) {
                        (*finish)(Error(ErrorCode::NotFound,
                            QCoreApplication::translate("SyncBridge::DefinitionEditor",
                                "The site has no list '%1' yet: provision it (Lists & routing → List → Provision a new list…), or let the "
                                "first run create it.")
                                .arg(target.listName)));
                        return;
                    }
                    SharePointList chosen = *list;
                    Discovery::columns(*client, found.graphId, chosen.graphId,
                        guarded(context, [context, app, finish, found, chosen](Result<QList<SharePointColumn>> columns) mutable {
                            if (!columns) {
                                (*finish)(columns.error());
                                return;
                            }
                            chosen.columns = *columns;
                            runInBackground(
                                context, app.storePool,
                                [store = app.store, site = found, list = chosen]() mutable -> Result<RecordedList> {
                                    CatalogRepository catalog(*store);
                                    if (auto saved = catalog.saveSite(site); !saved)
                                        return saved.error();
                                    list.siteId = site.id;
                                    if (auto saved = catalog.saveList(list); !saved)
                                        return saved.error();
                                    return RecordedList{site, list};
                                },
                                [finish](Result<RecordedList> recorded) { (*finish)(std::move(recorded)); });
                        }));
                }));
        }));
}

} // namespace SyncBridge

#include "useredits.h"

#include "fieldwriter.h"
#include "sitedates.h"

namespace GraphEmulator {
namespace {

ApiResponse refused(int status, const QString &message)
{
    return graphError(status, status == 404 ? QStringLiteral("itemNotFound") : QStringLiteral("invalidRequest"), message);
}

// The item as a Graph read with every field shows it.
ApiResponse itemAnswer(int status, const Site &site, const List &list, const Item &item, const QString &graphBaseUrl)
{
    Rendering rendering;
    rendering.baseUrl = graphBaseUrl;
    rendering.expandFields = true;
    return ApiResponse::json(status, itemJson(list, site, item, rendering));
}

} // namespace

ApiResponse editAsUser(GraphState &state, const QByteArray &method, const QString &listId, const QString &itemId, const QJsonObject &body,
    const QString &graphBaseUrl)
{
    List *list = state.listById(listId);
    Site *site = list ? state.site(list->siteId) : nullptr;
    if (!list || !site)
        return refused(404, QStringLiteral("The specified list was not found"));
    const QString who = body.value(QStringLiteral("user")).toString();
    const User *user = state.user(who);
    if (!user)
        return refused(400, QStringLiteral("No seeded user '%1' (give a user's id or email in 'user').").arg(who));
    const Writer writer{{}, *user};
    const QJsonObject values = body.value(QStringLiteral("fields")).toObject();
    const QTimeZone zone = siteTimeZone(site->timeZone);

    if (method == "POST" && itemId.isEmpty()) {
        QJsonObject fields;
        const QString error = writeFields(*list, zone, values, fields, true, false);
        if (!error.isEmpty())
            return refused(400, error);
        return itemAnswer(201, *site, *list, GraphState::addItem(*list, fields, writer), graphBaseUrl);
    }
    bool numeric = false;
    const auto found = list->items.find(itemId.toInt(&numeric));
    if (!numeric || found == list->items.end())
        return refused(404, QStringLiteral("Item not found"));
    Item &item = found->second;
    if (method == "PATCH") {
        const QString error = writeFields(*list, zone, values, item.fields, false, false);
        if (!error.isEmpty())
            return refused(400, error);
        GraphState::recordEdit(*list, item, writer);
        return itemAnswer(200, *site, *list, item, graphBaseUrl);
    }
    if (method == "DELETE") {
        GraphState::recordDeletion(*list, item.id);
        list->items.erase(found);
        return ApiResponse::noContent();
    }
    return refused(405, QStringLiteral("Use POST …/items, or PATCH or DELETE …/items/{id}."));
}

} // namespace GraphEmulator

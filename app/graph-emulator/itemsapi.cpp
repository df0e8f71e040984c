// GraphApi: list items (contract §6) and their delta feed (§8).
#include "emulatorconfig.h"
#include "faultinjector.h"
#include "fieldwriter.h"
#include "graphapi.h"
#include "graphstate.h"
#include "itemquery.h"
#include "sitedates.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace GraphEmulator {
namespace {

const QByteArray preferNonIndexed = "HonorNonIndexedQueriesWarningMayFailRandomly";

QString itemsContext(const ApiRequest &request, const Site &site, const List &list, bool expandFields)
{
    return request.baseUrl + QStringLiteral("/$metadata#sites('%1')/lists('%2')/items%3")
                                 .arg(QString::fromLatin1(QUrl::toPercentEncoding(site.id)), list.id,
                                      expandFields ? QStringLiteral("(fields())") : QString());
}

Rendering renderingFor(const ApiRequest &request, const ItemQuery &query)
{
    Rendering rendering;
    rendering.baseUrl = request.baseUrl;
    rendering.expandFields = query.expandFields;
    rendering.fieldSelect = query.fieldSelect;
    rendering.select = query.select;
    rendering.clientId = request.token.clientId;
    return rendering;
}

// The request's own query minus paging, to repeat it in nextLinks.
QString carriedQuery(const QUrlQuery &query)
{
    QUrlQuery carried;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyEncoded)) {
        if (name != QLatin1String("$skiptoken") && name != QLatin1String("skiptoken") && name != QLatin1String("token"))
            carried.addQueryItem(name, value);
    }
    return carried.toString(QUrl::FullyEncoded);
}

// The whole item with every field, as creates and item PATCHes answer (§6.4, §6.5).
ApiResponse fullItem(int status, const ApiRequest &request, const Site &site, const List &list, const Item &item)
{
    Rendering rendering;
    rendering.baseUrl = request.baseUrl;
    rendering.expandFields = true;
    QJsonObject json = itemJson(list, site, item, rendering);
    json.insert(QStringLiteral("@odata.context"), itemsContext(request, site, list, false) + QStringLiteral("/$entity"));
    return ApiResponse::json(status, json);
}

// The fieldValueSet alone, as GET and PATCH …/items/{id}/fields answer.
ApiResponse fieldValueSet(const ApiRequest &request, const Site &site, const List &list, const Item &item, const QStringList &select)
{
    QJsonObject fields = fieldsJson(list, item, select);
    fields.insert(QStringLiteral("@odata.context"),
                  request.baseUrl + QStringLiteral("/$metadata#sites('%1')/lists('%2')/items('%3')/fields/$entity").arg(site.id, list.id).arg(item.id));
    return ApiResponse::json(200, fields);
}

QString encodeToken(const QJsonObject &json)
{
    return QString::fromLatin1(QJsonDocument(json).toJson(QJsonDocument::Compact).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QJsonObject decodeToken(const QString &token)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(token.toLatin1(), QByteArray::Base64UrlEncoding)).object();
}

// Order of two items under $orderby keys, ID breaking ties (p_ID in the skiptoken).
bool itemLess(const Item &a, const Item &b, const QList<OrderKey> &keys)
{
    for (const OrderKey &key : keys) {
        const int order = compareValues(propertyValue(a, key.property), propertyValue(b, key.property));
        if (order != 0)
            return key.descending ? order > 0 : order < 0;
    }
    return a.id < b.id;
}

} // namespace

std::optional<ApiResponse> GraphApi::checkIndexRule(const ApiRequest &request, const List &list, const ItemQuery &query)
{
    const bool prefer = request.header("prefer").contains(preferNonIndexed);
    bool touchesNonIndexed = false;
    for (const QString &property : query.referencedProperties) {
        const QString name = columnOfProperty(property);
        if (name.isEmpty() || name == QLatin1String("id"))
            continue;
        const Column *column = list.column(name.endsWith(QLatin1String("LookupId")) ? name.chopped(8) : name);
        if (!column)
            return graphError(400, QStringLiteral("invalidRequest"), QStringLiteral("Field '%1' is not recognized").arg(name));
        if (column->indexed)
            continue;
        touchesNonIndexed = true;
        if (!prefer)
            return graphError(400, QStringLiteral("invalidRequest"),
                              QStringLiteral("Field '%1' cannot be referenced in filter or orderby as it is not indexed. Provide the "
                                             "'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned "
                                             "that such queries may fail on large lists.").arg(name));
    }
    // EMULATOR DECISION (§6.2): a non-indexed query on a list above the threshold fails.
    if (touchesNonIndexed && int(list.items.size()) > m_config.listViewThreshold)
        return graphError(500, QStringLiteral("generalException"),
                          QStringLiteral("The attempted operation is prohibited because it exceeds the list view threshold."),
                          QStringLiteral("-2147024860, Microsoft.SharePoint.SPQueryThrottledException"));
    return std::nullopt;
}

ApiResponse GraphApi::items(const ApiRequest &request, Site &site, List &list)
{
    ItemQuery query;
    const QString error = parseItemQuery(request.query, &query);
    if (!error.isEmpty())
        return graphError(400, QStringLiteral("invalidRequest"), error);
    if (auto refused = checkIndexRule(request, list, query))
        return *refused;

    // The skiptoken is base64 of "Paged=TRUE&p_ID=<last id>" (plus p_<Field>=… under $orderby), as SharePoint makes it.
    int afterId = 0;
    QHash<QString, QString> afterKeys;
    if (!query.skipToken.isEmpty()) {
        const QUrlQuery token(QString::fromUtf8(QByteArray::fromBase64(query.skipToken.toLatin1())));
        bool ok = token.queryItemValue(QStringLiteral("Paged")) == QLatin1String("TRUE");
        afterId = token.queryItemValue(QStringLiteral("p_ID")).toInt(&ok);
        if (!ok)
            return graphError(400, QStringLiteral("invalidRequest"), QStringLiteral("The skip token is not valid."));
        for (const auto &[name, value] : token.queryItems(QUrl::FullyDecoded))
            afterKeys.insert(name, value);
    }

    QList<const Item *> page;
    bool more = false;
    if (query.orderBy.isEmpty()) {
        for (auto it = list.items.upper_bound(afterId); it != list.items.end(); ++it) {
            if (query.filter && !matches(*query.filter, it->second))
                continue;
            if (page.size() == query.top) {
                more = true;
                break;
            }
            page << &it->second;
        }
    } else {
        std::vector<const Item *> sorted;
        for (const auto &[id, item] : list.items) {
            if (!query.filter || matches(*query.filter, item))
                sorted.push_back(&item);
        }
        std::sort(sorted.begin(), sorted.end(), [&](const Item *a, const Item *b) { return itemLess(*a, *b, query.orderBy); });
        auto start = sorted.begin();
        if (afterId > 0) {
            Item anchor;
            anchor.id = afterId;
            for (const OrderKey &key : query.orderBy) {
                const QString column = columnOfProperty(key.property);
                const QJsonValue reference = propertyValue(list.items.count(afterId) ? list.items.at(afterId) : anchor, key.property);
                anchor.fields.insert(column, afterKeys.contains(QStringLiteral("p_") + column)
                                                 ? QJsonValue(afterKeys.value(QStringLiteral("p_") + column)) : reference);
            }
            start = std::upper_bound(sorted.begin(), sorted.end(), &anchor,
                                     [&](const Item *a, const Item *b) { return itemLess(*a, *b, query.orderBy); });
        }
        for (auto it = start; it != sorted.end(); ++it) {
            if (page.size() == query.top) {
                more = true;
                break;
            }
            page << *it;
        }
    }

    const Rendering rendering = renderingFor(request, query);
    QJsonArray value;
    for (const Item *item : std::as_const(page))
        value.append(itemJson(list, site, *item, rendering));
    QJsonObject body{{QStringLiteral("@odata.context"), itemsContext(request, site, list, query.expandFields)}, {QStringLiteral("value"), value}};
    if (more && !page.isEmpty()) {
        QString token = QStringLiteral("Paged=TRUE");
        for (const OrderKey &key : query.orderBy) {
            const QString column = columnOfProperty(key.property);
            token += QStringLiteral("&p_%1=%2").arg(column, QString::fromLatin1(QUrl::toPercentEncoding(propertyValue(*page.last(), key.property).toVariant().toString())));
        }
        token += QStringLiteral("&p_ID=%1").arg(page.last()->id);
        const QString carried = carriedQuery(request.query);
        body.insert(QStringLiteral("@odata.nextLink"),
                    QStringLiteral("%1/sites/%2/lists/%3/items?%4%5$skiptoken=%6")
                        .arg(request.baseUrl, site.id, list.id, carried, carried.isEmpty() ? QString() : QStringLiteral("&"),
                             QString::fromLatin1(token.toUtf8().toBase64())));
    }
    return ApiResponse::json(200, body);
}

ApiResponse GraphApi::createItem(const ApiRequest &request, Site &site, List &list)
{
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject())
        return graphError(400, QStringLiteral("invalidRequest"), QStringLiteral("Invalid request"));
    QJsonObject fields;
    const QString error = writeFields(list, siteTimeZone(site.timeZone), document.object().value(QStringLiteral("fields")).toObject(),
        fields, true, m_config.strictRequired);
    if (!error.isEmpty())
        return graphError(400, QStringLiteral("invalidRequest"), error);
    return fullItem(201, request, site, list, GraphState::addItem(list, fields, {request.token.clientId, {}}));
}

ApiResponse GraphApi::item(const ApiRequest &request, Site &site, List &list, Item &item, bool fieldsOnly)
{
    ItemQuery query;
    const QString error = parseItemQuery(request.query, &query);
    if (!error.isEmpty())
        return graphError(400, QStringLiteral("invalidRequest"), error);
    if (fieldsOnly)
        return fieldValueSet(request, site, list, item, query.select);
    QJsonObject json = itemJson(list, site, item, renderingFor(request, query));
    json.insert(QStringLiteral("@odata.context"), itemsContext(request, site, list, false) + QStringLiteral("/$entity"));
    return ApiResponse::json(200, json);
}

std::optional<ApiResponse> GraphApi::checkIfMatch(const ApiRequest &request, const List &list, const Item &item)
{
    const QByteArray ifMatch = request.header("if-match");
    if (ifMatch.isEmpty() || ifMatch == "*")
        return std::nullopt;
    // EMULATOR DECISION (§6.7): 412 resourceModified; the eTag-conflict fault forces one.
    if (QString::fromUtf8(ifMatch) != itemEtag(list, item) || m_faults.roll(m_config.faults.etagConflictRate))
        return graphError(412, QStringLiteral("resourceModified"),
                          QStringLiteral("The resource has changed since the caller last read it; usually an eTag mismatch"),
                          QStringLiteral("entityTagDoesNotMatch"));
    return std::nullopt;
}

ApiResponse GraphApi::updateItem(const ApiRequest &request, Site &site, List &list, Item &item, bool fieldsOnly)
{
    if (auto refused = checkIfMatch(request, list, item))
        return *refused;
    const QJsonDocument document = QJsonDocument::fromJson(request.body);
    if (!document.isObject())
        return graphError(400, QStringLiteral("invalidRequest"), QStringLiteral("Invalid request"));
    const QJsonObject values = fieldsOnly ? document.object() : document.object().value(QStringLiteral("fields")).toObject();
    const QString error = writeFields(list, siteTimeZone(site.timeZone), values, item.fields, false, false);
    if (!error.isEmpty())
        return graphError(400, QStringLiteral("invalidRequest"), error);
    GraphState::recordEdit(list, item, {request.token.clientId, {}});
    // PATCH …/fields answers with the fieldValueSet, PATCH …/items/{id} with the item (§6.5).
    return fieldsOnly ? fieldValueSet(request, site, list, item, {}) : fullItem(200, request, site, list, item);
}

ApiResponse GraphApi::deleteItem(const ApiRequest &request, List &list, Item &item)
{
    if (auto refused = checkIfMatch(request, list, item))
        return *refused;
    const int id = item.id;
    GraphState::recordDeletion(list, id);
    list.items.erase(id);
    return ApiResponse::noContent();
}

ApiResponse GraphApi::delta(const ApiRequest &request, Site &site, List &list)
{
    ItemQuery query;
    const QString error = parseItemQuery(request.query, &query);
    if (!error.isEmpty())
        return graphError(400, QStringLiteral("invalidRequest"), error);
    const QString deltaUrl = QStringLiteral("%1/sites/%2/lists/%3/items/delta").arg(request.baseUrl, site.id, list.id);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const auto link = [&](const QJsonObject &state) {
        const QString carried = carriedQuery(request.query);
        return QStringLiteral("%1?%2%3token=%4").arg(deltaUrl, carried, carried.isEmpty() ? QString() : QStringLiteral("&"), encodeToken(state));
    };

    const QString token = request.query.queryItemValue(QStringLiteral("token"), QUrl::FullyDecoded);
    if (token == QLatin1String("latest")) {
        const QJsonObject state{{QStringLiteral("l"), list.id}, {QStringLiteral("s"), double(list.changeSeq)},
                                {QStringLiteral("t"), double(now)}, {QStringLiteral("e"), m_deltaEpoch}};
        return ApiResponse::json(200, QJsonObject{{QStringLiteral("value"), QJsonArray{}}, {QStringLiteral("@odata.deltaLink"), link(state)}});
    }
    qint64 since = 0, upTo = list.changeSeq, after = 0;
    qint64 issued = now;
    bool enumeration = token.isEmpty();   // a first enumeration lists live items, never deletions
    if (!token.isEmpty()) {
        const QJsonObject state = decodeToken(token);
        if (state.value(QStringLiteral("l")).toString() != list.id)
            return graphError(400, QStringLiteral("invalidRequest"), QStringLiteral("The delta token is not valid for this list."));
        issued = qint64(state.value(QStringLiteral("t")).toDouble());
        const bool expired = now - issued > qint64(m_config.deltaTokenMaxAgeSeconds) * 1000;
        if (expired || state.value(QStringLiteral("e")).toInt() != m_deltaEpoch) {
            // EMULATOR DECISION (§8): 410 with a fresh enumeration in Location.
            ApiResponse gone = graphError(410, QStringLiteral("resyncRequired"), QStringLiteral("Resync required."),
                                          QStringLiteral("resyncChangesApplyDifferences"));
            gone.headers.append({"Location", deltaUrl.toUtf8()});
            return gone;
        }
        since = qint64(state.value(QStringLiteral("s")).toDouble());
        enumeration = state.value(QStringLiteral("f")).toBool();
        if (state.contains(QStringLiteral("u"))) {   // a nextLink inside one enumeration
            upTo = qint64(state.value(QStringLiteral("u")).toDouble());
            after = qint64(state.value(QStringLiteral("a")).toDouble());
        }
    }
    const qint64 from = qMax(since, after);
    auto change = list.changes.upper_bound(from);
    auto tombstone = enumeration ? list.tombstones.end() : list.tombstones.upper_bound(from);
    Rendering rendering = renderingFor(request, query);
    rendering.delta = true;
    QJsonArray value;
    qint64 last = from;
    while (value.size() < query.top) {
        const bool changeLeft = change != list.changes.end() && change->first <= upTo;
        const bool tombstoneLeft = tombstone != list.tombstones.end() && tombstone->first <= upTo;
        if (!changeLeft && !tombstoneLeft)
            break;
        if (changeLeft && (!tombstoneLeft || change->first < tombstone->first)) {
            value.append(itemJson(list, site, list.items.at(change->second), rendering));
            last = change->first;
            ++change;
        } else {
            value.append(deletedItemJson(site, tombstone->second));
            last = tombstone->first;
            ++tombstone;
        }
    }
    const bool more = (change != list.changes.end() && change->first <= upTo) || (tombstone != list.tombstones.end() && tombstone->first <= upTo);
    QJsonObject body{{QStringLiteral("value"), value}};
    if (more)
        body.insert(QStringLiteral("@odata.nextLink"), link({{QStringLiteral("l"), list.id}, {QStringLiteral("s"), double(since)},
                                                             {QStringLiteral("u"), double(upTo)}, {QStringLiteral("a"), double(last)},
                                                             {QStringLiteral("t"), double(issued)}, {QStringLiteral("e"), m_deltaEpoch},
                                                             {QStringLiteral("f"), enumeration}}));
    else
        body.insert(QStringLiteral("@odata.deltaLink"), link({{QStringLiteral("l"), list.id}, {QStringLiteral("s"), double(upTo)},
                                                              {QStringLiteral("t"), double(now)}, {QStringLiteral("e"), m_deltaEpoch}}));
    return ApiResponse::json(200, body);
}

} // namespace GraphEmulator

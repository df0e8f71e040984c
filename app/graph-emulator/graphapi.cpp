#include "graphapi.h"

#include "emulatorconfig.h"
#include "faultinjector.h"
#include "graphstate.h"
#include "throttler.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace GraphEmulator {

// What a path addresses: a site, and below it a list, an item, and the final segments.
struct GraphApi::Target {
    Site *site = nullptr;
    List *list = nullptr;
    Item *item = nullptr;
    QStringList rest;       // segments after the site: "lists", "{id}", "items", "{id}", "fields" | "delta" | "columns"
    bool search = false;
    bool isBatch = false;
};

namespace {

// A column created or changed: the list's schema moved on (its modified time and version), and the
// answer is the columnDefinition.
ApiResponse columnChanged(const ApiRequest &request, List &list, const Column &column, int status)
{
    list.modifiedMs = QDateTime::currentMSecsSinceEpoch();
    ++list.version;
    QJsonObject json = columnJson(column);
    json.insert(QStringLiteral("@odata.context"),
        request.baseUrl + QStringLiteral("/$metadata#sites('%1')/lists('%2')/columns/$entity").arg(list.siteId, list.id));
    return ApiResponse::json(status, json);
}

} // namespace

GraphApi::GraphApi(GraphState &state, const EmulatorConfig &config, Throttler &throttler, FaultInjector &faults, Stats &stats)
    : m_state(state)
    , m_config(config)
    , m_throttler(throttler)
    , m_faults(faults)
    , m_stats(stats)
{
}

ApiResponse GraphApi::handle(const ApiRequest &request)
{
    Target target;
    const ApiResponse resolved = resolve(request, &target);
    const QString kind = kindOf(request, target);
    ++m_stats.requestsByKind[kind];
    if (target.isBatch)
        return batch(request);
    if (resolved.status != 200)
        return resolved;
    QList<QPair<QByteArray, QByteArray>> rateLimitHeaders;
    if (auto refused = gate(request, costOf(request, target), &rateLimitHeaders))
        return *refused;
    ApiResponse response = dispatch(request, target);
    response.headers << rateLimitHeaders;
    return response;
}

std::optional<ApiResponse> GraphApi::gate(const ApiRequest &request, int cost, QList<QPair<QByteArray, QByteArray>> *successHeaders)
{
    // Dev Proxy's RetryAfterPlugin: after a 429, the whole workload waits.
    if (const int seconds = m_faults.workloadThrottledSeconds(QStringLiteral("sites"), request.serial)) {
        ApiResponse refused = graphError(429, QStringLiteral("activityLimitReached"), QStringLiteral("The request has been throttled"),
                                         QStringLiteral("throttledRequest"));
        refused.headers.append({"Retry-After", QByteArray::number(seconds)});
        return refused;
    }
    const QStringList &failingMethods = m_config.faults.errorMethods;
    if ((failingMethods.isEmpty() || failingMethods.contains(QString::fromLatin1(request.method)))
        && m_faults.roll(m_config.faults.errorRate)) {
        ++m_stats.injectedFailures;
        const int status = m_faults.errorStatus(request.method);
        ApiResponse failed;
        switch (status) {
        case 429:
            failed = graphError(429, QStringLiteral("activityLimitReached"), QStringLiteral("The request has been throttled"),
                                QStringLiteral("throttledRequest"));
            failed.headers.append({"Retry-After", QByteArray::number(m_config.faults.retryAfterSeconds)});
            if (m_config.faults.workloadThrottleAfter429)
                m_faults.throttleWorkload(QStringLiteral("sites"), m_config.faults.retryAfterSeconds, request.serial);
            break;
        case 503:
            failed = graphError(503, QStringLiteral("serviceNotAvailable"), QStringLiteral("The service is temporarily unavailable."));
            failed.headers.append({"Retry-After", QByteArray::number(m_config.faults.retryAfterSeconds)});
            break;
        case 507:
            failed = graphError(507, QStringLiteral("quotaLimitReached"), QStringLiteral("Insufficient Storage"));
            break;
        case 502:
            failed = graphError(502, QStringLiteral("badGateway"), QStringLiteral("Bad Gateway"));
            break;
        case 504:
            failed = graphError(504, QStringLiteral("gatewayTimeout"), QStringLiteral("The operation timed out."));
            break;
        default:
            failed = graphError(status, QStringLiteral("generalException"), QStringLiteral("General exception while processing"));
        }
        return failed;
    }
    const ThrottleDecision decision
        = m_throttler.admit(request.token.tenantId + QLatin1Char('/') + request.token.clientId, cost, request.serial);
    if (!decision.allowed) {
        ApiResponse refused = decision.status == 503
            ? graphError(503, QStringLiteral("serviceNotAvailable"), QStringLiteral("The service is temporarily unavailable."))
            : graphError(429, QStringLiteral("activityLimitReached"), QStringLiteral("The request has been throttled"),
                         QStringLiteral("throttledRequest"));
        refused.headers = decision.headers;
        return refused;
    }
    // Successful responses carry RateLimit-* once 80 % of the budget is used.
    *successHeaders = decision.headers;
    return std::nullopt;
}

ApiResponse GraphApi::resolve(const ApiRequest &request, Target *target)
{
    const QString path = request.path;
    if (path == QLatin1String("/$batch")) {
        target->isBatch = true;
        return ApiResponse::json(200, {});
    }
    if (path == QLatin1String("/sites") && request.query.hasQueryItem(QStringLiteral("search"))) {
        target->search = true;
        return ApiResponse::json(200, {});
    }
    if (!path.startsWith(QLatin1String("/sites/")))
        return graphError(400, QStringLiteral("BadRequest"), QStringLiteral("Resource not found for the segment '%1'.").arg(path.section(QLatin1Char('/'), 1, 1)));

    QString rest = path.mid(7);
    QString remainder;
    if (rest.startsWith(QLatin1String("root"))) {
        target->site = m_state.rootSite();
        remainder = rest.mid(4);
    } else if (const int colon = rest.indexOf(QLatin1String(":/")); colon > 0 && !rest.left(colon).contains(QLatin1Char('/'))) {
        // {hostname}:/{server-relative-path}[:/lists/…]
        const QString hostname = rest.left(colon);
        QString after = rest.mid(colon + 1);
        const int second = after.indexOf(QLatin1Char(':'));
        const QString sitePath = second >= 0 ? after.left(second) : after;
        remainder = second >= 0 ? after.mid(second + 1) : QString();
        target->site = m_state.siteByPath(hostname, sitePath);
    } else {
        const int slash = rest.indexOf(QLatin1Char('/'));
        const QString id = slash >= 0 ? rest.left(slash) : rest;
        remainder = slash >= 0 ? rest.mid(slash) : QString();
        target->site = m_state.site(id);
    }
    if (!target->site)
        return graphError(404, QStringLiteral("itemNotFound"), QStringLiteral("Requested site could not be found"));
    // lists('{id or title}') is the OData key form of lists/{id or title}.
    static const QRegularExpression keyForm(QStringLiteral("lists\\('([^']*)'\\)"));
    remainder.replace(keyForm, QStringLiteral("lists/\\1"));
    target->rest = remainder.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QStringList &segments = target->rest;
    if (segments.size() >= 2 && segments.at(0) == QLatin1String("lists")) {
        target->list = m_state.list(*target->site, segments.at(1));
        if (!target->list)
            return graphError(404, QStringLiteral("itemNotFound"), QStringLiteral("The specified list was not found"));
        if (segments.size() >= 4 && segments.at(2) == QLatin1String("items") && segments.at(3) != QLatin1String("delta")) {
            bool numeric = false;
            const int id = segments.at(3).toInt(&numeric);
            const auto found = numeric ? target->list->items.find(id) : target->list->items.end();
            if (found == target->list->items.end())
                return graphError(404, QStringLiteral("itemNotFound"), QStringLiteral("Item not found"));
            target->item = &found->second;
        }
    }
    return ApiResponse::json(200, {});
}

QString GraphApi::kindOf(const ApiRequest &request, const Target &target)
{
    if (target.isBatch)
        return QStringLiteral("batch");
    if (target.search || target.rest.isEmpty())
        return QStringLiteral("sites");
    const QStringList &s = target.rest;
    const bool read = request.method == "GET";
    if (s.size() <= 2)
        return read ? QStringLiteral("lists.read") : QStringLiteral("lists.write");
    if (s.at(2) == QLatin1String("columns"))
        return read ? QStringLiteral("columns.read") : QStringLiteral("columns.write");
    if (s.size() >= 4 && s.at(3) == QLatin1String("delta"))
        return QStringLiteral("delta");
    if (read)
        return QStringLiteral("items.read");
    if (request.method == "POST")
        return QStringLiteral("items.create");
    return request.method == "DELETE" ? QStringLiteral("items.delete") : QStringLiteral("items.update");
}

int GraphApi::costOf(const ApiRequest &request, const Target &target)
{
    // Contract §10.2: 1 RU for a single-item read and delta with a token; 2 for collections,
    // delta without a token, and every write.
    if (request.method != "GET")
        return 2;
    const QStringList &s = target.rest;
    if (s.size() >= 4 && s.at(3) == QLatin1String("delta"))
        return request.query.hasQueryItem(QStringLiteral("token")) ? 1 : 2;
    const bool collection = target.search || s.size() == 1 || (s.size() == 3);
    return collection ? 2 : 1;
}

ApiResponse GraphApi::dispatch(const ApiRequest &request, Target &target)
{
    const QByteArray &method = request.method;
    const QStringList &s = target.rest;
    if (target.search)
        return searchSites(request);
    Site &site = *target.site;
    if (s.isEmpty()) {
        if (method == "GET")
            return ApiResponse::json(200, siteJson(site, request.baseUrl));
    } else if (s.size() == 1 && s.at(0) == QLatin1String("lists")) {
        if (method == "GET")
            return lists(request, site);
        if (method == "POST")
            return createList(request, site);
    } else if (s.size() == 2 && target.list) {
        if (method == "GET") {
            QJsonObject json = listJson(*target.list, site, request.baseUrl);
            json.insert(QStringLiteral("@odata.context"), request.baseUrl + QStringLiteral("/$metadata#sites('%1')/lists/$entity").arg(site.id));
            return ApiResponse::json(200, json);
        }
        if (method == "DELETE") {
            auto &owned = site.lists;
            owned.erase(std::remove_if(owned.begin(), owned.end(), [&](const auto &l) { return l.get() == target.list; }), owned.end());
            return ApiResponse::noContent();
        }
    } else if (s.size() == 3 && s.at(2) == QLatin1String("columns") && target.list) {
        if (method == "GET")
            return columns(request, *target.list);
        if (method == "POST")
            return createColumn(request, *target.list);
    } else if (s.size() == 4 && s.at(2) == QLatin1String("columns") && target.list && method == "PATCH") {
        return updateColumn(request, *target.list, s.at(3));
    } else if (s.size() >= 3 && s.at(2) == QLatin1String("items") && target.list) {
        if (s.size() == 3 && method == "GET")
            return items(request, site, *target.list);
        if (s.size() == 3 && method == "POST")
            return createItem(request, site, *target.list);
        if (s.size() == 4 && s.at(3) == QLatin1String("delta") && method == "GET")
            return delta(request, site, *target.list);
        if (target.item && (s.size() == 4 || (s.size() == 5 && s.at(4) == QLatin1String("fields")))) {
            const bool fieldsOnly = s.size() == 5;
            if (method == "GET")
                return item(request, site, *target.list, *target.item, fieldsOnly);
            if (method == "PATCH")
                return updateItem(request, site, *target.list, *target.item, fieldsOnly);
            if (method == "DELETE" && !fieldsOnly)
                return deleteItem(request, *target.list, *target.item);
        }
    }
    return graphError(405, QStringLiteral("invalidRequest"), QStringLiteral("The HTTP method '%1' is not supported here.").arg(QString::fromLatin1(method)));
}

ApiResponse GraphApi::searchSites(const ApiRequest &request)
{
    const QString needle = request.query.queryItemValue(QStringLiteral("search"), QUrl::FullyDecoded);
    QJsonArray value;
    for (const auto &site : m_state.sites()) {
        if (needle.isEmpty() || needle == QLatin1String("*") || site->displayName.contains(needle, Qt::CaseInsensitive)
            || site->name.contains(needle, Qt::CaseInsensitive) || site->webUrl().contains(needle, Qt::CaseInsensitive))
            value.append(siteJson(*site, request.baseUrl));
    }
    return ApiResponse::json(200, QJsonObject{{QStringLiteral("@odata.context"), request.baseUrl + QStringLiteral("/$metadata#sites")},
                                              {QStringLiteral("value"), value}});
}

ApiResponse GraphApi::lists(const ApiRequest &request, Site &site)
{
    // System lists are hidden unless "system" is selected (contract §4.1); $filter=displayName eq '…' works.
    const QString select = request.query.queryItemValue(QStringLiteral("$select"), QUrl::FullyDecoded);
    const bool showSystem = select.split(QLatin1Char(',')).contains(QStringLiteral("system"));
    const QString filter = request.query.queryItemValue(QStringLiteral("$filter"), QUrl::FullyDecoded);
    QString wanted;
    if (filter.startsWith(QLatin1String("displayName eq '")) && filter.endsWith(QLatin1Char('\'')))
        wanted = filter.mid(16).chopped(1).replace(QLatin1String("''"), QLatin1String("'"));
    QJsonArray value;
    for (const auto &list : site.lists) {
        if ((list->system && !showSystem) || (!wanted.isEmpty() && list->displayName != wanted))
            continue;
        value.append(listJson(*list, site, request.baseUrl));
    }
    return ApiResponse::json(200, QJsonObject{
                                      {QStringLiteral("@odata.context"), request.baseUrl + QStringLiteral("/$metadata#sites('%1')/lists").arg(site.id)},
                                      {QStringLiteral("value"), value}});
}

ApiResponse GraphApi::createList(const ApiRequest &request, Site &site)
{
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (body.contains(QStringLiteral("name")))
        return graphError(400, QStringLiteral("invalidRequest"),
                          QStringLiteral("Cannot define a 'name' for a list as it is assigned by the server. Instead, provide 'displayName'"));
    const QString displayName = body.value(QStringLiteral("displayName")).toString();
    if (displayName.isEmpty())
        return graphError(400, QStringLiteral("invalidRequest"), QStringLiteral("A list needs a 'displayName'."));
    if (m_state.list(site, displayName))   // EMULATOR DECISION (§4.3)
        return graphError(409, QStringLiteral("nameAlreadyExists"), QStringLiteral("A list with the name '%1' already exists.").arg(displayName));
    QList<Column> extra;
    for (const QJsonValue &value : body.value(QStringLiteral("columns")).toArray()) {
        QString error;
        const Column column = parseColumn(value.toObject(), &error);
        if (!error.isEmpty())
            return graphError(400, QStringLiteral("invalidRequest"), error);
        extra << column;
    }
    List &list = m_state.createList(site, displayName, body.value(QStringLiteral("description")).toString(),
                                    body.value(QStringLiteral("list")).toObject().value(QStringLiteral("template")).toString());
    for (const Column &column : extra) {
        if (!list.column(column.name))
            list.columns << column;
    }
    QJsonObject json = listJson(list, site, request.baseUrl);
    json.insert(QStringLiteral("@odata.context"), request.baseUrl + QStringLiteral("/$metadata#sites('%1')/lists/$entity").arg(site.id));
    json.insert(QStringLiteral("eTag"), QStringLiteral("%1,%2").arg(list.id).arg(list.version));   // unquoted on create (§4.3)
    return ApiResponse::json(201, json);
}

ApiResponse GraphApi::columns(const ApiRequest &request, List &list)
{
    const QString select = request.query.queryItemValue(QStringLiteral("$select"), QUrl::FullyDecoded);
    const bool showHidden = select.split(QLatin1Char(',')).contains(QStringLiteral("hidden"));
    QJsonArray value;
    for (const Column &column : list.columns) {
        if (!column.hidden || showHidden)
            value.append(columnJson(column));
    }
    return ApiResponse::json(200, QJsonObject{
                                      {QStringLiteral("@odata.context"),
                                       request.baseUrl + QStringLiteral("/$metadata#sites('%1')/lists('%2')/columns").arg(list.siteId, list.id)},
                                      {QStringLiteral("value"), value}});
}

ApiResponse GraphApi::createColumn(const ApiRequest &request, List &list)
{
    QString error;
    Column column = parseColumn(QJsonDocument::fromJson(request.body).object(), &error);
    if (!error.isEmpty())
        return graphError(400, QStringLiteral("invalidRequest"), error);
    if (list.column(column.name))
        return graphError(409, QStringLiteral("nameAlreadyExists"), QStringLiteral("A column named '%1' already exists in this list.").arg(column.name));
    list.columns << column;
    return columnChanged(request, list, column, 201);
}

// PATCH /sites/{site}/lists/{list}/columns/{column-id} (Microsoft's columndefinition-update; not in
// the contract, an emulator decision in docs/graph-emulator.md): the properties given replace the
// column's; its type facet's settings are merged (a choice column's `choices` replaced whole). The
// name and the type stay: a body naming another name or type facet → 400.
ApiResponse GraphApi::updateColumn(const ApiRequest &request, List &list, const QString &columnId)
{
    const auto found = std::find_if(list.columns.begin(), list.columns.end(), [&](const Column &c) { return c.id == columnId; });
    if (found == list.columns.end())
        return graphError(
            404, QStringLiteral("itemNotFound"), QStringLiteral("The column '%1' does not exist in this list.").arg(columnId));
    Column &column = *found;
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    if (column.readOnly)
        return graphError(400, QStringLiteral("invalidRequest"), QStringLiteral("The column '%1' is read-only.").arg(column.name));
    if (body.contains(QStringLiteral("name")) && body.value(QStringLiteral("name")).toString() != column.name)
        return graphError(400, QStringLiteral("invalidRequest"), QStringLiteral("A column's name cannot be changed."));
    Column updated = column;
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        const QString &key = it.key();
        if (key == QLatin1String("displayName"))
            updated.displayName = it.value().toString();
        else if (key == QLatin1String("description"))
            updated.description = it.value().toString();
        else if (key == QLatin1String("hidden"))
            updated.hidden = it.value().toBool();
        else if (key == QLatin1String("indexed"))
            updated.indexed = it.value().toBool();
        else if (key == QLatin1String("required"))
            updated.required = it.value().toBool();
        else if (key == QLatin1String("enforceUniqueValues"))
            updated.enforceUniqueValues = it.value().toBool();
        else if (key == column.type && it.value().isObject()) {
            const QJsonObject settings = it.value().toObject();
            for (auto setting = settings.constBegin(); setting != settings.constEnd(); ++setting)
                updated.facet.insert(setting.key(), setting.value());
        } else if (key != QLatin1String("name") && !key.startsWith(QLatin1Char('@')))
            return graphError(400, QStringLiteral("invalidRequest"),
                QStringLiteral("The property '%1' cannot be changed on the column '%2'.").arg(key, column.name));
    }
    column = updated;
    return columnChanged(request, list, column, 200);
}

} // namespace GraphEmulator

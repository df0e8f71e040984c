#pragma once

#include "graphjson.h"
#include "tokenservice.h"

#include <QHash>
#include <QUrlQuery>

#include <optional>

namespace GraphEmulator {

struct EmulatorConfig;
class FaultInjector;
class GraphState;
class Throttler;
struct Stats;
struct ItemQuery;

struct ApiRequest {
    QByteArray method;
    QString path;                       // decoded, without the version prefix: "/sites/…", "/$batch"
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers;  // lower-case names
    QByteArray body;
    QString baseUrl;                    // "http://127.0.0.1:8765/v1.0"
    TokenInfo token;
    qint64 serial = 0; // the HTTP request it came in: a $batch's items share their envelope's

    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

// Microsoft Graph for SharePoint sites, lists, columns and items, as the contract describes it.
// handle() runs one operation — a top-level request or one item of a $batch — through the same
// gate: workload throttle, random faults, the resource-unit budget, then the operation itself.
class GraphApi
{
public:
    GraphApi(GraphState &state, const EmulatorConfig &config, Throttler &throttler, FaultInjector &faults, Stats &stats);

    ApiResponse handle(const ApiRequest &request);
    void resetDeltaTokens() { ++m_deltaEpoch; }

private:
    struct Target;      // what a path addresses

    ApiResponse dispatch(const ApiRequest &request, Target &target);
    ApiResponse batch(const ApiRequest &request);
    // Refuses the operation (throttled, injected fault) or lets it through with headers to add.
    std::optional<ApiResponse> gate(const ApiRequest &request, int cost, QList<QPair<QByteArray, QByteArray>> *successHeaders);
    ApiResponse resolve(const ApiRequest &request, Target *target);

    ApiResponse searchSites(const ApiRequest &request);
    ApiResponse lists(const ApiRequest &request, Site &site);
    ApiResponse createList(const ApiRequest &request, Site &site);
    ApiResponse columns(const ApiRequest &request, List &list);
    ApiResponse updateColumn(const ApiRequest &request, List &list, const QString &columnId);
    ApiResponse createColumn(const ApiRequest &request, List &list);

    ApiResponse items(const ApiRequest &request, Site &site, List &list);
    ApiResponse createItem(const ApiRequest &request, Site &site, List &list);
    ApiResponse item(const ApiRequest &request, Site &site, List &list, Item &item, bool fieldsOnly);
    ApiResponse updateItem(const ApiRequest &request, Site &site, List &list, Item &item, bool fieldsOnly);
    ApiResponse deleteItem(const ApiRequest &request, List &list, Item &item);
    ApiResponse delta(const ApiRequest &request, Site &site, List &list);
    std::optional<ApiResponse> checkIndexRule(const ApiRequest &request, const List &list, const ItemQuery &query);
    std::optional<ApiResponse> checkIfMatch(const ApiRequest &request, const List &list, const Item &item);

    static QString kindOf(const ApiRequest &request, const Target &target);
    static int costOf(const ApiRequest &request, const Target &target);

    GraphState &m_state;
    const EmulatorConfig &m_config;
    Throttler &m_throttler;
    FaultInjector &m_faults;
    Stats &m_stats;
    int m_deltaEpoch = 0;
};

} // namespace GraphEmulator

#include "emulator.h"

#include "useredits.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTextStream>

namespace GraphEmulator {
namespace {

const QByteArray odataJson = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";

QByteArray httpDate()
{
    return QLocale::c().toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

ApiResponse adminError(int status, const QString &message)
{
    return graphError(status, QStringLiteral("invalidRequest"), message);
}

} // namespace

Emulator::Emulator(EmulatorOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_config(m_options.config)
    , m_throttler(m_config)
    , m_faults(m_config)
    , m_api(m_state, m_config, m_throttler, m_faults, m_stats)
    , m_server(new HttpServer([this](const HttpRequest &request, HttpResponder responder) { serve(request, std::move(responder)); }, this))
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(500);
    connect(&m_saveTimer, &QTimer::timeout, this, &Emulator::saveNow);
}

QString Emulator::initialise()
{
    if (!m_options.dataPath.isEmpty() && QFile::exists(m_options.dataPath)) {
        QFile file(m_options.dataPath);
        if (!file.open(QIODevice::ReadOnly))
            return QStringLiteral("cannot read %1: %2").arg(m_options.dataPath, file.errorString());
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return QStringLiteral("%1 is not valid JSON: %2").arg(m_options.dataPath, parseError.errorString());
        return m_state.fromJson(document.object());
    }
    return m_state.seed(m_options.seed);
}

bool Emulator::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (m_server->listen(address, port))
        return true;
    *error = m_server->errorString();
    return false;
}

void Emulator::saveNow()
{
    if (m_options.dataPath.isEmpty())
        return;
    QSaveFile file(m_options.dataPath);   // written to a temporary file, renamed on commit: never half a file
    if (!file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(m_state.toJson()).toJson(QJsonDocument::Compact)) < 0 || !file.commit())
        qWarning("graph emulator: cannot save %s: %s", qPrintable(m_options.dataPath), qPrintable(file.errorString()));
}

void Emulator::markChanged()
{
    if (!m_options.dataPath.isEmpty() && !m_saveTimer.isActive())
        m_saveTimer.start();
}

void Emulator::serve(const HttpRequest &request, HttpResponder responder)
{
    const bool isAdmin = request.target.startsWith("/_emulator");
    const int delay = isAdmin ? 0 : m_faults.latencyMs();
    if (delay > 0)
        ++m_stats.delayed;
    auto answer = [this, request, responder, isAdmin]() mutable {
        bool isGraph = false;
        const HttpResponse response = process(request, &isGraph);
        ++m_stats.responsesByStatus[QString::number(response.status)];
        if (m_options.logRequests)
            QTextStream(stderr) << request.method << ' ' << request.target << " → " << response.status << '\n';
        if (request.method != "GET")
            markChanged();
        if (!isAdmin && m_faults.roll(m_config.faults.dropRate)) {
            // The operation ran; its answer is lost, as when a front end dies after the write.
            ++m_stats.dropped;
            responder.drop();
            return;
        }
        if (!isAdmin && m_faults.roll(m_config.faults.slowBodyRate))
            responder.sendSlowly(response, m_config.faults.slowBodyBytesPerSecond);
        else
            responder.send(response);
    };
    if (delay > 0)
        QTimer::singleShot(delay, this, answer);
    else
        answer();
}

HttpResponse Emulator::process(const HttpRequest &request, bool *isGraph)
{
    const int question = request.target.indexOf('?');
    const QString path = QUrl::fromPercentEncoding(question >= 0 ? request.target.left(question) : request.target);
    const QUrlQuery query(QString::fromUtf8(question >= 0 ? request.target.mid(question + 1) : QByteArray()));

    if (path.startsWith(QLatin1String("/_emulator/")))
        return toHttp(admin(request, path), request, false);

    static const QRegularExpression tokenPath(QStringLiteral("^/([^/]+)/oauth2/v2\\.0/token$"));
    const auto tokenMatch = tokenPath.match(path);
    if (tokenMatch.hasMatch()) {
        ++m_stats.requestsByKind[QStringLiteral("token")];
        if (request.method != "POST")
            return toHttp(adminError(405, QStringLiteral("Use POST.")), request, false);
        return toHttp(m_tokens.issue(tokenMatch.captured(1), request.body, request.header("authorization"), m_state,
                                     m_config.tokenLifetimeSeconds),
                      request, false);
    }
    for (const QString &version : {QStringLiteral("/v1.0"), QStringLiteral("/beta")}) {
        if (path.startsWith(version + QLatin1Char('/'))) {
            *isGraph = true;
            return toHttp(graph(request, path.mid(version.size()), version, query), request, true);
        }
    }
    *isGraph = true;
    return toHttp(graphError(400, QStringLiteral("BadRequest"), QStringLiteral("Invalid version: %1").arg(path.section(QLatin1Char('/'), 1, 1))),
                  request, true);
}

ApiResponse Emulator::graph(const HttpRequest &request, const QString &path, const QString &version, const QUrlQuery &query)
{
    ApiRequest api;
    switch (m_tokens.check(request.header("authorization"), &api.token)) {
    case TokenService::Check::Valid: break;
    case TokenService::Check::Expired: {
        ApiResponse expired = graphError(401, QStringLiteral("InvalidAuthenticationToken"),
                                         QStringLiteral("Access token has expired or is not yet valid."));
        expired.headers.append({QByteArray("WWW-Authenticate"),
                                QByteArray("Bearer realm=\"\", authorization_uri=\"https://login.microsoftonline.com/common/oauth2/authorize\", "
                                           "error=\"invalid_token\"")});
        return expired;
    }
    case TokenService::Check::Missing:
    case TokenService::Check::Unknown:
        return graphError(401, QStringLiteral("unauthenticated"), QStringLiteral("The caller is not authenticated."));
    }
    ++m_stats.userAgents[QString::fromUtf8(request.header("user-agent"))];
    api.method = request.method;
    api.path = path;
    api.query = query;
    api.headers = request.headers;
    api.body = request.body;
    api.baseUrl = graphBaseUrl(request, version);
    api.serial = ++m_requestSerial;
    return m_api.handle(api);
}

QString Emulator::graphBaseUrl(const HttpRequest &request, const QString &version) const
{
    const QByteArray host
        = request.header("host").isEmpty() ? QByteArray("127.0.0.1:") + QByteArray::number(port()) : request.header("host");
    // Every link the emulator returns (nextLink, deltaLink, @odata.context) is built from here, so
    // they follow the scheme it serves.
    return QStringLiteral("%1://%2%3").arg(scheme(), QString::fromLatin1(host), version);
}

HttpResponse Emulator::toHttp(const ApiResponse &response, const HttpRequest &request, bool isGraph) const
{
    const QByteArray requestId = newGuid().toLatin1();
    QByteArray clientRequestId = request.header("client-request-id");
    if (clientRequestId.isEmpty())
        clientRequestId = requestId;
    QJsonValue body = response.body;
    if (body.isObject() && body.toObject().contains(QStringLiteral("error")) && body.toObject().value(QStringLiteral("error")).isObject()) {
        QJsonObject root = body.toObject();
        QJsonObject error = root.value(QStringLiteral("error")).toObject();
        QJsonObject inner = error.value(QStringLiteral("innerError")).toObject();
        inner.insert(QStringLiteral("date"), QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")));
        inner.insert(QStringLiteral("request-id"), QString::fromLatin1(requestId));
        inner.insert(QStringLiteral("client-request-id"), QString::fromLatin1(clientRequestId));
        error.insert(QStringLiteral("innerError"), inner);
        root.insert(QStringLiteral("error"), error);
        body = root;
    }
    HttpResponse http;
    http.status = response.status;
    http.setHeader("Cache-Control", "no-store, no-cache");
    http.setHeader("request-id", requestId);
    http.setHeader("client-request-id", clientRequestId);
    http.setHeader("Date", httpDate());
    http.setHeader("x-ms-ags-diagnostic", R"({"ServerInfo":{"DataCenter":"Emulator","Slice":"E","Ring":"0","ScaleUnit":"000","RoleInstance":"LOCAL"}})");
    if (isGraph)
        http.setHeader("OData-Version", "4.0");
    for (const auto &[name, value] : response.headers)
        http.setHeader(name, value);
    if (!body.isUndefined()) {
        http.setHeader("Content-Type", isGraph && response.status < 400 ? odataJson : QByteArray("application/json; charset=utf-8"));
        http.body = body.isObject() ? QJsonDocument(body.toObject()).toJson(QJsonDocument::Compact)
                                    : QJsonDocument(body.toArray()).toJson(QJsonDocument::Compact);
    }
    return http;
}

void Emulator::resetAll()
{
    m_config = m_options.config;
    m_state.clear();
    m_state.addDefaults();
    m_state.seed(m_options.seed);
    m_tokens.clear();
    m_throttler.reset();
    m_faults.reseed();
    m_stats.reset();
    m_api.resetDeltaTokens();
}

QJsonObject Emulator::index() const
{
    QJsonArray sites;
    for (const auto &site : m_state.sites()) {
        QJsonArray lists;
        for (const auto &list : site->lists)
            lists.append(QJsonObject{{QStringLiteral("id"), list->id}, {QStringLiteral("displayName"), list->displayName},
                                     {QStringLiteral("itemCount"), int(list->items.size())}});
        sites.append(QJsonObject{{QStringLiteral("id"), site->id}, {QStringLiteral("hostname"), site->hostname},
            {QStringLiteral("path"), site->path}, {QStringLiteral("displayName"), site->displayName},
            {QStringLiteral("timeZone"), site->timeZone}, {QStringLiteral("lists"), lists}});
    }
    QJsonArray users;
    for (const User &user : m_state.users())
        users.append(userSeedJson(user));
    return QJsonObject{{QStringLiteral("sites"), sites}, {QStringLiteral("users"), users}};
}

QJsonObject Emulator::stats() const
{
    QJsonObject json = m_stats.toJson();
    json.insert(QStringLiteral("ruSpent"), double(m_throttler.ruSpent()));
    json.insert(QStringLiteral("throttled"), double(m_throttler.throttled()));
    json.insert(QStringLiteral("failedTlsHandshakes"), double(m_server->failedHandshakes()));
    json.insert(QStringLiteral("earlyRequests"), double(m_throttler.earlyRequests() + m_faults.earlyRequests()));
    QJsonObject perList;
    for (const auto &site : m_state.sites()) {
        for (const auto &list : site->lists)
            perList.insert(list->id, QJsonObject{{QStringLiteral("displayName"), list->displayName}, {QStringLiteral("items"), int(list->items.size())}});
    }
    json.insert(QStringLiteral("itemsPerList"), perList);
    return json;
}

ApiResponse Emulator::admin(const HttpRequest &request, const QString &path)
{
    ++m_stats.requestsByKind[QStringLiteral("admin")];
    const QByteArray &method = request.method;
    const QJsonObject body = QJsonDocument::fromJson(request.body).object();
    const QStringList segments = path.mid(11).split(QLatin1Char('/'), Qt::SkipEmptyParts);   // after "/_emulator/"
    const QString head = segments.value(0);

    if (head == QLatin1String("reset") && method == "POST") {
        resetAll();
        return ApiResponse::json(200, index());
    }
    if (head == QLatin1String("seed") && method == "POST") {
        const QString error = m_state.seed(body);
        return error.isEmpty() ? ApiResponse::json(200, index()) : adminError(400, error);
    }
    if (head == QLatin1String("index") && method == "GET")
        return ApiResponse::json(200, index());
    if (head == QLatin1String("config")) {
        if (method == "GET")
            return ApiResponse::json(200, m_config.toJson());
        if (method == "PUT" || method == "PATCH") {
            const quint32 oldSeed = m_config.seed;
            const QString error = m_config.applyJson(body);
            if (!error.isEmpty())
                return adminError(400, error);
            if (m_config.seed != oldSeed || body.contains(QStringLiteral("seed")))
                m_faults.reseed();
            return ApiResponse::json(200, m_config.toJson());
        }
    }
    if (head == QLatin1String("tokens") && segments.value(1) == QLatin1String("expire") && method == "POST") {
        m_tokens.expireAll();
        return ApiResponse::noContent();
    }
    if (head == QLatin1String("delta") && segments.value(1) == QLatin1String("reset") && method == "POST") {
        m_api.resetDeltaTokens();
        return ApiResponse::noContent();
    }
    if (head == QLatin1String("stats")) {
        if (method == "GET")
            return ApiResponse::json(200, stats());
        if (segments.value(1) == QLatin1String("reset") && method == "POST") {
            m_stats.reset();
            m_throttler.reset();
            m_faults.resetCounters();
            return ApiResponse::noContent();
        }
    }
    if (head == QLatin1String("save") && method == "POST") {
        saveNow();
        return ApiResponse::noContent();
    }
    if (head == QLatin1String("lists") && segments.value(2) == QLatin1String("items") && method != "GET" && segments.size() <= 4)
        return editAsUser(m_state, method, segments.at(1), segments.value(3), body, graphBaseUrl(request, QStringLiteral("/v1.0")));
    if (head == QLatin1String("lists") && segments.value(2) == QLatin1String("columns") && segments.size() == 4
        && (method == "PATCH" || method == "DELETE")) {
        // A column changed as a person changes it in the list's settings (schema drift): renamed (its
        // display name; the internal name never changes), made read-only, or deleted with its values.
        List *list = m_state.listById(segments.at(1));
        if (!list)
            return graphError(404, QStringLiteral("itemNotFound"), QStringLiteral("The specified list was not found"));
        const auto column
            = std::find_if(list->columns.begin(), list->columns.end(), [&](const Column &c) { return c.name == segments.at(3); });
        if (column == list->columns.end())
            return graphError(404, QStringLiteral("itemNotFound"), QStringLiteral("The specified column was not found"));
        if (method == "DELETE") {
            const QString name = column->name;
            list->columns.erase(column);
            for (auto &[id, item] : list->items)
                item.fields.remove(name);
        } else {
            if (body.contains(QStringLiteral("displayName")))
                column->displayName = body.value(QStringLiteral("displayName")).toString();
            if (body.contains(QStringLiteral("readOnly")))
                column->readOnly = body.value(QStringLiteral("readOnly")).toBool();
        }
        list->modifiedMs = QDateTime::currentMSecsSinceEpoch();
        ++list->version;
        return ApiResponse::noContent();
    }
    if (head == QLatin1String("lists") && segments.size() == 3) {
        List *list = m_state.listById(segments.at(1));
        if (!list)
            return graphError(404, QStringLiteral("itemNotFound"), QStringLiteral("The specified list was not found"));
        if (segments.at(2) == QLatin1String("items") && method == "GET") {
            QJsonArray items;
            for (const auto &[id, item] : list->items)
                items.append(QJsonObject{{QStringLiteral("id"), QString::number(id)}, {QStringLiteral("version"), item.version},
                    {QStringLiteral("eTag"), itemEtag(*list, item)}, {QStringLiteral("fields"), item.fields},
                    {QStringLiteral("createdBy"), writerJson(item.createdBy)},
                    {QStringLiteral("modifiedBy"), writerJson(item.modifiedBy)}});
            return ApiResponse::json(200, QJsonObject{{QStringLiteral("listId"), list->id}, {QStringLiteral("displayName"), list->displayName},
                                                      {QStringLiteral("count"), int(list->items.size())}, {QStringLiteral("items"), items}});
        }
        if (segments.at(2) == QLatin1String("generate") && method == "POST") {
            // Bulk items for benchmarks: {"count": N, "fields": {"Title": "Item {n}"}}; "{n}" is the item number.
            const int count = body.value(QStringLiteral("count")).toInt();
            const QJsonObject fields = body.value(QStringLiteral("fields")).toObject();
            for (int n = 0; n < count; ++n) {
                QJsonObject values;
                const QString number = QString::number(list->nextItemId);
                for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
                    values.insert(it.key(),
                        it.value().isString() ? QJsonValue(it.value().toString().replace(QLatin1String("{n}"), number)) : it.value());
                GraphState::addItem(*list, values, {QStringLiteral("generator"), {}});
            }
            return ApiResponse::json(200, QJsonObject{{QStringLiteral("count"), int(list->items.size())}});
        }
    }
    return adminError(404, QStringLiteral("Unknown admin endpoint %1 %2").arg(QString::fromLatin1(method), path));
}

} // namespace GraphEmulator

// GraphState's JSON forms: seeds (what tests and demos load) and the --data snapshot.
#include "graphjson.h"
#include "graphstate.h"
#include "userinformationlist.h"

#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

namespace GraphEmulator {
namespace {

QJsonObject columnToState(const Column &c)
{
    QJsonObject json = columnJson(c);
    json.insert(QStringLiteral("type"), c.type);
    return json;
}

Column columnFromState(const QJsonObject &json)
{
    QString ignored;
    Column c = parseColumn(json, &ignored);
    c.id = json.value(QStringLiteral("id")).toString(c.id);
    c.columnGroup = json.value(QStringLiteral("columnGroup")).toString(c.columnGroup);
    return c;
}

QJsonObject itemToState(const Item &item)
{
    return QJsonObject{
        {QStringLiteral("id"), item.id},
        {QStringLiteral("uniqueId"), item.uniqueId},
        {QStringLiteral("version"), item.version},
        {QStringLiteral("created"), double(item.createdMs)},
        {QStringLiteral("modified"), double(item.modifiedMs)},
        {QStringLiteral("createdBy"), writerJson(item.createdBy)},
        {QStringLiteral("modifiedBy"), writerJson(item.modifiedBy)},
        {QStringLiteral("changeSeq"), double(item.changeSeq)},
        {QStringLiteral("fields"), item.fields},
    };
}

} // namespace

QString GraphState::seed(const QJsonObject &json)
{
    for (const QJsonValue &value : json.value(QStringLiteral("tenants")).toArray()) {
        const QJsonObject t = value.toObject();
        Tenant tenant;
        tenant.id = t.value(QStringLiteral("id")).toString();
        if (tenant.id.isEmpty())
            return QStringLiteral("a tenant needs an 'id'");
        for (const QJsonValue &alias : t.value(QStringLiteral("aliases")).toArray())
            tenant.aliases << alias.toString();
        for (const QJsonValue &appValue : t.value(QStringLiteral("apps")).toArray()) {
            const QJsonObject a = appValue.toObject();
            tenant.apps.append({a.value(QStringLiteral("clientId")).toString(), a.value(QStringLiteral("secret")).toString(),
                                a.value(QStringLiteral("displayName")).toString()});
        }
        m_tenants.erase(std::remove_if(m_tenants.begin(), m_tenants.end(), [&](const Tenant &old) { return old.id == tenant.id; }),
                        m_tenants.end());
        m_tenants.append(tenant);
    }
    if (const QString error = seedUsers(json.value(QStringLiteral("users")).toArray()); !error.isEmpty())
        return error;
    for (const QJsonValue &value : json.value(QStringLiteral("sites")).toArray()) {
        const QJsonObject s = value.toObject();
        const QString hostname = s.value(QStringLiteral("hostname")).toString(QStringLiteral("contoso.sharepoint.com"));
        const QString path = s.value(QStringLiteral("path")).toString();
        Site *site = siteByPath(hostname, path);
        if (!site)
            site = &createSite(hostname, path, s.value(QStringLiteral("displayName")).toString(path.section(QLatin1Char('/'), -1)));
        if (s.contains(QStringLiteral("timeZone"))) {
            const QString timeZone = s.value(QStringLiteral("timeZone")).toString();
            if (!QTimeZone(timeZone.toUtf8()).isValid())
                return QStringLiteral("'%1' is not an IANA time zone").arg(timeZone);
            site->timeZone = timeZone;
        }
        for (const QJsonValue &listValue : s.value(QStringLiteral("lists")).toArray()) {
            const QJsonObject l = listValue.toObject();
            const QString displayName = l.value(QStringLiteral("displayName")).toString();
            if (displayName.isEmpty())
                return QStringLiteral("a list needs a 'displayName'");
            List *list = this->list(*site, displayName);
            if (!list)
                list = &createList(*site, displayName, l.value(QStringLiteral("description")).toString(),
                                   l.value(QStringLiteral("template")).toString());
            list->system = l.value(QStringLiteral("system")).toBool();
            for (const QJsonValue &columnValue : l.value(QStringLiteral("columns")).toArray()) {
                QString error;
                const Column column = parseColumn(columnValue.toObject(), &error);
                if (!error.isEmpty())
                    return error;
                if (!list->column(column.name))
                    list->columns << column;
            }
            for (const QJsonValue &itemValue : l.value(QStringLiteral("items")).toArray())
                addItem(*list, itemValue.toObject().value(QStringLiteral("fields")).toObject(), {QStringLiteral("seed"), {}});
        }
    }
    return {};
}

QString GraphState::seedUsers(const QJsonArray &users)
{
    for (const QJsonValue &value : users) {
        const QJsonObject u = value.toObject();
        User user{u.value(QStringLiteral("id")).toString(newGuid()), u.value(QStringLiteral("displayName")).toString(),
            u.value(QStringLiteral("email")).toString(), u.value(QStringLiteral("lookupId")).toInt(),
            u.value(QStringLiteral("userPrincipalName")).toString()};
        if (user.email.isEmpty() || user.displayName.isEmpty())
            return QStringLiteral("a user needs an 'email' and a 'displayName'");
        // The same person seeded again replaces the old entry (and keeps its lookup id unless given).
        for (qsizetype i = 0; i < m_users.size(); ++i) {
            if (m_users.at(i).email.compare(user.email, Qt::CaseInsensitive) == 0) {
                if (user.lookupId == 0)
                    user.lookupId = m_users.at(i).lookupId;
                m_users.removeAt(i);
                break;
            }
        }
        if (user.lookupId == 0) {
            user.lookupId = firstUserLookupId;
            for (const User &other : std::as_const(m_users))
                user.lookupId = qMax(user.lookupId, other.lookupId + 1);
        }
        for (const User &other : std::as_const(m_users)) {
            if (other.lookupId == user.lookupId)
                return QStringLiteral("lookup id %1 is taken by %2").arg(user.lookupId).arg(other.email);
        }
        m_users.append(user);
    }
    for (const auto &site : m_sites)
        syncUserInformationList(*site, m_users);
    return {};
}

QJsonObject GraphState::toJson() const
{
    QJsonArray tenants;
    for (const Tenant &tenant : m_tenants) {
        QJsonArray apps;
        for (const App &app : tenant.apps)
            apps.append(QJsonObject{{QStringLiteral("clientId"), app.clientId}, {QStringLiteral("secret"), app.secret},
                                    {QStringLiteral("displayName"), app.displayName}});
        tenants.append(QJsonObject{{QStringLiteral("id"), tenant.id}, {QStringLiteral("aliases"), QJsonArray::fromStringList(tenant.aliases)},
                                   {QStringLiteral("apps"), apps}});
    }
    QJsonArray sites;
    for (const auto &site : m_sites) {
        QJsonArray lists;
        for (const auto &list : site->lists) {
            QJsonArray columns;
            for (const Column &column : list->columns)
                columns.append(columnToState(column));
            QJsonArray items;
            for (const auto &[id, item] : list->items)
                items.append(itemToState(item));
            QJsonArray tombstones;
            for (const auto &[seq, id] : list->tombstones)
                tombstones.append(QJsonArray{double(seq), id});
            lists.append(QJsonObject{
                {QStringLiteral("id"), list->id}, {QStringLiteral("name"), list->name}, {QStringLiteral("displayName"), list->displayName},
                {QStringLiteral("description"), list->description}, {QStringLiteral("template"), list->templateName},
                {QStringLiteral("created"), double(list->createdMs)}, {QStringLiteral("modified"), double(list->modifiedMs)},
                {QStringLiteral("version"), list->version}, {QStringLiteral("system"), list->system},
                {QStringLiteral("nextItemId"), list->nextItemId}, {QStringLiteral("changeSeq"), double(list->changeSeq)},
                {QStringLiteral("columns"), columns}, {QStringLiteral("items"), items}, {QStringLiteral("tombstones"), tombstones}});
        }
        sites.append(QJsonObject{{QStringLiteral("id"), site->id}, {QStringLiteral("hostname"), site->hostname},
            {QStringLiteral("path"), site->path}, {QStringLiteral("name"), site->name}, {QStringLiteral("displayName"), site->displayName},
            {QStringLiteral("description"), site->description}, {QStringLiteral("timeZone"), site->timeZone},
            {QStringLiteral("created"), double(site->createdMs)}, {QStringLiteral("lists"), lists}});
    }
    QJsonArray users;
    for (const User &user : m_users)
        users.append(userSeedJson(user));
    return QJsonObject{{QStringLiteral("format"), QStringLiteral("syncbridge-graph-emulator/1")}, {QStringLiteral("tenants"), tenants},
        {QStringLiteral("users"), users}, {QStringLiteral("sites"), sites}};
}

QString GraphState::fromJson(const QJsonObject &json)
{
    if (json.value(QStringLiteral("format")).toString() != QLatin1String("syncbridge-graph-emulator/1"))
        return QStringLiteral("not an emulator data file (format syncbridge-graph-emulator/1 expected)");
    clear();
    // Tenants and users first, then the sites as they were saved.
    const QJsonObject tenantsOnly{
        {QStringLiteral("tenants"), json.value(QStringLiteral("tenants"))}, {QStringLiteral("users"), json.value(QStringLiteral("users"))}};
    const QString tenantError = seed(tenantsOnly);
    if (!tenantError.isEmpty())
        return tenantError;
    for (const QJsonValue &siteValue : json.value(QStringLiteral("sites")).toArray()) {
        const QJsonObject s = siteValue.toObject();
        auto site = std::make_unique<Site>();
        site->id = s.value(QStringLiteral("id")).toString();
        site->hostname = s.value(QStringLiteral("hostname")).toString();
        site->path = s.value(QStringLiteral("path")).toString();
        site->name = s.value(QStringLiteral("name")).toString();
        site->displayName = s.value(QStringLiteral("displayName")).toString();
        site->description = s.value(QStringLiteral("description")).toString();
        site->timeZone = s.value(QStringLiteral("timeZone")).toString(QStringLiteral("UTC"));
        site->createdMs = qint64(s.value(QStringLiteral("created")).toDouble());
        for (const QJsonValue &listValue : s.value(QStringLiteral("lists")).toArray()) {
            const QJsonObject l = listValue.toObject();
            auto list = std::make_unique<List>();
            list->id = l.value(QStringLiteral("id")).toString();
            list->name = l.value(QStringLiteral("name")).toString();
            list->displayName = l.value(QStringLiteral("displayName")).toString();
            list->description = l.value(QStringLiteral("description")).toString();
            list->templateName = l.value(QStringLiteral("template")).toString();
            list->siteId = site->id;
            list->createdMs = qint64(l.value(QStringLiteral("created")).toDouble());
            list->modifiedMs = qint64(l.value(QStringLiteral("modified")).toDouble());
            list->version = l.value(QStringLiteral("version")).toInt(1);
            list->system = l.value(QStringLiteral("system")).toBool();
            list->nextItemId = l.value(QStringLiteral("nextItemId")).toInt(1);
            list->changeSeq = qint64(l.value(QStringLiteral("changeSeq")).toDouble());
            for (const QJsonValue &columnValue : l.value(QStringLiteral("columns")).toArray())
                list->columns << columnFromState(columnValue.toObject());
            for (const QJsonValue &itemValue : l.value(QStringLiteral("items")).toArray()) {
                const QJsonObject i = itemValue.toObject();
                Item item;
                item.id = i.value(QStringLiteral("id")).toInt();
                item.uniqueId = i.value(QStringLiteral("uniqueId")).toString();
                item.version = i.value(QStringLiteral("version")).toInt(1);
                item.createdMs = qint64(i.value(QStringLiteral("created")).toDouble());
                item.modifiedMs = qint64(i.value(QStringLiteral("modified")).toDouble());
                item.createdBy = writerFromJson(i.value(QStringLiteral("createdBy")));
                item.modifiedBy = writerFromJson(i.value(QStringLiteral("modifiedBy")));
                item.changeSeq = qint64(i.value(QStringLiteral("changeSeq")).toDouble());
                item.fields = i.value(QStringLiteral("fields")).toObject();
                list->changes.emplace(item.changeSeq, item.id);
                list->items.emplace(item.id, item);
            }
            for (const QJsonValue &tombstone : l.value(QStringLiteral("tombstones")).toArray())
                list->tombstones.emplace(qint64(tombstone.toArray().at(0).toDouble()), tombstone.toArray().at(1).toInt());
            site->lists.push_back(std::move(list));
        }
        m_sites.push_back(std::move(site));
    }
    return {};
}

} // namespace GraphEmulator

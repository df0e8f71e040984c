#include "graphstate.h"

#include "userinformationlist.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSet>
#include <QUuid>

namespace GraphEmulator {

QString newGuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString isoUtc(qint64 msecs)
{
    return QDateTime::fromMSecsSinceEpoch(msecs - msecs % 1000, Qt::UTC).toString(Qt::ISODate);
}

bool Column::isMultiValue() const
{
    if (type == QLatin1String("lookup"))
        return facet.value(QStringLiteral("allowMultipleValues")).toBool();
    if (type == QLatin1String("personOrGroup"))
        return facet.value(QStringLiteral("allowMultipleSelection")).toBool();
    if (type == QLatin1String("choice"))
        return facet.value(QStringLiteral("displayAs")).toString() == QLatin1String("checkBoxes");
    return false;
}

int Column::maxLength() const
{
    if (type != QLatin1String("text"))
        return -1;
    if (facet.value(QStringLiteral("allowMultipleLines")).toBool())
        return 63999;   // SharePoint's limit for multiple lines of plain text
    return facet.value(QStringLiteral("maxLength")).toInt(255);
}

const Column *List::column(const QString &columnName) const
{
    for (const Column &c : columns) {
        if (c.name == columnName)
            return &c;
    }
    return nullptr;
}

QStringList List::lookupColumnsBeyondLimit() const
{
    constexpr int lookupLimit = 12; // "Up to 12 lookup fields may be requested in a single query" (contract §7.1)
    static const QSet<QString> builtIn = [] {
        QSet<QString> names;
        for (const Column &column : GraphState::builtInColumns())
            names.insert(column.name);
        return names;
    }();
    QStringList beyond;
    int lookups = 0;
    for (const Column &column : columns) {
        if ((column.type == QLatin1String("lookup") || column.type == QLatin1String("personOrGroup")) && !builtIn.contains(column.name)
            && ++lookups > lookupLimit)
            beyond << column.name;
    }
    return beyond;
}

QString List::etag() const
{
    return QStringLiteral("\"%1,%2\"").arg(id).arg(version);
}

QString Site::webUrl() const
{
    return QStringLiteral("https://%1%2").arg(hostname, path);
}

const App *Tenant::app(const QString &clientId) const
{
    for (const App &candidate : apps) {
        if (candidate.clientId == clientId)
            return &candidate;
    }
    return nullptr;
}

GraphState::GraphState()
{
    addDefaults();
}

void GraphState::clear()
{
    m_tenants.clear();
    m_users.clear();
    m_sites.clear();
}

void GraphState::addDefaults()
{
    Tenant tenant;
    tenant.id = QStringLiteral("contoso");
    tenant.aliases = {QStringLiteral("contoso.onmicrosoft.com"), QStringLiteral("3f7a51d0-0000-4c61-9e0b-000000000001")};
    tenant.apps.append({QStringLiteral("syncbridge-demo"), QStringLiteral("demo-secret"), QStringLiteral("SyncBridge demo")});
    m_tenants.append(tenant);
    // Two people of Microsoft's demo tenant, so tests can edit as someone without seeding first.
    m_users.append({QStringLiteral("6e7b768e-07e2-4810-8459-485f84f8f204"), QStringLiteral("Adele Vance"),
        QStringLiteral("AdeleV@contoso.onmicrosoft.com"), 10, {}});
    m_users.append({QStringLiteral("87d349ed-44d7-43e1-9a83-5f2406dee5bd"), QStringLiteral("Alex Wilber"),
        QStringLiteral("AlexW@contoso.onmicrosoft.com"), 11, {}});
    createSite(QStringLiteral("contoso.sharepoint.com"), {}, QStringLiteral("Contoso"));
    createSite(QStringLiteral("contoso.sharepoint.com"), QStringLiteral("/sites/pmo"), QStringLiteral("Project Office"));
}

Site &GraphState::createSite(const QString &hostname, const QString &path, const QString &displayName)
{
    auto site = std::make_unique<Site>();
    site->hostname = hostname;
    site->path = path;
    site->id = QStringLiteral("%1,%2,%3").arg(hostname, newGuid(), newGuid());
    site->name = path.isEmpty() ? QString() : path.section(QLatin1Char('/'), -1);
    site->displayName = displayName;
    site->createdMs = QDateTime::currentMSecsSinceEpoch();
    syncUserInformationList(*site, m_users);
    m_sites.push_back(std::move(site));
    return *m_sites.back();
}

QList<Column> GraphState::builtInColumns()
{
    const auto column = [](const char *name, const char *displayName, bool readOnly, const char *type = "", QJsonObject facet = {}) {
        Column c;
        c.id = newGuid();
        c.name = QLatin1String(name);
        c.displayName = QLatin1String(displayName);
        c.readOnly = readOnly;
        c.type = QLatin1String(type);
        c.facet = std::move(facet);
        return c;
    };
    const QJsonObject singleLine{{QStringLiteral("allowMultipleLines"), false}, {QStringLiteral("appendChangesToExistingText"), false},
                                 {QStringLiteral("linesForEditing"), 0}, {QStringLiteral("maxLength"), 255}};
    const QJsonObject dateTime{{QStringLiteral("displayAs"), QStringLiteral("default")}, {QStringLiteral("format"), QStringLiteral("dateTime")}};
    const QJsonObject person{{QStringLiteral("allowMultipleSelection"), false}, {QStringLiteral("displayAs"), QStringLiteral("nameWithPresence")},
                             {QStringLiteral("chooseFromType"), QStringLiteral("peopleAndGroups")}};
    QList<Column> columns{
        column("ID", "ID", true),
        column("ContentType", "Content Type", false),
        column("Title", "Title", false, "text", singleLine),
        column("Modified", "Modified", true, "dateTime", dateTime),
        column("Created", "Created", true, "dateTime", dateTime),
        column("Author", "Created By", true, "personOrGroup", person),
        column("Editor", "Modified By", true, "personOrGroup", person),
        column("_UIVersionString", "Version", true, "text", singleLine),
        column("Attachments", "Attachments", false),
        column("Edit", "Edit", true),
        column("LinkTitleNoMenu", "Title", true),
        column("LinkTitle", "Title", true),
        column("DocIcon", "Type", true),
        column("ItemChildCount", "Item Child Count", true, "lookup",
               {{QStringLiteral("allowMultipleValues"), false}, {QStringLiteral("columnName"), QStringLiteral("ItemChildCount")}}),
        column("FolderChildCount", "Folder Child Count", true, "lookup",
               {{QStringLiteral("allowMultipleValues"), false}, {QStringLiteral("columnName"), QStringLiteral("FolderChildCount")}}),
        column("_ComplianceFlags", "Label setting", true),
        column("_ComplianceTag", "Retention label", true),
        column("_ComplianceTagWrittenTime", "Retention label Applied", true),
        column("_ComplianceTagUserId", "Label applied by", true),
        column("AppAuthor", "App Created By", true, "lookup",
               {{QStringLiteral("allowMultipleValues"), false}, {QStringLiteral("columnName"), QStringLiteral("Title")},
                {QStringLiteral("listId"), QStringLiteral("AppPrincipals")}}),
        column("AppEditor", "App Modified By", true),
    };
    columns[1].columnGroup = QStringLiteral("_Hidden");
    columns[2].required = true;
    // EMULATOR DECISION (contract §6.2): ID, Created and Modified are indexed.
    for (Column &c : columns) {
        if (c.name == QLatin1String("ID") || c.name == QLatin1String("Created") || c.name == QLatin1String("Modified"))
            c.indexed = true;
    }
    return columns;
}

List &GraphState::createList(Site &site, const QString &displayName, const QString &description, const QString &templateName)
{
    auto list = std::make_unique<List>();
    list->id = newGuid();
    list->displayName = displayName;
    QString urlName = displayName;
    urlName.remove(QLatin1Char(' '));
    list->name = urlName;
    list->description = description;
    list->templateName = templateName.isEmpty() ? QStringLiteral("genericList") : templateName;
    list->siteId = site.id;
    list->createdMs = list->modifiedMs = QDateTime::currentMSecsSinceEpoch();
    list->columns = builtInColumns();
    site.lists.push_back(std::move(list));
    return *site.lists.back();
}

void GraphState::recordChange(List &list, Item &item)
{
    if (item.changeSeq > 0)
        list.changes.erase(item.changeSeq);
    item.changeSeq = ++list.changeSeq;
    list.changes.emplace(item.changeSeq, item.id);
}

void GraphState::recordDeletion(List &list, int itemId)
{
    const auto found = list.items.find(itemId);
    if (found != list.items.end())
        list.changes.erase(found->second.changeSeq);
    list.tombstones.emplace(++list.changeSeq, itemId);
}

Item &GraphState::addItem(List &list, const QJsonObject &fields, const Writer &by)
{
    Item item;
    item.id = list.nextItemId++;
    item.uniqueId = newGuid();
    item.createdMs = item.modifiedMs = QDateTime::currentMSecsSinceEpoch();
    item.createdBy = item.modifiedBy = by;
    item.fields = fields;
    Item &stored = list.items.emplace(item.id, std::move(item)).first->second;
    recordChange(list, stored);
    return stored;
}

void GraphState::recordEdit(List &list, Item &item, const Writer &by)
{
    ++item.version;
    item.modifiedMs = QDateTime::currentMSecsSinceEpoch();
    item.modifiedBy = by;
    recordChange(list, item);
}

const User *GraphState::user(const QString &idOrEmail) const
{
    for (const User &candidate : m_users) {
        if (candidate.id.compare(idOrEmail, Qt::CaseInsensitive) == 0 || candidate.email.compare(idOrEmail, Qt::CaseInsensitive) == 0
            || candidate.upn().compare(idOrEmail, Qt::CaseInsensitive) == 0)
            return &candidate;
    }
    return nullptr;
}

const Tenant *GraphState::tenant(const QString &idOrAlias) const
{
    for (const Tenant &candidate : m_tenants) {
        if (candidate.id.compare(idOrAlias, Qt::CaseInsensitive) == 0 || candidate.aliases.contains(idOrAlias, Qt::CaseInsensitive))
            return &candidate;
    }
    return nullptr;
}

Site *GraphState::site(const QString &id)
{
    // Accepted: the full composite id, "{hostname},{site-guid}", or the site GUID alone (contract §3.1).
    const QStringList parts = id.split(QLatin1Char(','));
    for (const auto &candidate : m_sites) {
        const QStringList own = candidate->id.split(QLatin1Char(','));
        if (candidate->id.compare(id, Qt::CaseInsensitive) == 0)
            return candidate.get();
        if (parts.size() == 2 && own.at(0).compare(parts.at(0), Qt::CaseInsensitive) == 0 && own.at(1).compare(parts.at(1), Qt::CaseInsensitive) == 0)
            return candidate.get();
        if (parts.size() == 1 && own.at(1).compare(id, Qt::CaseInsensitive) == 0)
            return candidate.get();
    }
    if (parts.size() == 1)
        return siteByPath(id, {});   // a bare hostname: the root web
    return nullptr;
}

Site *GraphState::siteByPath(const QString &hostname, const QString &path)
{
    QString wanted = path;
    while (wanted.endsWith(QLatin1Char('/')))
        wanted.chop(1);
    for (const auto &candidate : m_sites) {
        if (candidate->hostname.compare(hostname, Qt::CaseInsensitive) == 0 && candidate->path.compare(wanted, Qt::CaseInsensitive) == 0)
            return candidate.get();
    }
    return nullptr;
}

Site *GraphState::rootSite(const QString &hostname)
{
    for (const auto &candidate : m_sites) {
        if (candidate->isRoot() && (hostname.isEmpty() || candidate->hostname.compare(hostname, Qt::CaseInsensitive) == 0))
            return candidate.get();
    }
    return nullptr;
}

List *GraphState::list(Site &site, const QString &idOrTitle)
{
    for (const auto &candidate : site.lists) {
        if (candidate->id.compare(idOrTitle, Qt::CaseInsensitive) == 0)
            return candidate.get();
    }
    for (const auto &candidate : site.lists) {
        if (candidate->displayName.compare(idOrTitle, Qt::CaseInsensitive) == 0)
            return candidate.get();
    }
    return nullptr;
}

List *GraphState::listById(const QString &id)
{
    for (const auto &site : m_sites) {
        for (const auto &candidate : site->lists) {
            if (candidate->id.compare(id, Qt::CaseInsensitive) == 0)
                return candidate.get();
        }
    }
    return nullptr;
}

} // namespace GraphEmulator

#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <map>
#include <memory>
#include <vector>

namespace GraphEmulator {

struct Column {
    QString id;
    QString name;                   // internal name: the key in fields
    QString displayName;
    QString description;
    QString columnGroup = QStringLiteral("Custom Columns");
    QString type;                   // the facet: text, number, currency, dateTime, boolean, choice, lookup, …; empty = none
    QJsonObject facet;
    bool hidden = false;
    bool indexed = false;
    bool readOnly = false;
    bool required = false;
    bool enforceUniqueValues = false;

    bool isMultiValue() const;
    int maxLength() const;          // text columns; -1 when unbounded
};

constexpr int appUserLookupId = 7;    // "SharePoint App": Author/Editor of what apps write (contract §6.1)
constexpr int firstUserLookupId = 10; // seeded people without a lookupId get the next free one from here

// A person of the tenant, as a site's User Information List knows them.
struct User {
    QString id; // Entra object id (GUID)
    QString displayName;
    QString email;
    int lookupId = 0; // the id in a site's User Information List: what …LookupId values hold
    // The sign-in name, which in Entra differs from the mail address when a tenant renamed someone
    // or uses another domain for mail; empty = the same as the email (the common case).
    QString userPrincipalName;

    bool isEmpty() const { return id.isEmpty(); }
    QString upn() const { return userPrincipalName.isEmpty() ? email : userPrincipalName; }
};

// Who writes an item: an app through Graph (its client id), or a person (a seeded user).
struct Writer {
    QString appId;
    User user;
};

struct Item {
    int id = 0;
    QString uniqueId;               // the GUID part of the eTag
    int version = 1;
    qint64 createdMs = 0;
    qint64 modifiedMs = 0;
    Writer createdBy;
    Writer modifiedBy;
    QJsonObject fields;             // user values only; system fields are computed when rendered
    qint64 changeSeq = 0;           // position in the list's change log (delta)
};

struct List {
    QString id;                     // GUID
    QString name;                   // URL name, assigned by the server
    QString displayName;
    QString description;
    QString templateName = QStringLiteral("genericList");
    QString siteId;
    qint64 createdMs = 0;
    qint64 modifiedMs = 0;
    int version = 1;
    bool system = false;
    bool hidden = false;
    QList<Column> columns;
    std::map<int, Item> items;      // by ID: default order and p_ID paging
    int nextItemId = 1;             // IDs increase and are never reused
    qint64 changeSeq = 0;
    std::map<qint64, int> changes;      // change sequence → live item id (the latest change of each item)
    std::map<qint64, int> tombstones;   // change sequence → deleted item id

    const Column *column(const QString &name) const;
    QString etag() const;
    // The lookup and person columns a collection read leaves out: those after the first 12 of the
    // list's own (not built-in) ones, in column order (docs/graph-emulator.md).
    QStringList lookupColumnsBeyondLimit() const;
};

struct Site {
    QString id;                     // "{hostname},{site-guid},{web-guid}"
    QString hostname;
    QString path;                   // server-relative, "" for the root web
    QString name;
    QString displayName;
    QString description;
    QString timeZone = QStringLiteral("UTC"); // IANA id of the site's regional settings (sitedates.h)
    qint64 createdMs = 0;
    std::vector<std::unique_ptr<List>> lists;

    QString webUrl() const;
    bool isRoot() const { return path.isEmpty(); }
};

struct App {
    QString clientId;
    QString secret;
    QString displayName;
};

struct Tenant {
    QString id;                     // GUID or domain; both accepted in the token path
    QStringList aliases;
    QList<App> apps;

    const App *app(const QString &clientId) const;
};

// Everything the emulator stores. Plain data; the API classes enforce the Graph rules.
class GraphState
{
public:
    GraphState();

    void clear();
    void addDefaults();             // tenant "contoso" with app "syncbridge-demo"/"demo-secret" and two sites

    // Seeds tenants, apps, sites, lists, columns and items from JSON (the admin API and --seed).
    QString seed(const QJsonObject &json);

    QJsonObject toJson() const;     // for --data persistence
    QString fromJson(const QJsonObject &json);

    const Tenant *tenant(const QString &idOrAlias) const;
    // A user by Entra id or email (case-insensitive); nullptr when none matches.
    const User *user(const QString &idOrEmail) const;
    const QList<User> &users() const { return m_users; }
    Site *site(const QString &id);
    Site *siteByPath(const QString &hostname, const QString &path);
    Site *rootSite(const QString &hostname = {});
    const std::vector<std::unique_ptr<Site>> &sites() const { return m_sites; }
    List *list(Site &site, const QString &idOrTitle);
    List *listById(const QString &id);

    List &createList(Site &site, const QString &displayName, const QString &description, const QString &templateName);
    Site &createSite(const QString &hostname, const QString &path, const QString &displayName);
    static QList<Column> builtInColumns();
    // Records a change of item in the list's change log (create or update).
    static void recordChange(List &list, Item &item);
    static void recordDeletion(List &list, int itemId);
    // A write as SharePoint records it: a new item (ID, GUID, version 1, Created = Modified, Author =
    // Editor), or an edit (version + 1, Modified, Editor); both enter the delta feed.
    static Item &addItem(List &list, const QJsonObject &fields, const Writer &by);
    static void recordEdit(List &list, Item &item, const Writer &by);

private:
    // Adds or replaces people (seed "users") and brings every site's User Information List up to date.
    QString seedUsers(const QJsonArray &users);

    QList<Tenant> m_tenants;
    QList<User> m_users;
    std::vector<std::unique_ptr<Site>> m_sites;
};

QString newGuid();
QString isoUtc(qint64 msecs);   // "2024-10-24T11:11:11Z" (whole seconds)

} // namespace GraphEmulator

#include "userinformationlist.h"

#include "graphjson.h"

#include <QDateTime>

namespace GraphEmulator {

const QString userInformationListTitle = QStringLiteral("User Information List");

namespace {

QList<Column> userColumns()
{
    QList<Column> columns;
    for (const char *name : {"Name", "EMail", "UserName"}) {
        QString ignored;
        columns << parseColumn(
            QJsonObject{{QStringLiteral("name"), QLatin1String(name)}, {QStringLiteral("text"), QJsonObject{}}}, &ignored);
    }
    QString ignored;
    columns << parseColumn(
        QJsonObject{{QStringLiteral("name"), QStringLiteral("IsSiteAdmin")}, {QStringLiteral("boolean"), QJsonObject{}}}, &ignored);
    return columns;
}

// SharePoint's claims encoding of a member login (by UPN; EMail is the mail address) and of the app principal.
QJsonObject fieldsOf(const User &user)
{
    return QJsonObject{{QStringLiteral("Title"), user.displayName},
        {QStringLiteral("Name"), QStringLiteral("i:0#.f|membership|%1").arg(user.upn().toLower())}, {QStringLiteral("EMail"), user.email},
        {QStringLiteral("UserName"), user.upn().toLower()}, {QStringLiteral("IsSiteAdmin"), false}};
}

QJsonObject appFields()
{
    return QJsonObject{{QStringLiteral("Title"), QStringLiteral("SharePoint App")},
        {QStringLiteral("Name"), QStringLiteral("i:0i.t|00000003-0000-0ff1-ce00-000000000000|app@sharepoint")},
        {QStringLiteral("IsSiteAdmin"), false}};
}

void put(List &list, int id, const QJsonObject &fields)
{
    const Writer system{QStringLiteral("seed"), {}};
    const auto found = list.items.find(id);
    if (found != list.items.end()) {
        if (found->second.fields != fields) {
            found->second.fields = fields;
            GraphState::recordEdit(list, found->second, system);
        }
        return;
    }
    // IDs are the people's lookup ids, so items are placed, not numbered by the list.
    const int next = list.nextItemId;
    list.nextItemId = id;
    GraphState::addItem(list, fields, system);
    list.nextItemId = qMax(next, id + 1);
}

} // namespace

void syncUserInformationList(Site &site, const QList<User> &users)
{
    List *list = nullptr;
    for (const auto &candidate : site.lists) {
        if (candidate->displayName == userInformationListTitle)
            list = candidate.get();
    }
    if (!list) {
        auto created = std::make_unique<List>();
        created->id = newGuid();
        created->displayName = created->name = userInformationListTitle;
        created->name.remove(QLatin1Char(' '));
        created->templateName = QStringLiteral("userInformation");
        created->siteId = site.id;
        created->createdMs = created->modifiedMs = QDateTime::currentMSecsSinceEpoch();
        created->system = created->hidden = true;
        created->columns = GraphState::builtInColumns() + userColumns();
        site.lists.push_back(std::move(created));
        list = site.lists.back().get();
    }
    put(*list, appUserLookupId, appFields());
    for (const User &user : users)
        put(*list, user.lookupId, fieldsOf(user));
}

} // namespace GraphEmulator

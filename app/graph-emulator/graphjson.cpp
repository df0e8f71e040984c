#include "graphjson.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QUrl>

namespace GraphEmulator {
namespace {

int lookupIdOf(const Writer &writer)
{
    return writer.user.isEmpty() ? appUserLookupId : writer.user.lookupId;
}

QString displayNameOf(const Writer &writer)
{
    return writer.user.isEmpty() ? QStringLiteral("SharePoint App") : writer.user.displayName;
}

// createdBy / lastModifiedBy: a person's edit names the person; an app's write names the app and
// the "SharePoint App" user it acts as (contract §6.1, §6.4).
QJsonObject identitySet(const Writer &writer)
{
    if (!writer.user.isEmpty())
        return QJsonObject{{QStringLiteral("user"),
            QJsonObject{{QStringLiteral("email"), writer.user.email}, {QStringLiteral("id"), writer.user.id},
                {QStringLiteral("displayName"), writer.user.displayName}}}};
    return QJsonObject{
        {QStringLiteral("application"),
            QJsonObject{{QStringLiteral("id"), writer.appId}, {QStringLiteral("displayName"), QStringLiteral("Microsoft Graph")}}},
        {QStringLiteral("user"), QJsonObject{{QStringLiteral("displayName"), QStringLiteral("SharePoint App")}}}};
}

} // namespace

const QStringList typeFacets{
    QStringLiteral("text"), QStringLiteral("number"), QStringLiteral("currency"), QStringLiteral("dateTime"),
    QStringLiteral("boolean"), QStringLiteral("choice"), QStringLiteral("lookup"), QStringLiteral("personOrGroup"),
    QStringLiteral("hyperlinkOrPicture"), QStringLiteral("calculated"), QStringLiteral("term"), QStringLiteral("geolocation"),
};

ApiResponse graphError(int status, const QString &code, const QString &message, const QString &innerCode)
{
    QJsonObject inner;
    if (!innerCode.isEmpty())
        inner.insert(QStringLiteral("code"), innerCode);
    return ApiResponse::json(status, QJsonObject{{QStringLiteral("error"), QJsonObject{{QStringLiteral("code"), code},
                                                                                       {QStringLiteral("message"), message},
                                                                                       {QStringLiteral("innerError"), inner}}}});
}

QString itemEtag(const List &, const Item &item)
{
    return QStringLiteral("\"%1,%2\"").arg(item.uniqueId).arg(item.version);
}

QJsonObject userJson(const User &user)
{
    return QJsonObject{{QStringLiteral("id"), user.id}, {QStringLiteral("displayName"), user.displayName},
        {QStringLiteral("email"), user.email}, {QStringLiteral("lookupId"), user.lookupId}};
}

QJsonObject writerJson(const Writer &writer)
{
    if (!writer.user.isEmpty())
        return QJsonObject{{QStringLiteral("user"), userJson(writer.user)}};
    return QJsonObject{{QStringLiteral("app"), writer.appId}};
}

Writer writerFromJson(const QJsonValue &json)
{
    if (json.isString())
        return {json.toString(), {}};
    const QJsonObject user = json.toObject().value(QStringLiteral("user")).toObject();
    if (user.isEmpty())
        return {json.toObject().value(QStringLiteral("app")).toString(), {}};
    return {{},
        User{user.value(QStringLiteral("id")).toString(), user.value(QStringLiteral("displayName")).toString(),
            user.value(QStringLiteral("email")).toString(), user.value(QStringLiteral("lookupId")).toInt()}};
}

QJsonObject siteJson(const Site &site, const QString &baseUrl)
{
    QJsonObject json{
        {QStringLiteral("@odata.context"), baseUrl + QStringLiteral("/$metadata#sites/$entity")},
        {QStringLiteral("createdDateTime"), isoUtc(site.createdMs)},
        {QStringLiteral("description"), site.description},
        {QStringLiteral("id"), site.id},
        {QStringLiteral("lastModifiedDateTime"), isoUtc(site.createdMs)},
        {QStringLiteral("name"), site.name},
        {QStringLiteral("webUrl"), site.webUrl()},
        {QStringLiteral("displayName"), site.displayName},
    };
    if (site.isRoot()) {
        json.insert(QStringLiteral("root"), QJsonObject{});
        json.insert(QStringLiteral("siteCollection"), QJsonObject{{QStringLiteral("hostname"), site.hostname}});
    }
    return json;
}

QJsonObject listJson(const List &list, const Site &site, const QString &)
{
    const QJsonObject appUser{{QStringLiteral("user"), QJsonObject{{QStringLiteral("displayName"), QStringLiteral("SharePoint App")}}}};
    QJsonObject json{
        {QStringLiteral("@odata.etag"), list.etag()},
        {QStringLiteral("createdDateTime"), isoUtc(list.createdMs)},
        {QStringLiteral("description"), list.description},
        {QStringLiteral("eTag"), list.etag()},
        {QStringLiteral("id"), list.id},
        {QStringLiteral("lastModifiedDateTime"), isoUtc(list.modifiedMs)},
        {QStringLiteral("name"), list.name},
        {QStringLiteral("webUrl"), QStringLiteral("%1/Lists/%2").arg(site.webUrl(), list.name)},
        {QStringLiteral("displayName"), list.displayName},
        {QStringLiteral("createdBy"), appUser},
        {QStringLiteral("lastModifiedBy"), appUser},
        {QStringLiteral("parentReference"), QJsonObject{{QStringLiteral("siteId"), site.id}}},
        {QStringLiteral("list"), QJsonObject{{QStringLiteral("contentTypesEnabled"), false},
                                             {QStringLiteral("hidden"), list.hidden},
                                             {QStringLiteral("template"), list.templateName}}},
    };
    if (list.system)
        json.insert(QStringLiteral("system"), QJsonObject{});
    return json;
}

QJsonObject columnJson(const Column &column)
{
    QJsonObject json{
        {QStringLiteral("columnGroup"), column.columnGroup},
        {QStringLiteral("description"), column.description},
        {QStringLiteral("displayName"), column.displayName},
        {QStringLiteral("enforceUniqueValues"), column.enforceUniqueValues},
        {QStringLiteral("hidden"), column.hidden},
        {QStringLiteral("id"), column.id},
        {QStringLiteral("indexed"), column.indexed},
        {QStringLiteral("name"), column.name},
        {QStringLiteral("readOnly"), column.readOnly},
        {QStringLiteral("required"), column.required},
    };
    if (!column.type.isEmpty())
        json.insert(column.type, column.facet);
    return json;
}

QJsonObject fieldsJson(const List &list, const Item &item, const QStringList &select)
{
    const QString title = item.fields.value(QStringLiteral("Title")).toString();
    QJsonObject all{
        {QStringLiteral("@odata.etag"), itemEtag(list, item)},
        {QStringLiteral("id"), QString::number(item.id)},
        {QStringLiteral("ContentType"), QStringLiteral("Item")},
        {QStringLiteral("Modified"), isoUtc(item.modifiedMs)},
        {QStringLiteral("Created"), isoUtc(item.createdMs)},
        {QStringLiteral("AuthorLookupId"), QString::number(lookupIdOf(item.createdBy))},
        {QStringLiteral("EditorLookupId"), QString::number(lookupIdOf(item.modifiedBy))},
        {QStringLiteral("_UIVersionString"), QStringLiteral("%1.0").arg(item.version)},
        {QStringLiteral("Attachments"), false},
        {QStringLiteral("Edit"), QString()},
        {QStringLiteral("LinkTitleNoMenu"), title},
        {QStringLiteral("LinkTitle"), title},
        {QStringLiteral("ItemChildCount"), QStringLiteral("0")},
        {QStringLiteral("FolderChildCount"), QStringLiteral("0")},
        {QStringLiteral("_ComplianceFlags"), QString()},
        {QStringLiteral("_ComplianceTag"), QString()},
        {QStringLiteral("_ComplianceTagWrittenTime"), QString()},
        {QStringLiteral("_ComplianceTagUserId"), QString()},
    };
    // An app's writes carry AppAuthor/AppEditor as well; a person's edit has none (contract §6.1).
    if (item.createdBy.user.isEmpty())
        all.insert(QStringLiteral("AppAuthorLookupId"), QStringLiteral("2"));
    if (item.modifiedBy.user.isEmpty())
        all.insert(QStringLiteral("AppEditorLookupId"), QStringLiteral("2"));
    for (auto it = item.fields.constBegin(); it != item.fields.constEnd(); ++it)
        all.insert(it.key(), it.value());
    if (select.isEmpty())
        return all;
    QJsonObject selected{{QStringLiteral("@odata.etag"), all.value(QStringLiteral("@odata.etag"))}};
    for (const QString &name : select) {
        if (all.contains(name))
            selected.insert(name, all.value(name));
    }
    // A person column named in $select reads as its display value (contract §7.1).
    if (select.contains(QStringLiteral("Author")))
        selected.insert(QStringLiteral("Author"), displayNameOf(item.createdBy));
    if (select.contains(QStringLiteral("Editor")))
        selected.insert(QStringLiteral("Editor"), displayNameOf(item.modifiedBy));
    return selected;
}

QJsonObject itemJson(const List &list, const Site &site, const Item &item, const Rendering &rendering)
{
    const QString etag = itemEtag(list, item);
    QJsonObject json{
        {QStringLiteral("@odata.etag"), etag},
        {QStringLiteral("createdDateTime"), isoUtc(item.createdMs)},
        {QStringLiteral("eTag"), etag},
        {QStringLiteral("id"), QString::number(item.id)},
        {QStringLiteral("lastModifiedDateTime"), isoUtc(item.modifiedMs)},
        {QStringLiteral("webUrl"), QStringLiteral("%1/Lists/%2/%3_.000").arg(site.webUrl(), list.name).arg(item.id)},
        {QStringLiteral("createdBy"), identitySet(item.createdBy)},
        {QStringLiteral("lastModifiedBy"), identitySet(item.modifiedBy)},
        {QStringLiteral("parentReference"), QJsonObject{{QStringLiteral("id"), list.id}, {QStringLiteral("siteId"), site.id}}},
        {QStringLiteral("contentType"),
            QJsonObject{{QStringLiteral("id"), QStringLiteral("0x0100A3D887BE30452F4A9CBA7E684C523E21")},
                {QStringLiteral("name"), QStringLiteral("Item")}}},
    };
    if (rendering.delta)
        json.remove(QStringLiteral("lastModifiedBy"));
    if (!rendering.select.isEmpty()) {
        QJsonObject selected{{QStringLiteral("@odata.etag"), etag}};
        for (const QString &name : rendering.select) {
            if (json.contains(name))
                selected.insert(name, json.value(name));
        }
        json = selected;
    }
    if (rendering.expandFields) {
        json.insert(QStringLiteral("fields@odata.context"),
                    QStringLiteral("%1/$metadata#sites('%2')/lists('%3')/items('%4')/fields/$entity")
                        .arg(rendering.baseUrl, QString::fromLatin1(QUrl::toPercentEncoding(site.id)), list.id)
                        .arg(item.id));
        json.insert(QStringLiteral("fields"), fieldsJson(list, item, rendering.fieldSelect));
    }
    return json;
}

QJsonObject deletedItemJson(const Site &site, int itemId)
{
    return QJsonObject{
        {QStringLiteral("id"), QString::number(itemId)},
        {QStringLiteral("parentReference"), QJsonObject{{QStringLiteral("siteId"), site.id}}},
        {QStringLiteral("contentType"), QJsonObject{{QStringLiteral("id"), QStringLiteral("0x0100A3D887BE30452F4A9CBA7E684C523E21")},
                                                    {QStringLiteral("name"), QStringLiteral("Item")}}},
        {QStringLiteral("deleted"), QJsonObject{{QStringLiteral("state"), QStringLiteral("deleted")}}},
    };
}

Column parseColumn(const QJsonObject &json, QString *error)
{
    Column column;
    column.name = json.value(QStringLiteral("name")).toString();
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    if (column.name.isEmpty()) {
        *error = QStringLiteral("A column needs a 'name'.");
        return column;
    }
    // EMULATOR DECISION (contract §4.5): internal names with spaces are refused.
    if (!validName.match(column.name).hasMatch()) {
        *error = QStringLiteral("The column name '%1' is not valid; use letters, digits and underscores.").arg(column.name);
        return column;
    }
    column.id = newGuid();
    column.displayName = json.value(QStringLiteral("displayName")).toString(column.name);
    column.description = json.value(QStringLiteral("description")).toString();
    column.hidden = json.value(QStringLiteral("hidden")).toBool();
    column.indexed = json.value(QStringLiteral("indexed")).toBool();
    column.readOnly = json.value(QStringLiteral("readOnly")).toBool();
    column.required = json.value(QStringLiteral("required")).toBool();
    column.enforceUniqueValues = json.value(QStringLiteral("enforceUniqueValues")).toBool();
    for (const QString &facet : typeFacets) {
        if (!json.contains(facet))
            continue;
        if (!column.type.isEmpty()) {
            *error = QStringLiteral("A column takes one type facet, not '%1' and '%2'.").arg(column.type, facet);
            return column;
        }
        column.type = facet;
        column.facet = json.value(facet).toObject();
    }
    if (column.type == QLatin1String("text") && !column.facet.contains(QStringLiteral("maxLength")) &&
        !column.facet.value(QStringLiteral("allowMultipleLines")).toBool())
        column.facet.insert(QStringLiteral("maxLength"), 255);
    return column;
}

} // namespace GraphEmulator

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

QJsonObject userSeedJson(const User &user)
{
    QJsonObject json = userJson(user);
    if (!user.userPrincipalName.isEmpty())
        json.insert(QStringLiteral("userPrincipalName"), user.userPrincipalName);
    return json;
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
            user.value(QStringLiteral("email")).toString(), user.value(QStringLiteral("lookupId")).toInt(), {}}};
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

namespace {

using FieldOf = QJsonValue (*)(const List &list, const Item &item);
using Property = std::pair<QString, FieldOf>;

QJsonValue linkTitle(const List &, const Item &item)
{
    return item.fields.value(QStringLiteral("Title")).toString();
}

QJsonValue emptyText(const List &, const Item &)
{
    return QString();
}

// The fields SharePoint computes for every item (contract §6.1); undefined: the item has none.
const std::vector<Property> &computedFields()
{
    static const std::vector<Property> fields{
        {QStringLiteral("@odata.etag"), [](const List &list, const Item &item) -> QJsonValue { return itemEtag(list, item); }},
        {QStringLiteral("id"), [](const List &, const Item &item) -> QJsonValue { return QString::number(item.id); }},
        {QStringLiteral("ContentType"), [](const List &, const Item &) -> QJsonValue { return QStringLiteral("Item"); }},
        {QStringLiteral("Modified"), [](const List &, const Item &item) -> QJsonValue { return isoUtc(item.modifiedMs); }},
        {QStringLiteral("Created"), [](const List &, const Item &item) -> QJsonValue { return isoUtc(item.createdMs); }},
        {QStringLiteral("AuthorLookupId"),
            [](const List &, const Item &item) -> QJsonValue { return QString::number(lookupIdOf(item.createdBy)); }},
        {QStringLiteral("EditorLookupId"),
            [](const List &, const Item &item) -> QJsonValue { return QString::number(lookupIdOf(item.modifiedBy)); }},
        {QStringLiteral("_UIVersionString"),
            [](const List &, const Item &item) -> QJsonValue { return QStringLiteral("%1.0").arg(item.version); }},
        {QStringLiteral("Attachments"), [](const List &, const Item &) -> QJsonValue { return false; }},
        {QStringLiteral("Edit"), emptyText},
        {QStringLiteral("LinkTitleNoMenu"), linkTitle},
        {QStringLiteral("LinkTitle"), linkTitle},
        {QStringLiteral("ItemChildCount"), [](const List &, const Item &) -> QJsonValue { return QStringLiteral("0"); }},
        {QStringLiteral("FolderChildCount"), [](const List &, const Item &) -> QJsonValue { return QStringLiteral("0"); }},
        {QStringLiteral("_ComplianceFlags"), emptyText},
        {QStringLiteral("_ComplianceTag"), emptyText},
        {QStringLiteral("_ComplianceTagWrittenTime"), emptyText},
        {QStringLiteral("_ComplianceTagUserId"), emptyText},
        // An app's writes carry AppAuthor/AppEditor as well; a person's edit has none (contract §6.1).
        {QStringLiteral("AppAuthorLookupId"),
            [](const List &, const Item &item) -> QJsonValue {
                return item.createdBy.user.isEmpty() ? QJsonValue(QStringLiteral("2")) : QJsonValue(QJsonValue::Undefined);
            }},
        {QStringLiteral("AppEditorLookupId"),
            [](const List &, const Item &item) -> QJsonValue {
                return item.modifiedBy.user.isEmpty() ? QJsonValue(QStringLiteral("2")) : QJsonValue(QJsonValue::Undefined);
            }},
    };
    return fields;
}

// One field as a full rendering would hold it: the item's own value over a computed one.
QJsonValue fieldValue(const List &list, const Item &item, const QString &name)
{
    static const QHash<QString, FieldOf> computed = [] {
        QHash<QString, FieldOf> byName;
        for (const auto &[field, of] : computedFields())
            byName.insert(field, of);
        return byName;
    }();
    if (const auto own = item.fields.constFind(name); own != item.fields.constEnd())
        return *own;
    const FieldOf of = computed.value(name);
    return of ? of(list, item) : QJsonValue(QJsonValue::Undefined);
}

bool isOmitted(const QString &name, const QStringList &omitted)
{
    return omitted.contains(name) || (name.endsWith(QLatin1String("LookupId")) && omitted.contains(name.chopped(8)));
}

} // namespace

QJsonObject fieldsJson(const List &list, const Item &item, const QStringList &select, const QStringList &omitted)
{
    if (select.isEmpty()) {
        QJsonObject all;
        for (const auto &[name, of] : computedFields()) {
            if (const QJsonValue value = of(list, item); !value.isUndefined())
                all.insert(name, value);
        }
        for (auto it = item.fields.constBegin(); it != item.fields.constEnd(); ++it)
            all.insert(it.key(), it.value());
        for (const QString &name : omitted) {
            all.remove(name);
            all.remove(name + QStringLiteral("LookupId"));
        }
        return all;
    }
    // Only what is selected is rendered: a page of thousands of items selects a few fields each.
    QJsonObject selected{{QStringLiteral("@odata.etag"), itemEtag(list, item)}};
    for (const QString &name : select) {
        if (isOmitted(name, omitted))
            continue;
        if (const QJsonValue value = fieldValue(list, item, name); !value.isUndefined())
            selected.insert(name, value);
    }
    // A person column named in $select reads as its display value (contract §7.1).
    if (select.contains(QStringLiteral("Author")))
        selected.insert(QStringLiteral("Author"), displayNameOf(item.createdBy));
    if (select.contains(QStringLiteral("Editor")))
        selected.insert(QStringLiteral("Editor"), displayNameOf(item.modifiedBy));
    return selected;
}

namespace {

using PropertyOf = QJsonValue (*)(const List &list, const Site &site, const Item &item, const Rendering &rendering);

// The item's own properties (contract §6.1), in the order SharePoint gives them.
const std::vector<std::pair<QString, PropertyOf>> &itemProperties()
{
    static const std::vector<std::pair<QString, PropertyOf>> properties{
        {QStringLiteral("@odata.etag"),
            [](const List &list, const Site &, const Item &item, const Rendering &) -> QJsonValue { return itemEtag(list, item); }},
        {QStringLiteral("createdDateTime"),
            [](const List &, const Site &, const Item &item, const Rendering &) -> QJsonValue { return isoUtc(item.createdMs); }},
        {QStringLiteral("eTag"),
            [](const List &list, const Site &, const Item &item, const Rendering &) -> QJsonValue { return itemEtag(list, item); }},
        {QStringLiteral("id"),
            [](const List &, const Site &, const Item &item, const Rendering &) -> QJsonValue { return QString::number(item.id); }},
        {QStringLiteral("lastModifiedDateTime"),
            [](const List &, const Site &, const Item &item, const Rendering &) -> QJsonValue { return isoUtc(item.modifiedMs); }},
        {QStringLiteral("webUrl"),
            [](const List &list, const Site &site, const Item &item, const Rendering &) -> QJsonValue {
                return QStringLiteral("%1/Lists/%2/%3_.000").arg(site.webUrl(), list.name).arg(item.id);
            }},
        {QStringLiteral("createdBy"),
            [](const List &, const Site &, const Item &item, const Rendering &) -> QJsonValue { return identitySet(item.createdBy); }},
        // Delta pages leave lastModifiedBy out (contract §8).
        {QStringLiteral("lastModifiedBy"),
            [](const List &, const Site &, const Item &item, const Rendering &rendering) -> QJsonValue {
                return rendering.delta ? QJsonValue(QJsonValue::Undefined) : QJsonValue(identitySet(item.modifiedBy));
            }},
        {QStringLiteral("parentReference"),
            [](const List &list, const Site &site, const Item &, const Rendering &) -> QJsonValue {
                return QJsonObject{{QStringLiteral("id"), list.id}, {QStringLiteral("siteId"), site.id}};
            }},
        {QStringLiteral("contentType"),
            [](const List &, const Site &, const Item &, const Rendering &) -> QJsonValue {
                return QJsonObject{{QStringLiteral("id"), QStringLiteral("0x0100A3D887BE30452F4A9CBA7E684C523E21")},
                    {QStringLiteral("name"), QStringLiteral("Item")}};
            }},
    };
    return properties;
}

} // namespace

QJsonObject itemJson(const List &list, const Site &site, const Item &item, const Rendering &rendering)
{
    QJsonObject json;
    // With $select only the selected properties are rendered (and the eTag annotation, always).
    for (const auto &[name, of] : itemProperties()) {
        if (!rendering.select.isEmpty() && name != QLatin1String("@odata.etag") && !rendering.select.contains(name))
            continue;
        if (const QJsonValue value = of(list, site, item, rendering); !value.isUndefined())
            json.insert(name, value);
    }
    if (rendering.expandFields) {
        json.insert(QStringLiteral("fields@odata.context"),
                    QStringLiteral("%1/$metadata#sites('%2')/lists('%3')/items('%4')/fields/$entity")
                        .arg(rendering.baseUrl, QString::fromLatin1(QUrl::toPercentEncoding(site.id)), list.id)
                        .arg(item.id));
        json.insert(QStringLiteral("fields"), fieldsJson(list, item, rendering.fieldSelect, rendering.omittedFields));
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

#pragma once

#include "graphstate.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QStringList>

namespace GraphEmulator {

// What an API handler answers; the HTTP layer adds the headers every Graph response carries.
struct ApiResponse {
    int status = 200;
    QJsonValue body;                                // undefined = no body (204)
    QList<QPair<QByteArray, QByteArray>> headers;

    static ApiResponse json(int status, const QJsonObject &body) { return {status, body, {}}; }
    static ApiResponse noContent() { return {204, QJsonValue(QJsonValue::Undefined), {}}; }
};

// {"error":{"code","message","innerError":{"date","request-id","client-request-id"}}}; request ids
// are filled in by the HTTP layer (they are per HTTP request).
ApiResponse graphError(int status, const QString &code, const QString &message, const QString &innerCode = {});

QString itemEtag(const List &list, const Item &item);

// {id, displayName, email, lookupId}: seeds, --data and the admin API.
QJsonObject userJson(const User &user);
// A seeded user as the seed format and the saved state write them: userJson and the UPN when it differs.
QJsonObject userSeedJson(const User &user);
// {"app": clientId} or {"user": {…}}; a plain string (older --data files) is an app's client id.
QJsonObject writerJson(const Writer &writer);
Writer writerFromJson(const QJsonValue &json);

struct Rendering {
    QString baseUrl;                 // "http://127.0.0.1:8080/v1.0"
    bool expandFields = false;
    QStringList fieldSelect;         // empty = every field
    QStringList select;              // top-level properties; empty = all
    QString clientId;                // the calling app (for createdBy.application)
    bool delta = false;              // delta pages leave lastModifiedBy out (contract §8)
    QStringList omittedFields;       // lookup columns beyond the limit of collection reads
};

QJsonObject siteJson(const Site &site, const QString &baseUrl);
QJsonObject listJson(const List &list, const Site &site, const QString &baseUrl);
QJsonObject columnJson(const Column &column);
// omitted: columns left out whatever select says (both "X" and "XLookupId").
QJsonObject fieldsJson(const List &list, const Item &item, const QStringList &select, const QStringList &omitted = {});
QJsonObject itemJson(const List &list, const Site &site, const Item &item, const Rendering &rendering);
QJsonObject deletedItemJson(const Site &site, int itemId);

// Parses a columnDefinition body (POST …/columns, list create, seeds). Empty error = valid.
Column parseColumn(const QJsonObject &json, QString *error);

extern const QStringList typeFacets;

} // namespace GraphEmulator

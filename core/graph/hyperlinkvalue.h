#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace SyncBridge {

// A hyperlink column's value. Graph reads it as the object {"Url", "Description"} (contract §7.1) but
// refuses that object on a write (§7.2, "Invalid request"), so it is written in SharePoint's own text
// form of a URL field, "<url>, <description>" (a comma inside the URL doubled), which the server's
// URL field parses (docs/graph-emulator.md, "Hyperlink columns"). Values are kept as the read form,
// so what a run maps compares equal to what SharePoint holds; only the write turns them into text.
namespace Hyperlink {

// The schemes SharePoint's URL field takes; anything else (javascript:, data:, a bare host) it refuses.
bool isAllowedUrl(const QString &url);
QString allowedSchemes();
QJsonObject value(const QString &url, const QString &description);
// The link two columns make (a row's URL and description column): null when the URL is not a
// non-empty text — no URL, no link, whatever the description.
QJsonValue fromColumns(const QJsonValue &url, const QJsonValue &description);
// The read form → the write form; any other value as it is.
QJsonValue writeForm(const QJsonValue &value);
// The write form → the read form (a null object when the text has no URL).
QJsonObject fromWriteForm(const QString &text);

} // namespace Hyperlink
} // namespace SyncBridge

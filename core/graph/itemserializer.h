#pragma once

#include "model/connection.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QList>

namespace SyncBridge {

// Turns mapped values (internal column name → JSON value) into a Graph fields body per contract
// §7.2: multi-value columns get their @odata.type annotation, lookup and person columns are written
// as "<Name>LookupId" with string ids, read-only and system fields are never sent, and neither is
// any annotation such as @odata.etag, and a hyperlink goes in its text form (graph/hyperlinkvalue.h).
// Values for unknown columns are reported, not sent.
struct SerializedFields {
    QJsonObject fields;
    QStringList skipped;        // read-only, system or unknown columns that were left out
};

SerializedFields serializeFields(const QJsonObject &values, const QList<SharePointColumn> &columns);

} // namespace SyncBridge

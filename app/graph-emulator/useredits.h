#pragma once

#include "graphjson.h"
#include "graphstate.h"

#include <QJsonObject>

namespace GraphEmulator {

// The admin API's edits as a person (docs/graph-emulator.md, "Edits as a person"): a seeded user
// creates (POST, itemId empty), updates (PATCH) or deletes (DELETE) an item of a list, as they would
// in the browser. The write passes the same field rules as a Graph write and is recorded the same
// way (version and eTag, Modified, the delta feed, the deleted facet), but Author/Editor name the
// person and no app. It is not charged to any app's budget. body: {"user": id or email, "fields": {…}}.
ApiResponse editAsUser(GraphState &state, const QByteArray &method, const QString &listId, const QString &itemId, const QJsonObject &body,
    const QString &graphBaseUrl);

} // namespace GraphEmulator

#pragma once

#include "common/result.h"

#include <QString>
#include <QStringList>

#include <functional>

namespace SyncBridge {

class GraphClient;

struct ChoicesAdded {
    QStringList added;   // the values that were not choices of the column yet, in the order given
    QStringList choices; // the column's choices afterwards
};

// Adds values to the choices of a choice column. Graph's column update (PATCH …/columns/{id}) replaces
// the choices whole, so the column is read, the union sent and the column read again: another run
// adding to the same column at the same time (a second definition into the list) may have replaced
// the choices with its own union in between, and then what is missing is sent again, up to a few
// times. Values already there cost one read. Fails with the service's reason, or when the column is
// gone or is not a choice column.
void addChoices(GraphClient &client, const QString &siteId, const QString &listId, const QString &columnName, const QStringList &values,
    std::function<void(Result<ChoicesAdded>)> done);

} // namespace SyncBridge

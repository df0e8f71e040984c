#pragma once

#include "model/connection.h"

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace SyncBridge {

// Checks one item's fields body (what the batch writer sends: POST item "fields" or PATCH …/fields)
// against the list's columns the way SharePoint refuses a write with 400 invalidRequest (contract
// §7.2, §7.5; the emulator's field validation, app/graph-emulator/fieldwriter.cpp, is its stand-in).
// Returns the service's message for the first field it would refuse — in the service's own words,
// so that a dry run's failures and a real run's failures group under the same reasons — or an
// empty string when SharePoint would accept the body. Fields are checked in the body's key order
// (a QJsonObject's, which is also the order the service meets them in), the first refusal wins.
struct ItemValidationRules {
    // Contract §6.4: SharePoint does not enforce `required` on API writes (the emulator only with
    // `strictRequired`). Set it to predict a service that does.
    bool enforceRequired = false;
};

QString validateItemFields(
    const QJsonObject &fields, const QHash<QString, SharePointColumn> &columns, bool creating, const ItemValidationRules &rules = {});

} // namespace SyncBridge

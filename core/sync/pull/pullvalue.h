#pragma once

#include "common/result.h"
#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QTimeZone>

#include <optional>

namespace SyncBridge {

// What one pulled mapping reads from an item as Graph returns it (contract §7.1): `ID` is the item's
// id, `Author`/`Editor` and lookup or person columns their `…LookupId` (a string), every other column
// its field; a field SharePoint leaves out (an empty value) is null.
// A hyperlink ({"Url", "Description"}) is its URL.
QJsonValue pulledValue(const QJsonObject &item, const FieldMapping &mapping, const SharePointColumn *column);
// The description of a hyperlink mapping's link (null when there is no link), for the mapping's
// description column.
QJsonValue pulledDescription(const QJsonObject &item, const FieldMapping &mapping);

// The reverse of toSharePointValue (valueconverter.h): a SharePoint value as PostgreSQL input text
// for the column (nullopt = NULL), in the form the push reads it, so PG → SharePoint → PG gives the
// value back: integers and decimals in their shortest exact form, booleans as true/false, date-times
// in UTC (a `timestamp` without zone as its UTC wall clock), date-only columns as the day in the
// site's time zone, choices and texts as they are, multiple choices as an array literal. A value the
// column cannot hold (a fraction into an integer, a text into a number) is an item error.
Result<std::optional<QString>> toPostgresValue(
    const ColumnInfo &column, const QJsonValue &value, const QTimeZone &siteZone = QTimeZone::utc());

} // namespace SyncBridge

#pragma once

#include "common/result.h"
#include "model/catalog.h"
#include "model/definition.h"

#include <QJsonValue>
#include <QTimeZone>

#include <optional>

namespace SyncBridge {

// Turns a PostgreSQL value — its text form, read in a session with TimeZone=UTC and DateStyle=ISO,
// money cast to numeric — into the JSON value SharePoint stores (contract §7). Values SharePoint
// cannot hold are item errors, never silently changed: NaN and ±Infinity, integers beyond 2^53,
// decimals with more than 15 significant digits, dates outside 1900-01-01…8900-12-31, binary data.
// A NULL becomes JSON null (which clears the field).
// A `date` is the site-local midnight of that day, in UTC (SharePoint's storage rule for date-only
// columns; the site's zone is the definition's, UTC by default).
Result<QJsonValue> toSharePointValue(
    const ColumnInfo &column, const std::optional<QString> &text, const QTimeZone &siteZone = QTimeZone::utc());

// The zone of the definition's site (its first target's timeZone; UTC when none is set).
QTimeZone siteTimeZone(const SyncDefinition &definition);

// Elements of a PostgreSQL array literal ("{a,\"b c\",NULL}" → a, b c); NULL elements are dropped.
QStringList parsePostgresArray(const QString &literal);

} // namespace SyncBridge

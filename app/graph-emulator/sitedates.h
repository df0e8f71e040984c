#pragma once

#include <QString>
#include <QTimeZone>

namespace GraphEmulator {

// How SharePoint stores a value written to a dateTime column, given the site's time zone
// (docs/graph-emulator.md, "Site time zones and date-only columns"):
// - a bare date ("2026-03-08") and a date-time without an offset are site-local wall time;
// - a dateOnly column keeps only the site-local calendar day of the value, stored as the
//   site-local midnight of that day in UTC ("2026-03-08" in America/Los_Angeles → 08:00:00Z);
// - a dateTime column stores the instant.
// Returns the stored form, ISO-8601 UTC in whole seconds, or "" when text is not a date.
QString storedDateTime(const QString &text, bool dateOnly, const QTimeZone &siteZone);

// The zone of a site's IANA id; an empty or unknown id is UTC (the default of a new site).
QTimeZone siteTimeZone(const QString &ianaId);

} // namespace GraphEmulator

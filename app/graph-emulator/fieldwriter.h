#pragma once

#include "graphstate.h"

#include <QJsonObject>
#include <QString>
#include <QTimeZone>

namespace GraphEmulator {

// Validates a fields body (POST item "fields", PATCH …/fields) against the list's columns per
// contract §7.2 and applies it to target. Returns an error message (→ 400 invalidRequest), or
// an empty string when every value was accepted. On error target is left unchanged. Date-times
// are stored by the site's time zone (sitedates.h).
// SyncBridge's dry run predicts these refusals word for word (core/graph/itemvalidator.cpp, the
// same rules written again: the emulator shares no code with the product it stands in for).
// Change one, change the other; tst_dryrun compares them end to end.
QString writeFields(
    const List &list, const QTimeZone &siteZone, const QJsonObject &body, QJsonObject &target, bool creating, bool strictRequired);

} // namespace GraphEmulator

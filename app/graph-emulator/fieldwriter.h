#pragma once

#include "graphstate.h"

#include <QJsonObject>
#include <QString>

namespace GraphEmulator {

// Validates a fields body (POST item "fields", PATCH …/fields) against the list's columns per
// contract §7.2 and applies it to target. Returns an error message (→ 400 invalidRequest), or
// an empty string when every value was accepted. On error target is left unchanged.
QString writeFields(const List &list, const QJsonObject &body, QJsonObject &target, bool creating, bool strictRequired);

} // namespace GraphEmulator

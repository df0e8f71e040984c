#pragma once

#include <QJsonValue>
#include <QString>

namespace SyncBridge {

// A SharePoint-ready value as a person reads it in a table: text as is, numbers without trailing
// zeros, arrays as "[a, b]", nothing as "—".
QString valueText(const QJsonValue &value);

} // namespace SyncBridge

#pragma once

#include <QString>

namespace SyncBridge {

// "name" with embedded quotes doubled: any table or column name, spaces, quotes and keywords
// included, becomes one SQL identifier that cannot change the statement's meaning.
inline QString quotedIdentifier(const QString &identifier)
{
    QString escaped = identifier;
    escaped.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace SyncBridge

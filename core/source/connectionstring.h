#pragma once

#include "model/connection.h"

#include <string>

namespace SyncBridge {

// A libpq keyword/value connection string with every value quoted, so hosts, names and passwords
// containing spaces, quotes or backslashes cannot change its meaning.
std::string libpqConnectionString(const Database &database, const DatabaseInstance &instance, const QString &password,
                                  int connectTimeoutSeconds);

} // namespace SyncBridge

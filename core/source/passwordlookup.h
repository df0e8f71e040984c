#pragma once

#include "common/result.h"
#include "model/connection.h"

#include <functional>

namespace SyncBridge {

// Gives the password of an instance (from the SecretStore, on a worker thread).
using PasswordLookup = std::function<Result<QString>(const DatabaseInstance &)>;

} // namespace SyncBridge

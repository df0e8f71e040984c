#pragma once

#include "source/passwordlookup.h"

#include <QString>

namespace SyncBridge {
class Error;
struct DatabaseInstance;
} // namespace SyncBridge

namespace SyncBridge::Cli {

struct CommandContext;

// What several commands share: reporting errors the same way, and reading an instance's password.

// Prints "error: <message>" and its detail, if any; returns ExitInvalidInput for invalid input, else ExitFailure.
int fail(CommandContext &context, const Error &error);

// Prints "usage error: <message>" and the command list; returns ExitUsage.
int usage(CommandContext &context, const QString &message);

// The instance's password from the secret store, empty when it has none; sets *failure when it cannot be read.
QString instancePassword(CommandContext &context, const DatabaseInstance &instance, Error *failure);
// The same as a PasswordLookup, for the core functions that connect in failover order.
PasswordLookup passwordLookup(CommandContext &context);

} // namespace SyncBridge::Cli

#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace SyncBridge {
struct DatabaseInstance;
struct SyncDefinition;
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
// The same as the password source introspectDatabase() asks for each instance it tries.
std::function<Result<QString>(const DatabaseInstance &)> instancePasswords(CommandContext &context);

// --json was given: the command prints JSON to standard output, failures still go to stderr.
bool wantsJson(const CommandContext &context);
// Prints a JSON document (an object or an array) to standard output.
void printJson(CommandContext &context, const QJsonValue &value);
// "2026-12-02 04:40:01" (UTC, as text output shows times) and ISO 8601 with Z (as JSON shows them); empty when invalid.
QString utcText(const QDateTime &time);
QJsonValue utcJson(const QDateTime &time);
// "45 s", "3 min 12 s", "2 h 5 min".
QString durationText(qint64 seconds);
// Columns padded to their widest cell; columns from `firstNumeric` on are aligned right.
QString formatTable(const QStringList &header, const QList<QStringList> &rows, int firstNumeric);

// The definition named `name`: on failure prints why (a store error, or "no definition called …") and sets *exitCode.
bool findDefinition(CommandContext &context, const QString &name, SyncDefinition *definition, int *exitCode);

} // namespace SyncBridge::Cli

#pragma once

#include "common/result.h"
#include "model/definition.h"
#include "model/definitionjson.h"
#include "source/passwordlookup.h"

#include <optional>

namespace SyncBridge {

class MetaStore;

// What checking imported definitions against their tables and lists found.
struct ImportChecks {
    QList<ValidationIssue> problems; // the definition would do the wrong thing: nothing is imported
    QList<ValidationIssue> warnings;
};

// Checks imported definitions (references resolved) against their tables and lists
// (sync/definitioncheck.h) as the catalog records them. With `passwords` the source is asked too:
// a database whose catalog lacks a definition's table, or disagrees with a definition, is
// introspected again first (the catalog is saved), and a key no unique index guarantees is counted.
// Without them (tests, tools that never connect), a table the catalog has never seen is left to the
// check every run makes when it starts. Blocks on the source: a worker thread, or the CLI's.
Result<ImportChecks> checkImportedDefinitions(
    const MetaStore &store, const QList<SyncDefinition> &definitions, const std::optional<PasswordLookup> &passwords);

} // namespace SyncBridge

#pragma once

#include "common/result.h"
#include "model/definitionjson.h"
#include "source/passwordlookup.h"
#include "store/definitionrepository.h"

#include <optional>

namespace SyncBridge {

class MetaStore;

struct ImportOutcome {
    QList<ValidationIssue> issues;  // non-empty: nothing was written
    // Synced definitions the import would reset (key, cursor or table changed) when the reset was
    // not confirmed; non-empty: nothing was written, importing again with the reset would.
    QList<ValidationIssue> resetsToConfirm;
    // Worth knowing, not stopping the import: advice on the cursor column of catalogued tables.
    QList<ValidationIssue> warnings;
    int created = 0;
    int replaced = 0;               // definitions with the same name are replaced

    bool ok() const { return issues.isEmpty() && resetsToConfirm.isEmpty(); }
};

// Validates a definitions document — its shape, enums, references to the store's databases and
// SharePoint connections, and its meaning against the tables and lists (store/importchecks.h; with
// `passwords` the source databases are asked too) — and imports it in one transaction, all or nothing.
// A replaced definition that has been synced and whose key, cursor or table changes is an issue
// unless `stateChange` is Reset (see DefinitionRepository::StateChange).
// The Result fails only when the store itself fails.
Result<ImportOutcome> importDefinitions(const MetaStore &store, const QByteArray &document,
    DefinitionRepository::StateChange stateChange = DefinitionRepository::StateChange::Refuse,
    const std::optional<PasswordLookup> &passwords = std::nullopt);

} // namespace SyncBridge

#pragma once

#include "common/result.h"
#include "model/definitionjson.h"

namespace SyncBridge {

class MetaStore;

struct ImportOutcome {
    QList<ValidationIssue> issues;  // non-empty: nothing was written
    int created = 0;
    int replaced = 0;               // definitions with the same name are replaced

    bool ok() const { return issues.isEmpty(); }
};

// Validates a definitions document (shape, enums, references to the store's databases and
// SharePoint connections) and imports it in one transaction — all or nothing.
// The Result fails only when the store itself fails.
Result<ImportOutcome> importDefinitions(const MetaStore &store, const QByteArray &document);

} // namespace SyncBridge

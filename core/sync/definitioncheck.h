#pragma once

#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"
#include "model/definitionjson.h"
#include "source/tablereads.h"

#include <optional>

namespace SyncBridge {

// What a definition is checked against: its source table and, per target in the definition's order,
// the list's columns — or nullopt for a list that does not exist yet, which the run provisions from
// the table (then the columns provisioning will give are checked, with their internal names).
struct DefinitionFacts {
    TableInfo table;
    QList<std::optional<QList<SharePointColumn>>> listColumns;
};

struct DefinitionCheck {
    QList<ValidationIssue> problems; // the definition would do the wrong thing: refused
    QList<ValidationIssue> warnings; // worth knowing; it runs
    // No primary key, unique constraint or unique index guarantees the key: only counting the rows
    // can show it is unique (findDuplicateKeys in source/tablereads.h).
    bool keyNeedsCounting = false;

    bool ok() const { return problems.isEmpty(); }
};

// The semantic check shared by import, the editor's Save and the start of every run: the key, cursor,
// mapped and rule columns exist in the table; mapped SharePoint columns exist (or provisioning will
// make them, under the name it will give); the values fit their columns; rule values fit theirs;
// transforms parse. Paths are JSON paths under `path` ("$.definitions[2]"), as the import's are.
DefinitionCheck checkDefinition(const SyncDefinition &definition, const DefinitionFacts &facts, const QString &path = QStringLiteral("$"));

// Why a TWO_WAY definition syncs one list (SINGLE, one target): said by the check and by the run.
QString twoWayOneListReason();

// The columns rows are identified by: the definition's, else the table's primary key.
QStringList keyColumnsOf(const SyncDefinition &definition, const TableInfo &table);

// "The key (country) is not unique: 12 rows share country=Germany; …" for what findDuplicateKeys found.
QString duplicateKeyMessage(const QStringList &columns, const DuplicateKeys &duplicates);

// Problems as one text, one per line with its path: how a refused run states them.
QString describeIssues(const QList<ValidationIssue> &issues);

} // namespace SyncBridge

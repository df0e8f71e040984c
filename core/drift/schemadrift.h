#pragma once

#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace SyncBridge {

// One way a definition's columns no longer match the table or a list (docs/drift.md, "Schema drift").
struct SchemaFinding {
    enum class Kind {
        SourceDropped,     // a mapped source column is gone
        SourceRenamed,     // gone, and a new unmapped column of its type appeared: probably renamed
        SourceTypeChanged, // its type changed (blocking when the mapping's conversion no longer accepts it)
        SourceUnmapped,    // a new source column no mapping uses
        TargetDeleted,     // a mapped SharePoint column is gone
        TargetRenamed,     // its display name changed (writes use the internal name, so they still land)
        TargetReadOnly,    // a column pushed into became read-only
        TargetTypeChanged, // its type changed (blocking when the values no longer fit)
    };
    enum class Severity { Blocking, Warning, Info };

    Kind kind = Kind::SourceDropped;
    Severity severity = Severity::Blocking;
    QString list;        // the target list's name; empty for the source table
    QStringList columns; // the column; for a rename, the old name then the new
    QString message;     // what changed
    QString whatToDo;    // what the user should do about it
};

// What a definition's schema is compared with. "Known" is the catalog's last reading (what the
// definition was made against); "live" was read just now. Without a known reading, the changes
// that need one (renames, type changes, new columns) cannot be told and are not reported.
struct SchemaFacts {
    TableInfo table;
    std::optional<TableInfo> knownTable;
    // Per target in the definition's order; nullopt = the list does not exist (the data check says so).
    QList<std::optional<QList<SharePointColumn>>> listColumns;
    QList<QList<SharePointColumn>> knownListColumns; // per target; empty = never read into the catalog
};

// Pure comparison: no reading, so unit-testable. Findings come source first, then list by list.
QList<SchemaFinding> compareSchema(const SyncDefinition &definition, const SchemaFacts &facts);

bool hasBlocking(const QList<SchemaFinding> &findings);
// "source-dropped", "target-read-only", …: JSON and the CLI.
QString kindName(SchemaFinding::Kind kind);
QString severityName(SchemaFinding::Severity severity);
// "Blocking", "Warning", "Info", translated: the GUI and the CLI's text.
QString severityText(SchemaFinding::Severity severity);

} // namespace SyncBridge

#include "model/cursoradvice.h"

#include <QCoreApplication>

namespace SyncBridge {

QStringList cursorColumnWarnings(const TableInfo &table, CursorStrategy strategy, const QString &cursorColumn)
{
    QStringList warnings;
    const ColumnInfo *column = table.column(cursorColumn);
    if (strategy != CursorStrategy::UpdatedAt || !column)
        return warnings;
    if (!table.hasIndexLeadingWith(cursorColumn))
        warnings << QCoreApplication::translate("SyncBridge::CursorAdvice",
            "No index starts with %1: every run sorts the whole table to find the changed rows. "
            "Create one, e.g. CREATE INDEX ON %2 (%1, %3).")
                        .arg(cursorColumn, table.qualifiedName(), table.primaryKey().join(QStringLiteral(", ")));
    if (column->nullable && column->defaultExpression.isEmpty())
        warnings << QCoreApplication::translate("SyncBridge::CursorAdvice",
            "%1 can be NULL and has no default: rows without a stamp have no position, so every run reads them all again. "
            "Give it a default and keep it stamped, e.g. ALTER TABLE %2 ALTER COLUMN %1 SET DEFAULT now().")
                        .arg(cursorColumn, table.qualifiedName());
    return warnings;
}

} // namespace SyncBridge

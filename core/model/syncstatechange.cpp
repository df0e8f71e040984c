#include "model/syncstatechange.h"

#include "model/enums.h"

#include <QCoreApplication>

namespace SyncBridge {
namespace {

QString tableText(const SyncSource &source)
{
    return source.schema + QLatin1Char('.') + source.table;
}

QString columnsText(const QStringList &columns)
{
    return columns.isEmpty() ? QCoreApplication::translate("SyncBridge::Definitions", "the primary key")
                             : columns.join(QStringLiteral(", "));
}

QString orNone(const QString &column)
{
    return column.isEmpty() ? QCoreApplication::translate("SyncBridge::Definitions", "none") : column;
}

} // namespace

SyncStateChange syncStateChange(const SyncDefinition &stored, const SyncDefinition &edited)
{
    SyncStateChange change;
    if (stored.id == 0)
        return change; // nothing was synced under a definition never saved
    if (stored.source.databaseId != edited.source.databaseId || stored.source.schema != edited.source.schema
        || stored.source.table != edited.source.table)
        change.reasons << QCoreApplication::translate("SyncBridge::Definitions", "source table: %1 → %2")
                              .arg(tableText(stored.source), tableText(edited.source));
    if (stored.keyColumns != edited.keyColumns) {
        change.keyColumnsChanged = true;
        change.reasons << QCoreApplication::translate("SyncBridge::Definitions", "key columns: %1 → %2")
                              .arg(columnsText(stored.keyColumns), columnsText(edited.keyColumns));
    }
    if (stored.cursorStrategy != edited.cursorStrategy)
        change.reasons << QCoreApplication::translate("SyncBridge::Definitions", "change detection: %1 → %2")
                              .arg(enumName(stored.cursorStrategy), enumName(edited.cursorStrategy));
    else if (stored.cursorColumn != edited.cursorColumn)
        change.reasons << QCoreApplication::translate("SyncBridge::Definitions", "cursor column: %1 → %2")
                              .arg(orNone(stored.cursorColumn), orNone(edited.cursorColumn));
    return change;
}

} // namespace SyncBridge

#include "sync/deletemarks.h"

#include <QCoreApplication>

namespace SyncBridge {

Result<void> checkRowGoneColumn(const TableInfo &table, const QList<FieldMapping> &writtenBack)
{
    // Named as push's flag column is (SyncBridgeGone) but in the database's spelling; a mapping
    // writing it would take the mark away again.
    const ColumnInfo *column = table.column(rowGoneColumn);
    const bool markable = column && !column->generated
        && (column->typeName == QLatin1String("bool") || column->typeName == QLatin1String("timestamptz")
            || column->typeName == QLatin1String("timestamp"));
    if (!markable)
        return Error(ErrorCode::InvalidInput,
            QCoreApplication::translate("SyncBridge::Sync",
                "Delete policy MARK sets the column %1 of a row whose item was deleted in SharePoint, and %2 has no such boolean "
                "or timestamp column. Add it (ALTER TABLE %2 ADD COLUMN %1 timestamptz), or choose DELETE or LEAVE.")
                .arg(rowGoneColumn, table.qualifiedName()));
    for (const FieldMapping &mapping : writtenBack) {
        if (mapping.sourceColumn == rowGoneColumn)
            return Error(ErrorCode::InvalidInput,
                QCoreApplication::translate("SyncBridge::Sync",
                    "Mapping %1 writes the column that delete policy MARK sets; make it PUSH_ONLY or map another column.")
                    .arg(QStringLiteral("%1 → %2").arg(mapping.sourceColumn, mapping.targetColumn)));
    }
    return success();
}

QString rowGoneValue(const TableInfo &table, const QDateTime &now)
{
    const ColumnInfo *column = table.column(rowGoneColumn);
    return column && column->typeName == QLatin1String("bool") ? QStringLiteral("true") : now.toUTC().toString(Qt::ISODate);
}

bool rowIsMarkedGone(const std::optional<QString> &value)
{
    return value && !value->isEmpty() && *value != QLatin1String("f") && *value != QLatin1String("false");
}

ListPlan itemGoneFlagPlan(const QString &listName)
{
    ColumnPlan column;
    column.internalName = goneFromSourceColumn;
    column.sharePointType = QStringLiteral("boolean");
    column.definition = QJsonObject{{QStringLiteral("name"), goneFromSourceColumn}, {QStringLiteral("boolean"), QJsonObject{}},
        {QStringLiteral("description"), QStringLiteral("Set by SyncBridge when the source row is gone (deletes policy MARK).")}};
    return ListPlan{listName, {column}};
}

} // namespace SyncBridge

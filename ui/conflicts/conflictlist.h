#pragma once

#include "model/conflict.h"

#include <QTreeWidget>

namespace SyncBridge {

// The conflicts of a definition grouped by row: a row's key, under it one line per field with both
// changed values, who changed SharePoint and when, and the decision. Choosing a row chooses its
// fields, so a decision can go to one field, the chosen ones, a whole row or (Ctrl+A) everything.
class ConflictList : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { FieldColumn, DatabaseColumn, SharePointColumn, ChangedColumn, DecisionColumn, ColumnCount };

    explicit ConflictList(QWidget *parent = nullptr);

    // Keeps the current and chosen conflicts chosen across a reload where they still exist.
    void setConflicts(const QList<SyncConflict> &conflicts);
    const QList<SyncConflict> &conflicts() const { return m_conflicts; }
    // The chosen conflicts, a chosen row standing for all its fields, in list order.
    QList<SyncConflict> selectedConflicts() const;
    // The conflict the comparison shows: the current field, or the first field of the current row.
    std::optional<SyncConflict> currentConflict() const;
    void selectConflicts(const QList<qint64> &ids);

private:
    QList<SyncConflict> m_conflicts;
};

} // namespace SyncBridge

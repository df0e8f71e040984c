#pragma once

#include "sync/previewrow.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

namespace SyncBridge {

// A dry run's planned rows as a table: the row by its key values, the action, the list, and what
// changes — for an update the fields that differ, "old → new"; for a create the values it would
// carry; for a failing row why. Texts are made when a cell is drawn, so 5,000 rows load at once.
class PreviewModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { RowColumn, ActionColumn, ListColumn, ChangesColumn, ColumnCount };
    enum Role { ActionKeyRole = Qt::UserRole + 1, ListNameRole };

    using QAbstractTableModel::QAbstractTableModel;

    // `twoWay`: a two-way run's rows, which write into either side (the Changes column says so).
    void setRows(const QList<PreviewRow> &rows, bool twoWay = false);
    const QList<PreviewRow> &rows() const { return m_rows; }
    const PreviewRow &row(int index) const { return m_rows.at(index); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // "Create", "Update", "Unchanged", … for an action key of the plan (actionName()).
    static QString actionText(const QString &action);
    // What the Changes column says of a row.
    static QString changesText(const PreviewRow &row);

private:
    QList<PreviewRow> m_rows;
    bool m_twoWay = false;
};

// The preview's filters: one action and one list, or all of either.
class PreviewFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setAction(const QString &action); // empty: every action
    void setList(const QString &list);     // empty: every list

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_action;
    QString m_list;
};

} // namespace SyncBridge

#include "definitions/previewmodel.h"

#include "common/valuetext.h"
#include "definitions/twowaypreview.h"

#include <QBrush>
#include <QColor>

namespace SyncBridge {

void PreviewModel::setRows(const QList<PreviewRow> &rows, bool twoWay)
{
    beginResetModel();
    m_rows = rows;
    m_twoWay = twoWay;
    endResetModel();
}

int PreviewModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PreviewModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString PreviewModel::actionText(const QString &action)
{
    if (TwoWayPreview::isTwoWayAction(action))
        return TwoWayPreview::actionText(action);
    if (action == QLatin1String("create"))
        return tr("Create");
    if (action == QLatin1String("update"))
        return tr("Update");
    if (action == QLatin1String("move"))
        return tr("Move");
    if (action == QLatin1String("skip"))
        return tr("Unchanged");
    if (action == QLatin1String("unrouted"))
        return tr("No list");
    if (action == QLatin1String("failed"))
        return tr("Failing");
    if (action == QLatin1String("delete"))
        return tr("Delete");
    if (action == QLatin1String("mark"))
        return tr("Flag as gone");
    if (action == QLatin1String("leave"))
        return tr("Gone, left in place");
    return action;
}

QString PreviewModel::changesText(const PreviewRow &row)
{
    const auto values = [](const QJsonObject &fields) {
        QStringList parts;
        for (auto it = fields.constBegin(); it != fields.constEnd(); ++it)
            parts << tr("%1 = %2").arg(it.key(), valueText(it.value()));
        return parts.join(QStringLiteral(" · "));
    };
    if (row.action == QLatin1String("failed"))
        return row.error;
    if (TwoWayPreview::isTwoWayAction(row.action))
        return TwoWayPreview::changesText(row);
    if (row.action == QLatin1String("create"))
        return values(row.fields);
    if (row.action == QLatin1String("update") || row.action == QLatin1String("move")) {
        const QString from = row.action == QLatin1String("move") ? tr("From '%1'. ").arg(row.fromList) : QString();
        if (!row.currentKnown)
            return from + tr("SharePoint's item could not be read; it would carry: %1").arg(values(row.fields));
        if (row.changes.isEmpty())
            return from + tr("No field differs from SharePoint; the item is written again to confirm it.");
        QStringList parts;
        for (const FieldChange &change : row.changes)
            parts << tr("%1: %2 → %3").arg(change.field, valueText(change.before), valueText(change.after));
        return from + parts.join(QStringLiteral(" · "));
    }
    if (row.action == QLatin1String("delete"))
        return tr("The row is gone from the source: its item is deleted.");
    if (row.action == QLatin1String("mark"))
        return tr("The row is gone from the source: its item is flagged.");
    if (row.action == QLatin1String("leave"))
        return tr("The row is gone from the source: its item stays.");
    return {};
}

QVariant PreviewModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const PreviewRow &row = m_rows.at(index.row());
    switch (role) {
    case ActionKeyRole:
        return row.action;
    case ListNameRole:
        return row.list;
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case RowColumn:
            return row.identity;
        case ActionColumn:
            return actionText(row.action);
        case ListColumn:
            return row.list;
        case ChangesColumn:
            return changesText(row);
        default:
            return {};
        }
    case Qt::ForegroundRole:
        if (row.action == QLatin1String("failed") && index.column() == ChangesColumn)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    default:
        return {};
    }
}

QVariant PreviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case RowColumn:
        return tr("Row");
    case ActionColumn:
        return tr("Action");
    case ListColumn:
        return tr("List");
    case ChangesColumn:
        return m_twoWay ? tr("What the run writes, and where") : tr("Changes (SharePoint now → after the run)");
    default:
        return {};
    }
}

void PreviewFilter::setAction(const QString &action)
{
    m_action = action;
    invalidateFilter();
}

void PreviewFilter::setList(const QString &list)
{
    m_list = list;
    invalidateFilter();
}

bool PreviewFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return (m_action.isEmpty() || index.data(PreviewModel::ActionKeyRole).toString() == m_action)
        && (m_list.isEmpty() || index.data(PreviewModel::ListNameRole).toString() == m_list);
}

} // namespace SyncBridge

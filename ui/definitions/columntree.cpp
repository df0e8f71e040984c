#include "definitions/columntree.h"

#include <QDragEnterEvent>
#include <QMimeData>

namespace SyncBridge {
namespace {

const char *const columnMimeType = "application/x-syncbridge-source-column";

} // namespace

ColumnTree::ColumnTree(Side side, QWidget *parent)
    : QTreeWidget(parent)
    , m_side(side)
{
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    if (side == Side::Source) {
        setDragEnabled(true);
        setDragDropMode(QAbstractItemView::DragOnly);
    } else {
        setAcceptDrops(true);
        setDragDropMode(QAbstractItemView::DropOnly);
        viewport()->setAcceptDrops(true);
    }
}

QTreeWidgetItem *ColumnTree::itemFor(const QString &columnName) const
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (topLevelItem(i)->data(0, ColumnNameRole).toString() == columnName)
            return topLevelItem(i);
    }
    return nullptr;
}

QStringList ColumnTree::mimeTypes() const
{
    return {QLatin1String(columnMimeType)};
}

QMimeData *ColumnTree::mimeData(const QList<QTreeWidgetItem *> &items) const
{
    if (items.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QLatin1String(columnMimeType), items.first()->data(0, ColumnNameRole).toString().toUtf8());
    return mime;
}

void ColumnTree::dragEnterEvent(QDragEnterEvent *event)
{
    if (m_side == Side::Target && event->mimeData()->hasFormat(QLatin1String(columnMimeType)))
        event->acceptProposedAction();
    else
        event->ignore();
}

void ColumnTree::dragMoveEvent(QDragMoveEvent *event)
{
    QTreeWidgetItem *item = itemAt(event->position().toPoint());
    if (m_side == Side::Target && item && event->mimeData()->hasFormat(QLatin1String(columnMimeType))) {
        setCurrentItem(item);
        event->acceptProposedAction();
    } else {
        event->ignore();
    }
}

void ColumnTree::dropEvent(QDropEvent *event)
{
    QTreeWidgetItem *item = itemAt(event->position().toPoint());
    if (m_side != Side::Target || !item || !event->mimeData()->hasFormat(QLatin1String(columnMimeType))) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    emit sourceDropped(QString::fromUtf8(event->mimeData()->data(QLatin1String(columnMimeType))), item->data(0, ColumnNameRole).toString());
}

} // namespace SyncBridge

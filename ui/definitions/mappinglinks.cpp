#include "definitions/mappinglinks.h"

#include "definitions/mappingmodel.h"

#include <QDragEnterEvent>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>

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

MappingLinks::MappingLinks(ColumnTree *sources, ColumnTree *targets, MappingModel *model, QWidget *parent)
    : QWidget(parent)
    , m_sources(sources)
    , m_targets(targets)
    , m_model(model)
{
    setMinimumWidth(90);
    for (ColumnTree *tree : {sources, targets})
        connect(tree->verticalScrollBar(), &QScrollBar::valueChanged, this, qOverload<>(&QWidget::update));
    connect(model, &QAbstractItemModel::modelReset, this, qOverload<>(&QWidget::update));
    connect(model, &QAbstractItemModel::rowsInserted, this, qOverload<>(&QWidget::update));
    connect(model, &QAbstractItemModel::rowsRemoved, this, qOverload<>(&QWidget::update));
    connect(model, &QAbstractItemModel::dataChanged, this, qOverload<>(&QWidget::update));
}

void MappingLinks::setSelectedRow(int row)
{
    m_selectedRow = row;
    update();
}

void MappingLinks::setProblemColours(const QHash<QPair<QString, QString>, QColor> &colours)
{
    m_colours = colours;
    update();
}

int MappingLinks::anchorY(ColumnTree *tree, const QString &column) const
{
    QTreeWidgetItem *item = tree->itemFor(column);
    if (!item)
        return -1;
    const QRect rect = tree->visualItemRect(item);
    const QRect viewport = tree->viewport()->geometry();
    // Rows scrolled out of sight are pinned to the list's edge, so the link still shows where it goes.
    const int y = qBound(0, rect.center().y(), viewport.height());
    return tree->viewport()->mapTo(window(), QPoint(0, y)).y() - mapTo(window(), QPoint(0, 0)).y();
}

void MappingLinks::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QList<FieldMapping> mappings = m_model->mappings();
    for (int row = 0; row < mappings.size(); ++row) {
        const FieldMapping &mapping = mappings.at(row);
        const int from = anchorY(m_sources, mapping.sourceColumn);
        const int to = anchorY(m_targets, mapping.targetColumn);
        if (from < 0 || to < 0)
            continue;
        QPainterPath path(QPointF(0, from));
        path.cubicTo(QPointF(width() / 2.0, from), QPointF(width() / 2.0, to), QPointF(width(), to));
        QColor colour = m_colours.value({mapping.sourceColumn, mapping.targetColumn}, palette().color(QPalette::Highlight));
        if (mapping.direction == FieldDirection::PullOnly)
            colour = m_colours.value({mapping.sourceColumn, mapping.targetColumn}, palette().color(QPalette::PlaceholderText));
        QPen pen(colour, row == m_selectedRow ? 3.0 : 1.6);
        if (mapping.direction == FieldDirection::PullOnly)
            pen.setStyle(Qt::DashLine);
        painter.setPen(pen);
        painter.drawPath(path);
        painter.setBrush(colour);
        painter.drawEllipse(QPointF(2.5, from), 2.5, 2.5);
        painter.drawEllipse(QPointF(width() - 2.5, to), 2.5, 2.5);
        painter.setBrush(Qt::NoBrush);
    }
}

} // namespace SyncBridge

#include "definitions/mappinglinks.h"

#include "definitions/columntree.h"
#include "definitions/mappingmodel.h"

#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>

namespace SyncBridge {

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

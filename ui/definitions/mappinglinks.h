#pragma once

#include <QHash>
#include <QPair>
#include <QTreeWidget>

namespace SyncBridge {

class MappingModel;

// A column list of the mapping editor. As a source it lets columns be dragged; as a target it
// takes a dropped source column and says which of its columns it landed on.
class ColumnTree : public QTreeWidget
{
    Q_OBJECT

public:
    enum class Side { Source, Target };
    static constexpr int ColumnNameRole = Qt::UserRole + 1;

    ColumnTree(Side side, QWidget *parent = nullptr);
    QTreeWidgetItem *itemFor(const QString &columnName) const;

signals:
    void sourceDropped(const QString &sourceColumn, const QString &targetColumn);

protected:
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QList<QTreeWidgetItem *> &items) const override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    Side m_side;
};

// The strip between the two column lists where each mapping is drawn as a curve from its source
// column to its SharePoint column; the selected mapping is drawn bold, problems in their colour.
class MappingLinks : public QWidget
{
    Q_OBJECT

public:
    MappingLinks(ColumnTree *sources, ColumnTree *targets, MappingModel *model, QWidget *parent = nullptr);

    void setSelectedRow(int row);
    // Colours by (source, target): problems found by the mapping advice.
    void setProblemColours(const QHash<QPair<QString, QString>, QColor> &colours);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    int anchorY(ColumnTree *tree, const QString &column) const;

    ColumnTree *m_sources;
    ColumnTree *m_targets;
    MappingModel *m_model;
    int m_selectedRow = -1;
    QHash<QPair<QString, QString>, QColor> m_colours;
};

} // namespace SyncBridge

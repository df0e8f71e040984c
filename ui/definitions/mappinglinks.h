#pragma once

#include <QHash>
#include <QPair>
#include <QWidget>

namespace SyncBridge {

class ColumnTree;
class MappingModel;

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

#pragma once

#include <QTreeWidget>

namespace SyncBridge {

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

} // namespace SyncBridge

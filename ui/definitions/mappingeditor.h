#pragma once

#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"
#include "sync/mappingadvisor.h"

#include <QJsonValue>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableView;

namespace SyncBridge {

class ColumnOptionsBar;
class ColumnTree;
class MappingLinks;
class MappingModel;
class TransformBar;

// The visual mapping editor: source columns on the left, SharePoint columns on the right, each
// mapping drawn between them. Mappings come by drag and drop, by the picker (keyboard), by
// "Connect" on the two selected columns, or by auto-map (names alike); each has a direction, a
// transform previewed on sample rows, and a key flag. The advice below says what would go wrong:
// types that do not fit, texts longer than the column, required columns nothing fills.
class MappingEditor : public QWidget
{
    Q_OBJECT

public:
    explicit MappingEditor(QWidget *parent = nullptr);
    ~MappingEditor() override;

    // The table and the list's columns; `origin` says where the columns come from.
    void setColumns(const TableInfo &table, const QList<SharePointColumn> &targets, const QString &origin);
    void setMappings(const QList<FieldMapping> &mappings);
    QList<FieldMapping> mappings() const;
    void setSamples(const QList<QHash<QString, QJsonValue>> &samples, const QString &note);
    // "Read list columns" beside where the columns come from: offered while the list's columns are unknown.
    void setReadColumnsOffered(bool offered);
    // What reading the columns is doing ("Reading…"; empty when done).
    void setReadingColumns(const QString &status);
    void setColumnsNote(const QString &note, bool error);
    QList<MappingAdvice> advice() const { return m_advice; }
    // The direction new mappings get (the definition's mode decides: a push pushes, a pull pulls).
    void setDefaultDirection(FieldDirection direction) { m_defaultDirection = direction; }
    // The definitions a lookup mapping may reference (the kind column's choices).
    void setDefinitionNames(const QStringList &names);

    MappingModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QListWidget *adviceList() const { return m_adviceList; }
    ColumnTree *sourceTree() const { return m_sources; }
    ColumnTree *targetTree() const { return m_targets; }
    QLabel *samplePreview() const { return m_preview; }
    QLabel *columnsOrigin() const { return m_origin; }
    QPushButton *readColumnsButton() const { return m_readColumns; }
    TransformBar *transformBar() const { return m_transformBar; }
    ColumnOptionsBar *columnOptionsBar() const { return m_columnOptions; }

public slots:
    void autoMap();
    void openPicker();
    void connectSelected();
    void removeSelected();

signals:
    void changed();
    void readColumnsRequested();

private:
    void addMapping(const QString &source, const QString &target);
    void refresh();
    void fillTrees();
    void showPreview();
    void addTransformStep(const QString &step);
    void showColumnOptions();

    TableInfo m_tableInfo;
    QList<SharePointColumn> m_targetColumns;
    QList<SharePointColumn> m_offeredTargets;   // the visible, writable-or-readable ones the right side lists
    QList<MappingAdvice> m_advice;
    FieldDirection m_defaultDirection = FieldDirection::PushOnly;
    MappingModel *m_model;
    ColumnTree *m_sources;
    ColumnTree *m_targets;
    MappingLinks *m_links;
    QTableView *m_table;
    QListWidget *m_adviceList;
    QLabel *m_origin;
    QLabel *m_preview;
    QLabel *m_sampleNote;
    QPushButton *m_autoMap;
    QPushButton *m_pick;
    QPushButton *m_connect;
    QPushButton *m_remove;
    QPushButton *m_readColumns;
    TransformBar *m_transformBar;
    ColumnOptionsBar *m_columnOptions;
    QString m_originText;
};

} // namespace SyncBridge

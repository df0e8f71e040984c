#pragma once

#include "model/catalog.h"
#include "model/connection.h"
#include "model/definition.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QJsonValue>

namespace SyncBridge {

// A definition's field mappings as an editable table: source, SharePoint column, direction,
// transform (checked as it is typed, shown applied to the first sample row), key flag. Mappings
// into SharePoint-managed or read-only columns are forced PULL_ONLY.
class MappingModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { SourceColumn, TargetColumn, DirectionColumn, TransformColumn, KeyColumn, KindColumn, SampleColumn, ColumnCount };

    explicit MappingModel(QObject *parent = nullptr);

    void setColumns(const TableInfo &table, const QList<SharePointColumn> &targets);
    void setMappings(const QList<FieldMapping> &mappings);
    QList<FieldMapping> mappings() const { return m_mappings; }
    // Source rows as SharePoint-ready values, for the transform preview.
    void setSamples(const QList<QHash<QString, QJsonValue>> &samples);
    const QList<QHash<QString, QJsonValue>> &samples() const { return m_samples; }

    // Adds a mapping (the target's rules applied); the row it landed on.
    int addMapping(FieldMapping mapping);
    void removeMapping(int row);
    // The options a column's type gives a mapping (ColumnOptionsBar).
    void setColumnOptions(int row, const QString &descriptionColumn, bool richText, bool addsChoices);
    // Why the row's transform does not parse; empty when it does.
    QString transformError(int row) const;
    // The row's value in each sample row, transformed ("—" for NULL) or the transform's error.
    QStringList previewFor(int row) const;

    static QString directionLabel(FieldDirection direction);
    // What a kind cell shows ("Lookup into 'Customers'") and what it edits: VALUE, PERSON or
    // LOOKUP:<definition name>.
    static QString kindLabel(FieldKind kind, const QString &referencedDefinition);
    static QString kindValue(FieldKind kind, const QString &referencedDefinition);
    // The definitions a lookup may reference (the others of the store), offered by the kind cell.
    void setReferenceChoices(const QStringList &definitionNames) { m_referenceChoices = definitionNames; }
    const QStringList &referenceChoices() const { return m_referenceChoices; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role) override;

signals:
    void mappingsChanged();

private:
    bool isReadOnlyTarget(const QString &targetColumn) const;
    FieldMapping normalized(FieldMapping mapping) const;

    QList<FieldMapping> m_mappings;
    QHash<QString, SharePointColumn> m_targets;
    QHash<QString, ColumnInfo> m_sources;
    QList<QHash<QString, QJsonValue>> m_samples;
    QStringList m_referenceChoices;
};

} // namespace SyncBridge

#include "definitions/mappingmodel.h"

#include "common/valuetext.h"

#include "sync/fieldmapper.h"

#include <QBrush>
#include <QColor>

namespace SyncBridge {

MappingModel::MappingModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void MappingModel::setColumns(const TableInfo &table, const QList<SharePointColumn> &targets)
{
    beginResetModel();
    m_sources.clear();
    for (const ColumnInfo &column : table.columns)
        m_sources.insert(column.name, column);
    m_targets.clear();
    for (const SharePointColumn &column : targets)
        m_targets.insert(column.name, column);
    for (FieldMapping &mapping : m_mappings)
        mapping = normalized(mapping);
    endResetModel();
}

void MappingModel::setMappings(const QList<FieldMapping> &mappings)
{
    beginResetModel();
    m_mappings.clear();
    for (const FieldMapping &mapping : mappings)
        m_mappings << normalized(mapping);
    endResetModel();
}

void MappingModel::setSamples(const QList<QHash<QString, QJsonValue>> &samples)
{
    m_samples = samples;
    if (!m_mappings.isEmpty())
        emit dataChanged(index(0, SampleColumn), index(int(m_mappings.size()) - 1, SampleColumn));
}

bool MappingModel::isReadOnlyTarget(const QString &targetColumn) const
{
    const auto found = m_targets.constFind(targetColumn);
    return found != m_targets.constEnd() && (found->system || found->readOnly);
}

FieldMapping MappingModel::normalized(FieldMapping mapping) const
{
    if (isReadOnlyTarget(mapping.targetColumn)) {   // SharePoint writes these: they can only be read
        mapping.systemField = true;
        mapping.direction = FieldDirection::PullOnly;
    }
    return mapping;
}

int MappingModel::addMapping(FieldMapping mapping)
{
    const int row = int(m_mappings.size());
    beginInsertRows({}, row, row);
    m_mappings << normalized(std::move(mapping));
    endInsertRows();
    emit mappingsChanged();
    return row;
}

void MappingModel::removeMapping(int row)
{
    if (row < 0 || row >= m_mappings.size())
        return;
    beginRemoveRows({}, row, row);
    m_mappings.removeAt(row);
    endRemoveRows();
    emit mappingsChanged();
}

void MappingModel::setColumnOptions(int row, const QString &descriptionColumn, bool richText, bool addsChoices)
{
    if (row < 0 || row >= m_mappings.size())
        return;
    FieldMapping &mapping = m_mappings[row];
    if (mapping.descriptionColumn == descriptionColumn && mapping.richText == richText && mapping.addsChoices == addsChoices)
        return;
    mapping.descriptionColumn = descriptionColumn;
    mapping.richText = richText;
    mapping.addsChoices = addsChoices;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit mappingsChanged();
}

QString MappingModel::transformError(int row) const
{
    const QString rule = m_mappings.value(row).transform;
    if (rule.trimmed().isEmpty())
        return {};
    const auto steps = parseTransform(rule);
    return steps ? QString() : steps.error().message();
}

QStringList MappingModel::previewFor(int row) const
{
    const FieldMapping mapping = m_mappings.value(row);
    const auto steps = parseTransform(mapping.transform);
    if (!steps)
        return {steps.error().message()};
    QStringList values;
    for (const QHash<QString, QJsonValue> &sample : m_samples) {
        const QJsonValue source = sample.value(mapping.sourceColumn, QJsonValue(QJsonValue::Null));
        const QJsonValue result = applyTransform(*steps, source);
        values << (mapping.transform.trimmed().isEmpty() ? valueText(result) : tr("%1 → %2").arg(valueText(source), valueText(result)));
    }
    return values;
}

QString MappingModel::directionLabel(FieldDirection direction)
{
    switch (direction) {
    case FieldDirection::Bidirectional: return tr("Both ways");
    case FieldDirection::PushOnly: return tr("Database → SharePoint");
    case FieldDirection::PullOnly: return tr("SharePoint → database");
    }
    return {};
}

QString MappingModel::kindLabel(FieldKind kind, const QString &referencedDefinition)
{
    switch (kind) {
    case FieldKind::Value:
        return tr("Value");
    case FieldKind::Person:
        return tr("Person (email or UPN)");
    case FieldKind::Lookup:
        return tr("Lookup into '%1'").arg(referencedDefinition);
    }
    return {};
}

QString MappingModel::kindValue(FieldKind kind, const QString &referencedDefinition)
{
    return kind == FieldKind::Lookup ? enumName(kind) + QLatin1Char(':') + referencedDefinition : enumName(kind);
}

int MappingModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_mappings.size());
}

int MappingModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MappingModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_mappings.size())
        return {};
    const FieldMapping &mapping = m_mappings.at(index.row());
    const QString error = index.column() == TransformColumn || index.column() == SampleColumn ? transformError(index.row()) : QString();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::EditRole:
        switch (index.column()) {
        case SourceColumn: {
            const ColumnInfo column = m_sources.value(mapping.sourceColumn);
            return column.dataType.isEmpty() ? mapping.sourceColumn : QStringLiteral("%1  (%2)").arg(mapping.sourceColumn, column.dataType);
        }
        case TargetColumn: {
            const SharePointColumn column = m_targets.value(mapping.targetColumn);
            return column.type.isEmpty() ? mapping.targetColumn : QStringLiteral("%1  (%2)").arg(mapping.targetColumn, column.type);
        }
        case DirectionColumn:
            return role == Qt::EditRole ? enumName(mapping.direction) : directionLabel(mapping.direction);
        case TransformColumn:
            return mapping.transform;
        case KindColumn:
            return role == Qt::EditRole ? kindValue(mapping.kind, mapping.referencedDefinition)
                                        : kindLabel(mapping.kind, mapping.referencedDefinition);
        case SampleColumn: {
            if (!error.isEmpty())
                return error;
            const QStringList preview = previewFor(index.row());
            return preview.isEmpty() ? QString() : preview.first();
        }
        default:
            return {};
        }
    case Qt::CheckStateRole:
        return index.column() == KeyColumn ? QVariant(mapping.key ? Qt::Checked : Qt::Unchecked) : QVariant();
    case Qt::ForegroundRole:
        if (!error.isEmpty())
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    case Qt::ToolTipRole:
        if (!error.isEmpty())
            return tr("The transform does not parse: %1").arg(error);
        if (index.column() == DirectionColumn && mapping.systemField)
            return tr("SharePoint maintains this column, so it is only read, never written.");
        if (index.column() == TransformColumn)
            return tr("Steps joined by |: TRIM, UPPER, LOWER, DEFAULT('n/a'), REPLACE('-','/'), REGEX('^PRJ-',''), FORMAT('yyyy-MM-dd') or FORMAT('0.00')");
        if (index.column() == SampleColumn)
            return previewFor(index.row()).join(QLatin1Char('\n'));
        if (index.column() == KindColumn)
            return tr("Lookup: the column holds keys of rows another definition syncs; they are written as the ids of its items, "
                      "and that definition runs first. Person: the column holds emails or UPNs of the site's users.");
        return {};
    default:
        return {};
    }
}

QVariant MappingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SourceColumn: return tr("Source column");
    case TargetColumn: return tr("SharePoint column");
    case DirectionColumn: return tr("Direction");
    case TransformColumn: return tr("Transform");
    case KeyColumn: return tr("Key");
    case KindColumn:
        return tr("Kind");
    case SampleColumn: return tr("First sample row");
    default: return {};
    }
}

Qt::ItemFlags MappingModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractTableModel::flags(index);
    if (!index.isValid())
        return flags;
    const FieldMapping &mapping = m_mappings.at(index.row());
    if (index.column() == DirectionColumn && !mapping.systemField)
        flags |= Qt::ItemIsEditable;
    if (index.column() == TransformColumn || (index.column() == KindColumn && !mapping.systemField))
        flags |= Qt::ItemIsEditable;
    if (index.column() == KeyColumn)
        flags |= Qt::ItemIsUserCheckable;
    return flags;
}

bool MappingModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    if (!index.isValid() || index.row() >= m_mappings.size())
        return false;
    FieldMapping &mapping = m_mappings[index.row()];
    if (index.column() == DirectionColumn && role == Qt::EditRole) {
        const auto direction = fromString<FieldDirection>(value.toString());
        if (!direction || mapping.systemField)
            return false;
        mapping.direction = *direction;
    } else if (index.column() == TransformColumn && role == Qt::EditRole) {
        mapping.transform = value.toString().trimmed();
        emit dataChanged(index.siblingAtColumn(SampleColumn), index.siblingAtColumn(SampleColumn));
    } else if (index.column() == KindColumn && role == Qt::EditRole && !mapping.systemField) {
        const QString text = value.toString();
        const auto kind = fromString<FieldKind>(text.section(QLatin1Char(':'), 0, 0));
        const QString referenced = text.section(QLatin1Char(':'), 1);
        if (!kind || (*kind == FieldKind::Lookup) == referenced.trimmed().isEmpty())
            return false; // a lookup names its definition, nothing else does
        mapping.kind = *kind;
        mapping.referencedDefinition = referenced;
    } else if (index.column() == KeyColumn && role == Qt::CheckStateRole) {
        mapping.key = value.toInt() == Qt::Checked;
    } else {
        return false;
    }
    emit dataChanged(index, index);
    emit mappingsChanged();
    return true;
}

} // namespace SyncBridge

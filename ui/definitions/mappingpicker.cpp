#include "definitions/mappingpicker.h"

#include "definitions/mappingmodel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSet>

namespace SyncBridge {

MappingPicker::MappingPicker(const TableInfo &table, const QList<SharePointColumn> &targets, const QList<FieldMapping> &existing, FieldDirection direction,
                             QWidget *parent)
    : QDialog(parent)
    , m_source(new QComboBox(this))
    , m_target(new QComboBox(this))
    , m_direction(new QComboBox(this))
    , m_note(new QLabel(this))
    , m_targets(targets)
{
    setObjectName(QStringLiteral("mappingPicker"));
    setWindowTitle(tr("Add a mapping"));
    m_source->setObjectName(QStringLiteral("pickerSource"));
    m_target->setObjectName(QStringLiteral("pickerTarget"));
    m_direction->setObjectName(QStringLiteral("pickerDirection"));
    m_note->setWordWrap(true);

    QSet<QString> mapped;
    for (const FieldMapping &mapping : existing)
        mapped.insert(mapping.targetColumn);
    for (const ColumnInfo &column : table.columns)
        m_source->addItem(QStringLiteral("%1  (%2)").arg(column.name, column.dataType), column.name);
    for (const SharePointColumn &column : targets) {
        QString label = column.displayName == column.name || column.displayName.isEmpty() ? column.name : QStringLiteral("%1 — %2").arg(column.displayName, column.name);
        label += QStringLiteral("  (%1)").arg(column.type);
        if (mapped.contains(column.name))
            label += tr(" · mapped");
        m_target->addItem(label, column.name);
    }
    for (FieldDirection choice : {FieldDirection::PushOnly, FieldDirection::Bidirectional, FieldDirection::PullOnly})
        m_direction->addItem(MappingModel::directionLabel(choice), enumName(choice));
    m_chosenDirection = enumName(direction);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add mapping"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_source->count() > 0 && m_target->count() > 0);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Source column:"), m_source);
    form->addRow(tr("Share&Point column:"), m_target);
    form->addRow(tr("&Direction:"), m_direction);
    form->addRow(m_note);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_target, &QComboBox::currentIndexChanged, this, &MappingPicker::describe);
    connect(m_direction, &QComboBox::activated, this, [this]() { m_chosenDirection = m_direction->currentData().toString(); });
    describe();
}

void MappingPicker::describe()
{
    const SharePointColumn column = m_targets.value(m_target->currentIndex());
    const bool readOnly = column.system || column.readOnly;
    m_direction->setEnabled(!readOnly);
    m_direction->setCurrentIndex(m_direction->findData(readOnly ? enumName(FieldDirection::PullOnly) : m_chosenDirection));
    m_note->setText(readOnly ? tr("SharePoint maintains '%1': it can only be read into the database.").arg(column.name) : QString());
}

FieldMapping MappingPicker::mapping() const
{
    FieldMapping mapping;
    mapping.sourceColumn = m_source->currentData().toString();
    mapping.targetColumn = m_target->currentData().toString();
    mapping.direction = fromString<FieldDirection>(m_direction->currentData().toString()).value_or(FieldDirection::PushOnly);
    return mapping;
}

} // namespace SyncBridge

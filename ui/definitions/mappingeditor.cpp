#include "definitions/mappingeditor.h"

#include "common/uisettings.h"
#include "definitions/columnoptionsbar.h"
#include "definitions/columntree.h"
#include "definitions/mappinglinks.h"
#include "definitions/mappingmodel.h"
#include "definitions/mappingpicker.h"
#include "definitions/transformbar.h"

#include "graph/provisioning.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

const QColor errorColour(0xc6, 0x28, 0x28);
const QColor warningColour(0xb2, 0x6a, 0x00);

// A cell edited through a combo box whose items' data are the cell's edit values.
class ComboDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void setEditorData(QWidget *editor, const QModelIndex &index) const override
    {
        auto *combo = static_cast<QComboBox *>(editor);
        combo->setCurrentIndex(combo->findData(index.data(Qt::EditRole)));
    }
    void setModelData(QWidget *editor, QAbstractItemModel *model, const QModelIndex &index) const override
    {
        model->setData(index, static_cast<QComboBox *>(editor)->currentData(), Qt::EditRole);
    }
};

// Direction cells: the three directions.
class DirectionDelegate : public ComboDelegate
{
public:
    using ComboDelegate::ComboDelegate;

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        auto *combo = new QComboBox(parent);
        for (FieldDirection direction : {FieldDirection::Bidirectional, FieldDirection::PushOnly, FieldDirection::PullOnly})
            combo->addItem(MappingModel::directionLabel(direction), enumName(direction));
        return combo;
    }
};

// Kind cells: a value, a person, or a lookup into each other definition.
class KindDelegate : public ComboDelegate
{
public:
    KindDelegate(const MappingModel *model, QObject *parent)
        : ComboDelegate(parent)
        , m_model(model)
    {
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &, const QModelIndex &index) const override
    {
        auto *combo = new QComboBox(parent);
        combo->setObjectName(QStringLiteral("mappingKindChoice"));
        combo->addItem(MappingModel::kindLabel(FieldKind::Value, {}), MappingModel::kindValue(FieldKind::Value, {}));
        combo->addItem(MappingModel::kindLabel(FieldKind::Person, {}), MappingModel::kindValue(FieldKind::Person, {}));
        QStringList names = m_model->referenceChoices();
        const QString current = index.data(Qt::EditRole).toString().section(QLatin1Char(':'), 1);
        if (!current.isEmpty() && !names.contains(current))
            names << current; // a name no definition has any more stays choosable as it is
        for (const QString &name : std::as_const(names))
            combo->addItem(MappingModel::kindLabel(FieldKind::Lookup, name), MappingModel::kindValue(FieldKind::Lookup, name));
        return combo;
    }

private:
    const MappingModel *m_model;
};

} // namespace

void MappingEditor::setDefinitionNames(const QStringList &names)
{
    m_model->setReferenceChoices(names);
}

MappingEditor::MappingEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new MappingModel(this))
    , m_sources(new ColumnTree(ColumnTree::Side::Source, this))
    , m_targets(new ColumnTree(ColumnTree::Side::Target, this))
    , m_links(new MappingLinks(m_sources, m_targets, m_model, this))
    , m_table(new QTableView(this))
    , m_adviceList(new QListWidget(this))
    , m_origin(new QLabel(this))
    , m_preview(new QLabel(this))
    , m_sampleNote(new QLabel(this))
    , m_autoMap(new QPushButton(tr("Auto-map"), this))
    , m_pick(new QPushButton(tr("Add mapping…"), this))
    , m_connect(new QPushButton(tr("Connect"), this))
    , m_remove(new QPushButton(tr("Remove mapping"), this))
    , m_readColumns(new QPushButton(tr("Read list columns"), this))
    , m_transformBar(new TransformBar(this))
    , m_columnOptions(new ColumnOptionsBar(this))
{
    setObjectName(QStringLiteral("mappingEditor"));
    m_sources->setObjectName(QStringLiteral("mappingSources"));
    m_targets->setObjectName(QStringLiteral("mappingTargets"));
    m_table->setObjectName(QStringLiteral("mappingTable"));
    m_adviceList->setObjectName(QStringLiteral("mappingAdvice"));
    m_preview->setObjectName(QStringLiteral("mappingPreview"));
    m_autoMap->setObjectName(QStringLiteral("autoMap"));
    m_pick->setObjectName(QStringLiteral("addMapping"));
    m_connect->setObjectName(QStringLiteral("connectColumns"));
    m_remove->setObjectName(QStringLiteral("removeMapping"));
    m_sources->setHeaderLabels({tr("Source column"), tr("Type")});
    m_targets->setHeaderLabels({tr("SharePoint column"), tr("Type"), tr("Notes")});
    m_autoMap->setToolTip(tr("Map every SharePoint column nothing maps yet to the source column with the most similar name"));
    m_pick->setToolTip(tr("Choose a source column and a SharePoint column from lists (Ctrl+Shift+M)"));
    m_pick->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+M")));
    m_connect->setToolTip(tr("Map the column selected on the left to the one selected on the right (Ctrl+Shift+L); or drag a source column onto a SharePoint column"));
    m_connect->setShortcut(QKeySequence(QStringLiteral("Ctrl+Shift+L")));
    m_remove->setToolTip(tr("Remove the selected mapping (Delete)"));
    m_readColumns->setObjectName(QStringLiteral("readListColumns"));
    m_readColumns->setToolTip(tr("Read the list's columns from SharePoint and record them in the catalog"));
    m_readColumns->hide();
    m_origin->setObjectName(QStringLiteral("mappingColumnsOrigin"));
    m_origin->setWordWrap(true);
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sampleNote->setWordWrap(true);
    m_sampleNote->setStyleSheet(QStringLiteral("color: palette(placeholder-text)"));

    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(MappingModel::DirectionColumn, new DirectionDelegate(m_table));
    m_table->setItemDelegateForColumn(MappingModel::KindColumn, new KindDelegate(m_model, m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed | QAbstractItemView::SelectedClicked);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(MappingModel::SourceColumn, 200);
    m_table->setColumnWidth(MappingModel::TargetColumn, 190);
    m_table->setColumnWidth(MappingModel::DirectionColumn, 160);
    m_table->setColumnWidth(MappingModel::TransformColumn, 150);
    m_table->setColumnWidth(MappingModel::KeyColumn, 40);
    m_table->horizontalHeader()->restoreState(UiSettings::mappingTableHeader.value());

    auto *buttons = new QHBoxLayout;
    for (QPushButton *button : {m_autoMap, m_pick, m_connect, m_remove})
        buttons->addWidget(button);
    buttons->addStretch();
    auto *columns = new QWidget(this);
    auto *columnsLayout = new QHBoxLayout(columns);
    columnsLayout->setContentsMargins(0, 0, 0, 0);
    columnsLayout->setSpacing(0);
    columnsLayout->addWidget(m_sources, 4);
    columnsLayout->addWidget(m_links, 1);
    columnsLayout->addWidget(m_targets, 5);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_table, 1);
    lowerLayout->addWidget(m_transformBar);
    lowerLayout->addWidget(m_columnOptions);
    lowerLayout->addWidget(m_preview);
    lowerLayout->addWidget(m_sampleNote);
    lowerLayout->addWidget(m_adviceList);
    // The mapping grid gets the space: the column panes are for finding and dragging, a few rows
    // suffice, and the splitter gives them more when wanted.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("mappingSplitter"));
    splitter->addWidget(columns);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({240, 560});
    m_table->setMinimumHeight(6 * m_table->verticalHeader()->defaultSectionSize());
    m_adviceList->setMaximumHeight(84);
    m_adviceList->setToolTip(tr("Problems and warnings"));
    auto *originRow = new QHBoxLayout;
    originRow->addWidget(m_origin, 1);
    originRow->addWidget(m_readColumns);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addLayout(originRow);
    layout->addWidget(splitter, 1);

    connect(m_autoMap, &QPushButton::clicked, this, &MappingEditor::autoMap);
    connect(m_pick, &QPushButton::clicked, this, &MappingEditor::openPicker);
    connect(m_connect, &QPushButton::clicked, this, &MappingEditor::connectSelected);
    connect(m_remove, &QPushButton::clicked, this, &MappingEditor::removeSelected);
    connect(m_targets, &ColumnTree::sourceDropped, this, &MappingEditor::addMapping);
    connect(m_readColumns, &QPushButton::clicked, this, &MappingEditor::readColumnsRequested);
    connect(m_transformBar, &TransformBar::stepChosen, this, &MappingEditor::addTransformStep);
    connect(m_columnOptions, &ColumnOptionsBar::optionsChanged, this, [this](const QString &description, bool richText, bool addsChoices) {
        m_model->setColumnOptions(m_table->currentIndex().row(), description, richText, addsChoices);
    });
    connect(m_model, &MappingModel::mappingsChanged, this, [this]() {
        refresh();
        emit changed();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
        m_links->setSelectedRow(current.row());
        m_transformBar->setEnabled(current.isValid());
        showColumnOptions();
        showPreview();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &MappingEditor::showPreview);
    auto *removeShortcut = new QAction(this);
    removeShortcut->setShortcut(QKeySequence::Delete);
    removeShortcut->setShortcutContext(Qt::WidgetShortcut);
    connect(removeShortcut, &QAction::triggered, this, &MappingEditor::removeSelected);
    m_table->addAction(removeShortcut);
    refresh();
}

MappingEditor::~MappingEditor()
{
    UiSettings::mappingTableHeader.setValue(m_table->horizontalHeader()->saveState());
}

void MappingEditor::setColumns(const TableInfo &table, const QList<SharePointColumn> &targets, const QString &origin)
{
    m_tableInfo = table;
    m_targetColumns = targets;
    m_model->setColumns(table, targets);
    m_originText = origin;
    m_origin->setStyleSheet(QString());
    m_origin->setText(origin);
    fillTrees();
    refresh();
}

void MappingEditor::setMappings(const QList<FieldMapping> &mappings)
{
    m_model->setMappings(mappings);
    refresh();
}

QList<FieldMapping> MappingEditor::mappings() const
{
    return m_model->mappings();
}

void MappingEditor::setSamples(const QList<QHash<QString, QJsonValue>> &samples, const QString &note)
{
    m_model->setSamples(samples);
    m_sampleNote->setText(note);
    showPreview();
}

void MappingEditor::setReadColumnsOffered(bool offered)
{
    m_readColumns->setVisible(offered);
    m_readColumns->setEnabled(true);
}

void MappingEditor::setReadingColumns(const QString &status)
{
    m_readColumns->setEnabled(status.isEmpty());
    m_origin->setStyleSheet(QString());
    m_origin->setText(status.isEmpty() ? m_originText : status);
}

void MappingEditor::setColumnsNote(const QString &note, bool error)
{
    m_origin->setStyleSheet(error ? QStringLiteral("color: #c62828") : QString());
    m_origin->setText(note);
}

void MappingEditor::addTransformStep(const QString &step)
{
    const int row = m_table->currentIndex().row();
    if (row < 0 || step.isEmpty())
        return;
    const QModelIndex transform = m_model->index(row, MappingModel::TransformColumn);
    m_model->setData(transform, TransformBar::appended(transform.data(Qt::EditRole).toString(), step), Qt::EditRole);
}

void MappingEditor::showColumnOptions()
{
    const int row = m_table->currentIndex().row();
    if (row < 0 || row >= m_model->rowCount()) {
        m_columnOptions->clearOptions();
        return;
    }
    const FieldMapping mapping = m_model->mappings().at(row);
    const auto target = std::find_if(m_targetColumns.cbegin(), m_targetColumns.cend(),
        [&](const SharePointColumn &column) { return column.name == mapping.targetColumn; });
    QStringList sources;
    for (const ColumnInfo &column : std::as_const(m_tableInfo.columns))
        sources << column.name;
    m_columnOptions->showOptions(mapping, target != m_targetColumns.cend() ? &*target : nullptr, sources);
}

void MappingEditor::fillTrees()
{
    m_sources->clear();
    for (const ColumnInfo &column : std::as_const(m_tableInfo.columns)) {
        auto *item = new QTreeWidgetItem(m_sources, {column.name, column.dataType});
        item->setData(0, ColumnTree::ColumnNameRole, column.name);
        item->setToolTip(0, tr("Drag onto a SharePoint column to map it"));
    }
    m_targets->clear();
    m_offeredTargets.clear();
    for (const SharePointColumn &column : std::as_const(m_targetColumns)) {
        // SharePoint's plumbing (hidden columns, Edit, LinkTitle, DocIcon, compliance labels…) and the
        // key SyncBridge writes itself are not offered; of SharePoint's own columns, those worth reading are.
        static const QStringList readableSystemColumns = {QStringLiteral("ID"), QStringLiteral("Created"), QStringLiteral("Modified"),
                                                          QStringLiteral("Author"), QStringLiteral("Editor"), QStringLiteral("_UIVersionString")};
        if (column.hidden || column.name == syncBridgeKeyColumn || (column.system && !readableSystemColumns.contains(column.name)))
            continue;
        m_offeredTargets << column;
        const QString label = column.displayName.isEmpty() || column.displayName == column.name ? column.name : QStringLiteral("%1 (%2)").arg(column.displayName, column.name);
        auto *item = new QTreeWidgetItem(m_targets, {label, column.maxLength > 0 ? QStringLiteral("%1 (%2)").arg(column.type).arg(column.maxLength) : column.type});
        item->setData(0, ColumnTree::ColumnNameRole, column.name);
    }
    m_sources->resizeColumnToContents(0);
    m_targets->resizeColumnToContents(0);
}

void MappingEditor::refresh()
{
    m_advice = checkMappings(m_tableInfo, m_targetColumns, m_model->mappings());
    QHash<QPair<QString, QString>, QColor> colours;
    m_adviceList->clear();
    for (const MappingAdvice &advice : std::as_const(m_advice)) {
        const bool error = advice.severity == MappingAdvice::Severity::Error;
        QString subject = advice.sourceColumn.isEmpty() ? advice.targetColumn : QStringLiteral("%1 → %2").arg(advice.sourceColumn, advice.targetColumn);
        auto *item = new QListWidgetItem(style()->standardIcon(error ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning),
                                         QStringLiteral("%1: %2").arg(subject, advice.message), m_adviceList);
        item->setData(Qt::UserRole, error);
        if (!advice.sourceColumn.isEmpty()) {
            QColor &colour = colours[{advice.sourceColumn, advice.targetColumn}];
            colour = error || colour == errorColour ? errorColour : warningColour;
        }
    }
    if (m_advice.isEmpty())
        new QListWidgetItem(style()->standardIcon(QStyle::SP_DialogApplyButton), tr("Every mapping fits its column."), m_adviceList);
    m_links->setProblemColours(colours);

    // The right side says which columns are mapped, managed by SharePoint, or required but unfilled.
    QHash<QString, int> mappedCount;
    for (const FieldMapping &mapping : m_model->mappings())
        ++mappedCount[mapping.targetColumn];
    for (int i = 0; i < m_targets->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_targets->topLevelItem(i);
        const SharePointColumn column = m_offeredTargets.value(i);
        QStringList notes;
        if (column.system)
            notes << tr("SharePoint-managed");
        else if (column.readOnly)
            notes << tr("read-only");
        if (mappedCount.value(column.name) > 0)
            notes << tr("mapped");
        const bool missing = column.required && !column.system && !column.readOnly && mappedCount.value(column.name) == 0;
        if (missing)
            notes << tr("required, not mapped");
        item->setText(2, notes.join(QStringLiteral(" · ")));
        for (int c = 0; c < 3; ++c)
            item->setForeground(c, missing ? QBrush(errorColour) : (column.system || column.readOnly ? palette().brush(QPalette::PlaceholderText) : palette().brush(QPalette::Text)));
    }
    const bool hasColumns = !m_tableInfo.columns.isEmpty() && !m_targetColumns.isEmpty();
    m_autoMap->setEnabled(hasColumns);
    m_pick->setEnabled(hasColumns);
    m_connect->setEnabled(hasColumns);
    m_remove->setEnabled(m_model->rowCount() > 0);
    m_transformBar->setEnabled(m_table->currentIndex().isValid());
    showColumnOptions();
    m_links->update();
}

void MappingEditor::showPreview()
{
    const int row = m_table->currentIndex().row();
    if (row < 0) {
        m_preview->setText(m_model->samples().isEmpty() ? QString() : tr("Select a mapping to see its sample values."));
        return;
    }
    const FieldMapping mapping = m_model->mappings().value(row);
    const QString error = m_model->transformError(row);
    if (!error.isEmpty()) {
        m_preview->setText(tr("<span style='color:#c62828'>The transform of %1 does not parse: %2</span>").arg(mapping.sourceColumn.toHtmlEscaped(), error.toHtmlEscaped()));
        return;
    }
    const QStringList values = m_model->previewFor(row);
    m_preview->setText(values.isEmpty() ? tr("No sample rows to preview %1 → %2.").arg(mapping.sourceColumn, mapping.targetColumn)
                                        : tr("%1 → %2 on the sample rows: %3").arg(mapping.sourceColumn, mapping.targetColumn, values.join(QStringLiteral("  ·  "))));
}

void MappingEditor::addMapping(const QString &source, const QString &target)
{
    if (source.isEmpty() || target.isEmpty())
        return;
    FieldMapping mapping;
    mapping.sourceColumn = source;
    mapping.targetColumn = target;
    mapping.direction = m_defaultDirection;
    const int row = m_model->addMapping(mapping);
    m_table->setCurrentIndex(m_model->index(row, MappingModel::DirectionColumn));
}

void MappingEditor::autoMap()
{
    const QList<FieldMapping> suggested = suggestMappings(m_tableInfo, m_targetColumns, m_model->mappings());
    for (FieldMapping mapping : suggested) {
        mapping.direction = m_defaultDirection;
        m_model->addMapping(mapping);
    }
}

void MappingEditor::openPicker()
{
    auto *picker = new MappingPicker(m_tableInfo, m_offeredTargets, m_model->mappings(), m_defaultDirection, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    if (QTreeWidgetItem *current = m_sources->currentItem())
        picker->sourceCombo()->setCurrentIndex(picker->sourceCombo()->findData(current->data(0, ColumnTree::ColumnNameRole)));
    if (QTreeWidgetItem *current = m_targets->currentItem())
        picker->targetCombo()->setCurrentIndex(picker->targetCombo()->findData(current->data(0, ColumnTree::ColumnNameRole)));
    connect(picker, &QDialog::accepted, this, [this, picker]() {
        const FieldMapping mapping = picker->mapping();
        const int row = m_model->addMapping(mapping);
        m_table->setCurrentIndex(m_model->index(row, MappingModel::DirectionColumn));
    });
    picker->open();
}

void MappingEditor::connectSelected()
{
    const QTreeWidgetItem *source = m_sources->currentItem();
    const QTreeWidgetItem *target = m_targets->currentItem();
    if (source && target)
        addMapping(source->data(0, ColumnTree::ColumnNameRole).toString(), target->data(0, ColumnTree::ColumnNameRole).toString());
}

void MappingEditor::removeSelected()
{
    m_model->removeMapping(m_table->currentIndex().row());
}

} // namespace SyncBridge

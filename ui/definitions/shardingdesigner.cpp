#include "definitions/shardingdesigner.h"

#include "definitions/conditionbuilder.h"

#include <QComboBox>
#include <QCompleter>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QKeyEvent>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

enum TargetColumn { NameColumn, ConnectionColumn, SiteColumn, ListColumn };
constexpr int ConditionRole = Qt::UserRole;
constexpr int TargetRole = Qt::UserRole + 1;
// Site cells complete what the catalog knows, and still take any site path.
class CompletingDelegate : public QStyledItemDelegate
{
public:
    CompletingDelegate(const QStringList *choices, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_choices(choices)
    {
    }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (auto *line = qobject_cast<QLineEdit *>(editor)) {
            auto *completer = new QCompleter(*m_choices, line);
            completer->setCaseSensitivity(Qt::CaseInsensitive);
            completer->setFilterMode(Qt::MatchContains);
            line->setCompleter(completer);
        }
        return editor;
    }

private:
    const QStringList *m_choices;
};

// A stored condition as the text form; an expression object that does not parse is shown as its
// JSON, so the rule says what is wrong instead of vanishing.
QString conditionText(const QJsonValue &condition)
{
    if (condition.isString())
        return condition.toString();
    const auto parsed = conditionFromJson(condition);
    return parsed ? conditionToText(*parsed) : QString::fromUtf8(QJsonDocument(condition.toObject()).toJson(QJsonDocument::Compact));
}

} // namespace

ShardingDesigner::ShardingDesigner(QWidget *parent)
    : QWidget(parent)
    , m_targets(new QTableWidget(0, 4, this))
    , m_rules(new QListWidget(this))
    , m_builder(new ConditionBuilder(this))
    , m_ruleTarget(new QComboBox(this))
    , m_default(new QComboBox(this))
    , m_preview(new QTableWidget(0, 3, this))
    , m_previewStatus(new QLabel(this))
    , m_strategyNote(new QLabel(this))
    , m_rulesBox(new QWidget(this))
    , m_removeTarget(new QPushButton(tr("Remove list"), this))
    , m_removeRule(new QPushButton(tr("Remove rule"), this))
    , m_previewTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("shardingDesigner"));
    m_targets->setObjectName(QStringLiteral("targetsTable"));
    m_rules->setObjectName(QStringLiteral("rulesList"));
    m_ruleTarget->setObjectName(QStringLiteral("ruleTarget"));
    m_default->setObjectName(QStringLiteral("defaultTarget"));
    m_preview->setObjectName(QStringLiteral("routePreview"));
    m_previewStatus->setObjectName(QStringLiteral("routePreviewStatus"));
    m_previewStatus->setWordWrap(true);
    m_strategyNote->setWordWrap(true);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_strategyNote);
    leftLayout->addWidget(buildRules(), 2);
    leftLayout->addWidget(buildPreviewBox(), 1);
    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(m_ruleEditor);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildTargetsBox());
    layout->addWidget(splitter, 1);

    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(400);   // count when typing pauses, not on every key
    connect(m_previewTimer, &QTimer::timeout, this, &ShardingDesigner::previewWanted);
    setStrategy(TargetStrategy::Single);
}

QWidget *ShardingDesigner::buildTargetsBox()
{
    m_targets->setHorizontalHeaderLabels({tr("Name"), tr("SharePoint connection"), tr("Site"), tr("List")});
    m_targets->horizontalHeader()->setStretchLastSection(true);
    m_targets->setColumnWidth(NameColumn, 120);
    m_targets->setColumnWidth(ConnectionColumn, 170);
    m_targets->setColumnWidth(SiteColumn, 260);
    m_targets->verticalHeader()->hide();
    m_targets->setMaximumHeight(150);
    m_targets->setItemDelegateForColumn(SiteColumn, new CompletingDelegate(&m_sites, m_targets));
    m_targets->setToolTip(
        tr("The lists rows can go to; rules refer to them by name. Pick a catalogued list, type the name of a list the first run "
           "creates, or provision a new one. Double-click a name or site to edit it."));
    auto *addTargetButton = new QPushButton(tr("Add list"), this);
    addTargetButton->setObjectName(QStringLiteral("addTarget"));
    auto *targetButtons = new QHBoxLayout;
    targetButtons->addWidget(addTargetButton);
    targetButtons->addWidget(m_removeTarget);
    targetButtons->addStretch();
    auto *box = new QGroupBox(tr("SharePoint lists"), this);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_targets);
    layout->addLayout(targetButtons);

    connect(addTargetButton, &QPushButton::clicked, this, &ShardingDesigner::addTarget);
    connect(m_removeTarget, &QPushButton::clicked, this, &ShardingDesigner::removeTarget);
    connect(m_targets, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (m_filling)
            return;
        if (item->column() == SiteColumn)
            fillListPicker(item->row());
        refreshTargetChoices();
        designChanged();
    });
    return box;
}

QWidget *ShardingDesigner::buildRules()
{
    m_rules->setDragDropMode(QAbstractItemView::InternalMove);
    m_rules->setDefaultDropAction(Qt::MoveAction);
    m_rules->setToolTip(tr("Rules are tried from the top; the first that matches a row decides its list. Drag to reorder, or Ctrl+Up / Ctrl+Down."));
    auto *addRuleButton = new QPushButton(tr("Add rule"), this);
    addRuleButton->setObjectName(QStringLiteral("addRule"));
    auto *up = new QPushButton(tr("Up"), this);
    auto *down = new QPushButton(tr("Down"), this);
    up->setToolTip(tr("Try this rule earlier (Ctrl+Up)"));
    down->setToolTip(tr("Try this rule later (Ctrl+Down)"));
    auto *ruleButtons = new QHBoxLayout;
    for (QPushButton *button : {addRuleButton, m_removeRule, up, down})
        ruleButtons->addWidget(button);
    ruleButtons->addStretch();
    auto *defaultRow = new QHBoxLayout;
    defaultRow->addWidget(new QLabel(tr("Rows that match no rule go to:"), this));
    defaultRow->addWidget(m_default, 1);
    auto *rulesLayout = new QVBoxLayout(m_rulesBox);
    rulesLayout->setContentsMargins(0, 0, 0, 0);
    rulesLayout->addWidget(new QLabel(tr("Rules, in order:"), this));
    rulesLayout->addWidget(m_rules, 1);
    rulesLayout->addLayout(ruleButtons);
    rulesLayout->addLayout(defaultRow);

    // The selected rule's editor: the condition, and where its rows go.
    auto *ruleTargetRow = new QHBoxLayout;
    ruleTargetRow->addWidget(new QLabel(tr("Rows matching this rule go to:"), this));
    ruleTargetRow->addWidget(m_ruleTarget, 1);
    m_ruleEditor = new QGroupBox(tr("Selected rule"), this);
    auto *ruleEditorLayout = new QVBoxLayout(m_ruleEditor);
    ruleEditorLayout->addWidget(m_builder, 1);
    ruleEditorLayout->addLayout(ruleTargetRow);

    connect(addRuleButton, &QPushButton::clicked, this, &ShardingDesigner::addRule);
    connect(m_removeRule, &QPushButton::clicked, this, &ShardingDesigner::removeRule);
    connect(up, &QPushButton::clicked, this, [this]() { moveRule(-1); });
    connect(down, &QPushButton::clicked, this, [this]() { moveRule(1); });
    m_rules->installEventFilter(this);   // Ctrl+Up/Down reorder: the list would only move its cursor
    connect(m_rules, &QListWidget::currentItemChanged, this, &ShardingDesigner::onCurrentRuleChanged);
    connect(m_rules->model(), &QAbstractItemModel::rowsMoved, this, [this]() {
        renumberRules();
        designChanged();
    });
    connect(m_builder, &ConditionBuilder::conditionChanged, this, &ShardingDesigner::storeRule);
    connect(m_ruleTarget, &QComboBox::currentIndexChanged, this, &ShardingDesigner::storeRule);
    connect(m_default, &QComboBox::currentIndexChanged, this, [this]() {
        if (!m_filling)
            designChanged();
    });
    return m_rulesBox;
}

QWidget *ShardingDesigner::buildPreviewBox()
{
    m_preview->setHorizontalHeaderLabels({tr("List"), tr("Rows"), tr("Share")});
    m_preview->verticalHeader()->hide();
    m_preview->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setSelectionMode(QAbstractItemView::NoSelection);
    auto *countNow = new QPushButton(tr("Count now"), this);
    countNow->setToolTip(tr("Count the source rows per list again (the database may have changed)"));
    auto *box = new QGroupBox(tr("Rows per list (live, counted in the database)"), this);
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_preview, 1);
    auto *footer = new QHBoxLayout;
    footer->addWidget(m_previewStatus, 1);
    footer->addWidget(countNow);
    layout->addLayout(footer);
    connect(countNow, &QPushButton::clicked, this, &ShardingDesigner::previewWanted);
    return box;
}

bool ShardingDesigner::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_rules && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->modifiers() == Qt::ControlModifier && (key->key() == Qt::Key_Up || key->key() == Qt::Key_Down)) {
            moveRule(key->key() == Qt::Key_Up ? -1 : 1);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void ShardingDesigner::setChoices(const QList<SharePointConnection> &connections, const QStringList &sites, const QList<ListChoice> &lists)
{
    m_connections = connections;
    m_sites = sites;
    m_lists = lists;
    for (int row = 0; row < m_targets->rowCount(); ++row)
        fillListPicker(row);
}

ListPicker *ShardingDesigner::listPicker(int row) const
{
    return qobject_cast<ListPicker *>(m_targets->cellWidget(row, ListColumn));
}

void ShardingDesigner::fillListPicker(int row)
{
    ListPicker *picker = listPicker(row);
    const auto *connection = qobject_cast<QComboBox *>(m_targets->cellWidget(row, ConnectionColumn));
    if (picker && connection)
        picker->offer(m_lists, connection->currentData().toLongLong(),
            m_targets->item(row, SiteColumn) ? m_targets->item(row, SiteColumn)->text().trimmed() : QString());
}

void ShardingDesigner::setList(int row, const QString &name, const QString &graphId)
{
    ListPicker *picker = listPicker(row);
    if (!picker)
        return;
    if (!graphId.isEmpty()
        && std::none_of(m_lists.cbegin(), m_lists.cend(), [&](const ListChoice &choice) { return choice.graphId == graphId; })) {
        const auto *connection = qobject_cast<QComboBox *>(m_targets->cellWidget(row, ConnectionColumn));
        m_lists.append(
            {connection ? connection->currentData().toLongLong() : 0, m_targets->item(row, SiteColumn)->text().trimmed(), name, graphId});
    }
    picker->setList(name, graphId);
    fillListPicker(row);
    refreshTargetChoices();
    designChanged();
}

void ShardingDesigner::setTable(const TableInfo &table)
{
    m_builder->setColumns(table.columns);
}

void ShardingDesigner::setDesign(TargetStrategy strategy, const QList<SyncTarget> &targets, const ShardingPolicy &sharding)
{
    m_filling = true;
    m_targets->setRowCount(0);
    for (const SyncTarget &target : targets)
        addTargetRow(target);
    refreshTargetChoices();
    m_rules->clear();
    for (const ShardingRule &rule : sharding.rules) {
        auto *item = new QListWidgetItem(m_rules);
        item->setData(ConditionRole, conditionText(rule.condition));
        item->setData(TargetRole, rule.targetName);
    }
    renumberRules();
    m_default->setCurrentIndex(qMax(0, m_default->findData(sharding.defaultTargetName)));
    m_filling = false;
    setStrategy(strategy);
    m_rules->setCurrentRow(m_rules->count() > 0 ? 0 : -1);
    showRule(m_rules->currentRow());
    m_previewTimer->start();
}

void ShardingDesigner::setStrategy(TargetStrategy strategy)
{
    m_strategy = strategy;
    const bool conditional = strategy == TargetStrategy::Conditional;
    // One list has no rules: the designer is not shown greyed, it is not shown.
    m_rulesBox->setVisible(conditional);
    m_ruleEditor->setVisible(conditional);
    m_ruleEditor->setEnabled(conditional && m_rules->currentRow() >= 0);
    m_strategyNote->setText(conditional ? tr("Each row goes to the list of the first rule it matches.")
                                        : tr("One list: every row goes to the first list. Choose 'Lists chosen by sharding rules' under General to route rows by rules."));
    m_previewTimer->start();
}

void ShardingDesigner::addTargetRow(const SyncTarget &target)
{
    const bool filling = m_filling;
    m_filling = true;
    const int row = m_targets->rowCount();
    m_targets->insertRow(row);
    m_targets->setItem(row, NameColumn, new QTableWidgetItem(target.name));
    auto *connection = new QComboBox(m_targets);
    for (const SharePointConnection &candidate : std::as_const(m_connections))
        connection->addItem(candidate.name, candidate.id);
    if (connection->findText(target.connectionName) < 0 && !target.connectionName.isEmpty())
        connection->addItem(target.connectionName, target.connectionId);
    connection->setCurrentText(target.connectionName);
    m_targets->setCellWidget(row, ConnectionColumn, connection);
    m_targets->setItem(row, SiteColumn, new QTableWidgetItem(target.site));
    // The list: picked from the catalogued lists of the row's site, or typed (a list the first run creates).
    auto *list = new ListPicker(m_targets);
    list->setList(target.listName, target.listGraphId);
    m_targets->setItem(row, ListColumn, new QTableWidgetItem);
    m_targets->setCellWidget(row, ListColumn, list);
    fillListPicker(row);
    const auto rowOf = [this, list]() {
        for (int r = 0; r < m_targets->rowCount(); ++r) {
            if (listPicker(r) == list)
                return r;
        }
        return -1;
    };
    connect(list, &ListPicker::listChanged, this, [this]() {
        refreshTargetChoices();
        designChanged();
    });
    connect(list, &ListPicker::provisionRequested, this, [this, rowOf]() { emit provisionListRequested(rowOf()); });
    connect(connection, &QComboBox::currentIndexChanged, this, [this, rowOf]() {
        fillListPicker(rowOf());
        designChanged();
    });
    m_filling = filling;
}

void ShardingDesigner::addTarget()
{
    SyncTarget target;
    QStringList names;
    for (const SyncTarget &existing : targets())
        names << existing.name;
    int n = int(names.size()) + 1;
    while (names.contains(tr("List %1").arg(n)))
        ++n;
    target.name = tr("List %1").arg(n);
    target.connectionName = m_connections.isEmpty() ? QString() : m_connections.first().name;
    target.connectionId = m_connections.isEmpty() ? 0 : m_connections.first().id;
    target.site = m_sites.value(0);
    addTargetRow(target);
    refreshTargetChoices();
    m_targets->setCurrentCell(m_targets->rowCount() - 1, NameColumn);
    m_targets->editItem(m_targets->item(m_targets->rowCount() - 1, NameColumn));
    designChanged();
}

void ShardingDesigner::removeTarget()
{
    const int row = m_targets->currentRow();
    if (row < 0)
        return;
    m_targets->removeRow(row);
    refreshTargetChoices();
    designChanged();
}

QList<SyncTarget> ShardingDesigner::targets() const
{
    QList<SyncTarget> result;
    for (int row = 0; row < m_targets->rowCount(); ++row) {
        SyncTarget target;
        target.name = m_targets->item(row, NameColumn)->text().trimmed();
        const auto *connection = qobject_cast<QComboBox *>(m_targets->cellWidget(row, ConnectionColumn));
        target.connectionName = connection->currentText();
        target.connectionId = connection->currentData().toLongLong();
        target.site = m_targets->item(row, SiteColumn)->text().trimmed();
        const ListPicker *list = listPicker(row);
        target.listName = list->listName();
        target.listGraphId = list->graphId();
        result << target;
    }
    return result;
}

ShardingPolicy ShardingDesigner::sharding() const
{
    ShardingPolicy policy;
    for (int i = 0; i < m_rules->count(); ++i)
        policy.rules.append({QJsonValue(m_rules->item(i)->data(ConditionRole).toString()), m_rules->item(i)->data(TargetRole).toString()});
    policy.defaultTargetName = m_default->currentData().toString();
    return policy;
}

void ShardingDesigner::refreshTargetChoices()
{
    const bool filling = m_filling;
    m_filling = true;
    const QString ruleTarget = m_ruleTarget->currentData().toString();
    const QString defaultTarget = m_default->currentData().toString();
    m_ruleTarget->clear();
    m_default->clear();
    m_default->addItem(tr("(none: such rows are not synced)"), QString());
    for (const SyncTarget &target : targets()) {
        const QString label = QStringLiteral("%1 — %2").arg(target.name, target.listName);
        m_ruleTarget->addItem(label, target.name);
        m_default->addItem(label, target.name);
    }
    m_ruleTarget->setCurrentIndex(m_ruleTarget->findData(ruleTarget));
    m_default->setCurrentIndex(qMax(0, m_default->findData(defaultTarget)));
    m_removeTarget->setEnabled(m_targets->rowCount() > 0);
    m_filling = filling;
}

void ShardingDesigner::showRule(int row)
{
    const bool filling = m_filling;
    m_filling = true;
    QListWidgetItem *item = m_rules->item(row);
    m_ruleEditor->setEnabled(item && m_strategy == TargetStrategy::Conditional);
    m_builder->setText(item ? item->data(ConditionRole).toString() : QString());
    m_ruleTarget->setCurrentIndex(item ? m_ruleTarget->findData(item->data(TargetRole)) : -1);
    m_removeRule->setEnabled(item != nullptr);
    m_filling = filling;
}

void ShardingDesigner::onCurrentRuleChanged(QListWidgetItem *current, QListWidgetItem *previous)
{
    // Text typed into the rule being left belongs to it, not to the rule shown next.
    if (previous && m_builder->hasPendingText() && m_rules->row(previous) >= 0) {
        previous->setData(ConditionRole, m_builder->text());
        renumberRules();
        designChanged();
    }
    showRule(current ? m_rules->row(current) : -1);
}

void ShardingDesigner::applyPendingEdits()
{
    m_builder->applyPendingText();
}

void ShardingDesigner::storeRule()
{
    QListWidgetItem *item = m_rules->currentItem();
    if (m_filling || !item)
        return;
    item->setData(ConditionRole, m_builder->text());
    item->setData(TargetRole, m_ruleTarget->currentData());
    renumberRules();
    designChanged();
}

void ShardingDesigner::renumberRules()
{
    for (int i = 0; i < m_rules->count(); ++i) {
        QListWidgetItem *item = m_rules->item(i);
        const QString condition = item->data(ConditionRole).toString();
        const QString target = item->data(TargetRole).toString();
        item->setText(tr("%1.  %2  →  %3").arg(i + 1).arg(condition.isEmpty() ? tr("(no condition yet)") : condition, target.isEmpty() ? tr("(no list)") : target));
        const auto parsed = parseCondition(condition);
        item->setForeground(parsed ? palette().brush(QPalette::Text) : QBrush(QColor(0xc6, 0x28, 0x28)));
        item->setToolTip(parsed ? QString() : parsed.error().message());
    }
}

void ShardingDesigner::addRule()
{
    m_builder->applyPendingText();
    auto *item = new QListWidgetItem(m_rules);
    item->setData(ConditionRole, QString());
    item->setData(TargetRole, targets().isEmpty() ? QString() : targets().first().name);
    renumberRules();
    m_rules->setCurrentItem(item);
    designChanged();
}

void ShardingDesigner::removeRule()
{
    m_builder->setText({}); // what was typed goes with the rule
    delete m_rules->currentItem();
    renumberRules();
    showRule(m_rules->currentRow());
    designChanged();
}

void ShardingDesigner::moveRule(int delta)
{
    const int row = m_rules->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_rules->count())
        return;
    m_builder->applyPendingText();
    QListWidgetItem *item = m_rules->takeItem(row);
    m_rules->insertItem(to, item);
    m_rules->setCurrentRow(to);
    renumberRules();
    designChanged();
}

void ShardingDesigner::designChanged()
{
    if (m_filling)
        return;
    emit changed();
    m_previewTimer->start();
}

void ShardingDesigner::setPreviewPending(const QString &why)
{
    m_previewStatus->setStyleSheet(QString());
    m_previewStatus->setText(why);
}

void ShardingDesigner::setPreview(const Result<RoutePreview> &preview, qint64 elapsedMs)
{
    m_preview->setRowCount(0);
    if (!preview) {
        m_previewStatus->setStyleSheet(QStringLiteral("color: #c62828"));
        m_previewStatus->setText(tr("Cannot count: %1").arg(preview.error().message()));
        return;
    }
    const QLocale locale;
    const auto addRow = [&](const QString &list, qint64 rows, bool muted) {
        const int row = m_preview->rowCount();
        m_preview->insertRow(row);
        const double share = preview->totalRows > 0 ? 100.0 * double(rows) / double(preview->totalRows) : 0.0;
        const QStringList cells = {list, locale.toString(rows), QStringLiteral("%1 %").arg(locale.toString(share, 'f', 1))};
        for (int column = 0; column < cells.size(); ++column) {
            auto *cell = new QTableWidgetItem(cells.at(column));
            if (column > 0)
                cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (muted)
                cell->setForeground(palette().brush(QPalette::PlaceholderText));
            m_preview->setItem(row, column, cell);
        }
    };
    for (const SyncTarget &target : targets())
        addRow(QStringLiteral("%1 — %2").arg(target.name, target.listName), preview->rowsPerTarget.value(target.name), false);
    if (m_strategy == TargetStrategy::Conditional) {
        const QString fate = preview->defaultTarget.isEmpty() ? tr("not synced") : tr("included above in %1").arg(preview->defaultTarget);
        addRow(tr("Matching no rule (%1)").arg(fate), preview->unmatchedRows, true);
    }
    m_previewStatus->setStyleSheet(QString());
    m_previewStatus->setText(tr("%1 rows counted in %2 ms.").arg(locale.toString(preview->totalRows)).arg(elapsedMs));
}

} // namespace SyncBridge

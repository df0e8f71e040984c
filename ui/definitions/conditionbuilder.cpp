#include "definitions/conditionbuilder.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

enum ItemKind { GroupKind = QTreeWidgetItem::UserType + 1, ComparisonKind };

// The operators a row offers, as the text form writes them.
const QStringList operators = {QStringLiteral("=="), QStringLiteral("!="), QStringLiteral("<"), QStringLiteral("<="), QStringLiteral(">"), QStringLiteral(">="),
                               QStringLiteral("in"), QStringLiteral("contains"), QStringLiteral("starts with"), QStringLiteral("is null"), QStringLiteral("is not null")};

QString plain(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (value.isNull())
        return QStringLiteral("null");
    return QString::number(value.toDouble(), 'g', 15);
}

// The parsed condition, or an empty "all of" group when the text is empty or does not parse.
Condition parsedOrEmpty(const QString &text)
{
    auto condition = parseCondition(text);
    if (condition)
        return *condition;
    Condition empty;
    empty.kind = Condition::Kind::And;
    return empty;
}

} // namespace

ConditionBuilder::ConditionBuilder(QWidget *parent)
    : QWidget(parent)
    , m_text(new QLineEdit(this))
    , m_errorLabel(new QLabel(this))
    , m_tree(new QTreeWidget(this))
    , m_addComparison(new QPushButton(tr("Add condition"), this))
    , m_addGroup(new QPushButton(tr("Add group"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_pause(new QTimer(this))
{
    m_text->setObjectName(QStringLiteral("conditionText"));
    m_text->setPlaceholderText(tr("e.g. status == 'Active' and budget_amount >= 1000000"));
    m_text->setToolTip(tr("The condition as text: ==, !=, <, <=, >, >=, in (…), contains, starts with, is null, is not null; and, or, not; 'text' in quotes"));
    m_errorLabel->setObjectName(QStringLiteral("conditionError"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::RichText);
    m_errorLabel->hide();
    m_tree->setObjectName(QStringLiteral("conditionTree"));
    m_tree->setHeaderLabels({tr("Column / group"), tr("Operator"), tr("Value")});
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_tree->setMinimumHeight(130);
    m_addComparison->setObjectName(QStringLiteral("addComparison"));
    m_addGroup->setObjectName(QStringLiteral("addGroup"));
    m_addComparison->setToolTip(tr("Add a column–operator–value row to the selected group"));
    m_addGroup->setToolTip(tr("Add a group whose rows must all match (or any of them)"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addComparison);
    buttons->addWidget(m_addGroup);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(new QLabel(tr("Condition as text:"), this));
    layout->addWidget(m_text);
    layout->addWidget(m_errorLabel);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);

    m_pause->setSingleShot(true);
    m_pause->setInterval(700); // a pause in typing applies the text
    connect(m_pause, &QTimer::timeout, this, &ConditionBuilder::applyPendingText);
    m_text->installEventFilter(this); // losing focus applies the text and lets the builder follow
    connect(m_text, &QLineEdit::textEdited, this, &ConditionBuilder::onTextEdited);
    connect(m_text, &QLineEdit::returnPressed, this, &ConditionBuilder::applyPendingText);
    connect(m_addComparison, &QPushButton::clicked, this, [this]() { addComparison(); });
    connect(m_addGroup, &QPushButton::clicked, this, [this]() { addGroup(); });
    connect(m_remove, &QPushButton::clicked, this, &ConditionBuilder::removeSelected);
    setText({});
}

void ConditionBuilder::setColumns(const QList<ColumnInfo> &columns)
{
    m_columns = columns;
    rebuildTree(parsedOrEmpty(m_text->text()));
}

void ConditionBuilder::setText(const QString &text)
{
    m_pause->stop();
    m_pending = false;
    m_treeStale = false;
    m_text->setText(text);
    const auto condition = parseCondition(text);
    showError(condition || text.trimmed().isEmpty() ? QString() : condition.error().message());
    rebuildTree(parsedOrEmpty(text));
}

QString ConditionBuilder::text() const
{
    return m_text->text().trimmed();
}

void ConditionBuilder::onTextEdited()
{
    // Where the text goes wrong is shown at once; the rest waits for a pause or for focus to leave.
    const auto condition = parseCondition(m_text->text());
    showError(condition || m_text->text().trimmed().isEmpty() ? QString() : condition.error().message());
    m_pending = true;
    m_treeStale = true;
    m_pause->start();
}

void ConditionBuilder::applyPendingText()
{
    m_pause->stop();
    if (!m_text->hasFocus())
        rebuildFromText();
    if (!m_pending)
        return;
    m_pending = false;
    emit conditionChanged(text());
}

void ConditionBuilder::rebuildFromText()
{
    if (!m_treeStale)
        return;
    m_treeStale = false;
    if (const auto condition = parseCondition(m_text->text()))
        rebuildTree(*condition); // text that does not parse keeps the builder as it was
}

bool ConditionBuilder::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_text && event->type() == QEvent::FocusOut) {
        // After the focus has moved: the text box has no focus any more, so the builder may follow.
        QTimer::singleShot(0, this, [this]() {
            if (!m_text->hasFocus())
                applyPendingText();
        });
    }
    return QWidget::eventFilter(watched, event);
}

void ConditionBuilder::showError(const QString &error)
{
    m_error = error;
    m_errorLabel->setVisible(!error.isEmpty());
    if (error.isEmpty())
        return;
    // Point at the place: the text up to the error, then the rest marked in red.
    const auto match = QRegularExpression(QStringLiteral("at (\\d+):")).match(error);
    const int position = match.hasMatch() ? match.captured(1).toInt() - 1 : -1;
    QString shown = error.toHtmlEscaped();
    if (position >= 0) {
        const QString text = m_text->text();
        shown += QStringLiteral("<br><code>%1<span style='background:#ffcdd2;color:#c62828'>%2</span></code>")
                     .arg(text.left(position).toHtmlEscaped(), position < text.size() ? text.mid(position).toHtmlEscaped() : QStringLiteral("&nbsp;▲"));
        // The cursor stays where the typist is: moving it to the error would scramble what follows.
    }
    m_errorLabel->setText(QStringLiteral("<span style='color:#c62828'>%1</span>").arg(shown));
}

void ConditionBuilder::rebuildTree(const Condition &condition)
{
    m_rebuilding = true;
    m_tree->clear();
    const bool isGroup = condition.kind == Condition::Kind::And || condition.kind == Condition::Kind::Or;
    QTreeWidgetItem *root = groupItem(nullptr, condition.kind == Condition::Kind::Or);
    if (isGroup) {
        for (const Condition &child : condition.children)
            addNode(root, child);
    } else {
        addNode(root, condition);
    }
    m_tree->expandAll();
    m_tree->setCurrentItem(root);
    m_rebuilding = false;
}

void ConditionBuilder::addNode(QTreeWidgetItem *parent, const Condition &condition)
{
    switch (condition.kind) {
    case Condition::Kind::And:
    case Condition::Kind::Or: {
        QTreeWidgetItem *group = groupItem(parent, condition.kind == Condition::Kind::Or);
        for (const Condition &child : condition.children)
            addNode(group, child);
        return;
    }
    case Condition::Kind::Not:
        if (condition.children.front().kind == Condition::Kind::IsNull) {
            comparisonItem(parent, condition.children.front().column, QStringLiteral("is not null"), {});
            return;
        }
        break;
    case Condition::Kind::In: {
        QStringList values;
        for (const QJsonValue &value : condition.values)
            values << plain(value);
        comparisonItem(parent, condition.column, QStringLiteral("in"), values.join(QStringLiteral(", ")));
        return;
    }
    case Condition::Kind::Contains: comparisonItem(parent, condition.column, QStringLiteral("contains"), plain(condition.value)); return;
    case Condition::Kind::StartsWith: comparisonItem(parent, condition.column, QStringLiteral("starts with"), plain(condition.value)); return;
    case Condition::Kind::IsNull: comparisonItem(parent, condition.column, QStringLiteral("is null"), {}); return;
    case Condition::Kind::Compare: comparisonItem(parent, condition.column, condition.op, plain(condition.value)); return;
    }
    // "not (…)" has no row of its own: shown as text, kept as it is.
    auto *item = new QTreeWidgetItem(parent, {tr("not (%1)").arg(conditionToText(condition.children.front()))});
    item->setData(0, Qt::UserRole, conditionToText(condition));
    item->setToolTip(0, tr("Edit 'not' conditions in the text form"));
}

QTreeWidgetItem *ConditionBuilder::groupItem(QTreeWidgetItem *parent, bool any)
{
    auto *item = parent ? new QTreeWidgetItem(parent, GroupKind) : new QTreeWidgetItem(m_tree, GroupKind);
    auto *combo = new QComboBox(m_tree);
    combo->addItem(tr("All of (and)"), false);
    combo->addItem(tr("Any of (or)"), true);
    combo->setCurrentIndex(any ? 1 : 0);
    m_tree->setItemWidget(item, 0, combo);
    connect(combo, &QComboBox::currentIndexChanged, this, &ConditionBuilder::treeEdited);
    item->setExpanded(true);
    return item;
}

QTreeWidgetItem *ConditionBuilder::comparisonItem(QTreeWidgetItem *parent, const QString &column, const QString &op, const QString &value)
{
    auto *item = new QTreeWidgetItem(parent, ComparisonKind);
    auto *columns = new QComboBox(m_tree);
    for (const ColumnInfo &info : std::as_const(m_columns))
        columns->addItem(info.name);
    if (!column.isEmpty() && columns->findText(column) < 0)
        columns->addItem(column);   // a column the table lacks: kept, and the preview says so
    columns->setCurrentText(column.isEmpty() ? columns->itemText(0) : column);
    auto *ops = new QComboBox(m_tree);
    ops->addItems(operators);
    ops->setCurrentText(op);
    auto *edit = new QLineEdit(value, m_tree);
    edit->setPlaceholderText(tr("value"));
    edit->setEnabled(!op.startsWith(QLatin1String("is ")));
    m_tree->setItemWidget(item, 0, columns);
    m_tree->setItemWidget(item, 1, ops);
    m_tree->setItemWidget(item, 2, edit);
    connect(columns, &QComboBox::currentIndexChanged, this, &ConditionBuilder::treeEdited);
    connect(ops, &QComboBox::currentIndexChanged, this, [this, edit, ops]() {
        edit->setEnabled(!ops->currentText().startsWith(QLatin1String("is ")));
        treeEdited();
    });
    connect(edit, &QLineEdit::textEdited, this, &ConditionBuilder::treeEdited);
    return item;
}

QTreeWidgetItem *ConditionBuilder::targetGroup() const
{
    QTreeWidgetItem *item = m_tree->currentItem();
    while (item && item->type() != GroupKind)
        item = item->parent();
    return item ? item : m_tree->topLevelItem(0);
}

QTreeWidgetItem *ConditionBuilder::addComparison(const QString &column, const QString &op, const QString &value)
{
    QTreeWidgetItem *item = comparisonItem(targetGroup(), column, op, value);
    m_tree->setCurrentItem(item);
    treeEdited();
    return item;
}

QTreeWidgetItem *ConditionBuilder::addGroup(bool any)
{
    QTreeWidgetItem *group = groupItem(targetGroup(), any);
    m_tree->setCurrentItem(group);
    comparisonItem(group, {}, QStringLiteral("=="), {});
    m_tree->setCurrentItem(group);
    treeEdited();
    return group;
}

void ConditionBuilder::removeSelected()
{
    QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || !item->parent())
        return;   // the outermost group stays
    delete item;
    treeEdited();
}

QJsonValue ConditionBuilder::typedValue(const QString &column, const QString &text) const
{
    const auto info = std::find_if(m_columns.cbegin(), m_columns.cend(), [&](const ColumnInfo &c) { return c.name == column; });
    const QString trimmed = text.trimmed();
    if (info != m_columns.cend() && info->holdsNumbers()) {
        bool ok = false;
        const double number = trimmed.toDouble(&ok);
        if (ok)
            return number;
    }
    if (info != m_columns.cend() && info->typeName == QLatin1String("bool") && (trimmed == QLatin1String("true") || trimmed == QLatin1String("false")))
        return trimmed == QLatin1String("true");
    return text;
}

std::optional<Condition> ConditionBuilder::conditionOf(QTreeWidgetItem *item) const
{
    if (item->type() == GroupKind) {
        const auto *combo = qobject_cast<QComboBox *>(m_tree->itemWidget(item, 0));
        Condition group;
        group.kind = combo && combo->currentData().toBool() ? Condition::Kind::Or : Condition::Kind::And;
        for (int i = 0; i < item->childCount(); ++i) {
            if (auto child = conditionOf(item->child(i)))
                group.children.push_back(std::move(*child));
        }
        if (group.children.empty())
            return std::nullopt;
        if (group.children.size() == 1)
            return std::move(group.children.front());
        return group;
    }
    if (item->type() != ComparisonKind) {   // kept text ("not (…)")
        auto kept = parseCondition(item->data(0, Qt::UserRole).toString());
        return kept ? std::optional<Condition>(*kept) : std::nullopt;
    }
    const QString column = qobject_cast<QComboBox *>(m_tree->itemWidget(item, 0))->currentText();
    const QString op = qobject_cast<QComboBox *>(m_tree->itemWidget(item, 1))->currentText();
    const QString value = qobject_cast<QLineEdit *>(m_tree->itemWidget(item, 2))->text();
    if (column.isEmpty())
        return std::nullopt;
    Condition node;
    node.column = column;
    if (op == QLatin1String("is null") || op == QLatin1String("is not null")) {
        node.kind = Condition::Kind::IsNull;
        if (op == QLatin1String("is null"))
            return node;
        Condition negated;
        negated.kind = Condition::Kind::Not;
        negated.children.push_back(std::move(node));
        return negated;
    }
    if (op == QLatin1String("in")) {
        node.kind = Condition::Kind::In;
        for (const QString &part : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            node.values.append(typedValue(column, part.trimmed()));
        return node;
    }
    node.kind = op == QLatin1String("contains") ? Condition::Kind::Contains : op == QLatin1String("starts with") ? Condition::Kind::StartsWith : Condition::Kind::Compare;
    node.op = op;
    node.value = typedValue(column, value);
    return node;
}

void ConditionBuilder::treeEdited()
{
    if (m_rebuilding || !m_tree->topLevelItem(0))
        return;
    m_pause->stop();
    m_pending = false;
    m_treeStale = false;
    const auto condition = conditionOf(m_tree->topLevelItem(0));
    m_text->setText(condition ? conditionToText(*condition) : QString());
    showError({});
    emit conditionChanged(text());
}

} // namespace SyncBridge

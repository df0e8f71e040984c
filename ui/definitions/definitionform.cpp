#include "definitions/definitionform.h"

#include "model/cursoradvice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

template<typename Enum>
void addChoices(QComboBox *combo, std::initializer_list<std::pair<Enum, QString>> choices)
{
    for (const auto &[value, text] : choices)
        combo->addItem(text, int(value));
}

template<typename Enum>
Enum choice(const QComboBox *combo)
{
    return Enum(combo->currentData().toInt());
}

void selectValue(QComboBox *combo, int value)
{
    combo->setCurrentIndex(qMax(0, combo->findData(value)));
}

// The field a problem's JSON path belongs to ("$.definitions[0].cursor.column" → "cursor").
QString fieldOf(const QString &path)
{
    static const QStringList fields{QStringLiteral("name"), QStringLiteral("source"), QStringLiteral("key"), QStringLiteral("cursor"),
                                    QStringLiteral("deletes"), QStringLiteral("mode"), QStringLiteral("conflictPolicy"),
                                    QStringLiteral("targetStrategy")};
    const QString rest = path.section(QLatin1Char(']'), 1).mid(1);   // after "$.definitions[0]."
    const QString head = rest.section(QLatin1Char('.'), 0, 0).section(QLatin1Char('['), 0, 0);
    return fields.contains(head) ? head : QStringLiteral("general");
}

} // namespace

DefinitionForm::DefinitionForm(QWidget *parent)
    : QWidget(parent)
    , m_name(new QLineEdit(this))
    , m_description(new QLineEdit(this))
    , m_enabled(new QCheckBox(tr("Enabled (scheduled runs and Run Sync Now)"), this))
    , m_database(new QComboBox(this))
    , m_instances(new QLabel(this))
    , m_table(new QComboBox(this))
    , m_mode(new QComboBox(this))
    , m_conflict(new QComboBox(this))
    , m_keyStrategy(new QComboBox(this))
    , m_keyColumns(new QListWidget(this))
    , m_cursorStrategy(new QComboBox(this))
    , m_cursorColumn(new QComboBox(this))
    , m_targetStrategy(new QComboBox(this))
    , m_deletePolicy(new QComboBox(this))
    , m_maxShare(new QDoubleSpinBox(this))
{
    setObjectName(QStringLiteral("definitionForm"));
    m_name->setObjectName(QStringLiteral("name"));
    m_database->setObjectName(QStringLiteral("database"));
    for (QComboBox *combo : {m_database, m_table, m_cursorColumn})
        combo->setMinimumWidth(320);
    m_table->setObjectName(QStringLiteral("table"));
    m_keyStrategy->setObjectName(QStringLiteral("keyStrategy"));
    m_keyColumns->setObjectName(QStringLiteral("keyColumns"));
    m_keyColumns->setMaximumHeight(110);
    m_cursorStrategy->setObjectName(QStringLiteral("cursorStrategy"));
    m_cursorColumn->setObjectName(QStringLiteral("cursorColumn"));
    m_instances->setForegroundRole(QPalette::PlaceholderText);
    m_instances->setWordWrap(true);
    addChoices<SyncMode>(m_mode, {{SyncMode::Push, tr("Push (database → lists)")}, {SyncMode::Pull, tr("Pull (lists → database)")},
                                  {SyncMode::TwoWay, tr("Two-way")}, {SyncMode::Cdc, tr("CDC (logical replication)")}});
    addChoices<ConflictPolicy>(m_conflict, {{ConflictPolicy::SourceWins, tr("The database wins")}, {ConflictPolicy::TargetWins, tr("SharePoint wins")},
                                            {ConflictPolicy::LatestWins, tr("The latest change wins")}, {ConflictPolicy::Manual, tr("Ask (manual)")}});
    addChoices<KeyStrategy>(m_keyStrategy, {{KeyStrategy::PrimaryKey, tr("Primary key")}, {KeyStrategy::UniqueConstraint, tr("Unique constraint")},
                                            {KeyStrategy::CompositeColumns, tr("Chosen columns")}, {KeyStrategy::Hashed, tr("Hash of chosen columns")}});
    addChoices<CursorStrategy>(m_cursorStrategy, {{CursorStrategy::UpdatedAt, tr("Changed rows, by a timestamp or increasing column")},
                                                  {CursorStrategy::FullScan, tr("Every row, every run (finds deleted rows)")},
                                                  {CursorStrategy::Cdc, tr("Change data capture")}});
    addChoices<TargetStrategy>(m_targetStrategy, {{TargetStrategy::Single, tr("One list")}, {TargetStrategy::Conditional, tr("Lists chosen by sharding rules")}});
    addChoices<DeletePolicy>(m_deletePolicy, {{DeletePolicy::Leave, tr("Leave their items")}, {DeletePolicy::Delete, tr("Delete their items")},
                                              {DeletePolicy::Mark, tr("Flag their items (SyncBridgeGone)")}});
    m_maxShare->setRange(0, 100);
    m_maxShare->setSuffix(QStringLiteral(" %"));
    m_maxShare->setDecimals(0);
    m_maxShare->setToolTip(tr("Above this share of a list's items, a run asks before deleting"));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::ExpandingFieldsGrow);
    addRow(form, tr("Name"), m_name, QStringLiteral("name"));
    addRow(form, tr("Description"), m_description, QStringLiteral("description"));
    form->addRow(QString(), m_enabled);
    addRow(form, tr("Database"), m_database, QStringLiteral("database"));
    form->addRow(QString(), m_instances);
    addRow(form, tr("Table"), m_table, QStringLiteral("source"));
    addRow(form, tr("Mode"), m_mode, QStringLiteral("mode"));
    addRow(form, tr("Conflicts"), m_conflict, QStringLiteral("conflictPolicy"));
    addRow(form, tr("Row identity"), m_keyStrategy, QStringLiteral("keyStrategy"));
    addRow(form, tr("Key columns"), m_keyColumns, QStringLiteral("key"));
    addRow(form, tr("Reading"), m_cursorStrategy, QStringLiteral("cursorStrategy"));
    addRow(form, tr("Cursor column"), m_cursorColumn, QStringLiteral("cursor"));
    addRow(form, tr("Targets"), m_targetStrategy, QStringLiteral("targetStrategy"));
    addRow(form, tr("Rows gone from the source"), m_deletePolicy, QStringLiteral("deletesPolicy"));
    addRow(form, tr("Ask before deleting more than"), m_maxShare, QStringLiteral("deletes"));
    auto *general = new QLabel(this);
    general->setObjectName(QStringLiteral("message_general"));
    m_messages.insert(QStringLiteral("general"), general);
    general->setWordWrap(true);
    general->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(general);
    layout->addStretch();

    const auto edited = [this]() {
        if (m_filling)
            return;
        m_modified = true;
        validate();
        emit changed();
    };
    for (QLineEdit *edit : {m_name, m_description})
        connect(edit, &QLineEdit::textChanged, this, edited);
    connect(m_enabled, &QCheckBox::toggled, this, edited);
    for (QComboBox *combo : {m_mode, m_conflict, m_keyStrategy, m_cursorStrategy, m_cursorColumn, m_targetStrategy, m_deletePolicy})
        connect(combo, &QComboBox::currentIndexChanged, this, edited);
    connect(m_maxShare, &QDoubleSpinBox::valueChanged, this, edited);
    connect(m_keyColumns, &QListWidget::itemChanged, this, edited);
    connect(m_database, &QComboBox::currentIndexChanged, this, [this, edited]() {
        if (!m_filling)
            fillTables();
        edited();
    });
    connect(m_table, &QComboBox::currentIndexChanged, this, [this, edited]() {
        if (!m_filling)
            fillColumns();
        edited();
    });
}

QLabel *DefinitionForm::addRow(QFormLayout *form, const QString &label, QWidget *field, const QString &key)
{
    // The field, then its message on a row of its own (shown only when there is something to say).
    form->addRow(label, field);
    auto *message = new QLabel(this);
    message->setObjectName(QStringLiteral("message_") + key);
    message->setWordWrap(true);
    form->addRow(QString(), message);
    form->setRowVisible(message, false);
    m_messages.insert(key, message);
    m_form = form;
    return message;
}

void DefinitionForm::showMessage(QLabel *message, const QString &text, const QString &colour)
{
    message->setText(text);
    message->setStyleSheet(QStringLiteral("color: %1").arg(colour));
    if (m_form && m_form->indexOf(message) >= 0)
        m_form->setRowVisible(message, !text.isEmpty());
    else
        message->setVisible(!text.isEmpty());
}

void DefinitionForm::setCatalog(const QList<Database> &databases, const QHash<qint64, QList<TableInfo>> &tables)
{
    m_databases = databases;
    m_tables = tables;
}

void DefinitionForm::setDefinition(const SyncDefinition &definition, const QStringList &otherNames)
{
    m_original = definition;
    m_otherNames = otherNames;
    m_filling = true;
    m_name->setText(definition.name);
    m_description->setText(definition.description);
    m_enabled->setChecked(definition.enabled);
    m_database->clear();
    for (const Database &database : std::as_const(m_databases))
        m_database->addItem(database.name, database.id);
    m_database->setCurrentIndex(m_database->findData(definition.source.databaseId));
    fillTables();
    m_table->setCurrentIndex(m_table->findData(definition.source.schema + QLatin1Char('.') + definition.source.table));
    fillColumns();
    selectValue(m_mode, int(definition.mode));
    selectValue(m_conflict, int(definition.conflictPolicy));
    selectValue(m_keyStrategy, int(definition.keyStrategy));
    for (int i = 0; i < m_keyColumns->count(); ++i)
        m_keyColumns->item(i)->setCheckState(definition.keyColumns.contains(m_keyColumns->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
    selectValue(m_cursorStrategy, int(definition.cursorStrategy));
    m_cursorColumn->setCurrentIndex(m_cursorColumn->findText(definition.cursorColumn));
    selectValue(m_targetStrategy, int(definition.targetStrategy));
    selectValue(m_deletePolicy, int(definition.deletePolicy));
    m_maxShare->setValue(definition.maxDeleteShare * 100);
    m_filling = false;
    m_modified = false;
    validate();
}

void DefinitionForm::setDesign(const QList<SyncTarget> &targets, const ShardingPolicy &sharding, const QList<FieldMapping> &mappings)
{
    m_original.targets = targets;
    m_original.sharding = sharding;
    m_original.mappings = mappings;
    m_modified = true;
    validate();
    emit changed();
}

void DefinitionForm::setSchedule(const SyncDefinition &schedule)
{
    m_original.scheduleCron = schedule.scheduleCron;
    m_original.scheduleTimeZone = schedule.scheduleTimeZone;
    m_original.missedRuns = schedule.missedRuns;
    m_original.schedulePaused = schedule.schedulePaused;
    m_original.driftCheckCron = schedule.driftCheckCron;
    m_modified = true;
    validate();
    emit changed();
}

void DefinitionForm::setModified(bool modified)
{
    m_modified = modified;
}

const TableInfo *DefinitionForm::currentTable() const
{
    const auto tables = m_tables.constFind(m_database->currentData().toLongLong());
    if (tables == m_tables.constEnd())
        return nullptr;
    const QString qualified = m_table->currentData().toString();
    for (const TableInfo &table : *tables) {
        if (table.qualifiedName() == qualified)
            return &table;
    }
    return nullptr;
}

void DefinitionForm::fillTables()
{
    const bool filling = m_filling;
    m_filling = true;
    m_table->clear();
    const qint64 databaseId = m_database->currentData().toLongLong();
    for (const TableInfo &table : m_tables.value(databaseId))
        m_table->addItem(table.qualifiedName(), table.qualifiedName());
    QStringList instances;
    for (const Database &database : std::as_const(m_databases)) {
        if (database.id != databaseId)
            continue;
        for (const DatabaseInstance &instance : database.instances)
            instances << tr("%1 (%2, %3:%4)").arg(instance.name, enumName(instance.role).toLower(), instance.host).arg(instance.port);
    }
    m_instances->setText(instances.isEmpty() ? QString() : tr("Instances, tried in this order: %1").arg(instances.join(QStringLiteral(", "))));
    if (m_table->count() == 0 && databaseId != 0)
        m_instances->setText(m_instances->text() + QLatin1Char('\n') + tr("No tables in the catalog yet: refresh this database on the Catalog page."));
    m_filling = filling;
    if (!filling)
        fillColumns();
}

void DefinitionForm::fillColumns()
{
    const bool filling = m_filling;
    m_filling = true;
    const QString cursor = m_cursorColumn->currentText();
    m_keyColumns->clear();
    m_cursorColumn->clear();
    if (const TableInfo *table = currentTable()) {
        const QStringList primaryKey = table->primaryKey();
        for (const ColumnInfo &column : table->columns) {
            auto *item = new QListWidgetItem(column.name, m_keyColumns);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(primaryKey.contains(column.name) ? Qt::Checked : Qt::Unchecked);
            // a cursor must grow with every change: timestamps, dates and integers
            static const QStringList cursorTypes{QStringLiteral("timestamptz"), QStringLiteral("timestamp"), QStringLiteral("date"),
                                                 QStringLiteral("int8"), QStringLiteral("int4"), QStringLiteral("int2"), QStringLiteral("numeric")};
            if (cursorTypes.contains(column.typeName) && !column.isArray)
                m_cursorColumn->addItem(column.name);
        }
    }
    m_cursorColumn->setCurrentIndex(m_cursorColumn->findText(cursor));
    m_filling = filling;
}

SyncDefinition DefinitionForm::definition() const
{
    SyncDefinition definition = m_original;
    definition.name = m_name->text().trimmed();
    definition.description = m_description->text().trimmed();
    definition.enabled = m_enabled->isChecked();
    definition.source.databaseId = m_database->currentData().toLongLong();
    definition.source.databaseName = m_database->currentText();
    const QString qualified = m_table->currentData().toString();
    definition.source.schema = qualified.section(QLatin1Char('.'), 0, 0);
    definition.source.table = qualified.section(QLatin1Char('.'), 1);
    definition.mode = choice<SyncMode>(m_mode);
    definition.conflictPolicy = choice<ConflictPolicy>(m_conflict);
    definition.keyStrategy = choice<KeyStrategy>(m_keyStrategy);
    definition.keyColumns.clear();
    if (definition.keyStrategy != KeyStrategy::PrimaryKey) {
        for (int i = 0; i < m_keyColumns->count(); ++i) {
            if (m_keyColumns->item(i)->checkState() == Qt::Checked)
                definition.keyColumns << m_keyColumns->item(i)->text();
        }
    }
    definition.cursorStrategy = choice<CursorStrategy>(m_cursorStrategy);
    definition.cursorColumn = definition.cursorStrategy == CursorStrategy::UpdatedAt ? m_cursorColumn->currentText() : QString();
    definition.targetStrategy = choice<TargetStrategy>(m_targetStrategy);
    definition.deletePolicy = choice<DeletePolicy>(m_deletePolicy);
    definition.maxDeleteShare = m_maxShare->value() / 100.0;
    return definition;
}

QString DefinitionForm::cursorWarning() const
{
    const TableInfo *table = currentTable();
    if (!table)
        return {};
    return cursorColumnWarnings(*table, choice<CursorStrategy>(m_cursorStrategy), m_cursorColumn->currentText()).join(QLatin1Char('\n'));
}

void DefinitionForm::validate()
{
    // The JSON import's validation, on this definition alone; then what only the form knows.
    const SyncDefinition current = definition();
    const QByteArray document = QJsonDocument(QJsonObject{{QStringLiteral("format"), definitionsFormat},
                                                          {QStringLiteral("definitions"), QJsonArray{definitionToJson(current)}}})
                                    .toJson();
    m_problems = parseDefinitionsDocument(document).issues;
    if (!current.name.isEmpty() && m_otherNames.contains(current.name, Qt::CaseInsensitive))
        m_problems.append({QStringLiteral("$.definitions[0].name"), tr("another definition is called '%1'").arg(current.name)});
    if (current.source.databaseId != 0 && current.source.table.isEmpty())
        m_problems.append({QStringLiteral("$.definitions[0].source.table"), tr("choose the table to sync")});
    showProblems();
    if (current.keyStrategy == KeyStrategy::PrimaryKey && currentTable()) {
        // The primary key decides: its columns are shown ticked, every one of a composite key.
        const QStringList primaryKey = currentTable()->primaryKey();
        const bool filling = m_filling;
        m_filling = true;
        for (int i = 0; i < m_keyColumns->count(); ++i)
            m_keyColumns->item(i)->setCheckState(primaryKey.contains(m_keyColumns->item(i)->text()) ? Qt::Checked : Qt::Unchecked);
        m_filling = filling;
    }
    m_keyColumns->setEnabled(current.keyStrategy != KeyStrategy::PrimaryKey);
    m_cursorColumn->setEnabled(current.cursorStrategy == CursorStrategy::UpdatedAt);
    m_maxShare->setEnabled(current.deletePolicy == DeletePolicy::Delete);
}

void DefinitionForm::setCheckProblems(const QList<ValidationIssue> &problems)
{
    if (problems.size() == m_checkProblems.size()
        && std::equal(problems.cbegin(), problems.cend(), m_checkProblems.cbegin(),
            [](const ValidationIssue &a, const ValidationIssue &b) { return a.path == b.path && a.message == b.message; }))
        return;
    m_checkProblems = problems;
    showProblems();
}

void DefinitionForm::setProblemsShown(bool shown)
{
    m_problemsShown = shown;
    showProblems();
}

void DefinitionForm::showProblems()
{
    if (!m_problemsShown) {
        for (QLabel *message : std::as_const(m_messages))
            showMessage(message, {}, {});
        return;
    }
    QHash<QLabel *, QStringList> errors;
    for (const ValidationIssue &issue : m_problems + m_checkProblems)
        errors[m_messages.value(fieldOf(issue.path), m_messages.value(QStringLiteral("general")))] << issue.message;
    const QString warning = cursorWarning();
    for (QLabel *message : std::as_const(m_messages)) {
        QStringList lines = errors.value(message);
        const bool error = !lines.isEmpty();
        if (message == m_messages.value(QStringLiteral("cursor")) && !warning.isEmpty())
            lines << warning;
        showMessage(message, lines.join(QLatin1Char('\n')), error ? QStringLiteral("#c62828") : QStringLiteral("#b26a00"));
    }
}

} // namespace SyncBridge

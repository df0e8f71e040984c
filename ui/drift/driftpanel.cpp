#include "drift/driftpanel.h"

#include "drift/driftcheckrunner.h"
#include "drift/driftcolors.h"
#include "drift/drifttrend.h"
#include "drift/repairpreviewdialog.h"
#include "sync/runcontroller.h"
#include "sync/runtext.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

enum DifferenceColumn { ClassColumn, RowColumn, ListColumn, FieldColumn, SharePointColumn, TableColumn, DifferenceColumns };

QString valueText(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return DriftPanel::tr("(empty)");
    if (value.isString())
        return value.toString();
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    return value.toVariant().toString();
}

// One line per difference, and per field for '*': (class, row, list, field, SharePoint, table).
QList<QStringList> differenceLines(const DriftEntry &entry)
{
    const QString who = entry.identity.isEmpty() ? DriftPanel::tr("item %1 '%2'").arg(entry.itemId, entry.title) : entry.identity;
    const QString symbol = QStringLiteral("%1 %2").arg(driftSymbol(entry.driftClass)).arg(driftClassText(entry.driftClass));
    switch (entry.driftClass) {
    case DriftClass::Differs: {
        QList<QStringList> lines;
        for (const FieldChange &change : entry.changes)
            lines << QStringList{symbol, who, entry.list, change.field, valueText(change.before), valueText(change.after)};
        return lines;
    }
    case DriftClass::Missing:
        return {{symbol, who, entry.list, QString(), DriftPanel::tr("no item"), DriftPanel::tr("the row")}};
    case DriftClass::Orphan:
        return {{symbol, who, entry.list, QString(), DriftPanel::tr("item %1").arg(entry.itemId),
            entry.identityText.isEmpty() ? DriftPanel::tr("no row has its key") : DriftPanel::tr("the row is gone")}};
    case DriftClass::WrongList:
        return {{symbol, who, entry.list, QString(), DriftPanel::tr("item %1 in %2").arg(entry.itemId, entry.list),
            DriftPanel::tr("belongs in %1").arg(entry.expectedList)}};
    case DriftClass::Duplicate:
        return {{symbol, who, entry.list, QString(), DriftPanel::tr("item %1, a second one").arg(entry.itemId), DriftPanel::tr("one row")}};
    case DriftClass::Unkeyed:
        return {{symbol, who, entry.list, QString(), DriftPanel::tr("item %1 without SyncBridgeKey").arg(entry.itemId), QString()}};
    case DriftClass::InSync:
        break;
    }
    return {};
}

} // namespace

DriftPanel::DriftPanel(AppContext context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
    , m_runner(new DriftCheckRunner(m_context.store, m_context.secrets, m_context.runs ? &m_context.runs->governors() : nullptr, this))
    , m_status(new QLabel(this))
    , m_checkButton(new QPushButton(tr("&Check now"), this))
    , m_repairButton(new QPushButton(tr("&Repair…"), this))
    , m_repairSelectedButton(new QPushButton(tr("Repair &selected…"), this))
    , m_exportButton(new QPushButton(tr("E&xport CSV…"), this))
    , m_schema(new QTableWidget(this))
    , m_summary(new QTableWidget(this))
    , m_classFilter(new QComboBox(this))
    , m_listFilter(new QComboBox(this))
    , m_differences(new QTableWidget(this))
    , m_trend(new DriftTrend(m_context, this))
    , m_trendSummary(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    // Two lines: the headline, and the counts per class below it.
    m_status->setMinimumHeight(2 * m_status->fontMetrics().lineSpacing() + 6);
    top->addWidget(m_status, 1);
    top->addWidget(m_checkButton);
    top->addWidget(m_repairButton);
    top->addWidget(m_repairSelectedButton);
    top->addWidget(m_exportButton);
    layout->addLayout(top);

    // Schema drift first: a mapping whose column is gone is what to fix before any row matters.
    m_schema->setColumnCount(4);
    m_schema->setHorizontalHeaderLabels({tr("Severity"), tr("Where"), tr("What changed"), tr("What to do")});
    m_schema->verticalHeader()->hide();
    m_schema->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_schema->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_schema->setWordWrap(true);
    m_schema->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_schema->horizontalHeader()->setSectionResizeMode(3, QHeaderView::Stretch);
    m_schema->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_schema->hide();
    layout->addWidget(m_schema);

    QStringList header{tr("List"), tr("Rows"), tr("Items"), tr("Ledger"), tr("Items − rows")};
    for (const DriftClass driftClass : allDriftClasses)
        header << QString(driftSymbol(driftClass));
    m_summary->setColumnCount(int(header.size()));
    m_summary->setHorizontalHeaderLabels(header);
    for (int column = 5; column < header.size(); ++column) {
        const DriftClass driftClass = allDriftClasses[column - 5];
        m_summary->horizontalHeaderItem(column)->setToolTip(driftClassText(driftClass));
        m_summary->horizontalHeaderItem(column)->setForeground(driftClassColor(driftClass));
    }
    m_summary->verticalHeader()->hide();
    m_summary->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_summary->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_summary->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_summary->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(m_summary);

    auto *trend = new QHBoxLayout;
    trend->addWidget(new QLabel(tr("Trend:"), this));
    trend->addWidget(m_trend);
    trend->addWidget(m_trendSummary, 1);
    layout->addLayout(trend);

    auto *filters = new QHBoxLayout;
    m_classFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_listFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    filters->addWidget(new QLabel(tr("Show:"), this));
    filters->addWidget(m_classFilter);
    filters->addWidget(new QLabel(tr("in"), this));
    filters->addWidget(m_listFilter);
    filters->addStretch(1);
    layout->addLayout(filters);

    m_differences->setColumnCount(DifferenceColumns);
    m_differences->setHorizontalHeaderLabels(
        {tr("Class"), tr("Row or item"), tr("List"), tr("Field"), tr("In SharePoint"), tr("In the table")});
    m_differences->verticalHeader()->hide();
    m_differences->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_differences->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_differences->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_differences->setAlternatingRowColors(true);
    m_differences->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_differences, 1);

    connect(m_checkButton, &QPushButton::clicked, this, &DriftPanel::startCheck);
    connect(m_repairButton, &QPushButton::clicked, this, &DriftPanel::startRepairPreview);
    connect(m_repairSelectedButton, &QPushButton::clicked, this, &DriftPanel::startRepairSelectedPreview);
    connect(m_differences, &QTableWidget::itemSelectionChanged, this, &DriftPanel::updateButtons);
    connect(m_trend, &DriftTrend::loaded, this, [this]() { m_trendSummary->setText(m_trend->summary()); });
    connect(m_exportButton, &QPushButton::clicked, this, [this]() {
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Export the differences"), m_name + QStringLiteral("-drift.csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty() && !exportCsv(path))
            m_status->setText(tr("Cannot write %1.").arg(path.toHtmlEscaped()));
    });
    for (QComboBox *filter : {m_classFilter, m_listFilter}) {
        connect(filter, &QComboBox::currentIndexChanged, this, &DriftPanel::showDifferences);
        connect(filter, &QComboBox::currentIndexChanged, this, &DriftPanel::updateButtons);
    }
    connect(m_runner, &DriftCheckRunner::progress, this, [this](const QString &step, qint64 rows, qint64 items) {
        m_status->setText(tr("%1 %2 rows, %3 items read.").arg(step.toHtmlEscaped(), QLocale().toString(rows), QLocale().toString(items)));
    });
    connect(m_runner, &DriftCheckRunner::finished, this, &DriftPanel::onChecked);
    if (m_context.runs) {
        connect(m_context.runs, &RunController::progress, this, &DriftPanel::onRunProgress);
        connect(m_context.runs, &RunController::finished, this, &DriftPanel::onRunFinished);
    }
    setDefinition(0, {});
}

void DriftPanel::setDefinition(qint64 definitionId, const QString &name)
{
    if (definitionId != m_definitionId) {
        m_report = DriftReport{};
        showSchema();
        showSummary();
        showDifferences();
        emit schemaBlockingChanged(false);
    }
    if (definitionId != m_definitionId || definitionId == 0)
        m_trend->load(definitionId);
    m_definitionId = definitionId;
    m_name = name;
    if (!m_runner->isRunning() && m_repairing == Repairing::No)
        m_status->setText(definitionId == 0
                ? tr("Save the definition to compare its table with its lists.")
                : tr("Compare the table of '%1' with its lists: nothing is written.").arg(name.toHtmlEscaped()));
    updateButtons();
}

void DriftPanel::updateButtons()
{
    const bool busy = m_runner->isRunning() || m_repairing != Repairing::No;
    m_checkButton->setEnabled(m_definitionId > 0 && !busy);
    const bool checked = m_definitionId > 0 && !busy && m_report.runId > 0 && !m_report.inSync();
    const bool filtered = !m_classFilter->currentData().toString().isEmpty() || !m_listFilter->currentData().toString().isEmpty();
    m_repairButton->setText(filtered ? tr("&Repair shown…") : tr("&Repair all…"));
    m_repairButton->setEnabled(checked && (!filtered || !shownRepairable().isEmpty()));
    m_repairSelectedButton->setEnabled(checked && !selectedRepairable().isEmpty());
    m_exportButton->setEnabled(!m_report.entries.isEmpty());
}

QStringList DriftPanel::shownRepairable() const
{
    QStringList keys;
    const QString classWanted = m_classFilter->currentData().toString();
    const QString listWanted = m_listFilter->currentData().toString();
    if (classWanted.isEmpty() && listWanted.isEmpty())
        return keys;
    for (const DriftEntry &entry : m_report.entries) {
        if (entry.driftClass != DriftClass::Unkeyed && (classWanted.isEmpty() || driftClassId(entry.driftClass) == classWanted)
            && (listWanted.isEmpty() || entry.list == listWanted))
            keys << driftEntryKey(entry);
    }
    return keys;
}

QStringList DriftPanel::selectedRepairable() const
{
    QStringList keys;
    for (const QModelIndex &row : m_differences->selectionModel()->selectedRows(ClassColumn)) {
        const int index = row.data(Qt::UserRole).toInt();
        if (index < 0 || index >= m_report.entries.size() || m_report.entries.at(index).driftClass == DriftClass::Unkeyed)
            continue;
        const QString key = driftEntryKey(m_report.entries.at(index));
        if (!keys.contains(key)) // a '*' shows a line per field
            keys << key;
    }
    return keys;
}

void DriftPanel::startCheck()
{
    if (m_definitionId == 0 || m_runner->isRunning())
        return;
    m_status->setText(tr("Checking '%1'…").arg(m_name.toHtmlEscaped()));
    m_runner->start(m_definitionId);
    updateButtons();
}

void DriftPanel::onChecked(const DriftReport &report, const std::optional<Error> &error)
{
    if (error) {
        m_status->setText(
            QStringLiteral("<span style='color:#c62828'>%1</span>").arg(tr("The check failed: %1").arg(error->message()).toHtmlEscaped()));
        updateButtons();
        m_trend->load(m_definitionId);
        emit checkFinished();
        return;
    }
    m_report = report;
    showSchema();
    const QString when = QLocale().toString(report.checkedAt.toLocalTime(), QLocale::ShortFormat);
    const qint64 differences = report.differences();
    QStringList counts;
    for (const DriftClass driftClass : allDriftClasses) {
        if (report.totals.value(driftClass) > 0)
            counts << QStringLiteral("<b style='color:%1'>%2&nbsp;%3</b>")
                          .arg(driftClassColor(driftClass).name())
                          .arg(driftSymbol(driftClass))
                          .arg(QLocale().toString(report.totals.value(driftClass)));
    }
    const QString headline = differences == 0
        ? tr("In sync: %n row(s) compared.", nullptr, int(qMin<qint64>(report.sourceRows, INT_MAX)))
        : tr("%n difference(s) between the table and its lists.", nullptr, int(qMin<qint64>(differences, INT_MAX)));
    QString schemaLine;
    if (!report.schema.isEmpty()) {
        const bool blocking = hasBlocking(report.schema);
        schemaLine = QStringLiteral("<b style='color:%1'>%2</b> ")
                         .arg(blocking ? QStringLiteral("#c62828") : QStringLiteral("#ef6c00"),
                             tr("%n schema change(s): see what to do below.", nullptr, int(report.schema.size())).toHtmlEscaped());
    }
    QString headlineShown = headline.toHtmlEscaped();
    if (!report.dataNotCompared.isEmpty()) // no counts to speak of: say why
        headlineShown = tr("The rows were not compared: %1").arg(report.dataNotCompared).toHtmlEscaped();
    m_status->setText(tr("Checked %1 (%2 s, %3 RU). %4<br>%5")
                          .arg(when)
                          .arg(report.seconds, 0, 'f', 1)
                          .arg(report.ruSpent)
                          .arg(schemaLine + headlineShown, counts.join(QStringLiteral(" &nbsp; "))));
    const QString classWanted = m_classFilter->currentData().toString();
    const QString listWanted = m_listFilter->currentData().toString();
    m_classFilter->blockSignals(true);
    m_listFilter->blockSignals(true);
    m_classFilter->clear();
    m_classFilter->addItem(tr("Every difference"), QString());
    for (const DriftClass driftClass : allDriftClasses) {
        if (driftClass != DriftClass::InSync)
            m_classFilter->addItem(QStringLiteral("%1 %2 (%3)")
                                       .arg(driftSymbol(driftClass))
                                       .arg(driftClassText(driftClass))
                                       .arg(report.totals.value(driftClass)),
                driftClassId(driftClass));
    }
    m_listFilter->clear();
    m_listFilter->addItem(tr("every list"), QString());
    for (auto list = report.lists.constBegin(); list != report.lists.constEnd(); ++list)
        m_listFilter->addItem(list.key(), list.key());
    m_classFilter->setCurrentIndex(qMax(0, m_classFilter->findData(classWanted)));
    m_listFilter->setCurrentIndex(qMax(0, m_listFilter->findData(listWanted)));
    m_classFilter->blockSignals(false);
    m_listFilter->blockSignals(false);
    showSummary();
    showDifferences();
    updateButtons();
    layout()->activate(); // the summary's new height and the filters' widths, before anyone looks
    emit schemaBlockingChanged(hasBlocking(report.schema));
    m_trend->load(m_definitionId);
    emit checkFinished();
}

static QColor severityColor(SchemaFinding::Severity severity)
{
    switch (severity) {
    case SchemaFinding::Severity::Blocking:
        return QColor(0xc6, 0x28, 0x28);
    case SchemaFinding::Severity::Warning:
        return QColor(0xef, 0x6c, 0x00);
    case SchemaFinding::Severity::Info:
        return QColor(0x54, 0x6e, 0x7a);
    }
    return {};
}

void DriftPanel::showSchema()
{
    m_schema->setRowCount(int(m_report.schema.size()));
    int row = 0;
    for (const SchemaFinding &finding : std::as_const(m_report.schema)) {
        auto *severity = new QTableWidgetItem(severityText(finding.severity));
        severity->setForeground(severityColor(finding.severity));
        QFont bold = severity->font();
        bold.setBold(finding.severity == SchemaFinding::Severity::Blocking);
        severity->setFont(bold);
        m_schema->setItem(row, 0, severity);
        m_schema->setItem(row, 1, new QTableWidgetItem(finding.list.isEmpty() ? tr("The table") : tr("List '%1'").arg(finding.list)));
        m_schema->setItem(row, 2, new QTableWidgetItem(finding.message));
        m_schema->setItem(row, 3, new QTableWidgetItem(finding.whatToDo));
        ++row;
    }
    m_schema->setVisible(!m_report.schema.isEmpty());
    if (m_report.schema.isEmpty())
        return;
    m_schema->resizeColumnToContents(0);
    m_schema->resizeColumnToContents(1);
    m_schema->resizeRowsToContents();
    // As tall as its findings (up to about eight), so the data below keeps its room.
    int height = m_schema->horizontalHeader()->sizeHint().height() + 2 * m_schema->frameWidth();
    for (int finding = 0; finding < qMin(m_schema->rowCount(), 8); ++finding)
        height += m_schema->rowHeight(finding);
    m_schema->setFixedHeight(height);
}

void DriftPanel::showSummary()
{
    m_summary->setRowCount(int(m_report.lists.size()));
    int row = 0;
    for (auto list = m_report.lists.constBegin(); list != m_report.lists.constEnd(); ++list, ++row) {
        QList<qint64> values{list->sourceRows, list->items, list->ledgerEntries, list->items - list->sourceRows};
        for (const DriftClass driftClass : allDriftClasses)
            values << list->classes.value(driftClass);
        m_summary->setItem(row, 0, new QTableWidgetItem(list.key()));
        for (int column = 0; column < values.size(); ++column) {
            auto *item = new QTableWidgetItem(QLocale().toString(values.at(column)));
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            if (column >= 4 && values.at(column) > 0) {
                const DriftClass driftClass = allDriftClasses[column - 4];
                item->setForeground(driftClassColor(driftClass));
                QFont bold = item->font();
                bold.setBold(driftClass != DriftClass::InSync);
                item->setFont(bold);
            }
            m_summary->setItem(row, column + 1, item);
        }
    }
    m_summary->resizeColumnsToContents();
    m_summary->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    // As tall as its lists, so the differences get the room.
    int height = m_summary->horizontalHeader()->sizeHint().height() + 2 * m_summary->frameWidth();
    for (int list = 0; list < m_summary->rowCount(); ++list)
        height += m_summary->rowHeight(list);
    m_summary->setFixedHeight(qMax(height, m_summary->horizontalHeader()->sizeHint().height() + 30));
}

void DriftPanel::showDifferences()
{
    const QString classWanted = m_classFilter->currentData().toString();
    const QString listWanted = m_listFilter->currentData().toString();
    m_differences->setRowCount(0);
    for (int index = 0; index < m_report.entries.size(); ++index) {
        const DriftEntry &entry = m_report.entries.at(index);
        if ((!classWanted.isEmpty() && driftClassId(entry.driftClass) != classWanted)
            || (!listWanted.isEmpty() && entry.list != listWanted))
            continue;
        for (const QStringList &line : differenceLines(entry)) {
            const int row = m_differences->rowCount();
            m_differences->insertRow(row);
            for (int column = 0; column < line.size(); ++column) {
                auto *item = new QTableWidgetItem(line.at(column));
                if (column == ClassColumn) {
                    item->setForeground(driftClassColor(entry.driftClass));
                    item->setData(Qt::UserRole, index);
                }
                m_differences->setItem(row, column, item);
            }
        }
    }
    m_differences->resizeColumnsToContents();
    m_differences->horizontalHeader()->setStretchLastSection(true);
}

bool DriftPanel::exportCsv(const QString &path) const
{
    const auto quoted
        = [](QString text) { return QLatin1Char('"') + text.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'); };
    QString csv = QStringLiteral("class,row,list,item,field,sharepoint,table\n");
    for (const DriftEntry &entry : m_report.entries) {
        const QList<FieldChange> changes = entry.changes.isEmpty() ? QList<FieldChange>{FieldChange{}} : entry.changes;
        for (const FieldChange &change : changes)
            csv += QStringList{QString(driftSymbol(entry.driftClass)), quoted(entry.identity), quoted(entry.list), entry.itemId,
                       quoted(change.field), quoted(change.field.isEmpty() ? QString() : valueText(change.before)),
                       quoted(change.field.isEmpty() ? QString() : valueText(change.after))}
                       .join(QLatin1Char(','))
                + QLatin1Char('\n');
    }
    QSaveFile file(path);
    const QByteArray bytes = csv.toUtf8();
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

void DriftPanel::startRepairPreview()
{
    previewRepair(shownRepairable());
}

void DriftPanel::startRepairSelectedPreview()
{
    const QStringList selected = selectedRepairable();
    if (!selected.isEmpty())
        previewRepair(selected);
}

void DriftPanel::previewRepair(const QStringList &only)
{
    if (!m_context.runs || m_definitionId == 0 || m_repairing != Repairing::No)
        return;
    m_repairScope = only;
    RunOptions options;
    options.repair = true;
    options.dryRun = true;
    options.repairOnly = only;
    if (auto started = m_context.runs->start(m_definitionId, options); !started) {
        m_status->setText(started.error().message().toHtmlEscaped());
        return;
    }
    m_repairing = Repairing::Previewing;
    m_status->setText(tr("Checking again and planning the repair; nothing is written yet…"));
    updateButtons();
}

void DriftPanel::onRunProgress(qint64 definitionId, const RunProgress &progress)
{
    if (definitionId != m_definitionId || m_repairing != Repairing::Running)
        return;
    const RunCounters &c = progress.counters;
    m_status->setText(tr("Repairing: %1 — %2 created, %3 updated, %4 moved, %5 deleted.")
                          .arg(runPhaseText(progress.phase).toHtmlEscaped())
                          .arg(c.created)
                          .arg(c.updated)
                          .arg(c.moved)
                          .arg(c.deleted));
}

void DriftPanel::onRunFinished(qint64 definitionId, const RunOutcome &outcome)
{
    if (definitionId != m_definitionId || m_repairing == Repairing::No)
        return;
    if (m_repairing == Repairing::Previewing) {
        m_repairing = Repairing::No;
        if (outcome.status == RunStatus::Failed) {
            m_status->setText(QStringLiteral("<span style='color:#c62828'>%1</span>").arg(outcome.message.toHtmlEscaped()));
            updateButtons();
            return;
        }
        m_preview = new RepairPreviewDialog(m_name, outcome, this);
        m_preview->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_preview, &QDialog::accepted, this, [this]() {
            RunOptions options;
            options.repair = true;
            options.repairOnly = m_repairScope;
            if (auto started = m_context.runs->start(m_definitionId, options); !started) {
                m_status->setText(started.error().message().toHtmlEscaped());
                return;
            }
            m_repairing = Repairing::Running;
            m_status->setText(tr("Repairing '%1'…").arg(m_name.toHtmlEscaped()));
            updateButtons();
        });
        m_status->setText(outcome.message.toHtmlEscaped());
        updateButtons();
        m_preview->open();
        emit repairPreviewShown();
        return;
    }
    m_repairing = Repairing::No;
    m_repairScope.clear();
    emit repairFinished(outcome);
    // What the repair left (the breaker's holds, items it must not touch) is what the next check shows.
    startCheck();
    if (outcome.status != RunStatus::Succeeded)
        m_status->setText(outcome.message.toHtmlEscaped());
}

} // namespace SyncBridge

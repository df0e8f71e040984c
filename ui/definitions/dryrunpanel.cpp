#include "definitions/dryrunpanel.h"

#include "common/valuetext.h"
#include "definitions/previewmodel.h"
#include "definitions/twowaypreview.h"

#include "sync/runcontroller.h"
#include "sync/runtext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

// The plan's action keys, in the order a person reads them.
const QStringList planActions = {QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("move"), QStringLiteral("skip"),
    QStringLiteral("unrouted"), QStringLiteral("failed"), QStringLiteral("delete")};

// Every planned row is kept for the preview up to this many; the plan's counts cover the rest.
constexpr int previewRowLimit = 100000;

// A plan with an action only a two-way run plans ("pull update", "match", …) is a two-way plan.
bool isTwoWayPlan(const RunOutcome &outcome)
{
    for (const QMap<QString, qint64> &actions : outcome.plan) {
        for (auto action = actions.cbegin(); action != actions.cend(); ++action) {
            if (TwoWayPreview::isTwoWayAction(action.key()))
                return true;
        }
    }
    return false;
}

} // namespace

DryRunPanel::DryRunPanel(AppContext context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
    , m_status(new QLabel(this))
    , m_previewButton(new QPushButton(QIcon(QStringLiteral(":/icons/preview.svg")), tr("Preview the run"), this))
    , m_runButton(new QPushButton(QIcon(QStringLiteral(":/icons/run.svg")), tr("Run Sync Now"), this))
    , m_plan(new QTableWidget(0, 0, this))
    , m_actionFilter(new QComboBox(this))
    , m_listFilter(new QComboBox(this))
    , m_note(new QLabel(this))
    , m_model(new PreviewModel(this))
    , m_filter(new PreviewFilter(this))
    , m_rows(new QTableView(this))
    , m_detail(new QTableWidget(0, 3, this))
{
    setObjectName(QStringLiteral("dryRunPanel"));
    m_previewButton->setObjectName(QStringLiteral("startDryRun"));
    m_runButton->setObjectName(QStringLiteral("runNowFromEditor"));
    m_plan->setObjectName(QStringLiteral("dryRunPlan"));
    m_rows->setObjectName(QStringLiteral("previewRows"));
    m_actionFilter->setObjectName(QStringLiteral("previewActionFilter"));
    m_listFilter->setObjectName(QStringLiteral("previewListFilter"));
    m_detail->setObjectName(QStringLiteral("previewRowDetail"));
    m_status->setObjectName(QStringLiteral("dryRunStatus"));
    m_note->setObjectName(QStringLiteral("previewNote"));
    m_status->setWordWrap(true);
    m_note->setWordWrap(true);
    m_previewButton->setToolTip(
        tr("Plan a run of the definition as edited, unsaved changes included, without writing anything: every planned row with "
           "what it changes (F6)"));
    m_previewButton->setShortcut(QKeySequence(Qt::Key_F6));
    m_runButton->setToolTip(tr("Start a real run of the saved definition and follow it on the Overview (F5)"));
    m_runButton->setShortcut(QKeySequence(Qt::Key_F5));

    setPlanHeaders();
    m_plan->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_plan->verticalHeader()->hide();
    m_plan->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_plan->setMaximumHeight(130);

    m_actionFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_listFilter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_actionFilter->setToolTip(tr("Show the rows of one action"));
    m_listFilter->setToolTip(tr("Show the rows of one list"));
    m_filter->setSourceModel(m_model);
    m_rows->setModel(m_filter);
    m_rows->verticalHeader()->hide();
    m_rows->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_rows->setSelectionMode(QAbstractItemView::SingleSelection);
    m_rows->setWordWrap(false);
    m_rows->horizontalHeader()->setStretchLastSection(true);
    m_rows->horizontalHeader()->setSectionResizeMode(PreviewModel::RowColumn, QHeaderView::ResizeToContents);
    m_rows->horizontalHeader()->setSectionResizeMode(PreviewModel::ActionColumn, QHeaderView::ResizeToContents);
    m_rows->horizontalHeader()->setSectionResizeMode(PreviewModel::ListColumn, QHeaderView::ResizeToContents);
    setDetailHeaders(false);
    m_detail->horizontalHeader()->setStretchLastSection(true);
    m_detail->verticalHeader()->hide();
    m_detail->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_detail->setToolTip(tr("The selected row's fields; those the run changes are bold"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_runButton);
    buttons->addStretch();
    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Planned rows:"), this));
    filters->addWidget(m_actionFilter);
    filters->addWidget(m_listFilter);
    filters->addWidget(m_note, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_rows);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(new QLabel(tr("Planned actions per list"), this));
    layout->addWidget(m_plan);
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    connect(m_previewButton, &QPushButton::clicked, this, &DryRunPanel::startPreview);
    connect(m_runButton, &QPushButton::clicked, this, [this]() {
        emit runNowRequested(m_definitionId);
        updateButtons(); // the run has started (or was refused): one run per definition at a time
    });
    connect(
        m_actionFilter, &QComboBox::currentIndexChanged, this, [this]() { m_filter->setAction(m_actionFilter->currentData().toString()); });
    connect(m_listFilter, &QComboBox::currentIndexChanged, this, [this]() { m_filter->setList(m_listFilter->currentData().toString()); });
    connect(m_rows->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DryRunPanel::showDetail);
    if (m_context.runs) {
        connect(m_context.runs, &RunController::progress, this, &DryRunPanel::onProgress);
        connect(m_context.runs, &RunController::finished, this, &DryRunPanel::onFinished);
    }
    setDefinition(0, {}, false);
}

void DryRunPanel::setDefinition(qint64 definitionId, const QString &name, bool modified)
{
    if (definitionId != m_definitionId) {
        clear();
        m_previewing = false;
    }
    m_definitionId = definitionId;
    if (!m_previewing) {
        if (definitionId == 0)
            m_status->setText(tr("Preview what a run of this new definition would do: nothing is written. Save it to run it."));
        else if (modified)
            m_status->setText(
                tr("The preview plans '%1' as edited, unsaved changes included; Run Sync Now runs it as last saved.").arg(name));
        else
            m_status->setText(tr("Preview what a run of '%1' would do: nothing is written.").arg(name));
    }
    updateButtons();
}

void DryRunPanel::clear()
{
    m_plan->setRowCount(0);
    m_model->setRows({});
    m_detail->setRowCount(0);
    m_actionFilter->clear();
    m_listFilter->clear();
    m_note->clear();
}

void DryRunPanel::updateButtons()
{
    const bool running = m_context.runs && m_context.runs->isRunning(m_definitionId);
    m_previewButton->setEnabled((m_definitionId != 0 || m_draft) && !running);
    m_runButton->setEnabled(m_definitionId != 0 && !running);
}

void DryRunPanel::startPreview()
{
    if (!m_context.runs || (m_definitionId == 0 && !m_draft))
        return;
    RunOptions options;
    options.dryRun = true;
    options.previewRows = previewRowLimit;
    m_twoWay = false;
    m_pull = false;
    if (m_draft) {
        const PreviewDraft draft = m_draft();
        if (!draft.problems.isEmpty()) { // what a run would refuse: its problems instead of a plan
            clear();
            QStringList lines;
            for (const ValidationIssue &issue : draft.problems)
                lines << QStringLiteral("<li>%1</li>").arg(issue.message.toHtmlEscaped());
            const int count = int(draft.problems.size());
            const QString heading = tr("The definition as edited cannot run (%Ln problem(s)):", nullptr, count);
            m_status->setText(
                QStringLiteral("<span style='color:#c62828'>%1</span><ul>%2</ul>").arg(heading.toHtmlEscaped(), lines.join(QString())));
            return;
        }
        // Unsaved changes (or a definition never saved): the editor's state is planned, not the store's.
        if (draft.modified || m_definitionId == 0)
            options.definition = draft.definition;
        m_twoWay = draft.definition.mode == SyncMode::TwoWay;
        m_pull = draft.definition.mode == SyncMode::Pull;
    }
    const Result<void> started = m_context.runs->start(m_definitionId, options);
    if (!started) {
        m_status->setText(started.error().message());
        return;
    }
    m_previewing = true;
    clear();
    m_status->setText(tr("Planning…"));
    updateButtons();
}

void DryRunPanel::onProgress(qint64 definitionId, const RunProgress &progress)
{
    if (definitionId != m_definitionId)
        return;
    updateButtons(); // a run started elsewhere (the Overview, the agent) holds the buttons too
    if (!m_previewing)
        return;
    m_status->setText(tr("Planning… %1 rows read.").arg(QLocale().toString(progress.counters.rowsRead)));
}

void DryRunPanel::onFinished(qint64 definitionId, const RunOutcome &outcome)
{
    if (definitionId != m_definitionId)
        return;
    updateButtons();
    if (!m_previewing)
        return;
    m_previewing = false;
    if (outcome.status == RunStatus::Failed) {
        m_status->setText(tr("<span style='color:#c62828'>The preview failed: %1</span>").arg(outcome.message.toHtmlEscaped()));
        return;
    }
    m_status->setText(outcome.message);
    m_twoWay = m_twoWay || isTwoWayPlan(outcome);
    setPlanHeaders();
    showPlan(outcome);
    showRows(outcome);
    emit previewFinished(outcome);
}

const QStringList &DryRunPanel::actions() const
{
    static const QStringList pullActions = []() {
        QStringList databaseSide;
        for (const QString &action : TwoWayPreview::actions()) {
            if (action.startsWith(QLatin1String("pull ")) || action == QLatin1String("unchanged") || action == QLatin1String("failed"))
                databaseSide << action;
        }
        return databaseSide;
    }();
    return m_pull ? pullActions : m_twoWay ? TwoWayPreview::actions() : planActions;
}

void DryRunPanel::setPlanHeaders()
{
    QStringList headers{tr("List")};
    if (m_twoWay) { // each side's writes apart, as the CLI's dry run counts them
        for (const QString &action : actions())
            headers << TwoWayPreview::planHeader(action);
    } else {
        headers << tr("Create") << tr("Update") << tr("Move") << tr("Unchanged") << tr("No list") << tr("Failing") << tr("Delete");
    }
    m_plan->setColumnCount(int(headers.size()));
    m_plan->setHorizontalHeaderLabels(headers);
    // The counts as narrow as their headers, so every column fits beside the list's name.
    for (int column = 1; column < m_plan->columnCount(); ++column)
        m_plan->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
}

void DryRunPanel::setDetailHeaders(bool twoWay)
{
    m_detail->setHorizontalHeaderLabels(twoWay ? QStringList{tr("Field"), tr("Side"), tr("Value")}
                                               : QStringList{tr("Field"), tr("In SharePoint now"), tr("After the run")});
}

void DryRunPanel::showPlan(const RunOutcome &outcome)
{
    const QLocale locale;
    const QStringList &shown = actions();
    for (auto list = outcome.plan.cbegin(); list != outcome.plan.cend(); ++list) {
        const int row = m_plan->rowCount();
        m_plan->insertRow(row);
        m_plan->setItem(row, 0, new QTableWidgetItem(list.key()));
        for (int i = 0; i < shown.size(); ++i) {
            auto *cell = new QTableWidgetItem(locale.toString(list.value().value(shown.at(i))));
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_plan->setItem(row, i + 1, cell);
        }
    }
    // As high as its lists, so the planned rows get the rest.
    // The header's hint, not its height: headers just changed to two lines are not laid out yet.
    int height = m_plan->horizontalHeader()->sizeHint().height() + 2 * m_plan->frameWidth();
    for (int row = 0; row < m_plan->rowCount(); ++row)
        height += m_plan->rowHeight(row);
    m_plan->setMaximumHeight(qMin(height, 130));
}

void DryRunPanel::showRows(const RunOutcome &outcome)
{
    const QLocale locale;
    m_model->setRows(outcome.preview, m_twoWay);
    // Counts per action and per list over every planned row the preview holds.
    QMap<QString, qint64> perAction;
    QMap<QString, qint64> perList;
    for (const PreviewRow &row : outcome.preview) {
        ++perAction[row.action];
        ++perList[row.list];
    }
    const QSignalBlocker actionsQuiet(m_actionFilter);
    const QSignalBlocker listsQuiet(m_listFilter);
    const QString total = locale.toString(qint64(outcome.preview.size()));
    m_actionFilter->addItem(tr("Every action (%1)").arg(total), QString());
    QStringList shownActions = actions();
    if (!m_twoWay)
        shownActions << QStringLiteral("mark") << QStringLiteral("leave");
    for (const QString &action : std::as_const(shownActions)) {
        if (perAction.contains(action))
            m_actionFilter->addItem(tr("%1 (%2)").arg(PreviewModel::actionText(action), locale.toString(perAction.value(action))), action);
    }
    m_listFilter->addItem(tr("Every list (%1)").arg(total), QString());
    for (auto it = perList.cbegin(); it != perList.cend(); ++it)
        m_listFilter->addItem(tr("%1 (%2)").arg(it.key(), locale.toString(it.value())), it.key());
    m_filter->setAction({});
    m_filter->setList({});

    QStringList notes{m_pull ? tr("SharePoint's changes since the last pull, each as the row it would write: every write was tried "
                                  "in the database and rolled back, so a failing row shows the database's own reason.")
            : m_twoWay       ? tr("Both sides are read before either is written: each row says what goes into the database and "
                                        "what into SharePoint; a field changed on both sides is a conflict the policy decides (or, "
                                        "MANUAL, that waits in the Conflicts view).")
                             : tr("Old values are what the SharePoint lists hold now, read for this preview (the ledger keeps only "
                                        "a hash of what was written); new values are the mapped source values.")};
    notes << outcome.warnings; // deletions a real run's breaker would ask about
    if (!outcome.currentValuesUnread.isEmpty())
        notes << outcome.currentValuesUnread;
    if (outcome.previewLeftOut > 0)
        notes << tr("%1 more planned rows are counted above but not listed.").arg(locale.toString(outcome.previewLeftOut));
    m_note->setText(notes.join(QLatin1Char(' ')));
    if (m_filter->rowCount() > 0)
        m_rows->selectRow(0);
}

void DryRunPanel::showDetail()
{
    m_detail->setRowCount(0);
    const QModelIndex current = m_filter->mapToSource(m_rows->currentIndex());
    if (!current.isValid())
        return;
    const PreviewRow &row = m_model->row(current.row());
    const bool twoWay = TwoWayPreview::isTwoWayAction(row.action);
    setDetailHeaders(twoWay);
    if (twoWay) {
        for (const TwoWayPreview::DetailLine &line : TwoWayPreview::detail(row)) {
            const int at = m_detail->rowCount();
            m_detail->insertRow(at);
            m_detail->setItem(at, 0, new QTableWidgetItem(line.field));
            m_detail->setItem(at, 1, new QTableWidgetItem(line.side));
            m_detail->setItem(at, 2, new QTableWidgetItem(line.value));
        }
        m_detail->resizeColumnToContents(0);
        m_detail->resizeColumnToContents(1);
        return;
    }
    QHash<QString, FieldChange> changed;
    for (const FieldChange &change : row.changes)
        changed.insert(change.field, change);
    // Unchanged rows hold what SharePoint holds (the ledger's hash of the item matches).
    const bool compared = row.currentKnown || row.action == QLatin1String("skip");
    for (auto field = row.fields.constBegin(); field != row.fields.constEnd(); ++field) {
        const int line = m_detail->rowCount();
        m_detail->insertRow(line);
        const bool differs = changed.contains(field.key());
        auto *name = new QTableWidgetItem(field.key());
        auto *before = new QTableWidgetItem(!compared ? QString()
                : differs                             ? valueText(changed.value(field.key()).before)
                                                      : valueText(field.value()));
        auto *after = new QTableWidgetItem(valueText(field.value()));
        if (differs) {
            QFont bold = name->font();
            bold.setBold(true);
            for (QTableWidgetItem *cell : {name, before, after})
                cell->setFont(bold);
        }
        m_detail->setItem(line, 0, name);
        m_detail->setItem(line, 1, before);
        m_detail->setItem(line, 2, after);
    }
    m_detail->resizeColumnToContents(0);
    m_detail->resizeColumnToContents(1);
}

} // namespace SyncBridge

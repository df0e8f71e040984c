#include "runs/runspage.h"

#include "common/backgroundtask.h"
#include "common/uisettings.h"
#include "runs/budgetbar.h"
#include "runs/runeventtext.h"
#include "runs/runsmodel.h"

#include "store/definitionrepository.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "sync/runcontroller.h"
#include "sync/runtext.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTimeAxis>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineSeries>
#include <QPushButton>
#include <QScatterSeries>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QValueAxis>

namespace SyncBridge {
namespace {

constexpr int chartRuns = 500;   // the newest runs of the filter drawn in the throughput chart
const QDate anyDate(2000, 1, 1); // a date edit at its minimum shows "Any"

QDateEdit *dateFilter(QWidget *parent, const QString &objectName)
{
    auto *edit = new QDateEdit(parent);
    edit->setObjectName(objectName);
    edit->setCalendarPopup(true);
    edit->setMinimumDate(anyDate);
    edit->setSpecialValueText(RunsPage::tr("Any"));
    edit->setDate(anyDate);
    edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    return edit;
}

QIcon severityIcon(EventSeverity severity, const QWidget *widget)
{
    switch (severity) {
    case EventSeverity::Error: return widget->style()->standardIcon(QStyle::SP_MessageBoxCritical);
    case EventSeverity::Warning: return widget->style()->standardIcon(QStyle::SP_MessageBoxWarning);
    case EventSeverity::Info: return widget->style()->standardIcon(QStyle::SP_MessageBoxInformation);
    }
    return {};
}

} // namespace

RunsPage::RunsPage(AppContext context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
    , m_model(new RunsModel(m_context, this))
    , m_definition(new QComboBox(this))
    , m_status(new QComboBox(this))
    , m_from(dateFilter(this, QStringLiteral("fromFilter")))
    , m_to(dateFilter(this, QStringLiteral("toFilter")))
    , m_count(new QLabel(this))
    , m_budget(new BudgetBar(m_context, this))
    , m_table(new QTableView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_tabs(new QTabWidget(this))
    , m_events(new QTreeWidget(this))
    , m_eventDetail(new QTextBrowser(this))
    , m_retries(new QTreeWidget(this))
    , m_retryNow(new QPushButton(tr("Retry now"), this))
    , m_retryHint(new QLabel(this))
    , m_chart(new QChartView(this))
{
    setObjectName(QStringLiteral("runsPage"));
    m_definition->setObjectName(QStringLiteral("definitionFilter"));
    m_definition->setToolTip(tr("Show the runs of one definition"));
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->addItem(tr("Any status"), -1);
    for (RunStatus status : {RunStatus::Running, RunStatus::Succeeded, RunStatus::PartiallyFailed, RunStatus::Failed, RunStatus::Cancelled,
             RunStatus::Interrupted})
        m_status->addItem(runStatusText(status), int(status));
    m_from->setToolTip(tr("Runs started on or after this day"));
    m_to->setToolTip(tr("Runs started on or before this day"));
    m_count->setObjectName(QStringLiteral("runCount"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_definition, 1);
    filters->addWidget(m_status);
    filters->addWidget(new QLabel(tr("From"), this));
    filters->addWidget(m_from);
    filters->addWidget(new QLabel(tr("to"), this));
    filters->addWidget(m_to);
    filters->addStretch();
    filters->addWidget(m_count);

    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);

    m_events->setObjectName(QStringLiteral("runEvents"));
    m_events->setHeaderLabels({tr("Time"), tr("Type"), tr("Message"), tr("Row"), tr("Graph error")});
    m_events->setRootIsDecorated(false);
    m_events->setAlternatingRowColors(true);
    m_events->setWordWrap(true);
    m_events->setUniformRowHeights(true);
    // Time, type and row fit their text; the message takes the rest (in full in the pane below).
    m_events->header()->setStretchLastSection(false);
    m_events->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_events->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_events->header()->setSectionResizeMode(4, QHeaderView::Interactive);
    m_events->header()->resizeSection(4, m_events->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 24);
    // A message is one line in the list; the pane below shows the selected event in full.
    m_eventDetail->setObjectName(QStringLiteral("eventDetail"));
    m_eventDetail->setPlaceholderText(tr("Select an event to read all of it: its message, item key, list and time."));
    m_eventDetail->setOpenLinks(false);
    auto *eventsSplitter = new QSplitter(Qt::Vertical, this);
    eventsSplitter->setObjectName(QStringLiteral("eventsSplitter"));
    eventsSplitter->addWidget(m_events);
    eventsSplitter->addWidget(m_eventDetail);
    eventsSplitter->setStretchFactor(0, 3);
    eventsSplitter->setStretchFactor(1, 2);

    auto *retryTab = new QWidget(this);
    auto *retryLayout = new QVBoxLayout(retryTab);
    m_retries->setObjectName(QStringLiteral("retryQueue"));
    m_retries->setHeaderLabels({tr("Row"), tr("Attempts"), tr("Next attempt"), tr("Last error")});
    m_retries->setRootIsDecorated(false);
    m_retryNow->setObjectName(QStringLiteral("retryNow"));
    m_retryNow->setToolTip(tr("Make every queued row due now and start a run of the definition"));
    m_retryNow->setEnabled(false);
    m_retryHint->setObjectName(QStringLiteral("retryHint"));
    m_retryHint->setWordWrap(true);
    auto *retryBar = new QHBoxLayout;
    retryBar->addWidget(m_retryHint, 1);
    retryBar->addWidget(m_retryNow);
    retryLayout->addLayout(retryBar);
    retryLayout->addWidget(m_retries, 1);

    m_chart->setObjectName(QStringLiteral("throughputChart"));
    m_chart->setRenderHint(QPainter::Antialiasing);
    m_chart->setMinimumHeight(160);

    m_tabs->setObjectName(QStringLiteral("runDetailTabs"));
    m_tabs->addTab(eventsSplitter, tr("Events"));
    m_tabs->addTab(retryTab, tr("Retry queue"));
    m_tabs->addTab(m_chart, tr("Throughput"));

    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_budget);
    layout->addLayout(filters);
    layout->addWidget(m_splitter, 1);

    connect(m_definition, &QComboBox::currentIndexChanged, this, &RunsPage::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &RunsPage::applyFilter);
    connect(m_from, &QDateEdit::dateChanged, this, &RunsPage::applyFilter);
    connect(m_to, &QDateEdit::dateChanged, this, &RunsPage::applyFilter);
    connect(m_model, &RunsModel::loaded, this, [this]() {
        m_count->setText(tr("%n run(s)", nullptr, int(m_model->totalRuns())));
        if (m_model->rowCount() > 0)
            m_table->selectRow(0);
        else
            showRun(nullptr);
    });
    connect(m_model, &RunsModel::failed, this, [this](const QString &message) { m_count->setText(tr("Cannot read the run history: %1").arg(message)); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { showRun(m_model->runAt(current.row())); });
    connect(m_events, &QTreeWidget::currentItemChanged, this, &RunsPage::showEventDetail);
    connect(m_retryNow, &QPushButton::clicked, this, &RunsPage::retryNow);
    if (m_context.runs)
        connect(m_context.runs, &RunController::finished, this, [this]() {
            applyFilter();
            m_budget->reload();
        });

    m_splitter->restoreState(UiSettings::runsSplitter.value());
    m_table->horizontalHeader()->restoreState(UiSettings::runsTableHeader.value());
    // After the restore: a header saved with fixed widths (an older version, another language)
    // must not cut Status, Type or Started; every column but the definition's fits its content.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(RunsModel::DefinitionColumn, QHeaderView::Stretch);
}

RunsPage::~RunsPage()
{
    UiSettings::runsSplitter.setValue(m_splitter->saveState());
    UiSettings::runsTableHeader.setValue(m_table->horizontalHeader()->saveState());
}

QString RunsPage::title() const
{
    return tr("Runs");
}

QIcon RunsPage::icon() const
{
    return QIcon(QStringLiteral(":/icons/runs.svg"));
}

void RunsPage::reload()
{
    m_budget->reload();
    runInBackground(
        this, m_context.storePool, [store = m_context.store]() { return DefinitionRepository(*store).all(); },
        [this](Result<QList<SyncDefinition>> definitions) {
            const qint64 selected = m_definition->currentData().toLongLong();
            QHash<qint64, QString> names;
            {
                const QSignalBlocker blocker(m_definition);
                m_definition->clear();
                m_definition->addItem(tr("All definitions"), qint64(0));
                if (definitions) {
                    for (const SyncDefinition &definition : std::as_const(*definitions)) {
                        m_definition->addItem(definition.name, definition.id);
                        names.insert(definition.id, definition.name);
                    }
                }
                m_definition->setCurrentIndex(qMax(0, m_definition->findData(selected)));
            }
            m_model->setDefinitionNames(names);
            applyFilter();
        });
}

void RunsPage::showDefinition(qint64 definitionId)
{
    m_definition->setCurrentIndex(qMax(0, m_definition->findData(definitionId)));
}

void RunsPage::applyFilter()
{
    RunFilter filter;
    filter.definitionId = m_definition->currentData().toLongLong();
    if (const int status = m_status->currentData().toInt(); status >= 0)
        filter.status = RunStatus(status);
    if (m_from->date() != anyDate)
        filter.from = m_from->date().startOfDay();
    if (m_to->date() != anyDate)
        filter.to = m_to->date().addDays(1).startOfDay();
    m_count->setText(tr("Loading…"));
    m_model->setFilter(filter);
    loadChart();
}

void RunsPage::showRun(const SyncRun *run)
{
    m_events->clear();
    m_shownEvents.clear();
    m_eventDetail->clear();
    if (!run) {
        auto *empty = new QTreeWidgetItem(m_events, {QString(), QString(), tr("No runs match these filters. Run a definition from the Overview page, or widen the filters.")});
        empty->setFirstColumnSpanned(true);
        loadRetries(m_definition->currentData().toLongLong());
        return;
    }
    const qint64 runId = run->id;
    runInBackground(
        this, m_context.storePool, [store = m_context.store, runId]() { return RunRepository(*store).events(runId); },
        [this, runId](Result<QList<RunEvent>> events) {
            const SyncRun *current = m_model->runAt(m_table->currentIndex().row());
            if (!current || current->id != runId)
                return;   // another run was selected meanwhile
            m_events->clear();
            m_shownEvents.clear();
            if (!events) {
                new QTreeWidgetItem(m_events, {QString(), QString(), events.error().message()});
                return;
            }
            for (const RunEvent &event : std::as_const(*events)) {
                const QJsonValue graphError = event.payload.value(QStringLiteral("error"));
                // The run's end is said from its stored summary, in the reader's language (the
                // event keeps the sentence as it was written).
                const QString message = event.type == QLatin1String("run-finished") ? runMessageText(*current) : event.message;
                auto *item = new QTreeWidgetItem(m_events,
                    {QLocale().toString(event.at.toLocalTime().time(), QLocale::ShortFormat), runEventTypeText(event.type), message,
                        event.payload.value(QStringLiteral("identity")).toString(),
                        graphError.isString() ? graphError.toString() : QString()});
                item->setIcon(0, severityIcon(event.severity, this));
                item->setData(0, Qt::UserRole, int(m_shownEvents.size()));
                item->setData(1, Qt::UserRole, event.type);
                item->setToolTip(2, message);
                m_shownEvents.append({event, message});
                if (!event.payload.isEmpty())
                    item->setToolTip(4, QString::fromUtf8(QJsonDocument(event.payload).toJson(QJsonDocument::Indented)));
            }
            emit eventsLoaded();
        });
    loadRetries(run->definitionId);
}

void RunsPage::showEventDetail(const QTreeWidgetItem *item)
{
    const QVariant index = item ? item->data(0, Qt::UserRole) : QVariant();
    if (!index.isValid() || index.toInt() >= m_shownEvents.size()) {
        m_eventDetail->clear();
        return;
    }
    const ShownEvent &shown = m_shownEvents.at(index.toInt());
    m_eventDetail->setHtml(runEventDetailHtml(shown.event, shown.message));
}

void RunsPage::loadRetries(qint64 definitionId)
{
    m_retryDefinition = definitionId;
    m_retries->clear();
    m_retryNow->setEnabled(false);
    if (definitionId == 0) {
        m_retryHint->setText(tr("Select a run or a definition to see the rows waiting to be retried."));
        return;
    }
    const int generation = ++m_retryGeneration;
    runInBackground(
        this, m_context.storePool, [store = m_context.store, definitionId]() { return LedgerRepository(*store).retries(definitionId); },
        [this, generation, definitionId](Result<QList<RetryItem>> retries) {
            if (generation != m_retryGeneration)
                return;   // a newer selection asked again
            m_retries->clear();
            if (!retries) {
                m_retryHint->setText(retries.error().message());
                return;
            }
            for (const RetryItem &item : std::as_const(*retries))
                new QTreeWidgetItem(m_retries, {item.identityText, QString::number(item.attempts),
                                                QLocale().toString(item.nextAttemptAt.toLocalTime(), QLocale::ShortFormat), item.lastError});
            m_retryHint->setText(retries->isEmpty() ? tr("No rows wait to be retried for this definition.")
                                                    : tr("%n row(s) failed and wait to be retried; the next run takes them first.", nullptr, int(retries->size())));
            m_retryNow->setEnabled(!retries->isEmpty() && m_context.runs && !m_context.runs->isRunning(definitionId));
            m_retries->resizeColumnToContents(0);
        });
}

void RunsPage::retryNow()
{
    const qint64 definitionId = m_retryDefinition;
    m_retryNow->setEnabled(false);
    runInBackground(
        this, m_context.storePool,
        [store = m_context.store, definitionId]() { return LedgerRepository(*store).makeRetriesDue(definitionId, QDateTime::currentDateTimeUtc()); },
        [this, definitionId](Result<void> due) {
            if (!due) {
                m_retryHint->setText(due.error().message());
                return;
            }
            const Result<void> started = m_context.runs->start(definitionId);
            m_retryHint->setText(started ? tr("Retrying: a run of the definition started.") : started.error().message());
        });
}

void RunsPage::loadChart()
{
    RunFilter filter = m_model->filter();
    filter.limit = chartRuns;
    filter.offset = 0;
    runInBackground(
        this, m_context.storePool, [store = m_context.store, filter]() { return RunRepository(*store).runs(filter); },
        [this](Result<QList<SyncRun>> runs) {
            auto *chart = new QChart;
            chart->setTitle(tr("Items written per second, newest %n run(s)", nullptr, runs ? int(runs->size()) : 0));
            chart->legend()->hide();
            auto *series = new QLineSeries(chart);
            auto *points = new QScatterSeries(chart);
            points->setMarkerSize(6);
            double highest = 1;
            QDateTime first, last;
            if (runs) {
                for (auto it = runs->crbegin(); it != runs->crend(); ++it) {
                    if (!it->finishedAt.isValid() || it->type == RunType::DryRun)
                        continue;
                    const double seconds = qMax<qint64>(1, it->startedAt.msecsTo(it->finishedAt)) / 1000.0;
                    const double rate = (it->counters.created + it->counters.updated + it->counters.moved + it->counters.deleted) / seconds;
                    const qreal x = qreal(it->startedAt.toMSecsSinceEpoch());
                    series->append(x, rate);
                    points->append(x, rate);
                    highest = qMax(highest, rate);
                    first = first.isValid() ? first : it->startedAt;
                    last = it->startedAt;
                }
            }
            chart->addSeries(series);
            chart->addSeries(points);
            auto *time = new QDateTimeAxis(chart);
            time->setFormat(QStringLiteral("dd MMM HH:mm"));
            time->setTickCount(5);
            if (first.isValid())
                time->setRange(first.toLocalTime().addSecs(-60), last.toLocalTime().addSecs(60));
            auto *rate = new QValueAxis(chart);
            rate->setRange(0, highest * 1.1);
            rate->setLabelFormat(QStringLiteral("%.0f"));
            rate->setTitleText(tr("items/s"));
            chart->addAxis(time, Qt::AlignBottom);
            chart->addAxis(rate, Qt::AlignLeft);
            for (QAbstractSeries *s : chart->series()) {
                s->attachAxis(time);
                s->attachAxis(rate);
            }
            QChart *old = m_chart->chart();
            m_chart->setChart(chart);
            delete old;
        });
}

} // namespace SyncBridge

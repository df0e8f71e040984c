#include "definitions/dryrunpanel.h"

#include "common/valuetext.h"

#include "sync/runcontroller.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

// The plan's action keys, in the order a person reads them.
const QStringList planActions = {QStringLiteral("create"), QStringLiteral("update"), QStringLiteral("move"), QStringLiteral("skip"),
                             QStringLiteral("unrouted"), QStringLiteral("failed")};

} // namespace

DryRunPanel::DryRunPanel(AppContext context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
    , m_status(new QLabel(this))
    , m_previewButton(new QPushButton(QIcon(QStringLiteral(":/icons/preview.svg")), tr("Preview the run"), this))
    , m_runButton(new QPushButton(QIcon(QStringLiteral(":/icons/run.svg")), tr("Run Sync Now"), this))
    , m_plan(new QTableWidget(0, int(planActions.size()) + 1, this))
    , m_samples(new QTableWidget(0, 3, this))
{
    setObjectName(QStringLiteral("dryRunPanel"));
    m_previewButton->setObjectName(QStringLiteral("startDryRun"));
    m_runButton->setObjectName(QStringLiteral("runNowFromEditor"));
    m_plan->setObjectName(QStringLiteral("dryRunPlan"));
    m_samples->setObjectName(QStringLiteral("dryRunSamples"));
    m_status->setObjectName(QStringLiteral("dryRunStatus"));
    m_status->setWordWrap(true);
    m_previewButton->setToolTip(tr("Plan a run of the saved definition without writing anything: counts per action and list, and sample rows (F6)"));
    m_previewButton->setShortcut(QKeySequence(Qt::Key_F6));
    m_runButton->setToolTip(tr("Start a real run of the saved definition and follow it on the Overview (F5)"));
    m_runButton->setShortcut(QKeySequence(Qt::Key_F5));

    m_plan->setHorizontalHeaderLabels({tr("List"), tr("Create"), tr("Update"), tr("Move"), tr("Unchanged"), tr("No list"), tr("Failed")});
    m_plan->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_plan->verticalHeader()->hide();
    m_plan->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_plan->setMaximumHeight(170);
    m_samples->setToolTip(tr("Sample rows with the SharePoint values they would carry; a row that would fail says why"));
    m_samples->verticalHeader()->hide();
    m_samples->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_samples->setWordWrap(false);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_previewButton);
    buttons->addWidget(m_runButton);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addWidget(new QLabel(tr("Planned actions per list"), this));
    layout->addWidget(m_plan, 1);
    layout->addWidget(new QLabel(tr("Sample rows"), this));
    layout->addWidget(m_samples, 2);

    connect(m_previewButton, &QPushButton::clicked, this, &DryRunPanel::startPreview);
    connect(m_runButton, &QPushButton::clicked, this, [this]() {
        emit runNowRequested(m_definitionId);
        updateButtons();   // the run has started (or was refused): one run per definition at a time
    });
    if (m_context.runs) {
        connect(m_context.runs, &RunController::progress, this, &DryRunPanel::onProgress);
        connect(m_context.runs, &RunController::finished, this, &DryRunPanel::onFinished);
    }
    setDefinition(0, {}, false);
}

void DryRunPanel::setDefinition(qint64 definitionId, const QString &name, bool modified)
{
    if (definitionId != m_definitionId) {
        m_plan->setRowCount(0);
        m_samples->setRowCount(0);
        m_previewing = false;
    }
    m_definitionId = definitionId;
    if (!m_previewing) {
        if (definitionId == 0)
            m_status->setText(tr("Save the definition to preview what a run would do."));
        else if (modified)
            m_status->setText(tr("The editor has unsaved changes; the preview and Run Sync Now use '%1' as last saved. Save (Ctrl+S) to include them.").arg(name));
        else
            m_status->setText(tr("Preview what a run of '%1' would do: nothing is written.").arg(name));
    }
    updateButtons();
}

void DryRunPanel::updateButtons()
{
    const bool running = m_context.runs && m_definitionId != 0 && m_context.runs->isRunning(m_definitionId);
    m_previewButton->setEnabled(m_definitionId != 0 && !running);
    m_runButton->setEnabled(m_definitionId != 0 && !running);
}

void DryRunPanel::startPreview()
{
    if (!m_context.runs || m_definitionId == 0)
        return;
    RunOptions options;
    options.dryRun = true;
    options.sampleRows = 20;
    const Result<void> started = m_context.runs->start(m_definitionId, options);
    if (!started) {
        m_status->setText(started.error().message());
        return;
    }
    m_previewing = true;
    m_plan->setRowCount(0);
    m_samples->setRowCount(0);
    m_status->setText(tr("Planning…"));
    updateButtons();
}

void DryRunPanel::onProgress(qint64 definitionId, const RunProgress &progress)
{
    if (definitionId != m_definitionId)
        return;
    updateButtons();   // a run started elsewhere (the Overview, the agent) holds the buttons too
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
    const QLocale locale;
    m_status->setText(outcome.message);
    for (auto list = outcome.plan.cbegin(); list != outcome.plan.cend(); ++list) {
        const int row = m_plan->rowCount();
        m_plan->insertRow(row);
        m_plan->setItem(row, 0, new QTableWidgetItem(list.key()));
        for (int i = 0; i < planActions.size(); ++i) {
            auto *cell = new QTableWidgetItem(locale.toString(list.value().value(planActions.at(i))));
            cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_plan->setItem(row, i + 1, cell);
        }
    }
    // One column per SharePoint field, in the order the samples name them; a failing row's error
    // takes the place of its values.
    QStringList fields;
    for (const QJsonObject &sample : outcome.samples) {
        for (const QString &field : sample.value(QStringLiteral("fields")).toObject().keys()) {
            if (!fields.contains(field) && !field.contains(QLatin1Char('@')))   // OData annotations are not values
                fields << field;
        }
    }
    fields.removeAll(QStringLiteral("Title"));
    fields.prepend(QStringLiteral("Title"));
    m_samples->setColumnCount(int(fields.size()) + 3);
    m_samples->setHorizontalHeaderLabels(QStringList{tr("Row"), tr("Action"), tr("List")} + fields);
    for (const QJsonObject &sample : outcome.samples) {
        const int row = m_samples->rowCount();
        m_samples->insertRow(row);
        m_samples->setItem(row, 0, new QTableWidgetItem(sample.value(QStringLiteral("identity")).toString()));
        m_samples->setItem(row, 1, new QTableWidgetItem(sample.value(QStringLiteral("action")).toString()));
        m_samples->setItem(row, 2, new QTableWidgetItem(sample.value(QStringLiteral("list")).toString()));
        const QString error = sample.value(QStringLiteral("error")).toString();
        if (!error.isEmpty()) {
            auto *cell = new QTableWidgetItem(error);
            cell->setForeground(QColor(0xc6, 0x28, 0x28));
            cell->setToolTip(error);
            m_samples->setItem(row, 3, cell);
            m_samples->setSpan(row, 3, 1, int(fields.size()));
            continue;
        }
        const QJsonObject values = sample.value(QStringLiteral("fields")).toObject();
        for (int i = 0; i < fields.size(); ++i)
            m_samples->setItem(row, 3 + i, new QTableWidgetItem(valueText(values.value(fields.at(i)))));
    }
    m_samples->resizeColumnsToContents();
    emit previewFinished(outcome);
}

} // namespace SyncBridge

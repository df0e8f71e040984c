#include "runs/rundialog.h"

#include "common/backgroundtask.h"
#include "runs/runprogressview.h"
#include "runs/runsmodel.h"

#include "store/metastore.h"
#include "store/runrepository.h"
#include "sync/runprogress.h"
#include "sync/runtext.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace SyncBridge {

RunDialog::RunDialog(AppContext context, qint64 definitionId, const QString &definitionName, QWidget *parent)
    : QDialog(parent)
    , m_context(std::move(context))
    , m_definitionId(definitionId)
    , m_heading(new QLabel(this))
    , m_times(new QLabel(this))
    , m_progress(new RunProgressView(RunProgressView::Detail::Full, this))
    , m_perList(new QTreeWidget(this))
    , m_technical(new QLabel(this))
    , m_failuresTitle(new QLabel(this))
    , m_failures(new QTreeWidget(this))
    , m_cancel(new QPushButton(tr("Cancel run"), this))
{
    setObjectName(QStringLiteral("runDialog"));
    setWindowTitle(tr("Run of %1").arg(definitionName));
    setAttribute(Qt::WA_DeleteOnClose);
    m_heading->setObjectName(QStringLiteral("outcomeHeading"));
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.3);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_heading->setText(tr("Running…"));
    m_times->setObjectName(QStringLiteral("runTimes"));
    m_times->setForegroundRole(QPalette::PlaceholderText);
    m_perList->setObjectName(QStringLiteral("perList"));
    m_perList->setRootIsDecorated(false);
    m_perList->setHeaderLabels({tr("List"), tr("Created"), tr("Updated"), tr("Moved"), tr("Deleted"), tr("Failed")});
    m_perList->setMaximumHeight(120);
    m_perList->hide();
    m_failures->setObjectName(QStringLiteral("failedRows"));
    m_failures->setHeaderLabels({tr("Row"), tr("Error")});
    m_failures->setRootIsDecorated(false);
    m_failures->setWordWrap(true);
    m_failures->header()->setStretchLastSection(true);
    m_failuresTitle->setObjectName(QStringLiteral("failuresTitle"));
    m_technical->setObjectName(QStringLiteral("technicalDetails"));
    m_technical->setWordWrap(true);
    m_technical->setTextInteractionFlags(Qt::TextSelectableByMouse); // to copy into a bug report
    m_technical->setStyleSheet(QStringLiteral("color: palette(mid)"));
    m_cancel->setObjectName(QStringLiteral("cancelRun"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_cancel, &QPushButton::clicked, this, [this]() {
        setStopping();
        emit cancelRequested(m_definitionId);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(m_times);
    layout->addWidget(m_progress);
    layout->addWidget(m_perList);
    layout->addWidget(m_technical);
    layout->addWidget(m_failuresTitle);
    layout->addWidget(m_failures, 1);
    layout->addStretch(); // takes the room while there is no failure list to show
    layout->addWidget(buttons);
    m_technical->hide();
    m_failuresTitle->hide();
    m_failures->hide();
    resize(620, 440);
}

void RunDialog::setProgress(const RunProgress &progress)
{
    m_cancel->setVisible(true);
    if (m_cancel->isEnabled())
        m_heading->setText(tr("Running…"));
    m_progress->setProgress(progress);
    if (!m_cancel->isEnabled())
        m_progress->setStopping();
}

void RunDialog::setStopping()
{
    m_cancel->setEnabled(false);
    m_cancel->setText(tr("Stopping…"));
    m_heading->setText(tr("Stopping…"));
    m_progress->setStopping();
}

void RunDialog::setOutcome(const RunOutcome &outcome)
{
    m_cancel->hide();
    m_cancel->setEnabled(true);
    m_cancel->setText(tr("Cancel run"));
    m_heading->setText(outcome.dryRun ? tr("Preview (dry run): %1").arg(runStatusText(outcome.status)) : runStatusText(outcome.status));
    const QLocale locale;
    if (outcome.startedAt.isValid() && outcome.finishedAt.isValid()) {
        m_times->setText(tr("Started %1 · finished %2 · took %3")
                             .arg(locale.toString(outcome.startedAt.toLocalTime(), QLocale::ShortFormat),
                                 locale.toString(outcome.finishedAt.toLocalTime(), QLocale::ShortFormat),
                                 waitDurationText(outcome.startedAt.secsTo(outcome.finishedAt))));
    } else if (outcome.startedAt.isValid()) {
        m_times->setText(tr("Started %1").arg(locale.toString(outcome.startedAt.toLocalTime(), QLocale::ShortFormat)));
    } else {
        m_times->clear();
    }
    m_perList->clear();
    for (auto list = outcome.plan.constBegin(); list != outcome.plan.constEnd(); ++list) {
        QStringList row{list.key()};
        for (const char *action : {"create", "update", "move", "delete"})
            row << locale.toString(list->value(QLatin1String(action)));
        row << locale.toString(list->value(QStringLiteral("failed")));
        auto *item = new QTreeWidgetItem(m_perList, row);
        for (int column = 1; column < row.size(); ++column)
            item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
    }
    m_perList->setVisible(!outcome.plan.isEmpty());
    for (int column = 0; column < m_perList->columnCount(); ++column)
        m_perList->resizeColumnToContents(column);
    m_progress->setOutcome(outcome);
    loadFailures(outcome.runId);
}

void RunDialog::showRun(qint64 runId)
{
    m_cancel->hide();
    runInBackground(
        this, m_context.storePool,
        [store = m_context.store, runId]() -> Result<std::pair<SyncRun, RunRepository::ListCounts>> {
            auto run = RunRepository(*store).run(runId);
            if (!run)
                return run.error();
            auto lists = RunRepository(*store).listCounts(runId);
            if (!lists)
                return lists.error();
            return std::pair{*run, *lists};
        },
        [this, runId](Result<std::pair<SyncRun, RunRepository::ListCounts>> found) {
            if (!found)
                return;
            const SyncRun *run = &found->first;
            RunOutcome outcome;
            outcome.plan = found->second; // the rows per list and action stored with the run
            outcome.runId = runId;
            outcome.status = run->status;
            outcome.dryRun = run->type == RunType::DryRun;
            outcome.startedAt = run->startedAt;
            outcome.finishedAt = run->finishedAt;
            outcome.message = runMessageText(*run);
            outcome.counters = run->counters;
            setOutcome(outcome);
        });
}

void RunDialog::loadFailures(qint64 runId)
{
    runInBackground(
        this, m_context.storePool, [store = m_context.store, runId]() { return RunRepository(*store).events(runId); },
        [this](Result<QList<RunEvent>> events) {
            m_failures->clear();
            m_technical->hide();
            int failed = 0;
            QSet<QString> rows; // a row that failed twice (retried in the run) is one failed row
            if (events) {
                for (const RunEvent &event : std::as_const(*events)) {
                    if (event.type == QLatin1String("run-finished")) {
                        showTechnicalDetails(event);
                        continue;
                    }
                    if (event.severity != EventSeverity::Error)
                        continue;
                    const QString identity = event.payload.value(QStringLiteral("identity")).toString();
                    const QString error = event.payload.value(QStringLiteral("error")).toString();
                    if (!identity.isEmpty() && rows.contains(identity))
                        continue;
                    if (!identity.isEmpty())
                        rows.insert(identity);
                    auto *item = new QTreeWidgetItem(m_failures, {identity.isEmpty() ? tr("(the run)") : identity, error.isEmpty() ? event.message : error});
                    item->setToolTip(1, event.message);
                    ++failed;
                }
            }
            m_failuresTitle->setText(failed == 0
                    ? tr("No row failed.")
                    : tr("%Ln row(s) failed; they wait in the retry queue and go first on the next run:", nullptr, failed));
            m_failuresTitle->show();
            m_failures->setVisible(failed > 0);
            m_failures->resizeColumnToContents(0);
        });
}

void RunDialog::showTechnicalDetails(const RunEvent &finished)
{
    // The message people read is the progress view's; what it cost to find out comes second.
    const QString kind = finished.payload.value(QStringLiteral("errorKind")).toString();
    const QString detail = finished.payload.value(QStringLiteral("detail")).toString();
    if (kind.isEmpty() && detail.isEmpty())
        return;
    m_technical->setText(detail.isEmpty() ? tr("Technical details: %1").arg(kind) : tr("Technical details: %1 — %2").arg(kind, detail));
    m_technical->show();
}

} // namespace SyncBridge

#include "runs/rundialog.h"

#include "common/backgroundtask.h"
#include "runs/runprogressview.h"

#include "store/metastore.h"
#include "store/runrepository.h"
#include "sync/runprogress.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace SyncBridge {

RunDialog::RunDialog(AppContext context, qint64 definitionId, const QString &definitionName, QWidget *parent)
    : QDialog(parent)
    , m_context(std::move(context))
    , m_definitionId(definitionId)
    , m_progress(new RunProgressView(RunProgressView::Detail::Full, this))
    , m_failuresTitle(new QLabel(this))
    , m_failures(new QTreeWidget(this))
    , m_cancel(new QPushButton(tr("Cancel run"), this))
{
    setObjectName(QStringLiteral("runDialog"));
    setWindowTitle(tr("Run of %1").arg(definitionName));
    setAttribute(Qt::WA_DeleteOnClose);
    m_failures->setObjectName(QStringLiteral("failedRows"));
    m_failures->setHeaderLabels({tr("Row"), tr("Error")});
    m_failures->setRootIsDecorated(false);
    m_failures->setWordWrap(true);
    m_failures->header()->setStretchLastSection(true);
    m_failuresTitle->setObjectName(QStringLiteral("failuresTitle"));
    m_cancel->setObjectName(QStringLiteral("cancelRun"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_cancel, &QPushButton::clicked, this, [this]() {
        m_cancel->setEnabled(false);
        m_cancel->setText(tr("Stopping…"));
        emit cancelRequested(m_definitionId);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_progress);
    layout->addWidget(m_failuresTitle);
    layout->addWidget(m_failures, 1);
    layout->addWidget(buttons);
    m_failuresTitle->hide();
    m_failures->hide();
    resize(620, 440);
}

void RunDialog::setProgress(const RunProgress &progress)
{
    m_cancel->setVisible(true);
    m_progress->setProgress(progress);
}

void RunDialog::setOutcome(const RunOutcome &outcome)
{
    m_cancel->hide();
    m_progress->setOutcome(outcome);
    loadFailures(outcome.runId);
}

void RunDialog::showRun(qint64 runId)
{
    m_cancel->hide();
    runInBackground(
        this, m_context.storePool, [store = m_context.store, runId]() { return RunRepository(*store).run(runId); },
        [this, runId](Result<SyncRun> run) {
            if (!run)
                return;
            RunOutcome outcome;
            outcome.runId = runId;
            outcome.status = run->status;
            outcome.message = run->message;
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
            int failed = 0;
            if (events) {
                for (const RunEvent &event : std::as_const(*events)) {
                    if (event.severity != EventSeverity::Error || event.type == QLatin1String("run-finished"))
                        continue;
                    const QString identity = event.payload.value(QStringLiteral("identity")).toString();
                    const QString error = event.payload.value(QStringLiteral("error")).toString();
                    auto *item = new QTreeWidgetItem(m_failures, {identity.isEmpty() ? tr("(the run)") : identity, error.isEmpty() ? event.message : error});
                    item->setToolTip(1, event.message);
                    ++failed;
                }
            }
            m_failuresTitle->setText(failed == 0 ? tr("No row failed.")
                                                 : tr("%n row(s) failed; they wait in the retry queue and go first on the next run:", nullptr, failed));
            m_failuresTitle->show();
            m_failures->setVisible(failed > 0);
            m_failures->resizeColumnToContents(0);
        });
}

} // namespace SyncBridge

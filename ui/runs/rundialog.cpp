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
    , m_technical(new QLabel(this))
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
    m_technical->setObjectName(QStringLiteral("technicalDetails"));
    m_technical->setWordWrap(true);
    m_technical->setTextInteractionFlags(Qt::TextSelectableByMouse); // to copy into a bug report
    m_technical->setStyleSheet(QStringLiteral("color: palette(mid)"));
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
            m_technical->hide();
            int failed = 0;
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

#include "overview/definitioncard.h"

#include "overview/nextruntext.h"
#include "replication/slotstyle.h"
#include "runs/runprogressview.h"
#include "runs/runsmodel.h"

#include "sync/runprogress.h"
#include "sync/runtext.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

QString statusColor(RunStatus status)
{
    switch (status) {
    case RunStatus::Succeeded: return QStringLiteral("#2e7d32");
    case RunStatus::PartiallyFailed: return QStringLiteral("#b26a00");
    case RunStatus::Failed:
    case RunStatus::Interrupted:
        return QStringLiteral("#c62828");
    default: return QStringLiteral("palette(text)");
    }
}

QString targetsText(const SyncDefinition &definition)
{
    QStringList lists;
    for (const SyncTarget &target : definition.targets)
        lists << target.listName;
    return DefinitionCard::tr("%1.%2 → %3").arg(definition.source.schema, definition.source.table, lists.join(QStringLiteral(", ")));
}

} // namespace

QString relativeTime(const QDateTime &moment, const QDateTime &now)
{
    const qint64 seconds = moment.secsTo(now);
    if (seconds < 60)
        return DefinitionCard::tr("just now");
    if (seconds < 3600)
        return DefinitionCard::tr("%n min ago", nullptr, int(seconds / 60));
    if (seconds < 86400)
        return DefinitionCard::tr("%n h ago", nullptr, int(seconds / 3600));
    return QLocale().toString(moment.toLocalTime(), QLocale::ShortFormat);
}

DefinitionCard::DefinitionCard(const SyncDefinition &definition, QWidget *parent)
    : QFrame(parent)
    , m_definitionId(definition.id)
    , m_status(new QLabel(this))
    , m_preview(new QLabel(this))
    , m_progress(new RunProgressView(RunProgressView::Detail::Compact, this))
    , m_run(new QPushButton(QIcon(QStringLiteral(":/icons/run.svg")), tr("Run Sync Now"), this))
    , m_dryRun(new QPushButton(tr("Dry run"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_details(new QPushButton(tr("Details…"), this))
    , m_conflicts(new QPushButton(QIcon(QStringLiteral(":/icons/warning.svg")), QString(), this))
    , m_slotBadge(new QLabel(this))
{
    setObjectName(QStringLiteral("definitionCard"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);
    setMinimumWidth(360);

    auto *title = new QLabel(definition.name, this);
    title->setObjectName(QStringLiteral("cardTitle"));
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    title->setFont(titleFont);
    auto *route = new QLabel(targetsText(definition), this);
    route->setWordWrap(true);
    route->setForegroundRole(QPalette::PlaceholderText);
    m_scheduled = definition;
    auto *scheduleLabel = m_schedule = new QLabel(nextRunText(definition, QDateTime::currentDateTimeUtc()), this);
    scheduleLabel->setObjectName(QStringLiteral("schedule"));
    scheduleLabel->setToolTip(scheduleToolTip(definition));
    m_status->setObjectName(QStringLiteral("lastRun"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_preview->setObjectName(QStringLiteral("lastPreview"));
    m_preview->setWordWrap(true);
    m_preview->setForegroundRole(QPalette::PlaceholderText);
    m_preview->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // A fixed height whatever it says or does: three lines of last sync, two of preview, and the
    // progress's place kept while it is hidden — the cards of a row never jump.
    const int line = fontMetrics().lineSpacing();
    route->setFixedHeight(2 * line + 2); // two lines for every card: the cards of a row are as high
    route->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    route->setToolTip(route->text());
    m_status->setFixedHeight(3 * line + 2);
    m_preview->setFixedHeight(2 * line + 2);
    QSizePolicy keepPlace = m_progress->sizePolicy();
    keepPlace.setRetainSizeWhenHidden(true);
    m_progress->setSizePolicy(keepPlace);
    keepPlace = m_cancel->sizePolicy();
    keepPlace.setRetainSizeWhenHidden(true);
    m_cancel->setSizePolicy(keepPlace);

    m_run->setObjectName(QStringLiteral("runSyncNow"));
    m_run->setDefault(true);
    m_run->setToolTip(tr("Push the rows that changed since the last run"));
    m_dryRun->setObjectName(QStringLiteral("dryRun"));
    m_dryRun->setToolTip(tr("Plan the run and count what it would do, writing nothing"));
    m_cancel->setObjectName(QStringLiteral("cancelRun"));
    m_cancel->setToolTip(tr("Finish the page in flight, record it, and stop"));
    m_details->setObjectName(QStringLiteral("runDetails"));
    m_details->setToolTip(tr("Every count of the run, and the rows that failed with their errors"));

    m_conflicts->setObjectName(QStringLiteral("openConflicts"));
    m_conflicts->setToolTip(tr("Fields changed on both sides that wait for your decision"));
    m_conflicts->hide();
    m_slotBadge->setObjectName(QStringLiteral("slotBadge"));
    m_slotBadge->hide();

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_dryRun);
    buttons->addWidget(m_cancel);
    buttons->addStretch();
    buttons->addWidget(m_slotBadge);
    buttons->addWidget(m_conflicts);
    buttons->addWidget(m_details);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(route);
    layout->addWidget(scheduleLabel);
    layout->addWidget(m_status);
    layout->addWidget(m_preview);
    layout->addWidget(m_progress);
    layout->addStretch();
    layout->addLayout(buttons);

    connect(m_run, &QPushButton::clicked, this, [this]() { emit runRequested(m_definitionId, false); });
    connect(m_dryRun, &QPushButton::clicked, this, [this]() { emit runRequested(m_definitionId, true); });
    connect(m_cancel, &QPushButton::clicked, this, [this]() {
        setStopping();
        emit cancelRequested(m_definitionId);
    });
    connect(m_details, &QPushButton::clicked, this, [this]() { emit detailsRequested(m_definitionId); });
    connect(m_conflicts, &QPushButton::clicked, this, [this]() { emit conflictsRequested(m_definitionId); });
    setRunning(false);
    setLastRuns(std::nullopt, std::nullopt);
    setFixedHeight(sizeHint().height());
}

QString DefinitionCard::previewText() const
{
    return m_preview->text();
}

void DefinitionCard::setLastRuns(const std::optional<SyncRun> &sync, const std::optional<SyncRun> &preview)
{
    setLastRun(sync);
    showPreview(preview);
    if (!sync && preview)
        m_status->setText(tr("Never synced: only previewed. <b>Run Sync Now</b> pushes every row the first time."));
}

void DefinitionCard::showPreview(const std::optional<SyncRun> &preview)
{
    if (!preview) {
        m_preview->setText(tr("No preview yet."));
        m_preview->setToolTip({});
        return;
    }
    const QString text = tr("Last preview (dry run, nothing written): %1 · %2 · %3")
                             .arg(runStatusText(preview->status), relativeTime(preview->startedAt), runMessageText(*preview));
    m_preview->setText(text);
    m_preview->setToolTip(text);
}

QString DefinitionCard::statusText() const
{
    return m_status->text();
}

void DefinitionCard::setLastRun(const std::optional<SyncRun> &run)
{
    if (run && run->type == RunType::DryRun) {
        showPreview(run);
        if (m_neverSynced)
            m_status->setText(tr("Never synced: only previewed. <b>Run Sync Now</b> pushes every row the first time."));
        m_details->setEnabled(true);
        return;
    }
    if (!run) {
        m_neverSynced = true;
        m_status->setText(tr("Never run. <b>Run Sync Now</b> pushes every row the first time."));
        m_status->setToolTip({});
        m_details->setEnabled(false);
        return;
    }
    m_neverSynced = false;
    const QString message = runMessageText(*run);
    m_status->setText(
        tr("Last sync: <span style='color:%1'><b>%2</b></span> · %3 · %4")
            .arg(statusColor(run->status), runStatusText(run->status), relativeTime(run->startedAt), message.toHtmlEscaped()));
    m_status->setToolTip(message);
    m_details->setEnabled(true);
}

void DefinitionCard::setRunning(bool running)
{
    m_stopping = false;
    m_progress->setVisible(running);
    if (running)
        m_progress->clear();
    m_run->setEnabled(!running);
    m_dryRun->setEnabled(!running);
    m_cancel->setVisible(running);
    m_cancel->setEnabled(true);
    m_cancel->setText(tr("Cancel"));
    if (running) {
        m_status->setText(tr("<b>Running…</b>"));
        m_details->setEnabled(true);
    }
}

void DefinitionCard::setStopping()
{
    m_stopping = true;
    m_cancel->setEnabled(false);
    m_cancel->setText(tr("Stopping…"));
    m_status->setText(tr("<b>Stopping…</b> What was written is being recorded."));
    m_progress->setStopping();
}

void DefinitionCard::setProgress(const RunProgress &progress)
{
    m_progress->setProgress(progress);
    if (m_stopping)
        m_progress->setStopping();
}

void DefinitionCard::setOutcome(const RunOutcome &outcome)
{
    setRunning(false);
    SyncRun run;
    run.id = outcome.runId;
    run.type = outcome.dryRun ? RunType::DryRun : RunType::Push;
    run.status = outcome.status;
    run.startedAt = outcome.startedAt.isValid() ? outcome.startedAt : QDateTime::currentDateTimeUtc();
    run.finishedAt = outcome.finishedAt;
    run.counters = outcome.counters;
    run.message = outcome.message;
    setLastRun(run);
}

void DefinitionCard::setOpenConflicts(qint64 count)
{
    m_openConflicts = count;
    m_conflicts->setText(tr("Conflicts (%n)", nullptr, int(count)));
    m_conflicts->setAccessibleName(tr("%n open conflict(s)", nullptr, int(count)));
    m_conflicts->setVisible(count > 0);
}

void DefinitionCard::setSchedulesPausedHere(bool paused)
{
    m_schedule->setText(nextRunText(m_scheduled, QDateTime::currentDateTimeUtc(), paused));
}

void DefinitionCard::setSlotHealth(const SlotHealth &health)
{
    m_slotBadge->setText(tr("Slot: %1").arg(slotSeverityText(health.severity)));
    m_slotBadge->setStyleSheet(slotSeverityStyle(health.severity, QStringLiteral("2px 6px")));
    m_slotBadge->setToolTip(health.findings.join(QLatin1Char('\n')));
    m_slotBadge->setAccessibleName(tr("Replication slot: %1").arg(slotSeverityText(health.severity)));
    m_slotBadge->setVisible(health.severity != SlotSeverity::Ok);
}

} // namespace SyncBridge

#include "runs/runprogressview.h"

#include "runs/runsmodel.h"

#include "sync/runtext.h"

#include <QGridLayout>
#include <QLabel>
#include <QProgressBar>
#include <QTimer>
#include <QVBoxLayout>

namespace SyncBridge {
namespace {

struct CounterField {
    const char *label;
    qint64 RunCounters::*value;
};

// The order counts are shown in; labels are translated where they are used.
const CounterField counterFields[] = {
    {QT_TRANSLATE_NOOP("SyncBridge::RunProgressView", "Read"), &RunCounters::rowsRead},
    {QT_TRANSLATE_NOOP("SyncBridge::RunProgressView", "Created"), &RunCounters::created},
    {QT_TRANSLATE_NOOP("SyncBridge::RunProgressView", "Updated"), &RunCounters::updated},
    {QT_TRANSLATE_NOOP("SyncBridge::RunProgressView", "Moved"), &RunCounters::moved},
    {QT_TRANSLATE_NOOP("SyncBridge::RunProgressView", "Deleted"), &RunCounters::deleted},
    {QT_TRANSLATE_NOOP("SyncBridge::RunProgressView", "Unchanged"), &RunCounters::skipped},
    {QT_TRANSLATE_NOOP("SyncBridge::RunProgressView", "Failed"), &RunCounters::failed},
    {QT_TRANSLATE_NOOP("SyncBridge::RunProgressView", "RU spent"), &RunCounters::ruSpent},
};

} // namespace

QString humanDuration(qint64 seconds)
{
    if (seconds < 60)
        return RunProgressView::tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return RunProgressView::tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return RunProgressView::tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

RunProgressView::RunProgressView(Detail detail, QWidget *parent)
    : QWidget(parent)
    , m_detail(detail)
    , m_countdown(new QTimer(this))
    , m_phase(new QLabel(this))
    , m_waitLabel(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_rate(new QLabel(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_phase->setObjectName(QStringLiteral("phase"));
    m_bar->setObjectName(QStringLiteral("progressBar"));
    m_rate->setObjectName(QStringLiteral("rate"));
    m_waitLabel->setObjectName(QStringLiteral("waitState"));
    m_waitLabel->setStyleSheet(QStringLiteral("color: #b26a00; font-weight: bold"));
    // The line keeps its place when there is no wait: the card does not jump when one begins.
    QSizePolicy keepPlace = m_waitLabel->sizePolicy();
    keepPlace.setRetainSizeWhenHidden(true);
    m_waitLabel->setSizePolicy(keepPlace);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &RunProgressView::showWait);
    layout->addWidget(m_phase);
    layout->addWidget(m_waitLabel);
    layout->addWidget(m_bar);
    layout->addWidget(m_rate);
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(18);
    int index = 0;
    for (const CounterField &field : counterFields) {
        if (detail == Detail::Compact && field.value != &RunCounters::created && field.value != &RunCounters::updated
            && field.value != &RunCounters::failed)
            continue;
        auto *name = new QLabel(tr(field.label), this);
        name->setForegroundRole(QPalette::PlaceholderText);
        auto *value = new QLabel(QStringLiteral("0"), this);
        value->setObjectName(QStringLiteral("count_%1").arg(QString::fromLatin1(field.label).toLower().replace(QLatin1Char(' '), QLatin1Char('_'))));
        QFont bold = value->font();
        bold.setBold(true);
        value->setFont(bold);
        const int columns = detail == Detail::Compact ? 3 : 4;
        grid->addWidget(name, (index / columns) * 2, index % columns);
        grid->addWidget(value, (index / columns) * 2 + 1, index % columns);
        m_counts << value;
        ++index;
    }
    layout->addLayout(grid);
    clear();
}

void RunProgressView::clear()
{
    m_stopping = false;
    m_wait = {};
    showWait();
    m_phase->setText(tr("Starting…"));
    m_bar->setRange(0, 0);   // busy until the size is known
    m_rate->clear();
    for (QLabel *count : std::as_const(m_counts))
        count->setText(QStringLiteral("0"));
}

void RunProgressView::showCounters(const RunCounters &counters)
{
    int index = 0;
    for (const CounterField &field : counterFields) {
        if (m_detail == Detail::Compact && field.value != &RunCounters::created && field.value != &RunCounters::updated
            && field.value != &RunCounters::failed)
            continue;
        m_counts.at(index++)->setText(QLocale().toString(counters.*field.value));
    }
}

void RunProgressView::setProgress(const RunProgress &progress)
{
    m_phase->setText(m_stopping ? tr("Stopping…") : runPhaseText(progress.phase));
    m_wait = m_stopping ? ServiceWait{} : progress.wait;
    showWait();
    // Bar, rate and time left count one thing: the rows the run is done with (the counts below are
    // its parts), out of the planner's estimate — so never more than 99 % until the end.
    const QLocale locale;
    if (progress.stream) { // a continuous CDC run has no end to show: how far behind it is instead
        showStream(*progress.stream);
        showCounters(progress.counters);
        return;
    }
    const qint64 done = progress.rowsDone();
    if (progress.estimatedRows > 0) {
        const qint64 total = qMax(progress.estimatedRows, done);
        m_bar->setRange(0, 1000);
        m_bar->setValue(int(qMin<qint64>(990, done * 1000 / total)));
        m_bar->setFormat(tr("%1 of about %2 rows").arg(locale.toString(done), locale.toString(total)));
        m_bar->setTextVisible(true);
    } else {
        m_bar->setRange(0, 0);
    }
    QStringList parts;
    parts << tr("%1 items/s").arg(locale.toString(progress.itemsPerSecond, 'f', 0));
    if (progress.etaSeconds >= 0 && done > 0 && !progress.wait.isWaiting()
        && (progress.phase == RunPhase::Pushing || progress.phase == RunPhase::Planning))
        parts << tr("about %1 left").arg(humanDuration(progress.etaSeconds));
    m_rate->setText(parts.join(QStringLiteral(" · ")));
    showCounters(progress.counters);
}

void RunProgressView::showStream(const StreamProgress &stream)
{
    const QLocale locale;
    m_bar->setRange(0, 0);
    QStringList parts;
    parts << tr("%1 behind (%2 s)").arg(locale.formattedDataSize(stream.lagBytes), locale.toString(stream.lagSeconds, 'f', 1));
    parts << tr("%1 changes/s").arg(locale.toString(stream.changesPerSecond, 'f', 0));
    parts << tr("%n change(s) queued", nullptr, int(qMin<qint64>(stream.queued, 2000000000)));
    m_rate->setText(parts.join(QStringLiteral(" · ")));
}

void RunProgressView::setStopping()
{
    m_stopping = true;
    m_wait = {};
    showWait();
    m_phase->setText(tr("Stopping…"));
}

void RunProgressView::showWait()
{
    const QString text = serviceWaitText(m_wait);
    m_waitLabel->setText(text);
    m_waitLabel->setVisible(!text.isEmpty());
    if (text.isEmpty())
        m_countdown->stop();
    else if (!m_countdown->isActive())
        m_countdown->start();
}

QString RunProgressView::waitText() const
{
    return m_waitLabel->isHidden() ? QString() : m_waitLabel->text();
}

void RunProgressView::setOutcome(const RunOutcome &outcome)
{
    m_stopping = false;
    m_wait = {};
    showWait();
    m_bar->setFormat(QStringLiteral("%p%"));
    m_phase->setText(tr("%1 — %2").arg(runPhaseText(RunPhase::Finished), runStatusText(outcome.status)));
    m_bar->setRange(0, 1000);
    m_bar->setValue(1000);
    m_rate->setText(outcome.message);
    m_rate->setWordWrap(true);
    showCounters(outcome.counters);
}

QString RunProgressView::summary() const
{
    return m_rate->text();
}

} // namespace SyncBridge

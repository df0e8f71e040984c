#include "drift/drifttrend.h"

#include "common/backgroundtask.h"
#include "drift/driftcolors.h"
#include "store/runrepository.h"

#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

namespace SyncBridge {
namespace {

constexpr int barWidth = 14;
constexpr int barGap = 4;
constexpr int chartHeight = 44;
constexpr int inSyncHeight = 3;

Result<QList<DriftTrend::Check>> readChecks(MetaStore &store, qint64 definitionId)
{
    RunRepository runs(store);
    RunFilter filter;
    filter.definitionId = definitionId;
    filter.type = RunType::Drift;
    filter.limit = DriftTrend::shownChecks;
    auto found = runs.runs(filter);
    if (!found)
        return found.error();
    QList<qint64> ids;
    for (const SyncRun &run : std::as_const(*found))
        ids << run.id;
    auto events = runs.eventsOfType(ids, {QStringLiteral("drift-found"), QStringLiteral("in-sync")});
    if (!events)
        return events.error();
    QList<DriftTrend::Check> checks;
    for (auto run = found->crbegin(); run != found->crend(); ++run) { // newest first → oldest first
        if (run->status == RunStatus::Running)
            continue;
        DriftTrend::Check check;
        check.runId = run->id;
        check.at = run->startedAt;
        check.failed = run->status != RunStatus::Succeeded;
        for (const RunEvent &event : events->value(run->id)) {
            const QJsonObject totals = event.payload.value(QStringLiteral("totals")).toObject();
            for (auto total = totals.constBegin(); total != totals.constEnd(); ++total) {
                if (const auto driftClass = driftClassFromSymbolOrId(total.key()))
                    check.totals.insert(*driftClass, total.value().toInteger());
            }
        }
        checks << check;
    }
    return checks;
}

} // namespace

qint64 DriftTrend::Check::differences() const
{
    qint64 sum = 0;
    for (auto total = totals.constBegin(); total != totals.constEnd(); ++total) {
        if (total.key() != DriftClass::InSync)
            sum += total.value();
    }
    return sum;
}

DriftTrend::DriftTrend(AppContext context, QWidget *parent)
    : QWidget(parent)
    , m_context(std::move(context))
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(tr("Trend of the last drift checks"));
}

void DriftTrend::load(qint64 definitionId)
{
    m_definitionId = definitionId;
    if (definitionId == 0 || !m_context.store || !m_context.storePool) {
        m_checks.clear();
        update();
        emit loaded();
        return;
    }
    runInBackground(
        this, m_context.storePool, [store = m_context.store, definitionId]() { return readChecks(*store, definitionId); },
        [this, definitionId](Result<QList<Check>> checks) {
            if (definitionId != m_definitionId)
                return; // another definition was shown meanwhile
            m_checks = checks ? *checks : QList<Check>{};
            setToolTip(checks ? QString() : checks.error().message());
            update();
            emit loaded();
        });
}

QString DriftTrend::summary() const
{
    QList<const Check *> done;
    for (const Check &check : m_checks) {
        if (!check.failed)
            done << &check;
    }
    if (done.isEmpty())
        return tr("No checks yet.");
    if (done.size() == 1)
        return tr("One check: %n difference(s).", nullptr, int(qMin<qint64>(done.constFirst()->differences(), INT_MAX)));
    return tr("Last %1 checks: %2 → %n difference(s).", nullptr, int(qMin<qint64>(done.constLast()->differences(), INT_MAX)))
        .arg(done.size())
        .arg(QLocale().toString(done.constFirst()->differences()));
}

QSize DriftTrend::sizeHint() const
{
    return {shownChecks * (barWidth + barGap), chartHeight};
}

QSize DriftTrend::minimumSizeHint() const
{
    return sizeHint();
}

QRect DriftTrend::barRect(int index) const
{
    return {index * (barWidth + barGap), 0, barWidth, height()};
}

void DriftTrend::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    qint64 most = 1;
    for (const Check &check : std::as_const(m_checks))
        most = qMax(most, check.differences());
    const QColor baseline = palette().color(QPalette::Mid);
    painter.setPen(baseline);
    painter.drawLine(0, height() - 1, width(), height() - 1);
    for (int index = 0; index < m_checks.size(); ++index) {
        const Check &check = m_checks.at(index);
        const QRect slot = barRect(index);
        if (check.failed) {
            painter.fillRect(QRect(slot.left(), slot.bottom() - inSyncHeight, slot.width(), inSyncHeight), baseline);
            continue;
        }
        if (check.differences() == 0) {
            painter.fillRect(
                QRect(slot.left(), slot.bottom() - inSyncHeight, slot.width(), inSyncHeight), driftClassColor(DriftClass::InSync));
            continue;
        }
        // Stacked by class, scaled to the largest check shown (at least a pixel per class found).
        int bottom = slot.bottom();
        for (const DriftClass driftClass : allDriftClasses) {
            const qint64 count = check.totals.value(driftClass);
            if (driftClass == DriftClass::InSync || count == 0)
                continue;
            const int pixels = qMax(1, int(double(count) / double(most) * (height() - 2)));
            painter.fillRect(QRect(slot.left(), bottom - pixels + 1, slot.width(), pixels), driftClassColor(driftClass));
            bottom -= pixels;
        }
    }
}

bool DriftTrend::event(QEvent *event)
{
    if (event->type() != QEvent::ToolTip)
        return QWidget::event(event);
    const QPoint at = static_cast<QHelpEvent *>(event)->pos();
    for (int index = 0; index < m_checks.size(); ++index) {
        if (!barRect(index).contains(at))
            continue;
        const Check &check = m_checks.at(index);
        QStringList lines{QLocale().toString(check.at.toLocalTime(), QLocale::ShortFormat)};
        if (check.failed)
            lines << tr("The check did not finish.");
        else if (check.differences() == 0)
            lines << tr("In sync.");
        for (const DriftClass driftClass : allDriftClasses) {
            if (driftClass != DriftClass::InSync && check.totals.value(driftClass) > 0)
                lines << QStringLiteral("%1 %2: %3")
                             .arg(driftSymbol(driftClass))
                             .arg(driftClassText(driftClass), QLocale().toString(check.totals.value(driftClass)));
        }
        QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), lines.join(QLatin1Char('\n')), this);
        return true;
    }
    QToolTip::hideText();
    event->ignore();
    return true;
}

} // namespace SyncBridge

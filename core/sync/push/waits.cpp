// PushRun: cancelling, and the waits of its Graph calls — shown while they last (the phase, the
// card's countdown) and recorded as run events, a few per storm.
#include "sync/push/pushrun.h"

#include "graph/graphclient.h"
#include "sync/runtext.h"

#include <QCoreApplication>

namespace SyncBridge {
namespace {
constexpr qint64 longPauseMs = 60 * 1000; // a Retry-After this long is worth telling the user about
} // namespace

void PushRun::cancel()
{
    if (m_cancelled || m_done)
        return;
    m_cancelled = true;
    m_cancelledWhileWaitingForBudget = m_wait.isBudget() || m_wait.reason == ServiceWait::Reason::Throttled;
    // Every wait of the run's calls ends now; the callbacks commit what was answered and the next
    // step boundary (or the failing call) ends the run CANCELLED.
    if (m_graph)
        m_graph->cancel();
}

void PushRun::onWaiting(const ServiceWait &wait, bool fresh)
{
    m_wait = wait;
    if (fresh)
        recordWait(wait);
    // A budget or a long pause SharePoint asks for (its own daily limit) is the budget's wait.
    const bool longPause = wait.reason == ServiceWait::Reason::Throttled && m_clock.nowUtc().msecsTo(wait.until) >= longPauseMs;
    report(wait.isBudget() || longPause ? RunPhase::WaitingForBudget : m_step);
}

void PushRun::onResumed()
{
    m_wait = {};
    report(m_step);
}

void PushRun::recordWait(const ServiceWait &wait)
{
    // One event per wait, and at most one per kind of wait every 30 s: a storm is a few lines, not
    // one per request.
    const qint64 now = m_clock.nowUtc().toMSecsSinceEpoch();
    const int reason = int(wait.reason);
    if (m_lastWaitEventMs.contains(reason) && now - m_lastWaitEventMs.value(reason) < 30000)
        return;
    const qint64 waitMs = m_clock.nowUtc().msecsTo(wait.until);
    const QString until = wait.until.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    const QJsonObject payload{{QStringLiteral("reason"), serviceWaitId(wait.reason)}, {QStringLiteral("status"), wait.status},
        {QStringLiteral("until"), wait.until.toString(Qt::ISODate)}, {QStringLiteral("waitSeconds"), double((waitMs + 999) / 1000)}};
    QString type;
    QString message;
    switch (wait.reason) {
    case ServiceWait::Reason::None:
        return;
    case ServiceWait::Reason::ServiceUnavailable:
        type = QStringLiteral("service-unavailable");
        message
            = QCoreApplication::translate("SyncBridge::Sync", "SharePoint is unavailable (%1); the run retries at %2 UTC (or cancel it).")
                  .arg(wait.status)
                  .arg(until);
        break;
    case ServiceWait::Reason::Throttled:
        if (waitMs >= longPauseMs) {
            type = QStringLiteral("budget-wait");
            message = QCoreApplication::translate("SyncBridge::Sync",
                "SharePoint asked the run to pause (throttling, possibly its daily limit); the run waits until %1 UTC (or cancel it).")
                          .arg(wait.until.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        } else {
            type = QStringLiteral("throttled");
            message = QCoreApplication::translate("SyncBridge::Sync", "SharePoint throttled the run (%1); it waits until %2 UTC.")
                          .arg(wait.status)
                          .arg(until);
        }
        break;
    case ServiceWait::Reason::ServerError:
        type = QStringLiteral("request-retried");
        message = wait.status == 0
            ? QCoreApplication::translate("SyncBridge::Sync", "SharePoint did not answer; the request is retried at %1 UTC.").arg(until)
            : QCoreApplication::translate("SyncBridge::Sync", "SharePoint answered %1; the request is retried at %2 UTC.")
                  .arg(wait.status)
                  .arg(until);
        break;
    case ServiceWait::Reason::Budget:
        if (waitMs < 30000)
            return; // the minute's pacing: shown on the card, not worth a line in the history
        type = QStringLiteral("budget-wait");
        message = QCoreApplication::translate("SyncBridge::Sync", "The run waits for the resource-unit budget of the minute until %1 UTC.")
                      .arg(until);
        break;
    case ServiceWait::Reason::DailyBudget:
        type = QStringLiteral("budget-wait");
        message = QCoreApplication::translate(
            "SyncBridge::Sync", "The tenant's daily SharePoint budget is spent; the run waits until it renews at %1 UTC (or cancel it).")
                      .arg(wait.until.toString(QStringLiteral("yyyy-MM-dd HH:mm")));
        break;
    }
    m_lastWaitEventMs.insert(reason, now);
    event(EventSeverity::Warning, type, message, payload);
}

} // namespace SyncBridge

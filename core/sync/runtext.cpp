#include "sync/runtext.h"

#include "common/translations.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace SyncBridge {
namespace {

QString kindId(RunSummary::Kind kind)
{
    switch (kind) {
    case RunSummary::Kind::Sync:
        return QStringLiteral("sync");
    case RunSummary::Kind::DryRun:
        return QStringLiteral("dry-run");
    case RunSummary::Kind::Cancelled:
        return QStringLiteral("cancelled");
    case RunSummary::Kind::CancelledWaitingForBudget:
        return QStringLiteral("cancelled-waiting-for-budget");
    }
    return {};
}

} // namespace

QString storedRunSummary(const RunSummary &summary)
{
    QJsonObject data{{QStringLiteral("summary"), kindId(summary.kind)}};
    if (summary.rowsWaiting > 0) {
        data.insert(QStringLiteral("rowsWaiting"), double(summary.rowsWaiting));
        data.insert(QStringLiteral("nextRetryAt"), summary.nextRetryAt.toUTC().toString(Qt::ISODate));
    }
    if (summary.writesPending > 0)
        data.insert(QStringLiteral("writesPending"), double(summary.writesPending));
    return QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
}

std::optional<RunSummary> parseRunSummary(const QString &stored)
{
    if (!stored.startsWith(QLatin1Char('{'))) // a sentence: no summary is
        return std::nullopt;
    const QJsonObject data = QJsonDocument::fromJson(stored.toUtf8()).object();
    const QString kind = data.value(QStringLiteral("summary")).toString();
    RunSummary summary;
    for (RunSummary::Kind candidate :
        {RunSummary::Kind::Sync, RunSummary::Kind::DryRun, RunSummary::Kind::Cancelled, RunSummary::Kind::CancelledWaitingForBudget}) {
        if (kindId(candidate) == kind) {
            summary.kind = candidate;
            summary.rowsWaiting = qint64(data.value(QStringLiteral("rowsWaiting")).toDouble());
            summary.nextRetryAt = QDateTime::fromString(data.value(QStringLiteral("nextRetryAt")).toString(), Qt::ISODate);
            summary.writesPending = qint64(data.value(QStringLiteral("writesPending")).toDouble());
            return summary;
        }
    }
    return std::nullopt;
}

QString runMessageText(const SyncRun &run)
{
    const std::optional<RunSummary> summary = parseRunSummary(run.message);
    if (!summary)
        return run.message; // a sentence recorded before summaries were data, or an error's message
    const QLocale locale;
    const RunCounters &c = run.counters;
    const auto n = [&locale](qint64 value) { return locale.toString(value); };
    QString text;
    switch (summary->kind) {
    case RunSummary::Kind::Sync:
        text = QCoreApplication::translate("SyncBridge::Sync",
            "Read %Ln row(s): %1 created, %2 updated, %3 moved, %4 unchanged, %5 failed.", nullptr, pluralCount(c.rowsRead))
                   .arg(n(c.created), n(c.updated), n(c.moved), n(c.skipped), n(c.failed));
        break;
    case RunSummary::Kind::DryRun:
        text = QCoreApplication::translate("SyncBridge::Sync",
            "Dry run: planned %Ln row(s) (%1 unchanged, %2 failing); nothing was written.", nullptr, pluralCount(c.rowsRead))
                   .arg(n(c.skipped), n(c.failed));
        break;
    case RunSummary::Kind::Cancelled:
        return QCoreApplication::translate("SyncBridge::Sync", "Cancelled; everything written so far is recorded.");
    case RunSummary::Kind::CancelledWaitingForBudget:
        return QCoreApplication::translate(
            "SyncBridge::Sync", "Cancelled while waiting for the SharePoint budget; everything written so far is recorded.");
    }
    if (summary->rowsWaiting > 0) {
        const int waiting = pluralCount(summary->rowsWaiting);
        text += QLatin1Char(' ')
            + QCoreApplication::translate(
                "SyncBridge::Sync", "%Ln row(s) in the retry queue; the next retry is due at %1 UTC.", nullptr, waiting)
                  .arg(summary->nextRetryAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")));
    }
    if (summary->writesPending > 0) {
        const int pending = pluralCount(summary->writesPending);
        text += QLatin1Char(' ')
            + QCoreApplication::translate("SyncBridge::Sync", "%Ln write(s) to be confirmed by the next run.", nullptr, pending);
    }
    return text;
}

QString serviceWaitId(ServiceWait::Reason reason)
{
    switch (reason) {
    case ServiceWait::Reason::None:
        return QStringLiteral("none");
    case ServiceWait::Reason::ServiceUnavailable:
        return QStringLiteral("service-unavailable");
    case ServiceWait::Reason::Throttled:
        return QStringLiteral("throttled");
    case ServiceWait::Reason::ServerError:
        return QStringLiteral("server-error");
    case ServiceWait::Reason::Budget:
        return QStringLiteral("budget");
    case ServiceWait::Reason::DailyBudget:
        return QStringLiteral("daily-budget");
    }
    return {};
}

QString waitDurationText(qint64 seconds)
{
    const QLocale locale;
    seconds = qMax<qint64>(0, seconds);
    if (seconds < 60)
        return QCoreApplication::translate("SyncBridge::RunText", "%1 s").arg(locale.toString(seconds));
    if (seconds < 3600)
        return QCoreApplication::translate("SyncBridge::RunText", "%1 min %2 s")
            .arg(locale.toString(seconds / 60))
            .arg(seconds % 60, 2, 10, QLatin1Char('0'));
    return QCoreApplication::translate("SyncBridge::RunText", "%1 h %2 min")
        .arg(locale.toString(seconds / 3600))
        .arg((seconds % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString serviceWaitText(const ServiceWait &wait, const QDateTime &now)
{
    const qint64 left = (now.msecsTo(wait.until) + 999) / 1000; // rounded up: "0 s" only when it is over
    const QString time = waitDurationText(left);
    switch (wait.reason) {
    case ServiceWait::Reason::None:
        return {};
    case ServiceWait::Reason::ServiceUnavailable:
        return left > 0
            ? QCoreApplication::translate("SyncBridge::RunText", "SharePoint unavailable (%1) — retrying in %2").arg(wait.status).arg(time)
            : QCoreApplication::translate("SyncBridge::RunText", "SharePoint unavailable (%1) — retrying now…").arg(wait.status);
    case ServiceWait::Reason::Throttled:
        return left > 0
            ? QCoreApplication::translate("SyncBridge::RunText", "SharePoint is throttling (%1) — retrying in %2")
                  .arg(wait.status)
                  .arg(time)
            : QCoreApplication::translate("SyncBridge::RunText", "SharePoint is throttling (%1) — retrying now…").arg(wait.status);
    case ServiceWait::Reason::ServerError:
        if (wait.status == 0)
            return left > 0 ? QCoreApplication::translate("SyncBridge::RunText", "SharePoint did not answer — retrying in %1").arg(time)
                            : QCoreApplication::translate("SyncBridge::RunText", "SharePoint did not answer — retrying now…");
        return left > 0
            ? QCoreApplication::translate("SyncBridge::RunText", "SharePoint answered %1 — retrying in %2").arg(wait.status).arg(time)
            : QCoreApplication::translate("SyncBridge::RunText", "SharePoint answered %1 — retrying now…").arg(wait.status);
    case ServiceWait::Reason::Budget:
        return QCoreApplication::translate("SyncBridge::RunText", "Waiting for the resource-unit budget — %1").arg(time);
    case ServiceWait::Reason::DailyBudget:
        return QCoreApplication::translate("SyncBridge::RunText", "The daily SharePoint budget is spent — it renews in %1").arg(time);
    }
    return {};
}

} // namespace SyncBridge

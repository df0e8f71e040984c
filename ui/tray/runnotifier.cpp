#include "tray/runnotifier.h"

#include "common/translations.h"

#include <QCoreApplication>

namespace SyncBridge {

std::optional<Notification> RunNotifier::runFinished(
    qint64 definitionId, const QString &name, RunStatus status, const QString &reason, bool scheduled)
{
    switch (status) {
    case RunStatus::Succeeded:
    case RunStatus::PartiallyFailed: {
        if (status == RunStatus::PartiallyFailed)
            m_warnings.insert(definitionId);
        else
            m_warnings.remove(definitionId);
        if (!m_failing.remove(definitionId))
            return std::nullopt;
        return Notification{Notification::Kind::Recovered, definitionId,
            QCoreApplication::translate("SyncBridge::RunNotifier", "%1 works again").arg(name),
            QCoreApplication::translate("SyncBridge::RunNotifier", "The last run of '%1' succeeded after it had failed.").arg(name)};
    }
    case RunStatus::Failed:
    case RunStatus::Interrupted: {
        if (!scheduled || m_failing.contains(definitionId))
            return std::nullopt; // started by hand, or already said
        m_failing.insert(definitionId);
        return Notification{Notification::Kind::Failed, definitionId,
            QCoreApplication::translate("SyncBridge::RunNotifier", "Scheduled sync failed: %1").arg(name), reason};
    }
    case RunStatus::Running:
    case RunStatus::Cancelled:
        break;
    }
    return std::nullopt;
}

Notification RunNotifier::deletionsHeld(qint64 definitionId, const QString &name, qint64 deletions)
{
    m_warnings.insert(definitionId);
    return Notification{Notification::Kind::DeletionsHeld, definitionId,
        QCoreApplication::translate("SyncBridge::RunNotifier", "Deletions held back: %1").arg(name),
        QCoreApplication::translate("SyncBridge::RunNotifier",
            "The scheduled run would have deleted %Ln item(s), more than the definition allows without "
            "asking. Nothing was deleted and its schedule is paused: check the source, then run it by hand.",
            nullptr, int(deletions))};
}

Notification RunNotifier::slotChanged(const SlotAlert &alert, const QString &name, const QString &findings)
{
    if (alert.recovered()) {
        m_slots.remove(alert.definitionId);
        return Notification{Notification::Kind::SlotRecovered, alert.definitionId,
            QCoreApplication::translate("SyncBridge::RunNotifier", "Replication slot OK again: %1").arg(name),
            QCoreApplication::translate("SyncBridge::RunNotifier", "The replication slot of '%1' follows the server again.").arg(name)};
    }
    m_slots.insert(alert.definitionId);
    return Notification{Notification::Kind::SlotAlert, alert.definitionId,
        QCoreApplication::translate("SyncBridge::RunNotifier", "Replication slot %1: %2").arg(slotSeverityText(alert.to), name), findings};
}

Notification RunNotifier::driftFound(qint64 definitionId, const QString &name, qint64 differences, const QString &summary)
{
    m_drift.insert(definitionId);
    return Notification{Notification::Kind::DriftFound, definitionId,
        QCoreApplication::translate("SyncBridge::RunNotifier", "Drift in %1").arg(name),
        QCoreApplication::translate("SyncBridge::RunNotifier",
            "The scheduled check found %n difference(s) between the table and its lists (%1). See the definition's Drift tab.", nullptr,
            pluralCount(differences))
            .arg(summary)};
}

Notification RunNotifier::driftGone(qint64 definitionId, const QString &name)
{
    m_drift.remove(definitionId);
    return Notification{Notification::Kind::DriftGone, definitionId,
        QCoreApplication::translate("SyncBridge::RunNotifier", "In sync again: %1").arg(name),
        QCoreApplication::translate("SyncBridge::RunNotifier", "The scheduled drift check of '%1' found the table and its lists in sync.")
            .arg(name)};
}

} // namespace SyncBridge

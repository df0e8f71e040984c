#include "sync/runphase.h"

#include <QCoreApplication>

namespace SyncBridge {

QString runPhaseText(RunPhase phase)
{
    switch (phase) {
    case RunPhase::Connecting:
        return QCoreApplication::translate("SyncBridge::RunPhase", "Connecting…");
    case RunPhase::Resolving:
        return QCoreApplication::translate("SyncBridge::RunPhase", "Finding the lists…");
    case RunPhase::Recovering:
        return QCoreApplication::translate("SyncBridge::RunPhase", "Resolving writes an earlier run left unfinished");
    case RunPhase::Rekeying:
        return QCoreApplication::translate("SyncBridge::RunPhase", "Matching items to rows by the new key");
    case RunPhase::Retrying:
        return QCoreApplication::translate("SyncBridge::RunPhase", "Retrying rows that failed before");
    case RunPhase::Pushing:
        return QCoreApplication::translate("SyncBridge::RunPhase", "Pushing rows");
    case RunPhase::Pulling:
        return QCoreApplication::translate("SyncBridge::RunPhase", "Pulling SharePoint changes");
    case RunPhase::Planning:
        return QCoreApplication::translate("SyncBridge::RunPhase", "Planning (dry run)");
    case RunPhase::CheckingDuplicates:
        return QCoreApplication::translate("SyncBridge::RunPhase", "Checking the new items for duplicates");
    case RunPhase::Confirming:
        return QCoreApplication::translate("SyncBridge::RunPhase", "Confirming writes SharePoint did not answer");
    case RunPhase::Deleting:
        return QCoreApplication::translate("SyncBridge::RunPhase", "Removing items of deleted rows");
    case RunPhase::WaitingForBudget:
        return QCoreApplication::translate("SyncBridge::RunPhase", "Waiting for the SharePoint budget");
    case RunPhase::Finished:
        return QCoreApplication::translate("SyncBridge::RunPhase", "Finished");
    }
    return {};
}

QString runPhaseId(RunPhase phase)
{
    switch (phase) {
    case RunPhase::Connecting:
        return QStringLiteral("connecting");
    case RunPhase::Resolving:
        return QStringLiteral("resolving");
    case RunPhase::Recovering:
        return QStringLiteral("recovering");
    case RunPhase::Rekeying:
        return QStringLiteral("rekeying");
    case RunPhase::Retrying:
        return QStringLiteral("retrying");
    case RunPhase::Pushing:
        return QStringLiteral("pushing");
    case RunPhase::Pulling:
        return QStringLiteral("pulling");
    case RunPhase::Planning:
        return QStringLiteral("planning");
    case RunPhase::CheckingDuplicates:
        return QStringLiteral("checking-duplicates");
    case RunPhase::Confirming:
        return QStringLiteral("confirming");
    case RunPhase::Deleting:
        return QStringLiteral("deleting");
    case RunPhase::WaitingForBudget:
        return QStringLiteral("waiting-for-budget");
    case RunPhase::Finished:
        return QStringLiteral("finished");
    }
    return {};
}

} // namespace SyncBridge

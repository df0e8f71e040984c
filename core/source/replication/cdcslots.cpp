#include "source/replication/cdcslots.h"

#include "source/pgsession.h"

#include <QCoreApplication>

#include <pqxx/transaction>

namespace SyncBridge {

Result<CdcSlotReport> cdcSlotReport(const Database &database, const PasswordLookup &passwords, qint64 definitionId)
{
    auto session = PgSession::open(database, passwords);
    if (!session)
        return session.error();
    CdcSlotReport report;
    report.names = cdcNamesFor(definitionId);
    auto slot = slotState(**session, report.names.slot);
    if (!slot)
        return slot.error();
    report.slot = *slot;
    try {
        pqxx::read_transaction tx((*session)->connection());
        report.publicationExists
            = tx.exec_params1("SELECT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = $1)", report.names.publication.toStdString())[0]
                  .as<bool>();
    } catch (const std::exception &failure) {
        return sourceQueryError(
            failure, QCoreApplication::translate("SyncBridge::Source", "reading the publication %1").arg(report.names.publication));
    }
    return report;
}

Result<void> dropCdcSlot(const Database &database, const PasswordLookup &passwords, qint64 definitionId)
{
    auto session = PgSession::open(database, passwords);
    if (!session)
        return session.error();
    const CdcNames names = cdcNamesFor(definitionId);
    auto slot = slotState(**session, names.slot);
    if (!slot)
        return slot.error();
    if (slot->has_value() && (*slot)->active)
        return Error(ErrorCode::Busy,
            QCoreApplication::translate("SyncBridge::Source", "The replication slot '%1' is in use by a run; stop the run first.")
                .arg(names.slot));
    try {
        pqxx::work tx((*session)->connection());
        if (slot->has_value())
            tx.exec_params("SELECT pg_drop_replication_slot($1)", names.slot.toStdString());
        tx.commit();
    } catch (const std::exception &failure) {
        return sourceQueryError(
            failure, QCoreApplication::translate("SyncBridge::Source", "dropping the replication slot %1").arg(names.slot));
    }
    return dropPublication(**session, names.publication);
}

} // namespace SyncBridge

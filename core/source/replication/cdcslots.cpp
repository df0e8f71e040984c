#include "source/replication/cdcslots.h"

#include "source/pgsession.h"

#include <QCoreApplication>

#include <pqxx/transaction>

namespace SyncBridge {

Result<CdcSlotReport> cdcSlotReport(
    const Database &database, const PasswordLookup &passwords, qint64 definitionId, const QString &schema, const QString &table)
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
        // max_slot_wal_keep_size is in megabytes (-1: unlimited); the current WAL position beside it,
        // so the slot's lag and the server's position are read from one moment.
        const pqxx::row row = tx.exec_params1("SELECT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = $1),"
                                              " EXISTS (SELECT 1 FROM pg_publication_tables WHERE pubname = $1 AND schemaname = $2"
                                              " AND tablename = $3),"
                                              " pg_current_wal_lsn()::text,"
                                              " (SELECT setting::bigint FROM pg_settings WHERE name = 'max_slot_wal_keep_size')",
            report.names.publication.toStdString(), schema.toStdString(), table.toStdString());
        report.publicationExists = row[0].as<bool>();
        report.publicationHasTable = row[1].as<bool>();
        report.currentWal = Lsn::parse(QString::fromLatin1(row[2].c_str())).value_or(Lsn{});
        if (!row[3].is_null() && row[3].as<qint64>() >= 0)
            report.maxSlotWalKeepSize = row[3].as<qint64>() * 1024 * 1024;
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

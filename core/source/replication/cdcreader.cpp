#include "source/replication/cdcreader.h"

#include "source/pgsession.h"

#include <QCoreApplication>

namespace SyncBridge {

CdcReader::~CdcReader() = default;

Result<std::unique_ptr<CdcReader>> CdcReader::open(const Database &database, const PasswordLookup &passwords, const Options &options)
{
    std::unique_ptr<CdcReader> reader(new CdcReader);
    reader->m_names = cdcNamesFor(options.definitionId);
    auto session = PgSession::open(database, passwords);
    if (!session)
        return session.error();
    reader->m_session = std::move(*session);
    const ChangeQuery &table = options.loadQuery;
    if (auto ready = checkCdcPrerequisites(*reader->m_session, table.schema, table.table, reader->m_names); !ready)
        return ready.error();
    auto slot = slotState(*reader->m_session, reader->m_names.slot);
    if (!slot)
        return slot.error();
    auto password = passwords(reader->m_session->instance());
    if (!password)
        return password.error();
    auto stream = ReplicationStream::open(database, reader->m_session->instance(), *password);
    if (!stream)
        return stream.error();
    reader->m_stream = std::move(*stream);
    // Read before the slot is made: a command after CREATE_REPLICATION_SLOT would end its snapshot.
    auto walEnd = reader->m_stream->currentWalEnd();
    if (!walEnd)
        return walEnd.error();
    reader->m_drainTarget = *walEnd;

    const bool usable = slot->has_value() && (*slot)->walStatus != QLatin1String("lost");
    if (usable && options.storedLsn) {
        if (auto started = reader->startStream(*options.storedLsn); !started)
            return started.error();
        return reader;
    }
    // A slot that vanished behind the engine's back (dropped by hand, a failover, wal_status lost)
    // took the changes since the stored position with it: never papered over by a silent reload.
    if (options.storedLsn && !options.resnapshotApproved)
        return Error(ErrorCode::NeedsConfirmation,
            QCoreApplication::translate("SyncBridge::Source",
                "The replication slot '%1' %2, so the changes committed since the last delivered position %3 cannot be streamed. Nothing "
                "was read or written. To load the table again in a new slot's snapshot and match the items already synced (no "
                "duplicates), approve a re-snapshot: syncbridge-cli run \"%4\" --resnapshot, or Re-snapshot in the definition's "
                "Replication tab.")
                .arg(reader->m_names.slot,
                    slot->has_value() ? QCoreApplication::translate("SyncBridge::Source", "lost WAL it needed (wal_status lost)")
                                      : QCoreApplication::translate("SyncBridge::Source",
                                          "no longer exists (dropped, or not on this server "
                                          "after a failover)"),
                    options.storedLsn->toString(), options.definitionName));
    // No slot we can resume from: load the table again in a new slot's snapshot. The ledger and
    // SyncBridgeKey turn the load into updates of the items already there, never duplicates.
    if (!options.storedLsn)
        reader->m_resnapshot = slot->has_value() ? CdcReader::Resnapshot::UnfinishedLoad : CdcReader::Resnapshot::FirstRun;
    else
        reader->m_resnapshot = slot->has_value() ? CdcReader::Resnapshot::SlotLost : CdcReader::Resnapshot::SlotGone;
    if (slot->has_value()) {
        if (auto dropped = reader->m_stream->dropSlot(reader->m_names.slot); !dropped)
            return dropped.error();
    }
    if (auto published = ensurePublication(*reader->m_session, reader->m_names.publication, table.schema, table.table); !published)
        return published.error();
    auto created = reader->m_stream->createSlot(reader->m_names.slot);
    if (!created)
        return created.error();
    reader->m_loadPosition = created->consistentPoint;
    if (reader->m_loadPosition > reader->m_drainTarget)
        reader->m_drainTarget = reader->m_loadPosition;
    auto snapshot = SnapshotReader::open(*reader->m_session, created->snapshotName, table);
    if (!snapshot)
        return snapshot.error();
    reader->m_snapshot = std::move(*snapshot);
    return reader;
}

Result<void> CdcReader::startStream(Lsn from)
{
    return m_stream->start(m_names.slot, m_names.publication, from);
}

Result<QList<SourceRow>> CdcReader::nextLoadPage(int pageSize)
{
    if (!m_snapshot)
        return QList<SourceRow>();
    auto page = m_snapshot->next(pageSize);
    if (!page)
        return page.error();
    if (page->isEmpty()) {
        m_snapshot.reset();
        if (auto started = startStream(m_loadPosition); !started)
            return started.error();
    }
    return page;
}

Result<Lsn> CdcReader::heartbeat()
{
    if (m_snapshot) // the session holds the load's snapshot transaction
        return Lsn{};
    return emitHeartbeat(*m_session);
}

Result<std::optional<StreamMessage>> CdcReader::next(int timeoutMs)
{
    if (m_snapshot)
        return Error(ErrorCode::Internal, QStringLiteral("CdcReader::next during the initial load"));
    return m_stream->next(timeoutMs);
}

} // namespace SyncBridge

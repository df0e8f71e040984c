#include "source/replication/cdcsource.h"

#include "source/changereader.h"
#include "source/pgsession.h"
#include "source/quotedidentifier.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <pqxx/transaction>

namespace SyncBridge {

namespace {
QString text(const char *source)
{
    return QCoreApplication::translate("SyncBridge::Source", source);
}

QString qualified(const QString &schema, const QString &table)
{
    return quotedIdentifier(schema) + QLatin1Char('.') + quotedIdentifier(table);
}

std::optional<QString> optionalText(const pqxx::field &field)
{
    return field.is_null() ? std::nullopt : std::optional<QString>(QString::fromUtf8(field.c_str()));
}
} // namespace

CdcNames cdcNamesFor(qint64 definitionId)
{
    const QString base = QStringLiteral("syncbridge_cdc_%1").arg(definitionId);
    return {base, base};
}

Result<void> checkCdcPrerequisites(PgSession &session, const QString &schema, const QString &table, const CdcNames &names)
{
    try {
        pqxx::read_transaction tx(session.connection());
        const pqxx::row row
            = tx.exec_params1("SELECT current_setting('wal_level'),"
                              " (SELECT rolreplication OR rolsuper FROM pg_roles WHERE rolname = current_user),"
                              " current_setting('max_replication_slots')::int - (SELECT count(*) FROM pg_replication_slots),"
                              " EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = $1),"
                              " current_setting('max_wal_senders')::int - (SELECT count(*) FROM pg_stat_replication),"
                              " EXISTS (SELECT 1 FROM pg_publication_tables WHERE pubname = $2 AND schemaname = $3 AND tablename = $4),"
                              " (SELECT pg_has_role(current_user, c.relowner, 'USAGE') FROM pg_class c WHERE c.oid = to_regclass($5)),"
                              " EXISTS (SELECT 1 FROM pg_publication WHERE pubname = $2),"
                              " has_database_privilege(current_database(), 'CREATE'),"
                              " current_user",
                names.slot.toStdString(), names.publication.toStdString(), schema.toStdString(), table.toStdString(),
                qualified(schema, table).toStdString());
        tx.commit();
        const QString walLevel = QString::fromUtf8(row[0].c_str());
        const bool replication = !row[1].is_null() && row[1].as<bool>();
        const int freeSlots = row[2].as<int>();
        const bool slotExists = row[3].as<bool>();
        const int freeSenders = row[4].as<int>();
        const bool published = row[5].as<bool>();
        const std::optional<QString> owns = optionalText(row[6]);
        const bool publicationExists = row[7].as<bool>();
        const bool mayCreate = row[8].as<bool>();
        const QString role = QString::fromUtf8(row[9].c_str());

        QStringList problems;
        ErrorCode code = ErrorCode::Unsupported;
        if (walLevel != QLatin1String("logical"))
            problems << text("wal_level is '%1': set wal_level = logical in postgresql.conf (ALTER SYSTEM SET wal_level = logical) and "
                             "restart PostgreSQL.")
                            .arg(walLevel);
        if (!replication) {
            problems << text("The role '%1' may not replicate: ALTER ROLE \"%1\" REPLICATION (as a superuser), or use a role that has it.")
                            .arg(role);
            code = ErrorCode::AuthenticationFailed;
        }
        if (!slotExists && freeSlots <= 0)
            problems << text(
                "Every replication slot is in use (max_replication_slots): drop an unused slot with pg_drop_replication_slot() or "
                "raise max_replication_slots and restart PostgreSQL.");
        if (freeSenders <= 0)
            problems << text("Every WAL sender is busy (max_wal_senders): raise max_wal_senders and restart PostgreSQL.");
        if (!owns.has_value())
            problems << text("The table %1 does not exist.").arg(qualified(schema, table));
        else if (!published && *owns != QLatin1String("t"))
            problems << text("Only the owner of %1 can publish it: run as its owner CREATE PUBLICATION %2 FOR TABLE %1 (or make '%3' a "
                             "member of the owning role).")
                            .arg(qualified(schema, table), quotedIdentifier(names.publication), role);
        else if (!publicationExists && !mayCreate)
            problems << text("The role '%1' may not create a publication in this database: GRANT CREATE ON DATABASE to it.").arg(role);
        if (problems.isEmpty())
            return success();
        return Error(
            code, text("This database cannot feed change data capture yet; nothing was created. %1").arg(problems.join(QLatin1Char(' '))));
    } catch (const std::exception &failure) {
        return sourceQueryError(failure, text("checking what change data capture needs"));
    }
}

Result<void> ensurePublication(PgSession &session, const QString &publication, const QString &schema, const QString &table)
{
    try {
        pqxx::work tx(session.connection());
        const pqxx::row row
            = tx.exec_params1("SELECT EXISTS (SELECT 1 FROM pg_publication WHERE pubname = $1),"
                              " EXISTS (SELECT 1 FROM pg_publication_tables WHERE pubname = $1 AND schemaname = $2 AND tablename = $3)",
                publication.toStdString(), schema.toStdString(), table.toStdString());
        if (!row[0].as<bool>())
            tx.exec((QStringLiteral("CREATE PUBLICATION %1 FOR TABLE %2").arg(quotedIdentifier(publication), qualified(schema, table)))
                        .toStdString());
        else if (!row[1].as<bool>())
            tx.exec((QStringLiteral("ALTER PUBLICATION %1 ADD TABLE %2").arg(quotedIdentifier(publication), qualified(schema, table)))
                        .toStdString());
        tx.commit();
        return success();
    } catch (const std::exception &failure) {
        return sourceQueryError(failure, text("creating the publication %1").arg(publication));
    }
}

Result<void> dropPublication(PgSession &session, const QString &publication)
{
    try {
        pqxx::work tx(session.connection());
        tx.exec((QStringLiteral("DROP PUBLICATION IF EXISTS %1").arg(quotedIdentifier(publication))).toStdString());
        tx.commit();
        return success();
    } catch (const std::exception &failure) {
        return sourceQueryError(failure, text("dropping the publication %1").arg(publication));
    }
}

Result<std::optional<SlotState>> slotState(PgSession &session, const QString &slot)
{
    try {
        pqxx::read_transaction tx(session.connection());
        const pqxx::result result = tx.exec_params(
            "SELECT active, coalesce(restart_lsn::text, ''), coalesce(confirmed_flush_lsn::text, ''), coalesce(wal_status, ''),"
            " safe_wal_size, coalesce(pg_wal_lsn_diff(pg_current_wal_lsn(), confirmed_flush_lsn), 0)::bigint"
            " FROM pg_replication_slots WHERE slot_name = $1",
            slot.toStdString());
        tx.commit();
        if (result.empty())
            return std::optional<SlotState>();
        const pqxx::row row = result[0];
        SlotState state;
        state.active = row[0].as<bool>();
        state.restartLsn = Lsn::parse(QString::fromLatin1(row[1].c_str())).value_or(Lsn{});
        state.confirmedFlush = Lsn::parse(QString::fromLatin1(row[2].c_str())).value_or(Lsn{});
        state.walStatus = QString::fromLatin1(row[3].c_str());
        if (!row[4].is_null())
            state.safeWalSize = row[4].as<qint64>();
        state.lagBytes = row[5].as<qint64>();
        return std::optional<SlotState>(state);
    } catch (const std::exception &failure) {
        return sourceQueryError(failure, text("reading the replication slot %1").arg(slot));
    }
}

Result<Lsn> emitHeartbeat(PgSession &session)
{
    try {
        pqxx::work tx(session.connection());
        const pqxx::row row = tx.exec1("SELECT pg_logical_emit_message(false, 'syncbridge-heartbeat', '')::text");
        tx.commit();
        return Lsn::parse(QString::fromLatin1(row[0].c_str())).value_or(Lsn{});
    } catch (const std::exception &failure) {
        return sourceQueryError(failure, text("sending the replication heartbeat"));
    }
}

struct SnapshotReader::Transaction {
    explicit Transaction(pqxx::connection &connection)
        : work(connection)
    {
    }
    pqxx::work work;
    bool ended = false;
};

SnapshotReader::SnapshotReader(std::unique_ptr<Transaction> transaction, ChangeQuery query)
    : m_transaction(std::move(transaction))
    , m_query(std::move(query))
{
}

SnapshotReader::~SnapshotReader() = default;

Result<std::unique_ptr<SnapshotReader>> SnapshotReader::open(PgSession &session, const QString &snapshotName, const ChangeQuery &query)
{
    // An exported snapshot's name is hex digits and dashes ("00000003-00000002-1"); anything else
    // is refused rather than spliced into SET TRANSACTION SNAPSHOT, which takes no parameter.
    static const QRegularExpression snapshotPattern(QStringLiteral("^[0-9A-Fa-f-]{1,64}$"));
    if (!snapshotPattern.match(snapshotName).hasMatch())
        return Error(ErrorCode::InvalidInput, text("'%1' is not an exported snapshot.").arg(snapshotName));
    try {
        auto transaction = std::make_unique<Transaction>(session.connection());
        pqxx::work &tx = transaction->work;
        tx.exec("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        tx.exec((QStringLiteral("SET TRANSACTION SNAPSHOT '%1'").arg(snapshotName)).toStdString());
        tx.exec("SET LOCAL TIME ZONE 'UTC'");
        tx.exec("SET LOCAL DateStyle = 'ISO, YMD'");
        tx.exec("SET LOCAL extra_float_digits = 3");
        tx.exec("SET LOCAL IntervalStyle = 'iso_8601'");
        QStringList order;
        for (const QString &key : query.keyColumns)
            order << QStringLiteral("src.") + quotedIdentifier(key);
        tx.exec((QStringLiteral("DECLARE syncbridge_snapshot NO SCROLL CURSOR FOR SELECT %1 FROM %2 src ORDER BY %3")
                     .arg(changeSelectList(query), qualified(query.schema, query.table), order.join(QStringLiteral(", "))))
                    .toStdString());
        return std::unique_ptr<SnapshotReader>(new SnapshotReader(std::move(transaction), query));
    } catch (const std::exception &failure) {
        return sourceQueryError(failure, text("reading %1.%2 in the replication slot's snapshot").arg(query.schema, query.table));
    }
}

Result<QList<SourceRow>> SnapshotReader::next(int pageSize)
{
    QList<SourceRow> rows;
    if (m_transaction->ended)
        return rows;
    try {
        const pqxx::result result
            = m_transaction->work.exec("FETCH FORWARD " + std::to_string(qMax(1, pageSize)) + " FROM syncbridge_snapshot");
        for (const pqxx::row &row : result)
            rows << changeRowFrom(row, m_query);
        if (rows.isEmpty()) {
            m_transaction->work.commit();
            m_transaction->ended = true;
        }
        return rows;
    } catch (const std::exception &failure) {
        m_transaction->ended = true;
        return sourceQueryError(failure, text("reading %1.%2 in the replication slot's snapshot").arg(m_query.schema, m_query.table));
    }
}

} // namespace SyncBridge

#include "store/ledgerrepository.h"

#include "store/metastore.h"
#include "store/sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace SyncBridge {
namespace {

LedgerEntry ledgerFromQuery(const QSqlQuery &query, qint64 definitionId)
{
    LedgerEntry entry;
    entry.definitionId = definitionId;
    entry.identityHash = query.value(0).toString();
    entry.identityText = query.value(1).toString();
    entry.listGraphId = query.value(2).toString();
    entry.itemId = query.value(3).toString();
    entry.contentHash = query.value(4).toString();
    entry.state = fromString<LedgerState>(query.value(5).toString()).value_or(LedgerState::Pending);
    entry.etag = query.value(6).toString();
    entry.syncedAt = fromStoredTime(query.value(7));
    entry.previousListGraphId = query.value(8).toString();
    return entry;
}

const QString ledgerColumns =
    QStringLiteral("identity_hash, identity_text, list_graph_id, item_id, content_hash, state, etag, synced_at, previous_list_graph_id");

Result<QList<LedgerEntry>> ledgerEntries(Result<QSqlQuery> query, qint64 definitionId)
{
    if (!query)
        return query.error();
    QList<LedgerEntry> result;
    while (query->next())
        result << ledgerFromQuery(*query, definitionId);
    return result;
}

} // namespace

Result<void> LedgerRepository::upsert(const QList<LedgerEntry> &entries)
{
    const QSqlDatabase db = m_store.connection();
    for (const LedgerEntry &entry : entries) {
        auto query = execute(db,
                             QStringLiteral("INSERT INTO sync_ledger (definition_id, %1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                            " ON CONFLICT (definition_id, identity_hash) DO UPDATE SET identity_text = excluded.identity_text,"
                                            " list_graph_id = excluded.list_graph_id, item_id = excluded.item_id,"
                                            " content_hash = excluded.content_hash, state = excluded.state, etag = excluded.etag,"
                                            " synced_at = excluded.synced_at, previous_list_graph_id = excluded.previous_list_graph_id").arg(ledgerColumns),
                             {entry.definitionId, entry.identityHash, entry.identityText, nullIfEmpty(entry.listGraphId),
                              nullIfEmpty(entry.itemId), nullIfEmpty(entry.contentHash), enumName(entry.state),
                              nullIfEmpty(entry.etag), toStoredTime(entry.syncedAt), nullIfEmpty(entry.previousListGraphId)});
        if (!query)
            return query.error();
    }
    return success();
}

Result<QHash<QString, LedgerEntry>> LedgerRepository::byItems(
    qint64 definitionId, const QString &listGraphId, const QStringList &itemIds) const
{
    QHash<QString, LedgerEntry> found;
    if (itemIds.isEmpty())
        return found;
    QStringList placeholders;
    QVariantList binds{definitionId, listGraphId};
    for (const QString &id : itemIds) {
        placeholders << QStringLiteral("?");
        binds << id;
    }
    auto query = execute(m_store.connection(),
        QStringLiteral("SELECT %1 FROM sync_ledger WHERE definition_id = ? AND list_graph_id = ? AND item_id IN (%2)")
            .arg(ledgerColumns, placeholders.join(QLatin1Char(','))),
        binds);
    if (!query)
        return query.error();
    while (query->next()) {
        const LedgerEntry entry = ledgerFromQuery(*query, definitionId);
        found.insert(entry.itemId, entry);
    }
    return found;
}

Result<QList<LedgerEntry>> LedgerRepository::entriesOfList(qint64 definitionId, const QString &listGraphId) const
{
    return ledgerEntries(
        execute(m_store.connection(),
            QStringLiteral("SELECT %1 FROM sync_ledger WHERE definition_id = ? AND list_graph_id = ? AND item_id IS NOT NULL")
                .arg(ledgerColumns),
            {definitionId, listGraphId}),
        definitionId);
}

Result<QHash<QString, LedgerEntry>> LedgerRepository::lookup(qint64 definitionId, const QStringList &identityHashes) const
{
    QHash<QString, LedgerEntry> found;
    if (identityHashes.isEmpty())
        return found;
    QStringList placeholders;
    QVariantList binds{definitionId};
    for (const QString &hash : identityHashes) {
        placeholders << QStringLiteral("?");
        binds << hash;
    }
    auto query = execute(m_store.connection(),
                         QStringLiteral("SELECT %1 FROM sync_ledger WHERE definition_id = ? AND identity_hash IN (%2)")
                             .arg(ledgerColumns, placeholders.join(QLatin1Char(','))),
                         binds);
    if (!query)
        return query.error();
    while (query->next()) {
        LedgerEntry entry = ledgerFromQuery(*query, definitionId);
        found.insert(entry.identityHash, entry);
    }
    return found;
}

Result<QList<LedgerEntry>> LedgerRepository::entries(qint64 definitionId, std::optional<LedgerState> state) const
{
    QString sql = QStringLiteral("SELECT %1 FROM sync_ledger WHERE definition_id = ?").arg(ledgerColumns);
    QVariantList binds{definitionId};
    if (state) {
        sql += QStringLiteral(" AND state = ?");
        binds << enumName(*state);
    }
    return ledgerEntries(execute(m_store.connection(), sql + QStringLiteral(" ORDER BY identity_hash"), binds), definitionId);
}

Result<void> LedgerRepository::remove(qint64 definitionId, const QString &identityHash)
{
    auto query = execute(m_store.connection(), QStringLiteral("DELETE FROM sync_ledger WHERE definition_id = ? AND identity_hash = ?"),
                         {definitionId, identityHash});
    return query ? success() : Result<void>(query.error());
}

Result<qint64> LedgerRepository::newestItemId(qint64 definitionId, const QString &listGraphId) const
{
    auto query = execute(m_store.connection(),
        QStringLiteral("SELECT COALESCE(MAX(CAST(item_id AS BIGINT)), 0) FROM sync_ledger WHERE definition_id = ? AND list_graph_id = ?"),
        {definitionId, listGraphId});
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : 0;
}

Result<QList<LedgerEntry>> LedgerRepository::entriesAfter(qint64 definitionId, const QString &afterHash, int limit) const
{
    return ledgerEntries(
        execute(m_store.connection(),
            QStringLiteral("SELECT %1 FROM sync_ledger WHERE definition_id = ? AND identity_hash > ? ORDER BY identity_hash LIMIT ?")
                .arg(ledgerColumns),
            {definitionId, emptyIfNull(afterHash), limit}),
        definitionId);
}

Result<void> LedgerRepository::forEachEntry(qint64 definitionId, const std::function<void(const LedgerEntry &)> &visit, int pageSize) const
{
    QString after;
    for (;;) {
        auto page = entriesAfter(definitionId, after, pageSize);
        if (!page)
            return page.error();
        for (const LedgerEntry &entry : std::as_const(*page))
            visit(entry);
        if (page->size() < pageSize)
            return success();
        after = page->constLast().identityHash;
    }
}

Result<void> LedgerRepository::requestRekey(qint64 definitionId, const QDateTime &at)
{
    auto query = execute(m_store.connection(),
        QStringLiteral("INSERT INTO sync_rekeys (definition_id, requested_at) VALUES (?, ?) ON CONFLICT (definition_id) DO NOTHING"),
        {definitionId, toStoredTime(at)});
    return query ? success() : Result<void>(query.error());
}

Result<bool> LedgerRepository::rekeyRequested(qint64 definitionId) const
{
    auto query = execute(m_store.connection(), QStringLiteral("SELECT 1 FROM sync_rekeys WHERE definition_id = ?"), {definitionId});
    if (!query)
        return query.error();
    return query->next();
}

Result<void> LedgerRepository::clearRekeyRequest(qint64 definitionId)
{
    auto query = execute(m_store.connection(), QStringLiteral("DELETE FROM sync_rekeys WHERE definition_id = ?"), {definitionId});
    return query ? success() : Result<void>(query.error());
}

Result<void> LedgerRepository::markSeen(qint64 definitionId, const QStringList &identityHashes, qint64 scanMark)
{
    if (identityHashes.isEmpty())
        return success();
    QVariantList binds{scanMark, definitionId};
    for (const QString &hash : identityHashes)
        binds << hash;
    const QString placeholders = QStringLiteral("?,").repeated(identityHashes.size()).chopped(1);
    auto query = execute(m_store.connection(),
                         QStringLiteral("UPDATE sync_ledger SET last_seen_scan = ? WHERE definition_id = ? AND identity_hash IN (%1)").arg(placeholders), binds);
    return query ? success() : Result<void>(query.error());
}

Result<QHash<QString, LedgerRepository::ListShare>> LedgerRepository::unseenByList(qint64 definitionId, qint64 scanMark) const
{
    auto query = execute(m_store.connection(),
                         QStringLiteral("SELECT list_graph_id, count(*),"
                                        " sum(CASE WHEN last_seen_scan IS NULL OR last_seen_scan < ? THEN 1 ELSE 0 END)"
                                        " FROM sync_ledger WHERE definition_id = ? AND state = ? GROUP BY list_graph_id"),
                         {scanMark, definitionId, enumName(LedgerState::Synced)});
    if (!query)
        return query.error();
    QHash<QString, ListShare> shares;
    while (query->next())
        shares.insert(query->value(0).toString(), ListShare{query->value(1).toLongLong(), query->value(2).toLongLong()});
    return shares;
}

Result<QList<LedgerEntry>> LedgerRepository::unseen(qint64 definitionId, const QString &listGraphId, qint64 scanMark, const QString &afterHash,
                                                    int limit) const
{
    auto query = execute(m_store.connection(),
                         QStringLiteral("SELECT %1 FROM sync_ledger WHERE definition_id = ? AND state = ? AND list_graph_id = ?"
                                        " AND (last_seen_scan IS NULL OR last_seen_scan < ?) AND identity_hash > COALESCE(?, '')"
                                        " ORDER BY identity_hash LIMIT %2").arg(ledgerColumns).arg(limit),
                         {definitionId, enumName(LedgerState::Synced), listGraphId, scanMark, afterHash});
    if (!query)
        return query.error();
    QList<LedgerEntry> entries;
    while (query->next())
        entries << ledgerFromQuery(*query, definitionId);
    return entries;
}

Result<std::optional<SyncCursor>> LedgerRepository::cursor(qint64 definitionId, const QString &scope, qint64 sourceInstanceId,
                                                           const QString &listGraphId) const
{
    auto query = execute(m_store.connection(),
                         QStringLiteral("SELECT position, last_key_json, updated_at FROM sync_cursors WHERE definition_id = ? AND scope = ?"
                                        " AND source_instance_id = ? AND list_graph_id = ?"),
                         {definitionId, emptyIfNull(scope), sourceInstanceId, emptyIfNull(listGraphId)});
    if (!query)
        return query.error();
    if (!query->next())
        return std::optional<SyncCursor>();
    SyncCursor cursor;
    cursor.definitionId = definitionId;
    cursor.scope = scope;
    cursor.sourceInstanceId = sourceInstanceId;
    cursor.listGraphId = listGraphId;
    cursor.position = query->value(0).toString();
    const QJsonArray key = QJsonDocument::fromJson(query->value(1).toString().toUtf8()).array();
    for (const QJsonValue &value : key)
        cursor.lastKey << value.toString();
    cursor.updatedAt = fromStoredTime(query->value(2));
    return std::optional<SyncCursor>(cursor);
}

Result<void> LedgerRepository::saveCursor(const SyncCursor &cursor)
{
    const QString lastKey = QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(cursor.lastKey)).toJson(QJsonDocument::Compact));
    const QDateTime updatedAt = cursor.updatedAt.isValid() ? cursor.updatedAt : QDateTime::currentDateTimeUtc();
    auto query = execute(m_store.connection(),
                         QStringLiteral("INSERT INTO sync_cursors (definition_id, scope, source_instance_id, list_graph_id, position,"
                                        " last_key_json, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)"
                                        " ON CONFLICT (definition_id, scope, source_instance_id, list_graph_id) DO UPDATE SET"
                                        " position = excluded.position, last_key_json = excluded.last_key_json, updated_at = excluded.updated_at"),
                         {cursor.definitionId, emptyIfNull(cursor.scope), cursor.sourceInstanceId, emptyIfNull(cursor.listGraphId), nullIfEmpty(cursor.position),
                          lastKey, toStoredTime(updatedAt)});
    return query ? success() : Result<void>(query.error());
}

Result<void> LedgerRepository::resetCursors(qint64 definitionId)
{
    auto query = execute(m_store.connection(), QStringLiteral("DELETE FROM sync_cursors WHERE definition_id = ?"), {definitionId});
    return query ? success() : Result<void>(query.error());
}

Result<void> LedgerRepository::enqueueRetry(const RetryItem &item)
{
    auto query = execute(m_store.connection(),
                         QStringLiteral("INSERT INTO retry_queue (definition_id, identity_hash, identity_text, attempts, next_attempt_at, last_error)"
                                        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (definition_id, identity_hash) DO UPDATE SET"
                                        " attempts = retry_queue.attempts + 1, next_attempt_at = excluded.next_attempt_at,"
                                        " last_error = excluded.last_error"),
                         {item.definitionId, item.identityHash, item.identityText, qMax(1, item.attempts),
                          toStoredTime(item.nextAttemptAt), nullIfEmpty(item.lastError)});
    return query ? success() : Result<void>(query.error());
}

Result<QList<RetryItem>> LedgerRepository::loadRetries(const QString &where, const QVariantList &binds, const QString &order) const
{
    auto query = execute(m_store.connection(),
        QStringLiteral("SELECT id, definition_id, identity_hash, identity_text, attempts, next_attempt_at, last_error"
                       " FROM retry_queue %1 %2")
            .arg(where, order),
        binds);
    if (!query)
        return query.error();
    QList<RetryItem> result;
    while (query->next()) {
        RetryItem item;
        item.id = query->value(0).toLongLong();
        item.definitionId = query->value(1).toLongLong();
        item.identityHash = query->value(2).toString();
        item.identityText = query->value(3).toString();
        item.attempts = query->value(4).toInt();
        item.nextAttemptAt = fromStoredTime(query->value(5));
        item.lastError = query->value(6).toString();
        result << item;
    }
    return result;
}

Result<QList<RetryItem>> LedgerRepository::retries(qint64 definitionId) const
{
    return loadRetries(QStringLiteral("WHERE definition_id = ?"), {definitionId});
}

Result<QList<RetryItem>> LedgerRepository::dueRetries(qint64 definitionId, const QDateTime &now) const
{
    return loadRetries(QStringLiteral("WHERE definition_id = ? AND next_attempt_at <= ?"), {definitionId, toStoredTime(now)});
}

Result<QList<RetryItem>> LedgerRepository::dueRetries(qint64 definitionId, const QDateTime &now, qint64 afterId, int limit) const
{
    return loadRetries(QStringLiteral("WHERE definition_id = ? AND next_attempt_at <= ? AND id > ?"),
        {definitionId, toStoredTime(now), afterId}, QStringLiteral("ORDER BY id LIMIT %1").arg(qMax(1, limit)));
}

Result<QHash<QString, int>> LedgerRepository::retryAttempts(qint64 definitionId, const QStringList &identityHashes) const
{
    QHash<QString, int> attempts;
    constexpr int chunk = 500; // bound variables per statement stay far below SQLite's and libpq's limits
    for (int first = 0; first < identityHashes.size(); first += chunk) {
        const QStringList hashes = identityHashes.mid(first, chunk);
        QVariantList binds{definitionId};
        for (const QString &hash : hashes)
            binds << hash;
        const QString marks = QStringList(hashes.size(), QStringLiteral("?")).join(QLatin1Char(','));
        auto query = execute(m_store.connection(),
            QStringLiteral("SELECT identity_hash, attempts FROM retry_queue WHERE definition_id = ? AND identity_hash IN (%1)").arg(marks),
            binds);
        if (!query)
            return query.error();
        while (query->next())
            attempts.insert(query->value(0).toString(), query->value(1).toInt());
    }
    return attempts;
}

Result<qint64> LedgerRepository::count(qint64 definitionId, LedgerState state) const
{
    auto query = execute(m_store.connection(), QStringLiteral("SELECT count(*) FROM sync_ledger WHERE definition_id = ? AND state = ?"),
        {definitionId, enumName(state)});
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : 0;
}

Result<qint64> LedgerRepository::pendingOutsideRetryQueue(qint64 definitionId) const
{
    auto query = execute(m_store.connection(),
        QStringLiteral("SELECT count(*) FROM sync_ledger l WHERE l.definition_id = ? AND l.state = ? AND NOT EXISTS"
                       " (SELECT 1 FROM retry_queue r WHERE r.definition_id = l.definition_id AND r.identity_hash = l.identity_hash)"),
        {definitionId, enumName(LedgerState::Pending)});
    if (!query)
        return query.error();
    return query->next() ? query->value(0).toLongLong() : 0;
}

Result<LedgerRepository::RetryQueueSummary> LedgerRepository::retryQueueSummary(qint64 definitionId) const
{
    auto query = execute(m_store.connection(),
        QStringLiteral("SELECT count(*), min(next_attempt_at) FROM retry_queue WHERE definition_id = ?"), {definitionId});
    if (!query)
        return query.error();
    RetryQueueSummary summary;
    if (query->next()) {
        summary.waiting = query->value(0).toLongLong();
        if (!query->value(1).isNull())
            summary.nextAttemptAt = fromStoredTime(query->value(1));
    }
    return summary;
}

Result<void> LedgerRepository::removeRetry(qint64 definitionId, const QString &identityHash)
{
    auto query = execute(m_store.connection(), QStringLiteral("DELETE FROM retry_queue WHERE definition_id = ? AND identity_hash = ?"),
                         {definitionId, identityHash});
    return query ? success() : Result<void>(query.error());
}

Result<void> LedgerRepository::clearRetries(qint64 definitionId)
{
    auto query = execute(m_store.connection(), QStringLiteral("DELETE FROM retry_queue WHERE definition_id = ?"), {definitionId});
    return query ? success() : Result<void>(query.error());
}

Result<void> LedgerRepository::makeRetriesDue(qint64 definitionId, const QDateTime &now)
{
    auto query = execute(m_store.connection(), QStringLiteral("UPDATE retry_queue SET next_attempt_at = ? WHERE definition_id = ?"),
                         {toStoredTime(now), definitionId});
    return query ? success() : Result<void>(query.error());
}

} // namespace SyncBridge

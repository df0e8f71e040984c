// PushRun, step Rekeying: after the key columns of a synced definition changed, each ledger entry
// made under the old key gets the identity its row has under the new one, so the row's item is
// updated (with its new SyncBridgeKey) instead of created again. Rows are found by their old key
// values; an entry whose row is gone, or whose new key is NULL, keeps its old identity (a FULL_SCAN
// then finds it unseen, like any row deleted from the source).
#include "sync/push/pushrun.h"

#include "source/sourcereader.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/sql.h"

#include <QCoreApplication>

namespace SyncBridge {

namespace {
constexpr int rekeyPageSize = 500;
} // namespace

void PushRun::rekeyLedger()
{
    auto requested = LedgerRepository(*m_store).rekeyRequested(m_definitionId);
    if (!requested) {
        fail(requested.error());
        return;
    }
    if (!*requested) {
        nextStep();
        return;
    }
    if (m_options.dryRun) {
        event(EventSeverity::Warning, QStringLiteral("rekey-pending"),
            QCoreApplication::translate("SyncBridge::Sync",
                "The key columns changed since the last run. The next run first matches the existing items to their rows by the "
                "new key; until then this plan counts those rows as new."));
        nextStep();
        return;
    }
    report(RunPhase::Rekeying);
    rekeyPage(QString());
}

void PushRun::rekeyPage(const QString &afterHash)
{
    if (m_cancelled) { // every page so far is committed; the request stays for the next run
        finish(RunStatus::Cancelled, QCoreApplication::translate("SyncBridge::Sync", "Cancelled; everything written so far is recorded."));
        return;
    }
    LedgerRepository ledger(*m_store);
    auto page = ledger.entriesAfter(m_definitionId, afterHash, rekeyPageSize);
    if (!page) {
        fail(page.error());
        return;
    }
    if (page->isEmpty()) {
        if (auto cleared = ledger.clearRekeyRequest(m_definitionId); !cleared) {
            fail(cleared.error());
            return;
        }
        QString message = QCoreApplication::translate(
            "SyncBridge::Sync", "Matched %n existing item(s) to their rows by the new key columns.", nullptr, int(m_rekeyed));
        if (m_rekeyLeft > 0)
            message += QLatin1Char(' ')
                + QCoreApplication::translate("SyncBridge::Sync",
                    "%n item(s) kept their old identity: their rows are gone, or their new key is NULL or shared with another row.",
                    nullptr, int(m_rekeyLeft));
        event(m_rekeyLeft > 0 ? EventSeverity::Warning : EventSeverity::Info, QStringLiteral("rekeyed"), message,
            QJsonObject{{QStringLiteral("matched"), m_rekeyed}, {QStringLiteral("left"), m_rekeyLeft}});
        nextStep();
        return;
    }

    // Entries still named by an old key, grouped by it (one group, unless the key changed twice).
    QHash<QStringList, QList<LedgerEntry>> byOldKey;
    for (const LedgerEntry &entry : std::as_const(*page)) {
        const QStringList columns = keyColumnsFromIdentity(entry.identityText);
        if (columns != m_context.keyColumns && entry.state != LedgerState::Pending && entry.state != LedgerState::Deleted)
            byOldKey[columns] << entry;
    }
    QList<LedgerEntry> rekeyed;
    QStringList oldHashes;
    for (auto group = byOldKey.constBegin(); group != byOldKey.constEnd(); ++group) {
        const QStringList &oldColumns = group.key();
        bool columnsExist = true;
        for (const QString &column : oldColumns)
            columnsExist = columnsExist && m_context.sourceColumns.contains(column);
        if (!columnsExist) { // a dropped column: its rows cannot be found any more
            m_rekeyLeft += group->size();
            continue;
        }
        ChangeQuery byOldKeyQuery;
        byOldKeyQuery.schema = m_table.schema;
        byOldKeyQuery.table = m_table.name;
        byOldKeyQuery.columns = m_table.columns;
        byOldKeyQuery.keyColumns = oldColumns;
        QList<QStringList> keys;
        for (const LedgerEntry &entry : *group)
            keys << keyValuesFromIdentity(entry.identityText);
        auto rows = m_source->rowsByKey(byOldKeyQuery, keys);
        if (!rows) {
            fail(rows.error());
            return;
        }
        QHash<QString, SourceRow> rowByOldIdentity;
        for (const SourceRow &row : std::as_const(*rows))
            rowByOldIdentity.insert(rowIdentity(oldColumns, row.keyValues, m_context.definition.keySalt).hash, row);
        for (const LedgerEntry &entry : *group) {
            const auto row = rowByOldIdentity.constFind(entry.identityHash);
            bool keyComplete = row != rowByOldIdentity.constEnd();
            for (const QString &column : m_context.keyColumns)
                keyComplete = keyComplete && row->values.value(column).has_value();
            if (!keyComplete) {
                ++m_rekeyLeft;
                continue;
            }
            const RowIdentity identity = identityOf(m_context, *row);
            LedgerEntry renamed = entry;
            renamed.identityHash = identity.hash;
            renamed.identityText = identity.text;
            renamed.contentHash.clear(); // the next write sends the fields and the new SyncBridgeKey
            rekeyed << renamed;
            oldHashes << entry.identityHash;
        }
    }

    // A new key two rows share (or one an entry already has) cannot name both items: the first keeps it.
    QStringList newHashes;
    for (const LedgerEntry &entry : std::as_const(rekeyed))
        newHashes << entry.identityHash;
    auto taken = ledger.lookup(m_definitionId, newHashes);
    if (!taken) {
        fail(taken.error());
        return;
    }
    QSet<QString> claimed(taken->keyBegin(), taken->keyEnd());
    QList<LedgerEntry> unique;
    QStringList uniqueOld;
    for (int i = 0; i < rekeyed.size(); ++i) {
        if (claimed.contains(rekeyed.at(i).identityHash)) {
            ++m_rekeyLeft;
            continue;
        }
        claimed.insert(rekeyed.at(i).identityHash);
        unique << rekeyed.at(i);
        uniqueOld << oldHashes.at(i);
    }
    QSqlDatabase db = m_store->connection();
    auto committed = inTransaction(db, [&]() -> Result<void> {
        for (const QString &hash : std::as_const(uniqueOld)) {
            if (auto removed = ledger.remove(m_definitionId, hash); !removed)
                return removed;
        }
        return ledger.upsert(unique);
    });
    if (!committed) {
        fail(committed.error());
        return;
    }
    m_rekeyed += unique.size();
    // Renamed entries may sort after this page and come round again, already under the new key.
    QMetaObject::invokeMethod(
        this, [this, last = page->constLast().identityHash]() { rekeyPage(last); }, Qt::QueuedConnection);
}

} // namespace SyncBridge

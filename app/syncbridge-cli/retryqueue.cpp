#include "retryqueue.h"

#include "commandhelpers.h"
#include "commands.h"

#include "model/definition.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace SyncBridge::Cli {

Result<QList<WaitingRow>> waitingRows(CommandContext &context, const SyncDefinition &definition)
{
    LedgerRepository ledger(*context.store);
    auto retries = ledger.retries(definition.id);
    if (!retries)
        return retries.error();
    QStringList hashes;
    for (const RetryItem &item : std::as_const(*retries))
        hashes << item.identityHash;
    // The list from the ledger: a row that has an item (an update that failed) or a pending write.
    auto entries = ledger.lookup(definition.id, hashes);
    if (!entries)
        return entries.error();
    QHash<QString, QString> listNames;
    for (const SyncTarget &target : definition.targets)
        listNames.insert(target.listGraphId, target.listName);
    QList<WaitingRow> rows;
    for (const RetryItem &item : std::as_const(*retries)) {
        const QString listId = entries->value(item.identityHash).listGraphId;
        rows << WaitingRow{item, listId.isEmpty() ? QString() : listNames.value(listId, listId)};
    }
    return rows;
}

QJsonArray waitingRowsJson(const QList<WaitingRow> &rows)
{
    QJsonArray array;
    for (const WaitingRow &row : rows)
        array.append(QJsonObject{{QStringLiteral("identity"), row.item.identityText},
            {QStringLiteral("list"), row.list.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(row.list)},
            {QStringLiteral("attempts"), row.item.attempts}, {QStringLiteral("nextAttemptAt"), utcJson(row.item.nextAttemptAt)},
            {QStringLiteral("lastError"), row.item.lastError}});
    return array;
}

void printWaitingRows(CommandContext &context, const QList<WaitingRow> &rows)
{
    if (rows.isEmpty()) {
        context.out << QCoreApplication::translate("SyncBridge::Cli", "No rows wait in the retry queue.") << '\n';
        return;
    }
    context.out << QCoreApplication::translate(
        "SyncBridge::Cli", "Retry queue (%n row(s); the next run takes them first when due):", nullptr, int(rows.size()))
                << '\n';
    QList<QStringList> table;
    for (const WaitingRow &row : rows)
        table << QStringList{row.item.identityText,
            row.list.isEmpty() ? QCoreApplication::translate("SyncBridge::Cli", "(no item yet)") : row.list,
            QString::number(row.item.attempts), utcText(row.item.nextAttemptAt), row.item.lastError};
    const QStringList header{QCoreApplication::translate("SyncBridge::Cli", "ROW"), QCoreApplication::translate("SyncBridge::Cli", "LIST"),
        QCoreApplication::translate("SyncBridge::Cli", "ATTEMPTS"), QCoreApplication::translate("SyncBridge::Cli", "NEXT ATTEMPT (UTC)"),
        QCoreApplication::translate("SyncBridge::Cli", "LAST ERROR")};
    context.out << formatTable(header, table, 5);
}

} // namespace SyncBridge::Cli

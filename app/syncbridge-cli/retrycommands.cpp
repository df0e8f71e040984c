// `retry list|now <definition>`: the rows of a definition that failed and wait to be retried.
#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "commandtable.h"
#include "retryqueue.h"

#include "model/definition.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"

#include <QCoreApplication>

namespace SyncBridge::Cli {
namespace {

int listRetries(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "retry list takes one definition name"));
    SyncDefinition definition;
    int exitCode = ExitOk;
    if (!findDefinition(context, context.arguments.constFirst(), &definition, &exitCode))
        return exitCode;
    auto rows = waitingRows(context, definition);
    if (!rows)
        return fail(context, rows.error());
    if (wantsJson(context))
        printJson(context, waitingRowsJson(*rows));
    else
        printWaitingRows(context, *rows);
    return ExitOk;
}

// As the Runs page's "Retry now": every queued row due now, then a run of the definition (which
// takes them first).
int retryNow(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "retry now takes one definition name"));
    SyncDefinition definition;
    int exitCode = ExitOk;
    if (!findDefinition(context, context.arguments.constFirst(), &definition, &exitCode))
        return exitCode;
    LedgerRepository ledger(*context.store);
    auto queue = ledger.retryQueueSummary(definition.id);
    if (!queue)
        return fail(context, queue.error());
    if (queue->waiting == 0) {
        context.out << QCoreApplication::translate("SyncBridge::Cli", "No rows of '%1' wait in the retry queue; nothing to retry.")
                           .arg(definition.name)
                    << '\n';
        return ExitOk;
    }
    if (auto due = ledger.makeRetriesDue(definition.id, QDateTime::currentDateTimeUtc()); !due)
        return fail(context, due.error());
    context.out << QCoreApplication::translate(
        "SyncBridge::Cli", "%n row(s) of '%1' are due now; a run of the definition retries them:", nullptr, int(queue->waiting))
                       .arg(definition.name)
                << '\n';
    context.out.flush();
    return runDefinition(context);
}

} // namespace

QList<Command> retryCommands()
{
    return {
        {"retry", "list", "<definition> [--json]", QT_TRANSLATE_NOOP("SyncBridge::Cli", "rows that failed and wait to be retried"),
            listRetries},
        {"retry", "now", "<definition>", QT_TRANSLATE_NOOP("SyncBridge::Cli", "make every waiting row due now and run the definition"),
            retryNow},
    };
}

} // namespace SyncBridge::Cli

// `definitions list|export|import|delete`: sync definitions and their JSON files.
#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "commandtable.h"

#include "model/definitionjson.h"
#include "store/connectionrepository.h"
#include "store/definitionimporter.h"
#include "store/definitionrepository.h"
#include "store/ledgerrepository.h"
#include "store/metastore.h"
#include "store/runrepository.h"
#include "sync/cdc/slotguard.h"
#include "sync/runlease.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QSaveFile>

namespace SyncBridge::Cli {
namespace {

int listDefinitions(CommandContext &context)
{
    auto definitions = DefinitionRepository(*context.store).all();
    if (!definitions)
        return fail(context, definitions.error());
    if (wantsJson(context)) {
        QJsonArray array;
        for (const SyncDefinition &definition : std::as_const(*definitions)) {
            QJsonArray lists;
            for (const SyncTarget &target : definition.targets)
                lists.append(QJsonObject{{QStringLiteral("name"), target.name}, {QStringLiteral("connection"), target.connectionName},
                    {QStringLiteral("site"), target.site}, {QStringLiteral("list"), target.listName}});
            array.append(QJsonObject{{QStringLiteral("id"), definition.id}, {QStringLiteral("name"), definition.name},
                {QStringLiteral("mode"), enumName(definition.mode)}, {QStringLiteral("enabled"), definition.enabled},
                {QStringLiteral("database"), definition.source.databaseName}, {QStringLiteral("schema"), definition.source.schema},
                {QStringLiteral("table"), definition.source.table}, {QStringLiteral("cursor"), enumName(definition.cursorStrategy)},
                {QStringLiteral("deletes"), enumName(definition.deletePolicy)}, {QStringLiteral("lists"), lists}});
        }
        printJson(context, array);
        return ExitOk;
    }
    if (definitions->isEmpty())
        context.out << QCoreApplication::translate(
            "SyncBridge::Cli", "No sync definitions yet. Import one with: syncbridge-cli definitions import <file>")
                    << '\n';
    for (const SyncDefinition &definition : std::as_const(*definitions)) {
        context.out << definition.name << '\t' << enumName(definition.mode) << '\t'
                    << (definition.enabled ? QCoreApplication::translate("SyncBridge::Cli", "enabled")
                                           : QCoreApplication::translate("SyncBridge::Cli", "disabled"))
                    << '\t' << definition.source.databaseName << ':' << definition.source.schema << '.' << definition.source.table << '\n';
    }
    return ExitOk;
}

int exportDefinitions(CommandContext &context)
{
    const bool all = context.parser.isSet(context.options.all);
    if (all == (context.arguments.size() == 1) || context.arguments.size() > 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "definitions export takes one definition name or --all"));
    DefinitionRepository repository(*context.store);
    QList<SyncDefinition> selected;
    if (all) {
        auto definitions = repository.all();
        if (!definitions)
            return fail(context, definitions.error());
        selected = *definitions;
    } else {
        auto definition = repository.byName(context.arguments.constFirst());
        if (!definition)
            return fail(context, definition.error());
        selected << *definition;
    }
    const QByteArray document = definitionsToDocument(selected);
    const QString path = context.parser.value(context.options.output);
    if (path.isEmpty()) {
        context.out << QString::fromUtf8(document);
        return ExitOk;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(document) != document.size() || !file.commit())
        return fail(context,
            Error(ErrorCode::Io, QCoreApplication::translate("SyncBridge::Cli", "Cannot write %1: %2").arg(path, file.errorString())));
    context.err
        << QCoreApplication::translate("SyncBridge::Cli", "Exported %n definition(s) to %1", nullptr, int(selected.size())).arg(path)
        << '\n';
    return ExitOk;
}

int importDefinitionsCommand(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "definitions import takes one file"));
    QFile file(context.arguments.constFirst());
    if (!file.open(QIODevice::ReadOnly))
        return fail(context,
            Error(ErrorCode::Io,
                QCoreApplication::translate("SyncBridge::Cli", "Cannot read %1: %2").arg(file.fileName(), file.errorString())));
    const auto stateChange = context.parser.isSet(context.options.reset) ? DefinitionRepository::StateChange::Reset
                                                                         : DefinitionRepository::StateChange::Refuse;
    // The definitions are checked against their tables as they are now, so the source is asked.
    auto outcome = importDefinitions(*context.store, file.readAll(), stateChange, instancePasswords(context));
    if (!outcome)
        return fail(context, outcome.error());
    if (outcome->issues.isEmpty() && !outcome->resetsToConfirm.isEmpty()) {
        for (const ValidationIssue &issue : std::as_const(outcome->resetsToConfirm))
            context.err << issue.path << ": " << issue.message << '\n';
        context.err << QCoreApplication::translate("SyncBridge::Cli", "Nothing was imported; import again with --reset to confirm.")
                    << '\n';
        return ExitInvalidInput;
    }
    if (!outcome->ok()) {
        context.err << QCoreApplication::translate(
            "SyncBridge::Cli", "%1: %n problem(s); nothing was imported.", nullptr, int(outcome->issues.size()))
                           .arg(file.fileName())
                    << '\n';
        for (const ValidationIssue &issue : std::as_const(outcome->issues))
            context.err << "  " << issue.path << ": " << issue.message << '\n';
        return ExitInvalidInput;
    }
    for (const ValidationIssue &warning : std::as_const(outcome->warnings))
        context.err << QCoreApplication::translate("SyncBridge::Cli", "warning: %1: %2").arg(warning.path, warning.message) << '\n';
    context.out << QCoreApplication::translate("SyncBridge::Cli", "Definitions imported: %L1 new, %L2 replaced.")
                       .arg(outcome->created)
                       .arg(outcome->replaced)
                << '\n';
    return ExitOk;
}

// Deletes a definition with everything the store keeps for it; refused while a run holds its lease.
int deleteDefinition(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "definitions delete takes one definition name"));
    SyncDefinition definition;
    int exitCode = ExitOk;
    if (!findDefinition(context, context.arguments.constFirst(), &definition, &exitCode))
        return exitCode;
    // Holding the lease while deleting: no run can start meanwhile, and a dead holder is taken over.
    auto lease = RunLease::acquire(*context.store, definition.id);
    if (!lease) {
        if (lease.error().code() == ErrorCode::Busy) {
            context.err << QCoreApplication::translate("SyncBridge::Cli", "Not deleted: %1").arg(lease.error().message()) << '\n';
            return ExitBusy;
        }
        return fail(context, lease.error());
    }
    LedgerRepository ledger(*context.store);
    qint64 items = 0;
    for (const LedgerState state : {LedgerState::Synced, LedgerState::Pending, LedgerState::Marked, LedgerState::Failed}) {
        auto counted = ledger.count(definition.id, state);
        if (!counted)
            return fail(context, counted.error());
        items += *counted;
    }
    auto queue = ledger.retryQueueSummary(definition.id);
    if (!queue)
        return fail(context, queue.error());
    RunFilter filter;
    filter.definitionId = definition.id;
    auto runs = RunRepository(*context.store).countRuns(filter);
    if (!runs)
        return fail(context, runs.error());
    const bool cdc = definition.mode == SyncMode::Cdc;
    const bool dropSlot = context.parser.isSet(context.options.dropSlot);
    if (dropSlot && !cdc)
        return usage(context,
            QCoreApplication::translate("SyncBridge::Cli", "--drop-slot is for CDC definitions; '%1' is not one").arg(definition.name));
    if (dropSlot) {
        // Before the definition goes: a slot that cannot be dropped keeps the definition, so it can be tried again.
        auto database = ConnectionRepository(*context.store).database(definition.source.databaseId);
        if (!database)
            return fail(context, database.error());
        if (auto dropped = dropSlotAndPublication(*context.store, *database, instancePasswords(context), definition.id); !dropped) {
            context.err << QCoreApplication::translate("SyncBridge::Cli", "Not deleted: %1").arg(dropped.error().message()) << '\n';
            return dropped.error().code() == ErrorCode::Busy ? int(ExitBusy) : int(ExitFailure);
        }
    }
    if (auto removed = DefinitionRepository(*context.store).remove(definition.id); !removed)
        return fail(context, removed.error());
    (*lease)->release(); // gone with the definition; nothing left to give back
    context.out << QCoreApplication::translate("SyncBridge::Cli", "Deleted the definition '%1'.").arg(definition.name) << '\n';
    if (dropSlot) {
        context.out << "  "
                    << QCoreApplication::translate(
                           "SyncBridge::Cli", "Dropped its replication slot and publication: PostgreSQL keeps no WAL for it any more.")
                    << '\n';
    } else if (cdc) {
        const CdcNames names = cdcNamesFor(definition.id);
        context.out << "  "
                    << QCoreApplication::translate("SyncBridge::Cli",
                           "Its replication slot '%1' and publication '%2' are left on PostgreSQL, which keeps WAL for the slot until it "
                           "is dropped. Drop them there: %3")
                           .arg(names.slot, names.publication, dropSlotStatements(definition.id))
                    << '\n';
    }
    context.out << "  "
                << QCoreApplication::translate("SyncBridge::Cli",
                       "Removed from the store with it: its ledger (rows it knew in SharePoint: %L1), its sync position, "
                       "its retry queue (rows: %L2) and its run history (runs: %L3).")
                       .arg(items)
                       .arg(queue->waiting)
                       .arg(*runs)
                << '\n';
    context.out << "  "
                << QCoreApplication::translate("SyncBridge::Cli",
                       "The SharePoint lists and their items stay in place. A definition that writes to them again starts "
                       "without a ledger and creates its items anew; delete or empty the lists first if that is not wanted.")
                << '\n';
    return ExitOk;
}

} // namespace

QList<Command> definitionCommands()
{
    return {
        {"definitions", "list", "[--json]", QT_TRANSLATE_NOOP("SyncBridge::Cli", "sync definitions"), listDefinitions},
        {"definitions", "export", "<name>|--all [-o file]", nullptr, exportDefinitions},
        {"definitions", "import", "<file> [--reset]", QT_TRANSLATE_NOOP("SyncBridge::Cli", "validate, then import all or nothing"),
            importDefinitionsCommand},
        {"definitions", "delete", "<name> [--drop-slot]",
            QT_TRANSLATE_NOOP("SyncBridge::Cli",
                "delete a definition and its ledger (SharePoint items stay; --drop-slot: a CDC definition's slot and publication too)"),
            deleteDefinition},
    };
}

} // namespace SyncBridge::Cli

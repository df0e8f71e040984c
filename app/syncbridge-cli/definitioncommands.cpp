// `definitions list|export|import`: sync definitions and their JSON files.
#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "commandtable.h"

#include "model/definitionjson.h"
#include "store/definitionimporter.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"

#include <QCoreApplication>
#include <QFile>
#include <QSaveFile>

namespace SyncBridge::Cli {
namespace {

int listDefinitions(CommandContext &context)
{
    auto definitions = DefinitionRepository(*context.store).all();
    if (!definitions)
        return fail(context, definitions.error());
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
    context.err << QCoreApplication::translate("SyncBridge::Cli", "Exported %1 definition(s) to %2").arg(selected.size()).arg(path) << '\n';
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
    auto outcome = importDefinitions(*context.store, file.readAll(), stateChange, passwordLookup(context));
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
        context.err << QCoreApplication::translate("SyncBridge::Cli", "%1: %2 problem(s); nothing was imported.")
                           .arg(file.fileName())
                           .arg(outcome->issues.size())
                    << '\n';
        for (const ValidationIssue &issue : std::as_const(outcome->issues))
            context.err << "  " << issue.path << ": " << issue.message << '\n';
        return ExitInvalidInput;
    }
    for (const ValidationIssue &warning : std::as_const(outcome->warnings))
        context.err << QCoreApplication::translate("SyncBridge::Cli", "warning: %1: %2").arg(warning.path, warning.message) << '\n';
    context.out << QCoreApplication::translate("SyncBridge::Cli", "Imported %1 new and replaced %2 definition(s).")
                       .arg(outcome->created)
                       .arg(outcome->replaced)
                << '\n';
    return ExitOk;
}

} // namespace

QList<Command> definitionCommands()
{
    return {
        {"definitions", "list", nullptr, QT_TRANSLATE_NOOP("SyncBridge::Cli", "sync definitions"), listDefinitions},
        {"definitions", "export", "<name>|--all [-o file]", nullptr, exportDefinitions},
        {"definitions", "import", "<file> [--reset]", QT_TRANSLATE_NOOP("SyncBridge::Cli", "validate, then import all or nothing"),
            importDefinitionsCommand},
    };
}

} // namespace SyncBridge::Cli

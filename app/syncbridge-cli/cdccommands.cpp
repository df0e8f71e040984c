// `cdc status|drop-slot <definition>`: what PostgreSQL keeps for a CDC definition (its replication
// slot and publication), and letting it go when the definition is no longer used.
#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "commandtable.h"

#include "model/definition.h"
#include "source/replication/cdcslots.h"
#include "store/connectionrepository.h"

#include <QCoreApplication>
#include <QJsonObject>

namespace SyncBridge::Cli {
namespace {

QString text(const char *source)
{
    return QCoreApplication::translate("SyncBridge::Cli", source);
}

// The definition named by the command's one argument and its database; false with *exitCode set when not.
bool cdcDefinition(CommandContext &context, const char *command, SyncDefinition *definition, Database *database, int *exitCode)
{
    if (context.arguments.size() != 1) {
        *exitCode = usage(context, text("%1 takes one definition name").arg(QLatin1String(command)));
        return false;
    }
    if (!findDefinition(context, context.arguments.constFirst(), definition, exitCode))
        return false;
    if (definition->mode != SyncMode::Cdc) {
        *exitCode = fail(context, Error(ErrorCode::InvalidInput, text("'%1' is not a CDC definition.").arg(definition->name)));
        return false;
    }
    auto found = ConnectionRepository(*context.store).database(definition->source.databaseId);
    if (!found) {
        *exitCode = fail(context, found.error());
        return false;
    }
    *database = *found;
    return true;
}

int showStatus(CommandContext &context)
{
    SyncDefinition definition;
    Database database;
    int exitCode = ExitOk;
    if (!cdcDefinition(context, "cdc status", &definition, &database, &exitCode))
        return exitCode;
    auto report = cdcSlotReport(database, instancePasswords(context), definition.id);
    if (!report)
        return fail(context, report.error());
    const auto &slot = report->slot;
    if (wantsJson(context)) {
        QJsonObject json{{QStringLiteral("slot"), report->names.slot}, {QStringLiteral("publication"), report->names.publication},
            {QStringLiteral("publicationExists"), report->publicationExists}, {QStringLiteral("slotExists"), slot.has_value()}};
        if (slot) {
            json.insert(QStringLiteral("active"), slot->active);
            json.insert(QStringLiteral("walStatus"), slot->walStatus);
            json.insert(QStringLiteral("lagBytes"), slot->lagBytes);
            json.insert(QStringLiteral("confirmedFlushLsn"), slot->confirmedFlush.toString());
            json.insert(QStringLiteral("safeWalSize"), slot->safeWalSize ? QJsonValue(*slot->safeWalSize) : QJsonValue());
        }
        printJson(context, json);
        return ExitOk;
    }
    if (!slot) {
        context.out
            << text("Replication slot %1: none (the next run creates it and loads the table in its snapshot)").arg(report->names.slot)
            << '\n';
    } else {
        const QString safe = slot->safeWalSize ? text("%1 bytes").arg(*slot->safeWalSize) : text("not limited");
        context.out << text("Replication slot %1: %2, wal_status %3, lag %4 bytes, confirmed up to %5, safe_wal_size %6")
                           .arg(report->names.slot, slot->active ? text("streaming now") : text("idle"), slot->walStatus)
                           .arg(slot->lagBytes)
                           .arg(slot->confirmedFlush.toString(), safe)
                    << '\n';
    }
    context.out << text("Publication %1: %2").arg(report->names.publication, report->publicationExists ? text("exists") : text("none"))
                << '\n';
    return ExitOk;
}

int dropSlot(CommandContext &context)
{
    SyncDefinition definition;
    Database database;
    int exitCode = ExitOk;
    if (!cdcDefinition(context, "cdc drop-slot", &definition, &database, &exitCode))
        return exitCode;
    if (auto dropped = dropCdcSlot(database, instancePasswords(context), definition.id); !dropped)
        return dropped.error().code() == ErrorCode::Busy ? (fail(context, dropped.error()), int(ExitBusy)) : fail(context, dropped.error());
    context.out << text("Dropped the replication slot and the publication of '%1'; PostgreSQL keeps no WAL for it now. Its next run "
                        "loads the table again and matches the items already synced.")
                       .arg(definition.name)
                << '\n';
    return ExitOk;
}

} // namespace

QList<Command> cdcCommands()
{
    return {
        {"cdc", "status", "<definition> [--json]",
            QT_TRANSLATE_NOOP("SyncBridge::Cli", "a CDC definition's replication slot (lag, wal_status) and publication"), showStatus},
        {"cdc", "drop-slot", "<definition>",
            QT_TRANSLATE_NOOP("SyncBridge::Cli", "drop a CDC definition's slot and publication (its next run loads the table again)"),
            dropSlot},
    };
}

} // namespace SyncBridge::Cli

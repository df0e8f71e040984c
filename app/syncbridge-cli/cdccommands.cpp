// `cdc status|drop-slot <definition>`: what PostgreSQL keeps for a CDC definition (its replication
// slot and publication), and letting it go when the definition is no longer used.
#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "commandtable.h"
#include "common/translations.h"

#include "model/definition.h"
#include "store/connectionrepository.h"
#include "sync/cdc/slotguard.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>

#include <climits>

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

// Exit codes by the guardian's verdict, for monitoring (docs/cli.md): 0 OK, 1 warning, 2 critical or lost.
int exitCodeOf(SlotSeverity severity)
{
    switch (severity) {
    case SlotSeverity::Ok:
        return ExitOk;
    case SlotSeverity::Warning:
        return ExitItemFailures;
    case SlotSeverity::Critical:
    case SlotSeverity::Lost:
        break;
    }
    return ExitFailure;
}

QJsonValue optionalNumber(const std::optional<qint64> &bytes)
{
    return bytes ? QJsonValue(*bytes) : QJsonValue();
}

QString bytesText(const std::optional<qint64> &bytes)
{
    return bytes ? text("%L1 bytes").arg(*bytes) : text("not limited");
}

int showStatus(CommandContext &context)
{
    SyncDefinition definition;
    Database database;
    int exitCode = ExitOk;
    if (!cdcDefinition(context, "cdc status", &definition, &database, &exitCode))
        return exitCode;
    auto reading = readSlotHealth(*context.store, database, instancePasswords(context), definition, QDateTime::currentDateTimeUtc());
    if (!reading)
        return fail(context, reading.error());
    const CdcSlotReport &report = reading->report;
    const SlotFacts &facts = reading->facts;
    const auto &slot = report.slot;
    if (wantsJson(context)) {
        QJsonObject json{{QStringLiteral("slot"), report.names.slot}, {QStringLiteral("publication"), report.names.publication},
            {QStringLiteral("publicationExists"), report.publicationExists},
            {QStringLiteral("publicationHasTable"), report.publicationHasTable}, {QStringLiteral("slotExists"), slot.has_value()},
            {QStringLiteral("severity"), slotSeverityId(reading->health.severity)},
            {QStringLiteral("findings"), QJsonArray::fromStringList(reading->health.findings)},
            {QStringLiteral("currentWalLsn"), report.currentWal.toString()},
            {QStringLiteral("maxSlotWalKeepSize"), optionalNumber(report.maxSlotWalKeepSize)}};
        if (slot) {
            json.insert(QStringLiteral("active"), slot->active);
            json.insert(QStringLiteral("walStatus"), slot->walStatus);
            json.insert(QStringLiteral("lagBytes"), slot->lagBytes);
            json.insert(QStringLiteral("lagSeconds"), optionalNumber(facts.lagSeconds));
            json.insert(QStringLiteral("restartLsn"), slot->restartLsn.toString());
            json.insert(QStringLiteral("confirmedFlushLsn"), slot->confirmedFlush.toString());
            json.insert(QStringLiteral("safeWalSize"), optionalNumber(slot->safeWalSize));
        }
        printJson(context, json);
        return exitCodeOf(reading->health.severity);
    }
    context.out << text("Slot guardian: %1").arg(slotSeverityText(reading->health.severity)) << '\n';
    if (!slot) {
        context.out << text("Replication slot %1: none").arg(report.names.slot) << '\n';
    } else {
        const QString lagTime = facts.lagSeconds
            ? QCoreApplication::translate("SyncBridge::Cli", "%n second(s)", nullptr, pluralCount(*facts.lagSeconds))
            : text("unknown");
        context.out
            << text("Replication slot %1: %2, wal_status %3")
                   .arg(report.names.slot, slot->active ? text("streaming now") : text("idle"), slot->walStatus)
            << '\n'
            << "  " << text("lag %L1 bytes, %2 since a run recorded its position").arg(slot->lagBytes).arg(lagTime) << '\n'
            << "  "
            << text("confirmed up to %1, server at %2, restart at %3")
                   .arg(slot->confirmedFlush.toString(), report.currentWal.toString(), slot->restartLsn.toString())
            << '\n'
            << "  "
            << text("safe_wal_size %1, max_slot_wal_keep_size %2").arg(bytesText(slot->safeWalSize), bytesText(report.maxSlotWalKeepSize))
            << '\n';
    }
    const QString publication = !report.publicationExists ? text("none")
        : report.publicationHasTable ? text("exists, publishes %1.%2").arg(definition.source.schema, definition.source.table)
                                     : text("exists, but no longer publishes %1.%2").arg(definition.source.schema, definition.source.table);
    context.out << text("Publication %1: %2").arg(report.names.publication, publication) << '\n';
    if (!slot && !facts.synced)
        context.out << text("The next run creates the slot and loads the table in its snapshot.") << '\n';
    for (const QString &finding : reading->health.findings)
        context.out << "- " << finding << '\n';
    return exitCodeOf(reading->health.severity);
}

int dropSlot(CommandContext &context)
{
    SyncDefinition definition;
    Database database;
    int exitCode = ExitOk;
    if (!cdcDefinition(context, "cdc drop-slot", &definition, &database, &exitCode))
        return exitCode;
    if (auto dropped = dropSlotAndPublication(*context.store, database, instancePasswords(context), definition.id); !dropped)
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
            QT_TRANSLATE_NOOP("SyncBridge::Cli",
                "a CDC definition's replication slot (lag, wal_status, safe_wal_size), publication and the guardian's verdict "
                "(exit 0 OK, 1 warning, 2 critical or lost)"),
            showStatus},
        {"cdc", "drop-slot", "<definition>",
            QT_TRANSLATE_NOOP("SyncBridge::Cli", "drop a CDC definition's slot and publication (its next run loads the table again)"),
            dropSlot},
    };
}

} // namespace SyncBridge::Cli

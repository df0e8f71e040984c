// `summary` (and `connections list`): what the meta-store holds.
#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "commandtable.h"

#include "store/budgetrepository.h"
#include "store/catalogrepository.h"
#include "store/connectionrepository.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

namespace SyncBridge::Cli {

namespace {

int printSummaryJson(CommandContext &context, const QList<Database> &databases, const QList<SharePointConnection> &sharePoint,
    const QList<SyncDefinition> &definitions)
{
    CatalogRepository catalog(*context.store);
    QJsonArray databaseArray;
    for (const Database &database : databases) {
        auto tables = catalog.tables(database.id);
        QJsonArray instances;
        for (const DatabaseInstance &instance : database.instances)
            instances.append(QJsonObject{{QStringLiteral("name"), instance.name}, {QStringLiteral("role"), enumName(instance.role)},
                {QStringLiteral("priority"), instance.priority}, {QStringLiteral("host"), instance.host},
                {QStringLiteral("port"), instance.port}, {QStringLiteral("user"), instance.userName}});
        databaseArray.append(QJsonObject{{QStringLiteral("name"), database.name}, {QStringLiteral("database"), database.databaseName},
            {QStringLiteral("instances"), instances}, {QStringLiteral("catalogTables"), tables ? tables->size() : 0}});
    }
    const BudgetRepository budget(context.store);
    QJsonArray sharePointArray;
    for (const SharePointConnection &connection : sharePoint) {
        auto used = budget.usage(connection.id, QDateTime::currentDateTimeUtc());
        if (!used)
            return fail(context, used.error());
        sharePointArray.append(QJsonObject{{QStringLiteral("name"), connection.name}, {QStringLiteral("tenant"), connection.tenantId},
            {QStringLiteral("clientId"), connection.clientId}, {QStringLiteral("graphUrl"), connection.graphBaseUrl},
            {QStringLiteral("budget"),
                QJsonObject{{QStringLiteral("spentToday"), used->spentToday}, {QStringLiteral("ruPerDay"), connection.ruPerDay},
                    {QStringLiteral("admittedLastMinute"), used->admittedLastMinute},
                    {QStringLiteral("ruPerMinute"), connection.ruPerMinute}}}});
    }
    QJsonArray definitionArray;
    for (const SyncDefinition &definition : definitions)
        definitionArray.append(QJsonObject{{QStringLiteral("name"), definition.name}, {QStringLiteral("mode"), enumName(definition.mode)},
            {QStringLiteral("schema"), definition.source.schema}, {QStringLiteral("table"), definition.source.table},
            {QStringLiteral("lists"), definition.targets.size()}});
    printJson(context,
        QJsonObject{{QStringLiteral("store"),
                        QJsonObject{{QStringLiteral("location"), context.store->location().describe()},
                            {QStringLiteral("schema"), context.store->schemaVersion()}}},
            {QStringLiteral("databases"), databaseArray}, {QStringLiteral("sharePointConnections"), sharePointArray},
            {QStringLiteral("definitions"), definitionArray}});
    return ExitOk;
}

} // namespace

int showSummary(CommandContext &context)
{
    ConnectionRepository connections(*context.store);
    auto databases = connections.databases();
    if (!databases)
        return fail(context, databases.error());
    auto sharePoint = connections.sharePointConnections();
    if (!sharePoint)
        return fail(context, sharePoint.error());
    auto definitions = DefinitionRepository(*context.store).all();
    if (!definitions)
        return fail(context, definitions.error());
    CatalogRepository catalog(*context.store);
    if (wantsJson(context))
        return printSummaryJson(context, *databases, *sharePoint, *definitions);

    context.out << QCoreApplication::translate("SyncBridge::Cli", "Meta-store: %1 (schema %2)")
                       .arg(context.store->location().describe())
                       .arg(context.store->schemaVersion())
                << '\n';
    context.out << QCoreApplication::translate("SyncBridge::Cli", "Database connections: %1").arg(databases->size()) << '\n';
    for (const Database &database : std::as_const(*databases)) {
        auto tables = catalog.tables(database.id);
        context.out << "  "
                    << QCoreApplication::translate("SyncBridge::Cli", "%1 → database '%2' (instances: %L3, tables in the catalog: %L4)")
                           .arg(database.name, database.databaseName)
                           .arg(database.instances.size())
                           .arg(tables ? tables->size() : 0)
                    << '\n';
        for (const DatabaseInstance &instance : database.instances)
            context.out << "    - " << instance.name << ' ' << enumName(instance.role) << " #" << instance.priority << "  "
                        << instance.userName << '@' << instance.host << ':' << instance.port << '\n';
    }
    context.out << QCoreApplication::translate("SyncBridge::Cli", "SharePoint connections: %1").arg(sharePoint->size()) << '\n';
    const BudgetRepository budget(context.store);
    for (const SharePointConnection &connection : std::as_const(*sharePoint)) {
        context.out << "  "
                    << QCoreApplication::translate("SyncBridge::Cli", "%1  tenant %2  %3")
                           .arg(connection.name, connection.tenantId, connection.graphBaseUrl)
                    << '\n';
        // What every process sharing this store spent of the tenant's budget (the UTC day, the last 60 s).
        auto used = budget.usage(connection.id, QDateTime::currentDateTimeUtc());
        if (!used)
            return fail(context, used.error());
        const double share = connection.ruPerDay > 0 ? 100.0 * double(used->spentToday) / double(connection.ruPerDay) : 0;
        context.out << "    "
                    << QCoreApplication::translate(
                           "SyncBridge::Cli", "budget: %1 of %2 RU today (%3 %), %4 of %5 RU admitted in the last minute")
                           .arg(used->spentToday)
                           .arg(connection.ruPerDay)
                           .arg(share, 0, 'f', 1)
                           .arg(used->admittedLastMinute)
                           .arg(connection.ruPerMinute)
                    << '\n';
    }
    context.out << QCoreApplication::translate("SyncBridge::Cli", "Sync definitions: %1").arg(definitions->size()) << '\n';
    for (const SyncDefinition &definition : std::as_const(*definitions))
        context.out << "  "
                    << QCoreApplication::translate("SyncBridge::Cli", "%1  %2  %3.%4 → %n list(s)", nullptr, int(definition.targets.size()))
                           .arg(definition.name, enumName(definition.mode), definition.source.schema, definition.source.table)
                    << '\n';
    return ExitOk;
}

QList<Command> summaryCommands()
{
    return {
        {"summary", nullptr, "[--json]", QT_TRANSLATE_NOOP("SyncBridge::Cli", "what the meta-store holds"), showSummary},
    };
}

} // namespace SyncBridge::Cli

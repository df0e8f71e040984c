// `introspect <name>`: reads a database's tables into the catalog.
#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "commandtable.h"

#include "common/clock.h"
#include "source/probe.h"
#include "store/catalogrepository.h"
#include "store/connectionrepository.h"
#include "store/metastore.h"

#include <QCoreApplication>

namespace SyncBridge::Cli {
namespace {

int introspect(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "introspect takes one database connection name"));
    auto database = ConnectionRepository(*context.store).databaseByName(context.arguments.constFirst());
    if (!database)
        return fail(context, database.error());
    auto report = introspectDatabase(*database, instancePasswords(context));
    if (!report)
        return fail(context, report.error());
    for (const QString &failed : std::as_const(report->connection.failedInstances))
        context.err << QCoreApplication::translate("SyncBridge::Cli", "warning: instance unavailable, failed over: %1").arg(failed) << '\n';
    auto record = CatalogRepository(*context.store).saveIntrospection(database->id, report->tables, Clock::system().nowUtc());
    if (!record)
        return fail(context, record.error());
    context.out << QCoreApplication::translate("SyncBridge::Cli", "%1 via %2 (%3): %n table(s)", nullptr, int(report->tables.size()))
                       .arg(database->name, report->connection.instanceName, report->connection.serverVersion)
                << '\n';
    for (const TableInfo &table : std::as_const(report->tables)) {
        context.out << "  "
                    << QCoreApplication::translate("SyncBridge::Cli", "%1  %2 columns, key (%3), %4 index(es), ~%5 rows")
                           .arg(table.qualifiedName())
                           .arg(table.columns.size())
                           .arg(table.primaryKey().join(QStringLiteral(", ")))
                           .arg(table.indexes.size())
                           .arg(table.rowEstimate)
                    << '\n';
    }
    if (record->schemaChanged)
        context.out << QCoreApplication::translate("SyncBridge::Cli", "Schema drift: the schema differs from the previous snapshot.")
                    << '\n';
    return ExitOk;
}

} // namespace

QList<Command> introspectCommands()
{
    return {
        {"introspect", nullptr, "<name>", QT_TRANSLATE_NOOP("SyncBridge::Cli", "read the database's tables into the catalog"), introspect},
    };
}

} // namespace SyncBridge::Cli

#include "commands.h"

#include "clioptions.h"
#include "commandtable.h"

#include "common/clock.h"
#include "secrets/secretstore.h"
#include "source/probe.h"
#include "store/catalogrepository.h"
#include "store/connectionrepository.h"
#include "store/definitionimporter.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"
#include "sync/runcontroller.h"

#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>
#include <QFile>
#include <QSaveFile>

#include <unistd.h>

namespace SyncBridge::Cli {
namespace {

int fail(CommandContext &context, const Error &error)
{
    context.err << QCoreApplication::translate("SyncBridge::Cli", "error: %1").arg(error.message()) << '\n';
    if (!error.detail().isEmpty())
        context.err << QCoreApplication::translate("SyncBridge::Cli", "  detail: %1").arg(error.detail()) << '\n';
    context.err.flush();
    return error.code() == ErrorCode::InvalidInput ? ExitInvalidInput : ExitFailure;
}

int usage(CommandContext &context, const QString &message)
{
    context.err << QCoreApplication::translate("SyncBridge::Cli", "usage error: %1").arg(message) << "\n\n" << commandSummary() << '\n';
    return ExitUsage;
}

QString instancePassword(CommandContext &context, const DatabaseInstance &instance, Error *failure)
{
    if (instance.secretRef.isEmpty())
        return {};
    auto secret = readSecretBlocking(context.secrets, instance.secretRef);
    if (!secret) {
        *failure = secret.error();
        return {};
    }
    return *secret;
}

int summary(CommandContext &context)
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

    context.out << QCoreApplication::translate("SyncBridge::Cli", "Meta-store: %1 (schema %2)").arg(context.store->location().describe()).arg(context.store->schemaVersion()) << '\n';
    context.out << QCoreApplication::translate("SyncBridge::Cli", "Database connections: %1").arg(databases->size()) << '\n';
    for (const Database &database : std::as_const(*databases)) {
        auto tables = catalog.tables(database.id);
        context.out << "  " << QCoreApplication::translate("SyncBridge::Cli", "%1 → database '%2', %3 instance(s), %4 table(s) in the catalog")
                                   .arg(database.name, database.databaseName)
                                   .arg(database.instances.size())
                                   .arg(tables ? tables->size() : 0)
                    << '\n';
        for (const DatabaseInstance &instance : database.instances)
            context.out << "    - " << instance.name << ' ' << enumName(instance.role) << " #" << instance.priority << "  "
                        << instance.userName << '@' << instance.host << ':' << instance.port << '\n';
    }
    context.out << QCoreApplication::translate("SyncBridge::Cli", "SharePoint connections: %1").arg(sharePoint->size()) << '\n';
    for (const SharePointConnection &connection : std::as_const(*sharePoint))
        context.out << "  " << QCoreApplication::translate("SyncBridge::Cli", "%1  tenant %2  %3").arg(connection.name, connection.tenantId, connection.graphBaseUrl) << '\n';
    context.out << QCoreApplication::translate("SyncBridge::Cli", "Sync definitions: %1").arg(definitions->size()) << '\n';
    for (const SyncDefinition &definition : std::as_const(*definitions))
        context.out << "  " << QCoreApplication::translate("SyncBridge::Cli", "%1  %2  %3.%4 → %5 list(s)")
                                   .arg(definition.name, enumName(definition.mode), definition.source.schema, definition.source.table)
                                   .arg(definition.targets.size())
                    << '\n';
    return ExitOk;
}

int listConnections(CommandContext &context)
{
    return summary(context);
}

int addDatabase(CommandContext &context)
{
    const CliOptions &o = context.options;
    const QString name = context.parser.value(o.name);
    if (name.isEmpty() || (!context.parser.isSet(o.database) && name.isEmpty()))
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "connections add-database needs --name (and --database for a new database)"));
    const auto role = fromString<InstanceRole>(context.parser.value(o.role).toUpper());
    if (!role)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "--role must be one of %1").arg(allNames<InstanceRole>().join(QStringLiteral(", "))));
    bool portOk = false;
    const int port = context.parser.value(o.port).toInt(&portOk);
    if (!portOk || port <= 0 || port > 65535)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "--port must be a number from 1 to 65535"));

    ConnectionRepository repository(*context.store);
    auto existing = repository.databaseByName(name);
    Database database;
    if (existing) {
        database = *existing;
    } else if (existing.error().code() != ErrorCode::NotFound) {
        return fail(context, existing.error());
    } else {
        if (!context.parser.isSet(o.database))
            return usage(context, QCoreApplication::translate("SyncBridge::Cli", "a new database connection needs --database"));
        database.name = name;
        database.databaseName = context.parser.value(o.database);
    }

    DatabaseInstance instance;
    instance.name = context.parser.value(o.instance);
    instance.host = context.parser.value(o.host);
    instance.port = port;
    instance.userName = context.parser.value(o.user);
    instance.role = *role;
    instance.priority = context.parser.value(o.priority).toInt();
    for (const DatabaseInstance &other : std::as_const(database.instances)) {
        if (other.name == instance.name)
            return fail(context, Error(ErrorCode::AlreadyExists, QCoreApplication::translate("SyncBridge::Cli", "'%1' already has an instance called '%2'.").arg(name, instance.name)));
    }
    if (context.parser.isSet(o.passwordStdin)) {
        QTextStream in(stdin);
        const QString password = in.readLine();
        instance.secretRef = makeSecretKey(postgresSecretKind);
        auto written = writeSecretBlocking(context.secrets, instance.secretRef, password);
        if (!written)
            return fail(context, written.error());
    }
    database.instances << instance;
    auto saved = repository.saveDatabase(database);
    if (!saved)
        return fail(context, saved.error());
    context.out << (existing ? QCoreApplication::translate("SyncBridge::Cli", "Added instance '%1'").arg(instance.name) : QCoreApplication::translate("SyncBridge::Cli", "Added database connection '%1'").arg(name)) << '\n';
    return ExitOk;
}

int addSharePoint(CommandContext &context)
{
    const CliOptions &o = context.options;
    SharePointConnection connection;
    connection.name = context.parser.value(o.name);
    connection.tenantId = context.parser.value(o.tenant);
    connection.clientId = context.parser.value(o.clientId);
    connection.authorityHost = context.parser.value(o.authority);
    connection.graphBaseUrl = context.parser.value(o.graphUrl);
    bool budgetOk = false;
    connection.ruPerMinute = context.parser.value(o.ruPerMinute).toInt(&budgetOk);
    if (!budgetOk || connection.ruPerMinute < 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "--ru-per-minute must be a positive number"));
    if (connection.name.isEmpty() || connection.tenantId.isEmpty() || connection.clientId.isEmpty())
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "connections add-sharepoint needs --name, --tenant and --client-id"));
    if (context.parser.isSet(o.secretRef)) {
        connection.secretRef = context.parser.value(o.secretRef);
        if (!connection.secretRef.startsWith(sharePointSecretKind + QLatin1Char('/')) || connection.secretRef.size() <= sharePointSecretKind.size() + 1)
            return usage(context, QCoreApplication::translate("SyncBridge::Cli", "--secret-ref must look like sharepoint/<name>"));
    }
    if (context.parser.isSet(o.passwordStdin)) {
        QTextStream in(stdin);
        if (connection.secretRef.isEmpty())
            connection.secretRef = makeSecretKey(sharePointSecretKind);
        auto written = writeSecretBlocking(context.secrets, connection.secretRef, in.readLine());
        if (!written)
            return fail(context, written.error());
    }
    auto saved = ConnectionRepository(*context.store).saveSharePointConnection(connection);
    if (!saved)
        return fail(context, saved.error());
    context.out << QCoreApplication::translate("SyncBridge::Cli", "Added SharePoint connection '%1'").arg(connection.name) << '\n';
    return ExitOk;
}

int testConnection(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "connections test takes one database connection name"));
    auto database = ConnectionRepository(*context.store).databaseByName(context.arguments.constFirst());
    if (!database)
        return fail(context, database.error());
    int failures = 0;
    for (const DatabaseInstance &instance : std::as_const(database->instances)) {
        Error secretError(ErrorCode::Internal, {});
        const QString password = instancePassword(context, instance, &secretError);
        auto report = secretError.message().isEmpty() ? probeInstance(*database, instance, password)
                                                      : Result<ProbeReport>(secretError);
        if (report) {
            context.out << QCoreApplication::translate("SyncBridge::Cli", "ok      %1 (%2:%3): %4").arg(instance.name, instance.host).arg(instance.port).arg(report->serverVersion) << '\n';
        } else {
            ++failures;
            context.out << QCoreApplication::translate("SyncBridge::Cli", "FAILED  %1 (%2:%3): %4 [%5]")
                               .arg(instance.name, instance.host)
                               .arg(instance.port)
                               .arg(report.error().message(), errorCodeName(report.error().code()))
                        << '\n';
        }
    }
    return failures == 0 ? ExitOk : ExitFailure;
}

int introspect(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "introspect takes one database connection name"));
    auto database = ConnectionRepository(*context.store).databaseByName(context.arguments.constFirst());
    if (!database)
        return fail(context, database.error());
    auto report = introspectDatabase(*database, [&](const DatabaseInstance &instance) -> Result<QString> {
        Error failure(ErrorCode::Internal, {});
        const QString password = instancePassword(context, instance, &failure);
        if (!failure.message().isEmpty())
            return failure;
        return password;
    });
    if (!report)
        return fail(context, report.error());
    for (const QString &failed : std::as_const(report->connection.failedInstances))
        context.err << QCoreApplication::translate("SyncBridge::Cli", "warning: instance unavailable, failed over: %1").arg(failed) << '\n';
    auto record = CatalogRepository(*context.store).saveIntrospection(database->id, report->tables, Clock::system().nowUtc());
    if (!record)
        return fail(context, record.error());
    context.out << QCoreApplication::translate("SyncBridge::Cli", "%1 via %2 (%3): %4 table(s)")
                       .arg(database->name, report->connection.instanceName, report->connection.serverVersion)
                       .arg(report->tables.size())
                << '\n';
    for (const TableInfo &table : std::as_const(report->tables)) {
        context.out << "  " << QCoreApplication::translate("SyncBridge::Cli", "%1  %2 columns, key (%3), %4 index(es), ~%5 rows")
                                   .arg(table.qualifiedName())
                                   .arg(table.columns.size())
                                   .arg(table.primaryKey().join(QStringLiteral(", ")))
                                   .arg(table.indexes.size())
                                   .arg(table.rowEstimate)
                    << '\n';
    }
    if (record->schemaChanged)
        context.out << QCoreApplication::translate("SyncBridge::Cli", "Schema drift: the schema differs from the previous snapshot.") << '\n';
    return ExitOk;
}

int listDefinitions(CommandContext &context)
{
    auto definitions = DefinitionRepository(*context.store).all();
    if (!definitions)
        return fail(context, definitions.error());
    if (definitions->isEmpty())
        context.out << QCoreApplication::translate("SyncBridge::Cli", "No sync definitions yet. Import one with: syncbridge-cli definitions import <file>") << '\n';
    for (const SyncDefinition &definition : std::as_const(*definitions)) {
        context.out << definition.name << '\t' << enumName(definition.mode) << '\t' << (definition.enabled ? QCoreApplication::translate("SyncBridge::Cli", "enabled") : QCoreApplication::translate("SyncBridge::Cli", "disabled"))
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
        return fail(context, Error(ErrorCode::Io, QCoreApplication::translate("SyncBridge::Cli", "Cannot write %1: %2").arg(path, file.errorString())));
    context.err << QCoreApplication::translate("SyncBridge::Cli", "Exported %1 definition(s) to %2").arg(selected.size()).arg(path) << '\n';
    return ExitOk;
}

int importDefinitionsCommand(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "definitions import takes one file"));
    QFile file(context.arguments.constFirst());
    if (!file.open(QIODevice::ReadOnly))
        return fail(context, Error(ErrorCode::Io, QCoreApplication::translate("SyncBridge::Cli", "Cannot read %1: %2").arg(file.fileName(), file.errorString())));
    auto outcome = importDefinitions(*context.store, file.readAll());
    if (!outcome)
        return fail(context, outcome.error());
    if (!outcome->ok()) {
        context.err << QCoreApplication::translate("SyncBridge::Cli", "%1: %2 problem(s); nothing was imported.").arg(file.fileName()).arg(outcome->issues.size()) << '\n';
        for (const ValidationIssue &issue : std::as_const(outcome->issues))
            context.err << "  " << issue.path << ": " << issue.message << '\n';
        return ExitInvalidInput;
    }
    context.out << QCoreApplication::translate("SyncBridge::Cli", "Imported %1 new and replaced %2 definition(s).").arg(outcome->created).arg(outcome->replaced) << '\n';
    return ExitOk;
}

int runDefinition(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "run takes one definition name"));
    auto definition = DefinitionRepository(*context.store).byName(context.arguments.constFirst());
    if (!definition)
        return fail(context, definition.error());
    bool pageOk = false;
    PushOptions options;
    options.dryRun = context.parser.isSet(context.options.dryRun);
    options.resetCursor = context.parser.isSet(context.options.resetCursor);
    if (context.parser.isSet(context.options.backfill)) {
        for (const QString &field : context.parser.value(context.options.backfill).split(QLatin1Char(','))) {
            if (!field.trimmed().isEmpty())
                options.backfillFields << field.trimmed();
        }
        if (options.backfillFields.isEmpty())
            return usage(context, QCoreApplication::translate("SyncBridge::Cli", "--backfill needs at least one field name"));
        if (options.dryRun || options.resetCursor)
            return usage(context, QCoreApplication::translate("SyncBridge::Cli", "--backfill cannot be combined with --dry-run or --reset-cursor"));
    }
    options.pageSize = context.parser.value(context.options.pageSize).toInt(&pageOk);
    if (!pageOk || options.pageSize < 1 || options.pageSize > 10000)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "--page-size must be 1 to 10000"));
    const bool terminal = isatty(fileno(stderr));
    const bool allowMassDelete = context.parser.isSet(context.options.allowMassDelete);
    RunController runs(context.store, context.secrets);
    runs.setMassDeleteApproval([allowMassDelete](qint64, const MassDeleteCheck &, const RunController::MassDeleteAnswer &answer) { answer(allowMassDelete); });
    RunOutcome outcome;
    QEventLoop loop;
    QObject::connect(&runs, &RunController::progress, &loop, [&](qint64, const RunProgress &progress) {
        if (!terminal)
            return;
        const RunCounters &c = progress.counters;
        context.err << '\r' << QCoreApplication::translate("SyncBridge::Cli", "%1: %2 read, %3 created, %4 updated, %5 moved, %6 unchanged, %7 failed, %8 items/s   ")
                                   .arg(progress.phase).arg(c.rowsRead).arg(c.created).arg(c.updated).arg(c.moved).arg(c.skipped).arg(c.failed)
                                   .arg(progress.itemsPerSecond, 0, 'f', 0);
        context.err.flush();
    });
    QObject::connect(&runs, &RunController::finished, &loop, [&](qint64, const RunOutcome &finished) {
        outcome = finished;
        loop.quit();
    });
    if (auto started = runs.start(definition->id, options); !started)
        return fail(context, started.error());
    loop.exec();
    if (terminal)
        context.err << '\n';
    context.out << outcome.message << '\n';
    for (auto list = outcome.plan.constBegin(); list != outcome.plan.constEnd(); ++list) {
        QStringList counts;
        for (auto action = list->constBegin(); action != list->constEnd(); ++action)
            counts << QStringLiteral("%1 %2").arg(action.value()).arg(action.key());
        context.out << "  " << list.key() << ": " << counts.join(QStringLiteral(", ")) << '\n';
    }
    for (const QJsonObject &sample : std::as_const(outcome.samples))
        context.out << "  " << QString::fromUtf8(QJsonDocument(sample).toJson(QJsonDocument::Compact)) << '\n';
    context.out << QCoreApplication::translate("SyncBridge::Cli", "Run %1: %2").arg(outcome.runId).arg(enumName(outcome.status)) << '\n';
    switch (outcome.status) {
    case RunStatus::Succeeded: return ExitOk;
    case RunStatus::PartiallyFailed: return ExitItemFailures;
    default: return ExitFailure;
    }
}

// Every command, in the order the help lists them.
const QList<Command> &commands()
{
    static const QList<Command> table {
        { "summary", nullptr, nullptr, QT_TRANSLATE_NOOP("SyncBridge::Cli", "what the meta-store holds"), summary },
        { "connections", "list", nullptr, QT_TRANSLATE_NOOP("SyncBridge::Cli", "database and SharePoint connections"), listConnections },
        { "connections", "add-database",
            "--name N --database DB [--host H --port P --user U\n"
            "                           --instance I --role R --priority N --password-stdin]",
            QT_TRANSLATE_NOOP("SyncBridge::Cli", "add a database, or an instance to an existing one"), addDatabase },
        { "connections", "add-sharepoint",
            "--name N --tenant T --client-id ID [--authority URL\n"
            "                           --graph-url URL --ru-per-minute N --password-stdin --secret-ref KEY]",
            nullptr, addSharePoint },
        { "connections", "test", "<name>", QT_TRANSLATE_NOOP("SyncBridge::Cli", "connect to every instance of a database"),
            testConnection },
        { "introspect", nullptr, "<name>", QT_TRANSLATE_NOOP("SyncBridge::Cli", "read the database's tables into the catalog"),
            introspect },
        { "definitions", "list", nullptr, QT_TRANSLATE_NOOP("SyncBridge::Cli", "sync definitions"), listDefinitions },
        { "definitions", "export", "<name>|--all [-o file]", nullptr, exportDefinitions },
        { "definitions", "import", "<file>", QT_TRANSLATE_NOOP("SyncBridge::Cli", "validate, then import all or nothing"),
            importDefinitionsCommand },
        { "run", nullptr,
            "<definition> [--dry-run] [--reset-cursor] [--backfill field,…] [--allow-mass-delete]\n"
            "                  [--page-size N]",
            QT_TRANSLATE_NOOP("SyncBridge::Cli", "push the definition's rows to SharePoint"), runDefinition },
    };
    return table;
}

} // namespace

QString commandSummary()
{
    constexpr int summaryColumn = 40;
    QStringList lines { QCoreApplication::translate("SyncBridge::Cli", "Commands:") };
    for (const Command &command : commands()) {
        QString line = QStringLiteral("  ") + QLatin1String(command.group);
        if (command.verb)
            line += QLatin1Char(' ') + QLatin1String(command.verb);
        if (command.arguments)
            line += QLatin1Char(' ') + QString::fromUtf8(command.arguments);
        if (command.summary) {
            // The summary column, or a line of its own under it when the usage is too long or spans lines.
            if (line.size() < summaryColumn && !line.contains(QLatin1Char('\n')))
                line += QString(summaryColumn - line.size(), QLatin1Char(' '));
            else
                line += QLatin1Char('\n') + QString(summaryColumn, QLatin1Char(' '));
            line += QCoreApplication::translate("SyncBridge::Cli", command.summary);
        }
        lines << line;
    }
    lines << QString()
          << QCoreApplication::translate(
                 "SyncBridge::Cli", "Exit codes: 0 ok, 1 item failures, 2 failure, 64 usage error, 65 invalid input file.");
    return lines.join(QLatin1Char('\n'));
}

int runCommand(const QStringList &words, CommandContext &context)
{
    const QString group = words.value(0);
    for (const Command &command : commands()) {
        if (group != QLatin1String(command.group))
            continue;
        if (!command.verb) {
            context.arguments = words.mid(1);
            return command.run(context);
        }
        if (words.value(1) == QLatin1String(command.verb)) {
            context.arguments = words.mid(2);
            return command.run(context);
        }
    }
    return usage(context, words.isEmpty() ? QCoreApplication::translate("SyncBridge::Cli", "no command given") : QCoreApplication::translate("SyncBridge::Cli", "unknown command '%1'").arg(words.join(QLatin1Char(' '))));
}

} // namespace SyncBridge::Cli

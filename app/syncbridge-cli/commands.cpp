#include "commands.h"

#include "clioptions.h"

#include "common/clock.h"
#include "secrets/secretstore.h"
#include "source/probe.h"
#include "store/catalogrepository.h"
#include "store/connectionrepository.h"
#include "store/definitionimporter.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"

#include <QFile>
#include <QSaveFile>

namespace SyncBridge::Cli {
namespace {

int fail(CommandContext &context, const Error &error)
{
    context.err << "error: " << error.message() << '\n';
    if (!error.detail().isEmpty())
        context.err << "  detail: " << error.detail() << '\n';
    context.err.flush();
    return error.code() == ErrorCode::InvalidInput ? ExitInvalidInput : ExitFailure;
}

int usage(CommandContext &context, const QString &message)
{
    context.err << "usage error: " << message << "\n\n" << commandSummary() << '\n';
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

    context.out << "Meta-store: " << context.store->location().describe() << " (schema " << context.store->schemaVersion() << ")\n";
    context.out << "Database connections: " << databases->size() << '\n';
    for (const Database &database : std::as_const(*databases)) {
        auto tables = catalog.tables(database.id);
        context.out << "  " << database.name << " → database '" << database.databaseName << "', " << database.instances.size()
                    << " instance(s), " << (tables ? tables->size() : 0) << " table(s) in the catalog\n";
        for (const DatabaseInstance &instance : database.instances)
            context.out << "    - " << instance.name << ' ' << enumName(instance.role) << " #" << instance.priority << "  "
                        << instance.userName << '@' << instance.host << ':' << instance.port << '\n';
    }
    context.out << "SharePoint connections: " << sharePoint->size() << '\n';
    for (const SharePointConnection &connection : std::as_const(*sharePoint))
        context.out << "  " << connection.name << "  tenant " << connection.tenantId << "  " << connection.graphBaseUrl << '\n';
    context.out << "Sync definitions: " << definitions->size() << '\n';
    for (const SyncDefinition &definition : std::as_const(*definitions))
        context.out << "  " << definition.name << "  " << enumName(definition.mode) << "  " << definition.source.schema << '.'
                    << definition.source.table << " → " << definition.targets.size() << " list(s)\n";
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
        return usage(context, QStringLiteral("connections add-database needs --name (and --database for a new database)"));
    const auto role = fromString<InstanceRole>(context.parser.value(o.role).toUpper());
    if (!role)
        return usage(context, QStringLiteral("--role must be one of %1").arg(allNames<InstanceRole>().join(QStringLiteral(", "))));
    bool portOk = false;
    const int port = context.parser.value(o.port).toInt(&portOk);
    if (!portOk || port <= 0 || port > 65535)
        return usage(context, QStringLiteral("--port must be a number from 1 to 65535"));

    ConnectionRepository repository(*context.store);
    auto existing = repository.databaseByName(name);
    Database database;
    if (existing) {
        database = *existing;
    } else if (existing.error().code() != ErrorCode::NotFound) {
        return fail(context, existing.error());
    } else {
        if (!context.parser.isSet(o.database))
            return usage(context, QStringLiteral("a new database connection needs --database"));
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
            return fail(context, Error(ErrorCode::AlreadyExists, QStringLiteral("'%1' already has an instance called '%2'.").arg(name, instance.name)));
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
    context.out << (existing ? "Added instance '" : "Added database connection '") << (existing ? instance.name : name) << "'\n";
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
    if (connection.name.isEmpty() || connection.tenantId.isEmpty() || connection.clientId.isEmpty())
        return usage(context, QStringLiteral("connections add-sharepoint needs --name, --tenant and --client-id"));
    if (context.parser.isSet(o.passwordStdin)) {
        QTextStream in(stdin);
        connection.secretRef = makeSecretKey(sharePointSecretKind);
        auto written = writeSecretBlocking(context.secrets, connection.secretRef, in.readLine());
        if (!written)
            return fail(context, written.error());
    }
    auto saved = ConnectionRepository(*context.store).saveSharePointConnection(connection);
    if (!saved)
        return fail(context, saved.error());
    context.out << "Added SharePoint connection '" << connection.name << "'\n";
    return ExitOk;
}

int testConnection(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QStringLiteral("connections test takes one database connection name"));
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
            context.out << "ok      " << instance.name << " (" << instance.host << ':' << instance.port << "): " << report->serverVersion << '\n';
        } else {
            ++failures;
            context.out << "FAILED  " << instance.name << " (" << instance.host << ':' << instance.port << "): "
                        << report.error().message() << " [" << errorCodeName(report.error().code()) << "]\n";
        }
    }
    return failures == 0 ? ExitOk : ExitFailure;
}

int introspect(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QStringLiteral("introspect takes one database connection name"));
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
        context.err << "warning: instance unavailable, failed over: " << failed << '\n';
    auto record = CatalogRepository(*context.store).saveIntrospection(database->id, report->tables, Clock::system().nowUtc());
    if (!record)
        return fail(context, record.error());
    context.out << database->name << " via " << report->connection.instanceName << " (" << report->connection.serverVersion << "): "
                << report->tables.size() << " table(s)\n";
    for (const TableInfo &table : std::as_const(report->tables)) {
        context.out << "  " << table.qualifiedName() << "  " << table.columns.size() << " columns, key ("
                    << table.primaryKey().join(QStringLiteral(", ")) << "), " << table.indexes.size() << " index(es), ~"
                    << table.rowEstimate << " rows\n";
    }
    if (record->schemaChanged)
        context.out << "Schema drift: the schema differs from the previous snapshot.\n";
    return ExitOk;
}

int listDefinitions(CommandContext &context)
{
    auto definitions = DefinitionRepository(*context.store).all();
    if (!definitions)
        return fail(context, definitions.error());
    if (definitions->isEmpty())
        context.out << "No sync definitions yet. Import one with: syncbridge-cli definitions import <file>\n";
    for (const SyncDefinition &definition : std::as_const(*definitions)) {
        context.out << definition.name << "\t" << enumName(definition.mode) << "\t" << (definition.enabled ? "enabled" : "disabled") << "\t"
                    << definition.source.databaseName << ':' << definition.source.schema << '.' << definition.source.table << "\n";
    }
    return ExitOk;
}

int exportDefinitions(CommandContext &context)
{
    const bool all = context.parser.isSet(context.options.all);
    if (all == (context.arguments.size() == 1) || context.arguments.size() > 1)
        return usage(context, QStringLiteral("definitions export takes one definition name or --all"));
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
        return fail(context, Error(ErrorCode::Io, QStringLiteral("Cannot write %1: %2").arg(path, file.errorString())));
    context.err << "Exported " << selected.size() << " definition(s) to " << path << '\n';
    return ExitOk;
}

int importDefinitionsCommand(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QStringLiteral("definitions import takes one file"));
    QFile file(context.arguments.constFirst());
    if (!file.open(QIODevice::ReadOnly))
        return fail(context, Error(ErrorCode::Io, QStringLiteral("Cannot read %1: %2").arg(file.fileName(), file.errorString())));
    auto outcome = importDefinitions(*context.store, file.readAll());
    if (!outcome)
        return fail(context, outcome.error());
    if (!outcome->ok()) {
        context.err << file.fileName() << ": " << outcome->issues.size() << " problem(s); nothing was imported.\n";
        for (const ValidationIssue &issue : std::as_const(outcome->issues))
            context.err << "  " << issue.path << ": " << issue.message << '\n';
        return ExitInvalidInput;
    }
    context.out << "Imported " << outcome->created << " new and replaced " << outcome->replaced << " definition(s).\n";
    return ExitOk;
}

} // namespace

int runCommand(const QStringList &words, CommandContext &context)
{
    const QString group = words.value(0);
    const QString verb = words.value(1);
    const auto rest = [&](int from) { context.arguments = words.mid(from); };

    if (group == QLatin1String("summary")) {
        rest(1);
        return summary(context);
    }
    if (group == QLatin1String("introspect")) {
        rest(1);
        return introspect(context);
    }
    if (group == QLatin1String("connections")) {
        rest(2);
        if (verb == QLatin1String("list"))
            return listConnections(context);
        if (verb == QLatin1String("add-database"))
            return addDatabase(context);
        if (verb == QLatin1String("add-sharepoint"))
            return addSharePoint(context);
        if (verb == QLatin1String("test"))
            return testConnection(context);
    }
    if (group == QLatin1String("definitions")) {
        rest(2);
        if (verb == QLatin1String("list"))
            return listDefinitions(context);
        if (verb == QLatin1String("export"))
            return exportDefinitions(context);
        if (verb == QLatin1String("import"))
            return importDefinitionsCommand(context);
    }
    return usage(context, words.isEmpty() ? QStringLiteral("no command given")
                                          : QStringLiteral("unknown command '%1'").arg(words.join(QLatin1Char(' '))));
}

} // namespace SyncBridge::Cli

// `connections list|add-database|add-sharepoint|test`: the database and SharePoint connections in the meta-store.
#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "commandtable.h"
#include "graph/tlstrust.h"
#include "sharepointtest.h"

#include "secrets/secretstore.h"
#include "source/probe.h"
#include "store/connectionrepository.h"
#include "store/metastore.h"

#include <QCoreApplication>
#include <QFile>

namespace SyncBridge::Cli {
namespace {

int addDatabase(CommandContext &context)
{
    const CliOptions &o = context.options;
    const QString name = context.parser.value(o.name);
    if (name.isEmpty() || (!context.parser.isSet(o.database) && name.isEmpty()))
        return usage(context,
            QCoreApplication::translate("SyncBridge::Cli", "connections add-database needs --name (and --database for a new database)"));
    const auto role = fromString<InstanceRole>(context.parser.value(o.role).toUpper());
    if (!role)
        return usage(context,
            QCoreApplication::translate("SyncBridge::Cli", "--role must be one of %1")
                .arg(allNames<InstanceRole>().join(QStringLiteral(", "))));
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
            return fail(context,
                Error(ErrorCode::AlreadyExists,
                    QCoreApplication::translate("SyncBridge::Cli", "'%1' already has an instance called '%2'.").arg(name, instance.name)));
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
    context.out << (existing ? QCoreApplication::translate("SyncBridge::Cli", "Added instance '%1'").arg(instance.name)
                             : QCoreApplication::translate("SyncBridge::Cli", "Added database connection '%1'").arg(name))
                << '\n';
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
        return usage(
            context, QCoreApplication::translate("SyncBridge::Cli", "connections add-sharepoint needs --name, --tenant and --client-id"));
    if (context.parser.isSet(o.secretRef)) {
        connection.secretRef = context.parser.value(o.secretRef);
        if (!connection.secretRef.startsWith(sharePointSecretKind + QLatin1Char('/'))
            || connection.secretRef.size() <= sharePointSecretKind.size() + 1)
            return usage(context, QCoreApplication::translate("SyncBridge::Cli", "--secret-ref must look like sharepoint/<name>"));
    }
    if (context.parser.isSet(o.caFile)) {
        // The PEM text is stored, not the path: the store may be shared by machines without that file.
        QFile file(context.parser.value(o.caFile));
        if (!file.open(QIODevice::ReadOnly))
            return fail(context,
                Error(ErrorCode::Io,
                    QCoreApplication::translate("SyncBridge::Cli", "Cannot read %1: %2").arg(file.fileName(), file.errorString())));
        const QByteArray pem = file.readAll();
        auto certificates = parseCaCertificates(pem);
        if (!certificates)
            return fail(
                context, Error(ErrorCode::InvalidInput, QStringLiteral("%1: %2").arg(file.fileName(), certificates.error().message())));
        for (const QSslCertificate &certificate : std::as_const(*certificates))
            context.out << QCoreApplication::translate("SyncBridge::Cli", "Extra CA certificate: %1").arg(describeCertificate(certificate))
                        << '\n';
        connection.extraCaCertificates = QString::fromLatin1(pem);
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
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "connections test takes one connection name"));
    ConnectionRepository connections(*context.store);
    const QString name = context.arguments.constFirst();
    auto database = connections.databaseByName(name);
    if (!database && database.error().code() == ErrorCode::NotFound) {
        auto sharePoint = connections.sharePointConnections();
        if (!sharePoint)
            return fail(context, sharePoint.error());
        for (const SharePointConnection &connection : std::as_const(*sharePoint)) {
            if (connection.name == name)
                return testSharePointConnection(context, connection);
        }
        return fail(context,
            Error(ErrorCode::NotFound,
                QCoreApplication::translate("SyncBridge::Cli", "No database or SharePoint connection is called '%1'.").arg(name)));
    }
    if (!database)
        return fail(context, database.error());
    int failures = 0;
    for (const DatabaseInstance &instance : std::as_const(database->instances)) {
        Error secretError(ErrorCode::Internal, {});
        const QString password = instancePassword(context, instance, &secretError);
        auto report = secretError.message().isEmpty() ? probeInstance(*database, instance, password) : Result<ProbeReport>(secretError);
        if (report) {
            context.out << QCoreApplication::translate("SyncBridge::Cli", "ok      %1 (%2:%3): %4")
                               .arg(instance.name, instance.host)
                               .arg(instance.port)
                               .arg(report->serverVersion)
                        << '\n';
        } else {
            ++failures;
            context.err << QCoreApplication::translate("SyncBridge::Cli", "FAILED  %1 (%2:%3): %4 [%5]")
                               .arg(instance.name, instance.host)
                               .arg(instance.port)
                               .arg(report.error().message(), errorCodeName(report.error().code()))
                        << '\n';
        }
    }
    return failures == 0 ? ExitOk : ExitFailure;
}

} // namespace

QList<Command> connectionCommands()
{
    return {
        {"connections", "list", "[--json]", QT_TRANSLATE_NOOP("SyncBridge::Cli", "database and SharePoint connections"), showSummary},
        {"connections", "add-database",
            "--name N --database DB [--host H --port P --user U\n"
            "                           --instance I --role R --priority N --password-stdin]",
            QT_TRANSLATE_NOOP("SyncBridge::Cli", "add a database, or an instance to an existing one"), addDatabase},
        {"connections", "add-sharepoint",
            "--name N --tenant T --client-id ID [--authority URL\n"
            "                           --graph-url URL --ca-file FILE --ru-per-minute N --password-stdin --secret-ref KEY]",
            nullptr, addSharePoint},
        {"connections", "test", "<name>",
            QT_TRANSLATE_NOOP("SyncBridge::Cli", "connect to every instance of a database, or test a SharePoint connection"),
            testConnection},
    };
}

} // namespace SyncBridge::Cli

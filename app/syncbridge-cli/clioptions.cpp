#include "clioptions.h"

namespace SyncBridge::Cli {

void CliOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({store, secrets, output, all, name, database, instance, host, port, user, role, priority, tenant, clientId, authority, graphUrl, secretRef, ruPerMinute, dryRun, resetCursor, backfill, allowMassDelete, pageSize, passwordStdin});
}

QString commandSummary()
{
    return QCoreApplication::translate("SyncBridge::Cli",
        "Commands:\n"
        "  summary                               what the meta-store holds\n"
        "  connections list                      database and SharePoint connections\n"
        "  connections add-database --name N --database DB [--host H --port P --user U\n"
        "                           --instance I --role R --priority N --password-stdin]\n"
        "                                        add a database, or an instance to an existing one\n"
        "  connections add-sharepoint --name N --tenant T --client-id ID [--authority URL\n"
        "                           --graph-url URL --ru-per-minute N --password-stdin --secret-ref KEY]\n"
        "  connections test <name>               connect to every instance of a database\n"
        "  introspect <name>                     read the database's tables into the catalog\n"
        "  definitions list                      sync definitions\n"
        "  definitions export <name>|--all [-o file]\n"
        "  definitions import <file>             validate, then import all or nothing\n"
        "  run <definition> [--dry-run] [--reset-cursor] [--backfill field,…] [--allow-mass-delete]\n"
        "                  [--page-size N]\n"
        "                                        push the definition's rows to SharePoint\n"
        "\n"
        "Exit codes: 0 ok, 1 item failures, 2 failure, 64 usage error, 65 invalid input file.");
}

} // namespace SyncBridge::Cli

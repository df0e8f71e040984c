// `lists provision <definition>`: creates or completes a definition's SharePoint lists with the
// columns a run would create (graph/provisioning, as the Catalog page and the run use it).
#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "commandtable.h"
#include "graphsession.h"

#include "graph/discovery.h"
#include "graph/graphclient.h"
#include "graph/provisioning.h"
#include "model/definition.h"
#include "source/probe.h"
#include "store/connectionrepository.h"
#include "store/metastore.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>
#include <QUrl>

namespace SyncBridge::Cli {
namespace {

// Why provisioning named a column other than its source column (only asked when they differ).
QString renameReason(const ColumnPlan &column)
{
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,31}$"));
    if (!validName.match(column.sourceColumn).hasMatch())
        return QCoreApplication::translate(
            "SyncBridge::Cli", "'%1' is not a valid SharePoint internal name (letters, digits and _, at most 32)")
            .arg(column.sourceColumn);
    return QCoreApplication::translate("SyncBridge::Cli", "the name '%1' is taken (by SharePoint's own column or another column)")
        .arg(column.sourceColumn);
}

void printColumn(CommandContext &context, const QString &verb, const ColumnPlan &column)
{
    if (column.internalName == syncBridgeKeyColumn) {
        context.out << "    " << verb << ' ' << syncBridgeKeyColumn << "  " << column.note << '\n';
        return;
    }
    context.out << "    " << verb << ' ' << column.internalName << " (" << column.sharePointType << ")  " << column.note;
    if (column.internalName != column.sourceColumn)
        context.out << "; "
                    << QCoreApplication::translate("SyncBridge::Cli", "named '%1' instead of '%2': %3")
                           .arg(column.internalName, column.sourceColumn, renameReason(column));
    context.out << '\n';
}

void printLeftOut(CommandContext &context, const ListPlan &plan)
{
    for (const ColumnPlan &column : plan.columns) {
        if (!column.supported)
            context.out << "    " << leftOutMessage(column) << '\n'; // as a run's event and the Catalog say it
    }
}

// A mapping written for the source column's name while provisioning names the column otherwise
// ('title' becomes 'title_2' beside SharePoint's Title) would write to a column that is not there.
void warnOfRenamedTargets(CommandContext &context, const SyncDefinition &definition, const ListPlan &plan)
{
    for (const FieldMapping &mapping : definition.mappings) {
        if (!mapping.pushes())
            continue;
        const auto named = std::find_if(plan.columns.cbegin(), plan.columns.cend(),
            [&](const ColumnPlan &c) { return c.supported && c.internalName == mapping.targetColumn; });
        if (named != plan.columns.cend())
            continue;
        // Compared exactly: "Title" is SharePoint's own column, "title" the table's.
        const auto renamed = std::find_if(plan.columns.cbegin(), plan.columns.cend(),
            [&](const ColumnPlan &c) { return c.supported && c.sourceColumn == mapping.targetColumn; });
        if (renamed != plan.columns.cend())
            context.err << QCoreApplication::translate(
                "SyncBridge::Cli", "warning: the mapping of '%1' writes to '%2', but provisioning names that column '%3': map it to '%3'.")
                               .arg(mapping.sourceColumn, mapping.targetColumn, renamed->internalName)
                        << '\n';
    }
}

// --dry-run: what provisioning would do, found with reads only.
Result<void> planOne(CommandContext &context, GraphSession &session, const QString &siteId, const ListPlan &plan)
{
    GraphRequest lookup;
    lookup.url = QStringLiteral("/sites/%1/lists/%2")
                     .arg(QString::fromLatin1(QUrl::toPercentEncoding(siteId, ",")),
                         QString::fromLatin1(QUrl::toPercentEncoding(plan.displayName)));
    const GraphResponse found
        = waitFor<GraphResponse>([&](std::function<void(GraphResponse)> done) { session.client().send(lookup, done); });
    QSet<QString> present;
    if (found.status == 404) {
        context.out << "  "
                    << QCoreApplication::translate("SyncBridge::Cli", "list '%1' does not exist: it would be created with these columns:")
                           .arg(plan.displayName)
                    << '\n';
    } else if (!found.ok()) {
        return describeGraphFailure(found, QCoreApplication::translate("SyncBridge::Cli", "The list '%1'").arg(plan.displayName));
    } else {
        const QString listId = found.body.value(QStringLiteral("id")).toString();
        const auto columns = waitFor<Result<QList<SharePointColumn>>>(
            [&](std::function<void(Result<QList<SharePointColumn>>)> done) { Discovery::columns(session.client(), siteId, listId, done); });
        if (!columns)
            return columns.error();
        for (const SharePointColumn &column : *columns)
            present.insert(column.name.toLower());
        context.out
            << "  "
            << QCoreApplication::translate("SyncBridge::Cli", "list '%1' exists: its missing columns would be added:").arg(plan.displayName)
            << '\n';
    }
    for (const ColumnPlan &column : plan.supportedColumns()) {
        if (present.contains(column.internalName.toLower()))
            context.out << "    " << QCoreApplication::translate("SyncBridge::Cli", "exists %1").arg(column.internalName) << '\n';
        else
            printColumn(context, QCoreApplication::translate("SyncBridge::Cli", "would create"), column);
    }
    printLeftOut(context, plan);
    return success();
}

Result<void> provisionOne(CommandContext &context, GraphSession &session, const QString &siteId, const ListPlan &plan)
{
    const auto report = waitFor<Result<ProvisioningReport>>(
        [&](std::function<void(Result<ProvisioningReport>)> done) { provisionList(session.client(), siteId, plan, done); });
    if (!report)
        return report.error();
    const int added = int(report->addedColumns.size());
    context.out << "  "
                << (report->listCreated
                           ? QCoreApplication::translate("SyncBridge::Cli", "list '%1': created with %n column(s)", nullptr, added)
                           : QCoreApplication::translate(
                               "SyncBridge::Cli", "list '%1': existed; %n missing column(s) added", nullptr, added))
                       .arg(plan.displayName)
                << '\n';
    for (const ColumnPlan &column : plan.supportedColumns()) {
        if (report->addedColumns.contains(column.internalName))
            printColumn(context, QCoreApplication::translate("SyncBridge::Cli", "created"), column);
        else
            context.out << "    " << QCoreApplication::translate("SyncBridge::Cli", "exists %1").arg(column.internalName) << '\n';
    }
    printLeftOut(context, plan);
    return success();
}

int provisionLists(CommandContext &context)
{
    if (context.arguments.size() != 1)
        return usage(context, QCoreApplication::translate("SyncBridge::Cli", "lists provision takes one definition name"));
    SyncDefinition definition;
    int exitCode = ExitOk;
    if (!findDefinition(context, context.arguments.constFirst(), &definition, &exitCode))
        return exitCode;
    if (definition.targets.isEmpty())
        return fail(context,
            Error(ErrorCode::InvalidInput,
                QCoreApplication::translate("SyncBridge::Cli", "'%1' has no SharePoint list.").arg(definition.name)));
    const bool dryRun = context.parser.isSet(context.options.dryRun);

    // The table as the source has it now, as a run reads it.
    ConnectionRepository connections(*context.store);
    auto database = connections.database(definition.source.databaseId);
    if (!database)
        return fail(context, database.error());
    auto introspected = introspectDatabase(*database, instancePasswords(context));
    if (!introspected)
        return fail(context, introspected.error());
    const auto table = std::find_if(introspected->tables.cbegin(), introspected->tables.cend(),
        [&](const TableInfo &t) { return t.schema == definition.source.schema && t.name == definition.source.table; });
    if (table == introspected->tables.cend())
        return fail(context,
            Error(ErrorCode::NotFound,
                QCoreApplication::translate("SyncBridge::Cli", "The table %1.%2 does not exist in '%3'.")
                    .arg(definition.source.schema, definition.source.table, database->name)));

    context.out << QCoreApplication::translate(
        "SyncBridge::Cli", "Lists of '%1', planned from %2 (%n column(s)):", nullptr, int(table->columns.size()))
                       .arg(definition.name, table->qualifiedName())
                << '\n';
    warnOfRenamedTargets(context, definition, planList(*table, QString()));
    auto sharePoint = connections.sharePointConnections();
    if (!sharePoint)
        return fail(context, sharePoint.error());
    int failures = 0;
    QSet<QString> done; // a list two targets share is provisioned once
    for (const SyncTarget &target : std::as_const(definition.targets)) {
        const QString key = QStringLiteral("%1|%2|%3").arg(target.connectionId).arg(target.site, target.listName);
        if (done.contains(key))
            continue;
        done.insert(key);
        const auto connection = std::find_if(
            sharePoint->cbegin(), sharePoint->cend(), [&](const SharePointConnection &c) { return c.id == target.connectionId; });
        if (connection == sharePoint->cend())
            return fail(context,
                Error(ErrorCode::NotFound,
                    QCoreApplication::translate("SyncBridge::Cli", "The SharePoint connection of the list '%1' no longer exists.")
                        .arg(target.listName)));
        GraphSession session(context.store, context.secrets, *connection);
        const auto site = waitFor<Result<SharePointSite>>(
            [&](std::function<void(Result<SharePointSite>)> answer) { Discovery::site(session.client(), target.site, answer); });
        Result<void> outcome = site ? Result<void>(success()) : Result<void>(site.error());
        const ListPlan plan = planList(*table, target.listName);
        if (site)
            outcome = dryRun ? planOne(context, session, site->graphId, plan) : provisionOne(context, session, site->graphId, plan);
        if (!outcome) {
            ++failures;
            context.err
                << QCoreApplication::translate("SyncBridge::Cli", "error: list '%1': %2").arg(target.listName, outcome.error().message())
                << '\n';
            if (!outcome.error().detail().isEmpty())
                context.err << QCoreApplication::translate("SyncBridge::Cli", "  detail: %1").arg(outcome.error().detail()) << '\n';
        }
    }
    if (dryRun)
        context.out << QCoreApplication::translate("SyncBridge::Cli", "Dry run: nothing was changed.") << '\n';
    return failures == 0 ? ExitOk : ExitFailure;
}

} // namespace

QList<Command> listCommands()
{
    return {
        {"lists", "provision", "<definition> [--dry-run]",
            QT_TRANSLATE_NOOP("SyncBridge::Cli", "create or complete the definition's lists with the planned columns"), provisionLists},
    };
}

} // namespace SyncBridge::Cli

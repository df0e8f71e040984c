#include "sharepointtest.h"

#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "graphsession.h"

#include "graph/governorregistry.h"
#include "graph/sharepointcheck.h"
#include "model/connection.h"
#include "model/definition.h"
#include "secrets/secretstore.h"
#include "store/budgetrepository.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"

#include <QCoreApplication>

namespace SyncBridge::Cli {

int testSharePointConnection(CommandContext &context, const SharePointConnection &connection)
{
    // A connection that names no secret: said as such, with the CLI's way to add one.
    if (connection.secretRef.isEmpty()) {
        context.err << QCoreApplication::translate("SyncBridge::Cli", "FAILED  %1")
                           .arg(QCoreApplication::translate("SyncBridge::Cli",
                               "secret: no secret is stored for '%1' (the connection names no secret; add it again with --password-stdin)")
                                    .arg(connection.name))
                    << '\n';
        return ExitFailure;
    }
    auto definitions = DefinitionRepository(*context.store).all();
    if (!definitions)
        return fail(context, definitions.error());

    // The check the GUI runs too (core/graph/sharepointcheck), on the tenant's budget shared through
    // the store; the registry outlives the check, so what the check spent is recorded.
    GovernorRegistry governors(std::make_shared<BudgetRepository>(context.store));
    SecretStore &secrets = context.secrets;
    const QString secretRef = connection.secretRef;
    const QString origin = QCoreApplication::translate("SyncBridge::Cli", "%1 in %2").arg(secretRef, secrets.describeLocation(secretRef));
    SharePointCheck check(
        connection, [&secrets, secretRef](std::function<void(Result<QString>)> done) { secrets.read(secretRef, done); }, origin,
        governors.governorFor(connection), sharePointCheckTargets(*definitions, connection.id));
    QObject::connect(&check, &SharePointCheck::lineAdded, &check, [&context](const SharePointCheckLine &line) {
        if (line.ok) {
            context.out << QCoreApplication::translate("SyncBridge::Cli", "ok      %1").arg(line.text) << '\n';
            return;
        }
        context.err << QCoreApplication::translate("SyncBridge::Cli", "FAILED  %1").arg(line.text) << '\n';
        if (!line.detail.isEmpty())
            context.err << QCoreApplication::translate("SyncBridge::Cli", "  detail: %1").arg(line.detail) << '\n';
        if (!line.advice.isEmpty())
            context.err << QCoreApplication::translate("SyncBridge::Cli", "  what to do: %1").arg(line.advice) << '\n';
    });
    const bool succeeded = waitFor<bool>([&check](std::function<void(bool)> done) {
        QObject::connect(&check, &SharePointCheck::finished, &check, done, Qt::SingleShotConnection);
        check.start();
    });

    // What the store holds of the budget: every process sharing it.
    if (auto used = BudgetRepository(context.store).usage(connection.id, QDateTime::currentDateTimeUtc()))
        context.out << QCoreApplication::translate("SyncBridge::Cli",
            "budget  %1 of %2 RU spent today, %3 of %4 RU admitted in the last minute (every process sharing this store)")
                           .arg(used->spentToday)
                           .arg(connection.ruPerDay)
                           .arg(used->admittedLastMinute)
                           .arg(connection.ruPerMinute)
                    << '\n';
    return succeeded ? ExitOk : ExitFailure;
}

} // namespace SyncBridge::Cli

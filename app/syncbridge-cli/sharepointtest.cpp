#include "sharepointtest.h"

#include "clioptions.h"
#include "commandhelpers.h"
#include "commands.h"
#include "graphsession.h"

#include "common/clock.h"
#include "graph/graphclient.h"
#include "graph/tokenprovider.h"
#include "model/connection.h"
#include "model/definition.h"
#include "secrets/secretstore.h"
#include "store/budgetrepository.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QUrl>

namespace SyncBridge::Cli {
namespace {

void ok(CommandContext &context, const QString &what)
{
    context.out << QCoreApplication::translate("SyncBridge::Cli", "ok      %1").arg(what) << '\n';
}

void failed(CommandContext &context, const QString &what)
{
    context.err << QCoreApplication::translate("SyncBridge::Cli", "FAILED  %1").arg(what) << '\n';
}

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, ","));
}

} // namespace

int testSharePointConnection(CommandContext &context, const SharePointConnection &connection)
{
    // 1. The secret: a missing one is said as such, and no token is asked for without it.
    if (connection.secretRef.isEmpty()) {
        failed(context,
            QCoreApplication::translate("SyncBridge::Cli",
                "secret: no secret is stored for '%1' (the connection names no secret; add it again with --password-stdin)")
                .arg(connection.name));
        return ExitFailure;
    }
    auto secret = readSecretBlocking(context.secrets, connection.secretRef);
    if (!secret) {
        if (secret.error().code() == ErrorCode::SecretNotFound)
            failed(context,
                QCoreApplication::translate(
                    "SyncBridge::Cli", "secret: no secret is stored for '%1' under %2 in %3: %4 No token was requested.")
                    .arg(connection.name, connection.secretRef, context.secrets.backendName(), secret.error().message()));
        else
            failed(context,
                QCoreApplication::translate(
                    "SyncBridge::Cli", "secret: the secret of '%1' could not be read from %2: %3 No token was requested.")
                    .arg(connection.name, context.secrets.backendName(), secret.error().message()));
        return ExitFailure;
    }
    ok(context,
        QCoreApplication::translate("SyncBridge::Cli", "secret: found (%1 in %2)")
            .arg(connection.secretRef, context.secrets.backendName()));

    // 2. A token from the authority with that secret.
    const GraphEndpoint endpoint = GraphEndpoint::from(connection);
    {
        QNetworkAccessManager network;
        const QString value = *secret;
        TokenProvider tokens(
            &network, endpoint, [value](std::function<void(Result<QString>)> done) { done(value); }, Clock::system());
        const Result<QString> token
            = waitFor<Result<QString>>([&tokens](std::function<void(Result<QString>)> done) { tokens.token(done); });
        if (!token) {
            failed(context,
                QCoreApplication::translate("SyncBridge::Cli", "token: requested from %1 for tenant %2 and refused: %3")
                    .arg(endpoint.authorityHost.toString(), connection.tenantId, token.error().message()));
            if (!token.error().detail().isEmpty())
                context.err << QCoreApplication::translate("SyncBridge::Cli", "  detail: %1").arg(token.error().detail()) << '\n';
            return ExitFailure;
        }
        ok(context,
            QCoreApplication::translate("SyncBridge::Cli", "token: requested from %1 for tenant %2 and accepted")
                .arg(endpoint.authorityHost.toString(), connection.tenantId));
    }

    // 3. The sites and lists of every definition that writes through this connection.
    auto definitions = DefinitionRepository(*context.store).all();
    if (!definitions)
        return fail(context, definitions.error());
    QStringList sites;
    QMultiHash<QString, QString> listsOfSite;
    for (const SyncDefinition &definition : std::as_const(*definitions)) {
        for (const SyncTarget &target : definition.targets) {
            if (target.connectionId != connection.id)
                continue;
            if (!sites.contains(target.site))
                sites << target.site;
            if (!listsOfSite.contains(target.site, target.listName))
                listsOfSite.insert(target.site, target.listName);
        }
    }
    GraphSession session(context.store, context.secrets, connection);
    int failures = 0;
    GraphResponse last;
    const auto get = [&](const QString &url) {
        GraphRequest request;
        request.url = url;
        request.maxAttempts = 2;
        last = waitFor<GraphResponse>([&](std::function<void(GraphResponse)> done) { session.client().send(request, done); });
        return last;
    };
    if (sites.isEmpty()) {
        // No definition uses it yet: the tenant's root site says whether Graph answers at all.
        const GraphResponse root = get(QStringLiteral("/sites/root"));
        if (root.ok())
            ok(context,
                QCoreApplication::translate(
                    "SyncBridge::Cli", "graph: the root site answers (no definition writes through this connection yet)"));
        else {
            ++failures;
            failed(context,
                QCoreApplication::translate("SyncBridge::Cli", "graph: %1")
                    .arg(describeGraphFailure(root, QStringLiteral("/sites/root")).message()));
        }
    }
    for (const QString &site : std::as_const(sites)) {
        const GraphResponse found = get(QStringLiteral("/sites/") + (site.contains(QLatin1String(":/")) ? site : encoded(site)));
        if (!found.ok()) {
            ++failures;
            failed(context,
                QCoreApplication::translate("SyncBridge::Cli", "site %1: %2")
                    .arg(site,
                        describeGraphFailure(found, QCoreApplication::translate("SyncBridge::Cli", "The site '%1'").arg(site)).message()));
            continue;
        }
        const QString siteId = found.body.value(QStringLiteral("id")).toString();
        ok(context,
            QCoreApplication::translate("SyncBridge::Cli", "site %1: reachable (%2)")
                .arg(site, found.body.value(QStringLiteral("displayName")).toString()));
        QStringList lists = listsOfSite.values(site);
        lists.sort();
        for (const QString &list : std::as_const(lists)) {
            const GraphResponse answer = get(QStringLiteral("/sites/%1/lists/%2").arg(encoded(siteId), encoded(list)));
            if (answer.ok())
                ok(context, QCoreApplication::translate("SyncBridge::Cli", "list '%1': reachable").arg(list));
            else if (answer.status == 404)
                ok(context,
                    QCoreApplication::translate(
                        "SyncBridge::Cli", "list '%1': does not exist yet (the first run or lists provision creates it)")
                        .arg(list));
            else {
                ++failures;
                failed(context,
                    QCoreApplication::translate("SyncBridge::Cli", "list '%1': %2")
                        .arg(list,
                            describeGraphFailure(answer, QCoreApplication::translate("SyncBridge::Cli", "The list '%1'").arg(list))
                                .message()));
            }
        }
    }

    // 4. What the service said about the budget with its last answer, and what the store holds.
    QStringList headers;
    for (auto it = last.headers.constBegin(); it != last.headers.constEnd(); ++it) {
        if (it.key().startsWith("ratelimit") || it.key() == "retry-after" || it.key().startsWith("x-ms-throttle"))
            headers << QStringLiteral("%1: %2").arg(QString::fromLatin1(it.key()), QString::fromLatin1(it.value()));
    }
    headers.sort();
    if (headers.isEmpty())
        context.out << QCoreApplication::translate(
            "SyncBridge::Cli", "budget  no RateLimit headers in the last answer (the service sends them from 80 % of the minute's budget)")
                    << '\n';
    else
        context.out
            << QCoreApplication::translate("SyncBridge::Cli", "budget  the last answer carried %1").arg(headers.join(QStringLiteral(", ")))
            << '\n';
    if (auto used = BudgetRepository(context.store).usage(connection.id, QDateTime::currentDateTimeUtc()))
        context.out << QCoreApplication::translate("SyncBridge::Cli",
            "budget  %1 of %2 RU spent today, %3 of %4 RU admitted in the last minute (every process sharing this store)")
                           .arg(used->spentToday)
                           .arg(connection.ruPerDay)
                           .arg(used->admittedLastMinute)
                           .arg(connection.ruPerMinute)
                    << '\n';
    return failures == 0 ? ExitOk : ExitFailure;
}

} // namespace SyncBridge::Cli

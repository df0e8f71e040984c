#include "graph/sharepointcheck.h"

#include "common/clock.h"
#include "graph/graphclient.h"
#include "graph/graphresponse.h"
#include "model/definition.h"

#include <QCoreApplication>
#include <QUrl>

namespace SyncBridge {
namespace {

QString encoded(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text, ","));
}

QString sitePathFor(const QString &site)
{
    return QStringLiteral("/sites/") + (site.contains(QLatin1String(":/")) ? site : encoded(site));
}

} // namespace

QList<SharePointCheckTarget> sharePointCheckTargets(const QList<SyncDefinition> &definitions, qint64 connectionId)
{
    QList<SharePointCheckTarget> targets;
    for (const SyncDefinition &definition : definitions) {
        for (const SyncTarget &target : definition.targets) {
            if (target.connectionId != connectionId)
                continue;
            const bool known = std::any_of(targets.cbegin(), targets.cend(),
                [&](const SharePointCheckTarget &t) { return t.site == target.site && t.list == target.listName; });
            if (!known)
                targets.append({target.site, target.listName});
        }
    }
    std::sort(targets.begin(), targets.end(), [](const SharePointCheckTarget &a, const SharePointCheckTarget &b) {
        return a.site != b.site ? a.site < b.site : a.list < b.list;
    });
    return targets;
}

SharePointCheck::SharePointCheck(const SharePointConnection &connection, SecretSource secret, const QString &secretOrigin,
    std::shared_ptr<Governor> governor, QList<SharePointCheckTarget> targets, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_secret(std::move(secret))
    , m_secretOrigin(secretOrigin)
    , m_governor(std::move(governor))
    , m_targets(std::move(targets))
{
    qRegisterMetaType<SharePointCheckLine>();
    for (const SharePointCheckTarget &target : std::as_const(m_targets)) {
        if (!m_sitesToCheck.contains(target.site))
            m_sitesToCheck << target.site;
    }
}

SharePointCheck::~SharePointCheck() = default;

bool SharePointCheck::succeeded() const
{
    return !m_cancelled && std::all_of(m_lines.cbegin(), m_lines.cend(), [](const SharePointCheckLine &line) { return line.ok; });
}

void SharePointCheck::add(SharePointCheckLine::Step step, bool ok, const QString &text, const QString &advice, const QString &detail)
{
    const SharePointCheckLine line{step, ok, text, advice, detail};
    m_lines.append(line);
    emit lineAdded(line);
}

void SharePointCheck::start()
{
    // 1. The secret: without it no token is asked for.
    QPointer<SharePointCheck> self(this);
    m_secret([self](Result<QString> secret) {
        if (!self || self->m_cancelled)
            return;
        if (!secret) {
            const QString name = self->m_connection.name;
            if (secret.error().code() == ErrorCode::SecretNotFound)
                self->add(SharePointCheckLine::Step::Secret, false,
                    QCoreApplication::translate(
                        "SyncBridge::SharePointCheck", "secret: no secret is stored for '%1' under %2: %3 No token was requested.")
                        .arg(name, self->m_secretOrigin, secret.error().message()),
                    QCoreApplication::translate("SyncBridge::SharePointCheck",
                        "Enter the client secret of the app registration (Edit the connection, or type it in its dialog)."));
            else
                self->add(SharePointCheckLine::Step::Secret, false,
                    QCoreApplication::translate(
                        "SyncBridge::SharePointCheck", "secret: the secret of '%1' could not be read from %2: %3 No token was requested.")
                        .arg(name, self->m_secretOrigin, secret.error().message()),
                    QCoreApplication::translate("SyncBridge::SharePointCheck", "Unlock the keychain, or type the client secret again."));
            self->finish();
            return;
        }
        self->add(SharePointCheckLine::Step::Secret, true,
            QCoreApplication::translate("SyncBridge::SharePointCheck", "secret: found (%1)").arg(self->m_secretOrigin));
        self->requestToken(*secret);
    });
}

void SharePointCheck::requestToken(const QString &secret)
{
    // 2. A token from the authority with that secret; the Graph calls after it use the same one.
    const GraphEndpoint endpoint = GraphEndpoint::from(m_connection);
    const SecretSource known = [secret](std::function<void(Result<QString>)> done) { done(secret); };
    m_tokens = std::make_unique<TokenProvider>(&m_network, endpoint, known, Clock::system());
    m_client = new GraphClient(endpoint, known, m_governor, Clock::system(), this);
    QPointer<SharePointCheck> self(this);
    m_tokens->token([self, endpoint](Result<QString> token) {
        if (!self || self->m_cancelled)
            return;
        const QString host = endpoint.authorityHost.toString();
        const QString tenant = self->m_connection.tenantId;
        if (!token) {
            self->add(SharePointCheckLine::Step::Token, false,
                QCoreApplication::translate("SyncBridge::SharePointCheck", "token: requested from %1 for tenant %2 and refused: %3")
                    .arg(host, tenant, token.error().message()),
                token.error().code() == ErrorCode::CertificateUntrusted
                    ? QCoreApplication::translate("SyncBridge::SharePointCheck",
                        "Nothing was sent. Choose the CA certificate of the proxy that inspects TLS (or of the national cloud) as "
                        "the connection's extra CA certificate, or check the authority host.")
                    : QCoreApplication::translate("SyncBridge::SharePointCheck",
                        "Check the tenant, the client ID and the client secret: copy the secret's value (not its ID) from the app "
                        "registration; an expired secret is refused too."),
                token.error().detail());
            self->finish();
            return;
        }
        self->add(SharePointCheckLine::Step::Token, true,
            QCoreApplication::translate("SyncBridge::SharePointCheck", "token: requested from %1 for tenant %2 and accepted")
                .arg(host, tenant));
        if (self->m_sitesToCheck.isEmpty()) {
            // No definition uses it yet: the tenant's root site says whether Graph answers at all.
            self->get(QStringLiteral("/sites/root"), [self](const GraphResponse &root) {
                if (root.ok())
                    self->add(SharePointCheckLine::Step::Site, true,
                        QCoreApplication::translate("SyncBridge::SharePointCheck",
                            "graph: the root site answers (no definition writes through this connection yet)"));
                else
                    self->add(SharePointCheckLine::Step::Site, false,
                        QCoreApplication::translate("SyncBridge::SharePointCheck", "graph: %1")
                            .arg(describeGraphFailure(root, QStringLiteral("/sites/root")).message()),
                        QCoreApplication::translate("SyncBridge::SharePointCheck",
                            "Check the Graph base URL and that the app registration has the Sites.Selected or Sites.ReadWrite.All "
                            "permission with admin consent."));
                self->reportBudget();
            });
            return;
        }
        self->checkNextSite();
    });
}

void SharePointCheck::get(const QString &url, std::function<void(const GraphResponse &)> done)
{
    GraphRequest request;
    request.url = url;
    request.maxAttempts = 2;
    QPointer<SharePointCheck> self(this);
    m_client->send(request, [self, done = std::move(done)](GraphResponse response) {
        if (!self || self->m_cancelled)
            return;
        self->m_lastHeaders = response.headers;
        done(response);
    });
}

void SharePointCheck::checkNextSite()
{
    // 3. Each site of the definitions, then its lists.
    if (m_sitesToCheck.isEmpty()) {
        reportBudget();
        return;
    }
    const QString site = m_sitesToCheck.takeFirst();
    QStringList lists;
    for (const SharePointCheckTarget &target : std::as_const(m_targets)) {
        if (target.site == site)
            lists << target.list;
    }
    get(sitePathFor(site), [this, site, lists](const GraphResponse &found) {
        if (!found.ok()) {
            add(SharePointCheckLine::Step::Site, false,
                QCoreApplication::translate("SyncBridge::SharePointCheck", "site %1: %2")
                    .arg(site,
                        describeGraphFailure(found, QCoreApplication::translate("SyncBridge::SharePointCheck", "The site '%1'").arg(site))
                            .message()),
                QCoreApplication::translate("SyncBridge::SharePointCheck",
                    "Check the site's address in the definitions and that the app may read it (Sites.Selected needs a grant per site)."));
            checkNextSite();
            return;
        }
        add(SharePointCheckLine::Step::Site, true,
            QCoreApplication::translate("SyncBridge::SharePointCheck", "site %1: reachable (%2)")
                .arg(site, found.body.value(QStringLiteral("displayName")).toString()));
        checkNextList(site, found.body.value(QStringLiteral("id")).toString(), lists);
    });
}

void SharePointCheck::checkNextList(const QString &site, const QString &siteId, QStringList lists)
{
    if (lists.isEmpty()) {
        checkNextSite();
        return;
    }
    const QString list = lists.takeFirst();
    get(QStringLiteral("/sites/%1/lists/%2").arg(encoded(siteId), encoded(list)),
        [this, site, siteId, list, lists](const GraphResponse &answer) {
            if (answer.ok())
                add(SharePointCheckLine::Step::List, true,
                    QCoreApplication::translate("SyncBridge::SharePointCheck", "list '%1': reachable").arg(list));
            else if (answer.status == 404)
                add(SharePointCheckLine::Step::List, true,
                    QCoreApplication::translate(
                        "SyncBridge::SharePointCheck", "list '%1': does not exist yet (the first run or lists provision creates it)")
                        .arg(list));
            else
                add(SharePointCheckLine::Step::List, false,
                    QCoreApplication::translate("SyncBridge::SharePointCheck", "list '%1': %2")
                        .arg(list,
                            describeGraphFailure(
                                answer, QCoreApplication::translate("SyncBridge::SharePointCheck", "The list '%1'").arg(list))
                                .message()),
                    QCoreApplication::translate("SyncBridge::SharePointCheck", "Check that the app may read and write the site's lists."));
            checkNextList(site, siteId, lists);
        });
}

void SharePointCheck::reportBudget()
{
    // 4. What the service said about the budget with its last answer.
    QStringList headers;
    for (auto it = m_lastHeaders.constBegin(); it != m_lastHeaders.constEnd(); ++it) {
        if (it.key().startsWith("ratelimit") || it.key() == "retry-after" || it.key().startsWith("x-ms-throttle"))
            headers << QStringLiteral("%1: %2").arg(QString::fromLatin1(it.key()), QString::fromLatin1(it.value()));
    }
    headers.sort();
    if (headers.isEmpty())
        add(SharePointCheckLine::Step::Budget, true,
            QCoreApplication::translate("SyncBridge::SharePointCheck",
                "budget: no RateLimit headers in the last answer (the service sends them from 80 % of the minute's budget)"));
    else
        add(SharePointCheckLine::Step::Budget, true,
            QCoreApplication::translate("SyncBridge::SharePointCheck", "budget: the last answer carried %1")
                .arg(headers.join(QStringLiteral(", "))));
    finish();
}

void SharePointCheck::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    if (m_client)
        m_client->cancel(0);
    finish();
}

void SharePointCheck::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    emit finished(succeeded());
}

} // namespace SyncBridge

#pragma once

#include "graph/tokenprovider.h"
#include "model/connection.h"

#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>

#include <memory>

namespace SyncBridge {

class Governor;
class GraphClient;
struct GraphResponse;
struct SyncDefinition;

// One finding of a SharePoint connection check: what was tried, whether it worked, and what to do
// when it did not.
struct SharePointCheckLine {
    enum class Step { Secret, Token, Site, List, Budget };
    Step step = Step::Secret;
    bool ok = false;
    QString text;   // "token: requested from … and accepted"
    QString advice; // a failed step: what to do about it
    QString detail; // the service's own words, when it said more
};

// A site and list a definition writes to through the connection.
struct SharePointCheckTarget {
    QString site;
    QString list;
};

// The sites and lists the definitions write to through this connection, each once, sorted.
QList<SharePointCheckTarget> sharePointCheckTargets(const QList<SyncDefinition> &definitions, qint64 connectionId);

// `connections test` of a SharePoint connection, for the CLI and the GUI alike: its secret, a token
// with it, every site and list of the definitions that use it (the tenant's root site when none
// does), and the budget (RateLimit) headers the service sent. Asynchronous on the thread that owns
// it — nothing blocks — with its own Graph client (on the tenant's governor), so cancel() ends its
// calls at once without stopping anybody else's.
class SharePointCheck : public QObject
{
    Q_OBJECT

public:
    // secretOrigin says where the secret comes from ("sharepoint/… in system keychain", "typed
    // here"); governor: the tenant's, so the check spends the budget the runs spend.
    SharePointCheck(const SharePointConnection &connection, SecretSource secret, const QString &secretOrigin,
        std::shared_ptr<Governor> governor, QList<SharePointCheckTarget> targets, QObject *parent = nullptr);
    ~SharePointCheck() override;

    void start();
    void cancel();
    bool isCancelled() const { return m_cancelled; }
    const QList<SharePointCheckLine> &lines() const { return m_lines; }
    bool succeeded() const;

signals:
    void lineAdded(const SyncBridge::SharePointCheckLine &line);
    // Every step ran (or one the others need failed, or the check was cancelled).
    void finished(bool succeeded);

private:
    void add(SharePointCheckLine::Step step, bool ok, const QString &text, const QString &advice = {}, const QString &detail = {});
    void requestToken(const QString &secret);
    void checkNextSite();
    void checkNextList(const QString &site, const QString &siteId, QStringList lists);
    void get(const QString &url, std::function<void(const GraphResponse &)> done);
    void reportBudget();
    void finish();

    SharePointConnection m_connection;
    SecretSource m_secret;
    QString m_secretOrigin;
    std::shared_ptr<Governor> m_governor;
    QList<SharePointCheckTarget> m_targets;
    QStringList m_sitesToCheck;
    QNetworkAccessManager m_network;
    std::unique_ptr<TokenProvider> m_tokens;
    GraphClient *m_client = nullptr;
    QHash<QByteArray, QByteArray> m_lastHeaders;
    QList<SharePointCheckLine> m_lines;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace SyncBridge

Q_DECLARE_METATYPE(SyncBridge::SharePointCheckLine)

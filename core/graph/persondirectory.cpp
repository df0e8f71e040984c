#include "graph/persondirectory.h"

#include "graph/graphclient.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QSet>
#include <QUrl>

#include <memory>

namespace SyncBridge {
namespace {

QString listUrl(const QString &siteId)
{
    return QStringLiteral("/sites/%1/lists('User%20Information%20List')/items")
        .arg(QString::fromLatin1(QUrl::toPercentEncoding(siteId, ",")));
}

QString odataText(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// The email a person column's value stands for: EMail, or the UPN of an account without one.
QString emailField(const QJsonObject &person)
{
    const QJsonObject fields = person.value(QStringLiteral("fields")).toObject();
    const QString email = fields.value(QStringLiteral("EMail")).toString();
    return email.isEmpty() ? fields.value(QStringLiteral("UserName")).toString() : email;
}

// Calls that all answer before `done`: the first Graph failure is the result.
struct Pending {
    int left = 0;
    std::optional<Error> failure;
    std::function<void(Result<void>)> done;
    void answered()
    {
        if (--left > 0)
            return;
        if (failure)
            done(*failure);
        else
            done(success());
    }
};

} // namespace

QString PersonDirectory::unknownPersonMessage(const QString &mapping, const QString &email)
{
    return QCoreApplication::translate("SyncBridge::Graph",
        "Person %1: the site has no user '%2' in its User Information List. SharePoint lists only people who visited the site or "
        "were given access to it; Microsoft Graph cannot add one (it has no ensureUser), and SharePoint REST's ensureuser needs a "
        "certificate-based app token. Ask them to open the site once (or give them access); the row is retried on the next run.")
        .arg(mapping, email);
}

void PersonDirectory::askEach(const QSet<QString> &asked, const std::function<QString(const QString &)> &urlOf,
    const std::function<void(const QString &, const QJsonObject &)> &record, std::function<void(Result<void>)> done)
{
    if (asked.isEmpty()) {
        done(success());
        return;
    }
    auto pending = std::make_shared<Pending>();
    pending->left = int(asked.size());
    pending->done = std::move(done);
    for (const QString &value : asked) {
        GraphRequest request;
        request.url = urlOf(value);
        // EMail and UserName are not indexed: without this SharePoint refuses the filter on a large list.
        request.headers.insert("Prefer", "HonorNonIndexedQueriesWarningMayFailRandomly");
        m_client.send(request, [value, record, pending](GraphResponse response) {
            if (response.status == 404 && response.errorCode == QLatin1String("itemNotFound"))
                record(value, QJsonObject()); // by id: nobody with that id
            else if (!response.ok())
                pending->failure
                    = describeGraphFailure(response, QCoreApplication::translate("SyncBridge::Graph", "The site's User Information List"));
            else
                record(value, response.body);
            pending->answered();
        });
    }
}

void PersonDirectory::findByEmail(const QStringList &emails, std::function<void(Result<void>)> done)
{
    QSet<QString> asked;
    for (const QString &email : emails) {
        if (!email.isEmpty() && !m_idByEmail.contains(email.toLower()))
            asked.insert(email.toLower());
    }
    const auto urlOf = [this](const QString &email) {
        const QString filter = QStringLiteral("fields/EMail eq %1 or fields/UserName eq %1").arg(odataText(email));
        return listUrl(m_siteId) + QStringLiteral("?$expand=fields($select=EMail,UserName)&$filter=")
            + QString::fromLatin1(QUrl::toPercentEncoding(filter, "/'"));
    };
    const auto record = [this](const QString &email, const QJsonObject &answer) {
        const QJsonArray people = answer.value(QStringLiteral("value")).toArray();
        const QJsonObject person = people.isEmpty() ? QJsonObject() : people.first().toObject();
        const int id = person.value(QStringLiteral("id")).toString().toInt();
        m_idByEmail.insert(email, id);
        if (id > 0)
            m_emailById.insert(QString::number(id), emailField(person));
    };
    askEach(asked, urlOf, record, std::move(done));
}

void PersonDirectory::findById(const QStringList &lookupIds, std::function<void(Result<void>)> done)
{
    QSet<QString> asked;
    for (const QString &id : lookupIds) {
        if (!id.isEmpty() && !m_emailById.contains(id))
            asked.insert(id);
    }
    const auto urlOf = [this](const QString &id) {
        return listUrl(m_siteId) + QLatin1Char('/') + QString::fromLatin1(QUrl::toPercentEncoding(id))
            + QStringLiteral("?$expand=fields($select=EMail,UserName)");
    };
    const auto record = [this](const QString &id, const QJsonObject &answer) {
        const QString email = emailField(answer);
        m_emailById.insert(id, email);
        if (!email.isEmpty())
            m_idByEmail.insert(email.toLower(), id.toInt());
    };
    askEach(asked, urlOf, record, std::move(done));
}

void PersonDirectory::findEveryone(std::function<void(Result<void>)> done)
{
    const QString url = listUrl(m_siteId) + QStringLiteral("?$expand=fields($select=EMail,UserName)&$top=5000");
    m_client.forEachPage(
        url,
        [this](const QJsonArray &people) {
            for (const QJsonValue &value : people) {
                const QJsonObject person = value.toObject();
                const int id = person.value(QStringLiteral("id")).toString().toInt();
                if (id <= 0)
                    continue;
                const QJsonObject fields = person.value(QStringLiteral("fields")).toObject();
                for (const QString &name : {QStringLiteral("EMail"), QStringLiteral("UserName")}) {
                    const QString address = fields.value(name).toString();
                    if (!address.isEmpty())
                        m_idByEmail.insert(address.toLower(), id);
                }
                m_emailById.insert(QString::number(id), emailField(person));
            }
        },
        [done = std::move(done)](Result<void> walked, GraphResponse) { done(walked); });
}

} // namespace SyncBridge

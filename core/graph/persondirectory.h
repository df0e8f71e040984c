#pragma once

#include "common/result.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

namespace SyncBridge {

class GraphClient;

// The people of one site as person columns name them: the id of their item in the site's hidden
// User Information List (what "…LookupId" holds), found by email or UPN through Graph, and back.
// Answers are kept for the directory's life (one run), found or not, so each person costs one call.
//
// Graph cannot add a person to that list (it has no ensureUser); SharePoint lists only people who
// visited the site or were given access, and SharePoint REST's ensureuser needs a certificate-based
// app token. So a person who is not there is a row's error that says so (unknownPersonMessage).
class PersonDirectory
{
public:
    PersonDirectory(GraphClient &client, QString siteId)
        : m_client(client)
        , m_siteId(std::move(siteId))
    {
    }

    // Looks up the people not asked about yet; done() once all answered. An error only when Graph
    // failed (not for a person who is not there).
    void findByEmail(const QStringList &emails, std::function<void(Result<void>)> done);
    // The lookup id of a person found before, or 0 when the site has nobody of that email or UPN.
    int lookupIdOf(const QString &email) const { return m_idByEmail.value(email.toLower()); }

    void findById(const QStringList &lookupIds, std::function<void(Result<void>)> done);

    // Reads the whole list, page by page: for a reader of every row (a drift check), cheaper than a
    // call per person; afterwards anybody not found is not on the site.
    void findEveryone(std::function<void(Result<void>)> done);
    // The email of a lookup id found before; empty when the site has no such person.
    QString emailOf(const QString &lookupId) const { return m_emailById.value(lookupId); }

    static QString unknownPersonMessage(const QString &mapping, const QString &email);

private:
    // One request per value, at once (the governor paces them); `record` takes each answer (an empty
    // object: nobody), done() comes once all answered, with the first Graph failure if any.
    void askEach(const QSet<QString> &asked, const std::function<QString(const QString &)> &urlOf,
        const std::function<void(const QString &, const QJsonObject &)> &record, std::function<void(Result<void>)> done);

    GraphClient &m_client;
    QString m_siteId;
    QHash<QString, int> m_idByEmail;     // lower-case email or UPN → lookup id (0: not in the list)
    QHash<QString, QString> m_emailById; // lookup id → email (empty: not in the list)
};

} // namespace SyncBridge

#include "graph/graphclients.h"

#include "graph/connectionsettings.h"
#include "graph/governorregistry.h"
#include "graph/graphclient.h"
#include "graph/graphendpoint.h"
#include "model/connection.h"

#include <QCryptographicHash>

namespace SyncBridge {
namespace {

QString fingerprintOf(const GraphEndpoint &endpoint)
{
    QStringList parts{
        endpoint.tenantId, endpoint.clientId, endpoint.secretRef, endpoint.authorityHost.toString(), endpoint.graphBaseUrl.toString()};
    for (const QSslCertificate &certificate : endpoint.extraCaCertificates) // a changed CA makes a new client
        parts.append(QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex()));
    return parts.join(QLatin1Char('\n'));
}

} // namespace

GraphClients::GraphClients(GovernorRegistry &governors, SecretStore &secrets, QObject *parent)
    : QObject(parent)
    , m_governors(governors)
    , m_secrets(secrets)
{
}

GraphClients::~GraphClients() = default;

GraphClient &GraphClients::clientFor(const SharePointConnection &connection)
{
    const GraphEndpoint endpoint = GraphEndpoint::from(connection);
    Entry &entry = m_clients[connection.id];
    if (entry.client && entry.fingerprint == fingerprintOf(endpoint))
        return *entry.client;
    // An old client stays a child until the end: deleting it would drop the answers of calls in flight.
    entry.fingerprint = fingerprintOf(endpoint);
    entry.client
        = new GraphClient(endpoint, secretSourceFor(m_secrets, connection), m_governors.governorFor(connection), Clock::system(), this);
    return *entry.client;
}

} // namespace SyncBridge

#pragma once

#include <QHash>
#include <QObject>

namespace SyncBridge {

class GovernorRegistry;
class GraphClient;
class SecretStore;
struct SharePointConnection;

// One GraphClient per SharePoint connection for the thread that owns this object (the GUI thread:
// the Catalog page, provisioning), so their calls share one token and spend the governor the
// registry gives that connection — the budget the runs spend too. A connection whose endpoint or
// secret changed gets a new client; calls in flight on the old one still finish.
// Callbacks run on the owner's thread and may outlive their caller: guard `this` in them.
class GraphClients : public QObject
{
    Q_OBJECT

public:
    GraphClients(GovernorRegistry &governors, SecretStore &secrets, QObject *parent = nullptr);
    ~GraphClients() override;

    GraphClient &clientFor(const SharePointConnection &connection);

private:
    struct Entry {
        QString fingerprint; // what the client was made from: endpoint and secret reference
        GraphClient *client = nullptr;
    };

    GovernorRegistry &m_governors;
    SecretStore &m_secrets;
    QHash<qint64, Entry> m_clients; // by SharePoint connection id
};

} // namespace SyncBridge

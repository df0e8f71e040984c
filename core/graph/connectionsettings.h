#pragma once

#include "graph/governor.h"
#include "graph/tokenprovider.h"

namespace SyncBridge {

class SecretStore;
struct SharePointConnection;

// What a GraphClient for a stored SharePoint connection needs beside its endpoint: the tenant's
// budget as the connection records it, and its client secret read from the SecretStore (a clear
// error naming the connection, where the secret was looked for and what to do when none is found).
GovernorSettings governorSettingsFor(const SharePointConnection &connection);
SecretSource secretSourceFor(SecretStore &secrets, const SharePointConnection &connection);

} // namespace SyncBridge

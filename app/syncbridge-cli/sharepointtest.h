#pragma once

namespace SyncBridge {
struct SharePointConnection;
}

namespace SyncBridge::Cli {

struct CommandContext;

// `connections test` of a SharePoint connection: the secret, a token, the sites and lists of the
// definitions that write through it, and the budget headers the service sent. Returns an exit code.
int testSharePointConnection(CommandContext &context, const SharePointConnection &connection);

} // namespace SyncBridge::Cli

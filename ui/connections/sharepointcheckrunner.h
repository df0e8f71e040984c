#pragma once

#include "appcontext.h"

#include "model/connection.h"

#include <QString>

#include <functional>

class QListWidget;
class QObject;

namespace SyncBridge {

class SharePointCheck;

// Starts the SharePoint connection check (core/graph/sharepointcheck, the CLI's `connections
// test`) for the GUI: the definitions using the connection are read on the store's thread, the
// secret is the one typed (a dialog before saving) or the stored one, and the check spends the
// tenant's governor. `started` gets the running check, owned by `owner` (nullptr when the
// definitions could not be read: the reason is in the list). Nothing blocks the GUI thread.
void startSharePointCheck(const AppContext &context, const SharePointConnection &connection, const QString &typedSecret, QObject *owner,
    QListWidget *results, std::function<void(SharePointCheck *)> started);

// Where a stored connection's secret is, for people: "system keychain", "environment variable
// SYNCBRIDGE_SECRET_…", or "not set".
QString sharePointSecretLocation(const AppContext &context, const SharePointConnection &connection);

} // namespace SyncBridge

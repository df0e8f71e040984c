#include "graph/connectionsettings.h"

#include "model/connection.h"
#include "secrets/secretstore.h"

#include <QCoreApplication>

namespace SyncBridge {

GovernorSettings governorSettingsFor(const SharePointConnection &connection)
{
    GovernorSettings settings;
    settings.ruPerWindow = connection.ruPerMinute;
    settings.ruPerDay = connection.ruPerDay;
    return settings;
}

SecretSource secretSourceFor(SecretStore &secrets, const SharePointConnection &connection)
{
    const QString name = connection.name;
    const QString secretRef = connection.secretRef;
    return [&secrets, name, secretRef](std::function<void(Result<QString>)> done) {
        if (secretRef.isEmpty()) {
            done(Error(ErrorCode::SecretNotFound,
                QCoreApplication::translate("SyncBridge::Sync",
                    "No secret was found: the SharePoint connection '%1' names no client secret. Enter it on the Connections "
                    "page, or add the connection again with syncbridge-cli connections add-sharepoint … --password-stdin.")
                    .arg(name)));
            return;
        }
        // No token was asked for: the error keeps its kind (SecretNotFound, KeychainUnavailable) and
        // says which connection's secret is missing, where it was looked for and what to do.
        secrets.read(secretRef, [name, done = std::move(done)](Result<QString> secret) {
            if (!secret) {
                const Error &error = secret.error();
                done(Error(error.code(),
                    QCoreApplication::translate("SyncBridge::Graph", "SharePoint connection '%1': %2").arg(name, error.message()),
                    error.detail()));
                return;
            }
            done(std::move(secret));
        });
    };
}

} // namespace SyncBridge

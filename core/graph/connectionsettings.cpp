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

SecretSource secretSourceFor(SecretStore &secrets, const QString &secretRef)
{
    return [&secrets, secretRef](std::function<void(Result<QString>)> done) {
        if (secretRef.isEmpty()) {
            done(Error(ErrorCode::SecretNotFound, QCoreApplication::translate("SyncBridge::Sync", "No client secret is stored for this SharePoint connection; enter it again.")));
            return;
        }
        secrets.read(secretRef, std::move(done));
    };
}

} // namespace SyncBridge

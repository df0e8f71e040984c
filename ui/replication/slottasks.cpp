#include "replication/slottasks.h"

#include "common/backgroundtask.h"

#include "secrets/secretstore.h"
#include "store/connectionrepository.h"
#include "store/definitionrepository.h"
#include "store/metastore.h"

#include <QDateTime>

namespace SyncBridge {

namespace {
PasswordLookup blockingPasswords(SecretStore *secrets)
{
    // On the store's worker, not the GUI thread: the keychain may be waited for there.
    return [secrets](const DatabaseInstance &instance) -> Result<QString> {
        if (instance.secretRef.isEmpty() || !secrets)
            return QString();
        return readSecretBlocking(*secrets, instance.secretRef);
    };
}
struct CdcSource {
    SyncDefinition definition;
    Database database;
};

Result<CdcSource> cdcSourceOf(const MetaStore &store, qint64 definitionId)
{
    auto definition = DefinitionRepository(store).byId(definitionId);
    if (!definition)
        return definition.error();
    auto database = ConnectionRepository(store).database(definition->source.databaseId);
    if (!database)
        return database.error();
    return CdcSource{*definition, *database};
}
} // namespace

void readSlotInBackground(QObject *context, const AppContext &app, qint64 definitionId, std::function<void(Result<SlotReading>)> done)
{
    runInBackground(
        context, app.storePool,
        [store = app.store, secrets = app.secrets, definitionId]() -> Result<SlotReading> {
            auto source = cdcSourceOf(*store, definitionId);
            if (!source)
                return source.error();
            return readSlotHealth(
                *store, source->database, blockingPasswords(secrets), source->definition, QDateTime::currentDateTimeUtc());
        },
        std::move(done));
}

void dropSlotInBackground(QObject *context, const AppContext &app, qint64 definitionId, std::function<void(Result<void>)> done)
{
    runInBackground(
        context, app.storePool,
        [store = app.store, secrets = app.secrets, definitionId]() -> Result<void> {
            auto source = cdcSourceOf(*store, definitionId);
            if (!source)
                return source.error();
            return dropSlotAndPublication(*store, source->database, blockingPasswords(secrets), definitionId);
        },
        std::move(done));
}

} // namespace SyncBridge

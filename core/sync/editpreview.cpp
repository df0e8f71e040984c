#include "sync/editpreview.h"

#include "model/syncstatechange.h"
#include "store/definitionrepository.h"

#include <QCoreApplication>

namespace SyncBridge {

Result<void> refuseEditThatResetsTheSyncPosition(const MetaStore &store, const SyncDefinition &edited)
{
    const DefinitionRepository definitions(store);
    const auto stored = definitions.byId(edited.id);
    if (!stored)
        return stored.error().code() == ErrorCode::NotFound ? success() : Result<void>(stored.error());
    const SyncStateChange change = syncStateChange(*stored, edited);
    if (!change.any())
        return success();
    const auto synced = definitions.hasSyncState(edited.id);
    if (!synced)
        return synced.error();
    if (!*synced)
        return success();
    return Error(ErrorCode::Unsupported,
        QCoreApplication::translate("SyncBridge::Sync",
            "This edit changes how the run reads or tells its rows apart (%1); saving it resets the sync position. Save the "
            "definition, then preview it. Nothing was read or written.")
            .arg(change.reasons.join(QStringLiteral("; "))));
}

} // namespace SyncBridge

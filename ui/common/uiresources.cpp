#include "common/uiresources.h"

#include <QtGlobal>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initIconResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace SyncBridge {

void ensureUiResources()
{
    static const bool initialised = (initIconResources(), true);
    Q_UNUSED(initialised);
}

} // namespace SyncBridge

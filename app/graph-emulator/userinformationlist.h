#pragma once

#include "graphstate.h"

namespace GraphEmulator {

// Every site's hidden "User Information List": one item per person, the item ID being the
// person's lookup id — what person columns' …LookupId values refer to (contract §7.2). It also
// holds "SharePoint App" (7), the user apps write as. Kept equal to the seeded users.
extern const QString userInformationListTitle;
void syncUserInformationList(Site &site, const QList<User> &users);

} // namespace GraphEmulator

#pragma once

#include <QHash>
#include <QList>

namespace SyncBridge {

// A definition depends on those its LOOKUP mappings reference: its lookups resolve only after their
// runs wrote the referenced rows, so their runs go first (ScheduleRepository reads the dependencies).
// `ids` reordered so that each comes after every id it depends on that is among them (a stable
// topological order: otherwise the given order). Definitions in a cycle keep their given order among
// themselves, so a cycle delays nothing for ever.
QList<qint64> dependencyOrder(const QList<qint64> &ids, const QHash<qint64, QList<qint64>> &dependsOn);

} // namespace SyncBridge

#include "model/dependencyorder.h"

#include <QSet>

namespace SyncBridge {

QList<qint64> dependencyOrder(const QList<qint64> &ids, const QHash<qint64, QList<qint64>> &dependsOn)
{
    const QSet<qint64> present(ids.cbegin(), ids.cend());
    QList<qint64> ordered;
    QSet<qint64> placed;
    QList<qint64> left = ids;
    while (!left.isEmpty()) {
        // The first (in the given order) whose dependencies among `ids` are all placed.
        qsizetype next = -1;
        for (qsizetype i = 0; i < left.size() && next < 0; ++i) {
            bool ready = true;
            for (const qint64 dependency : dependsOn.value(left.at(i)))
                ready = ready && (dependency == left.at(i) || !present.contains(dependency) || placed.contains(dependency));
            if (ready)
                next = i;
        }
        if (next < 0)
            next = 0; // only cycles are left: the given order breaks them
        ordered << left.at(next);
        placed.insert(left.takeAt(next));
    }
    return ordered;
}

} // namespace SyncBridge

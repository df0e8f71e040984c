#pragma once

#include "model/enums.h"
#include "sync/cdc/slotalerts.h"

#include <QMetaType>
#include <QSet>
#include <QString>

#include <optional>

namespace SyncBridge {

// A desktop notification to show: what happened, in words.
struct Notification {
    enum class Kind { Failed, Recovered, DeletionsHeld, SlotAlert, SlotRecovered };
    Kind kind = Kind::Failed;
    qint64 definitionId = 0;
    QString title;
    QString message;
};

// Which run outcomes deserve a desktop notification (pure logic, no widgets):
// - a scheduled run that failed (or was interrupted) — once per failing streak, not every hour;
// - the next successful run of a definition whose failure was notified ("recovered");
// - deletions the circuit breaker held back in a scheduled run (its schedule is paused);
// - a CDC definition's replication slot entering warning, critical or lost, and recovering.
// Manual runs notify nothing: the person who started one is looking at it. It also remembers what
// the tray's icon shows: definitions failing, and definitions with something to look at.
class RunNotifier
{
public:
    std::optional<Notification> runFinished(
        qint64 definitionId, const QString &name, RunStatus status, const QString &reason, bool scheduled);
    Notification deletionsHeld(qint64 definitionId, const QString &name, qint64 deletions);
    // The slot guardian's change of verdict (SlotWatch decides when): a CDC definition's slot entered
    // warning, critical or lost — the icon warns while it stays so — or recovered.
    Notification slotChanged(const SlotAlert &alert, const QString &name, const QString &findings);

    bool hasFailures() const { return !m_failing.isEmpty(); }
    bool hasWarnings() const { return !m_warnings.isEmpty() || !m_slots.isEmpty(); }
    // The failing definitions' ids (the tray's tooltip names them).
    QSet<qint64> failing() const { return m_failing; }

private:
    QSet<qint64> m_failing;  // a failure was notified and no run has succeeded since
    QSet<qint64> m_warnings; // the last run partially failed or had deletions held back
    QSet<qint64> m_slots;    // a replication slot is not OK
};

} // namespace SyncBridge

Q_DECLARE_METATYPE(SyncBridge::Notification)

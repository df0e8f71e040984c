#pragma once

#include "model/definition.h"
#include "model/runtime.h"
#include "sync/cdc/slothealth.h"

#include <QFrame>

#include <optional>

class QLabel;
class QPushButton;

namespace SyncBridge {

class RunProgressView;
struct RunOutcome;
struct RunProgress;

// One definition on the Overview page: where it syncs from and to, its schedule, its last run, and
// Run Sync Now — with the run's progress in place while it runs.
class DefinitionCard : public QFrame
{
    Q_OBJECT

public:
    DefinitionCard(const SyncDefinition &definition, QWidget *parent = nullptr);

    qint64 definitionId() const { return m_definitionId; }
    QPushButton *runButton() const { return m_run; }
    QPushButton *dryRunButton() const { return m_dryRun; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *detailsButton() const { return m_details; }
    QPushButton *conflictsButton() const { return m_conflicts; }
    qint64 openConflicts() const { return m_openConflicts; }
    RunProgressView *progressView() const { return m_progress; }
    // The last sync (a real run), and apart from it the last preview (dry run): a definition only
    // ever previewed was never synced.
    QString statusText() const;
    QString previewText() const;

    void setLastRuns(const std::optional<SyncRun> &sync, const std::optional<SyncRun> &preview);
    void setLastRun(const std::optional<SyncRun> &run); // a sync or a preview, by its type
    void setRunning(bool running);
    // Cancel was asked (here or in the run dialog): "Stopping…" at once, until the outcome.
    void setStopping();
    bool isStopping() const { return m_stopping; }
    void setProgress(const RunProgress &progress);
    void setOutcome(const RunOutcome &outcome);
    // This computer's agent paused or resumed: the schedule line says so.
    void setSchedulesPausedHere(bool paused);
    // "Conflicts (n)" while the definition has open conflicts; nothing when it has none.
    void setOpenConflicts(qint64 count);
    // The slot guardian's badge of a CDC definition: hidden while its slot is OK.
    void setSlotHealth(const SlotHealth &health);
    QLabel *slotBadge() const { return m_slotBadge; }

signals:
    void runRequested(qint64 definitionId, bool dryRun);
    void cancelRequested(qint64 definitionId);
    void detailsRequested(qint64 definitionId);
    void conflictsRequested(qint64 definitionId);

private:
    void showPreview(const std::optional<SyncRun> &preview);

    qint64 m_definitionId;
    SyncDefinition m_scheduled; // what the schedule line is made from
    QLabel *m_schedule = nullptr;
    bool m_stopping = false;
    bool m_neverSynced = true;
    QLabel *m_status;
    QLabel *m_preview;
    RunProgressView *m_progress;
    QPushButton *m_run;
    QPushButton *m_dryRun;
    QPushButton *m_cancel;
    QPushButton *m_details;
    QPushButton *m_conflicts;
    qint64 m_openConflicts = 0;
    QLabel *m_slotBadge;
};

// "in 5 min", "3 h ago": a moment relative to now, for people.
QString relativeTime(const QDateTime &moment, const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace SyncBridge

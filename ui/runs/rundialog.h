#pragma once

#include "appcontext.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

namespace SyncBridge {

class RunProgressView;
struct RunEvent;
struct RunOutcome;
struct RunProgress;

// A definition's current or last run in full: every count, rate and ETA while it runs, cancel;
// afterwards the summary and the rows that failed, each with its error.
class RunDialog : public QDialog
{
    Q_OBJECT

public:
    RunDialog(AppContext context, qint64 definitionId, const QString &definitionName, QWidget *parent = nullptr);

    qint64 definitionId() const { return m_definitionId; }
    RunProgressView *progressView() const { return m_progress; }
    QTreeWidget *failures() const { return m_failures; }
    // A failed run's error kind and technical detail, below what people read first.
    QLabel *technicalDetails() const { return m_technical; }
    QPushButton *cancelButton() const { return m_cancel; }
    // The outcome first ("Succeeded", "Cancelled"…), then when it ran and how long it took.
    QLabel *heading() const { return m_heading; }
    QLabel *times() const { return m_times; }
    // Rows per list and action (created, updated, moved…) of the run shown.
    QTreeWidget *perList() const { return m_perList; }

    void setProgress(const RunProgress &progress);
    // Cancel was asked (here or on the card): "Stopping…" at once, until the outcome.
    void setStopping();
    // Shows the outcome and loads the run's failed rows (from its events, in the background).
    void setOutcome(const RunOutcome &outcome);
    // A finished run chosen from history: its counts and failures.
    void showRun(qint64 runId);

signals:
    void cancelRequested(qint64 definitionId);

private:
    void loadFailures(qint64 runId);
    void showTechnicalDetails(const RunEvent &finished);

    AppContext m_context;
    qint64 m_definitionId;
    QLabel *m_heading;
    QLabel *m_times;
    RunProgressView *m_progress;
    QTreeWidget *m_perList;
    QLabel *m_technical;
    QLabel *m_failuresTitle;
    QTreeWidget *m_failures;
    QPushButton *m_cancel;
};

} // namespace SyncBridge

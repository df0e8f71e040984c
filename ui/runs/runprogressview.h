#pragma once

#include "sync/runprogress.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QProgressBar;
class QTimer;

namespace SyncBridge {

// The one place a run's progress is drawn (ARCHITECTURE.md §8): phase, bar, rate and ETA, counts per
// action and RU spent. Compact on a definition card, with every count in the run dialog.
class RunProgressView : public QWidget
{
    Q_OBJECT

public:
    enum class Detail { Compact, Full };
    explicit RunProgressView(Detail detail, QWidget *parent = nullptr);

    void setProgress(const RunProgress &progress);
    void setOutcome(const RunOutcome &outcome);
    // Cancel was asked: "Stopping…" at once, until the outcome arrives.
    void setStopping();
    void clear();

    QProgressBar *bar() const { return m_bar; }
    QString summary() const;            // the rate/ETA line as shown
    // What the run waits for, with the time left ("SharePoint unavailable (503) — retrying in 42 s"),
    // counted down every second; empty while requests go out.
    QString waitText() const;

private:
    void showCounters(const RunCounters &counters);
    void showWait();
    void showStream(const StreamProgress &stream);

    Detail m_detail;
    bool m_stopping = false;
    ServiceWait m_wait;
    QTimer *m_countdown;
    QLabel *m_phase;
    QLabel *m_waitLabel;
    QProgressBar *m_bar;
    QLabel *m_rate;
    QList<QLabel *> m_counts;           // in the order of counterNames()
};

// "12 s", "3 min 20 s", "1 h 05 min".
QString humanDuration(qint64 seconds);

} // namespace SyncBridge

#pragma once

#include "sync/runprogress.h"

#include <QWidget>

class QGridLayout;
class QLabel;
class QProgressBar;

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
    void clear();

    QProgressBar *bar() const { return m_bar; }
    QString summary() const;            // the rate/ETA line as shown

private:
    void showCounters(const RunCounters &counters);

    Detail m_detail;
    QLabel *m_phase;
    QProgressBar *m_bar;
    QLabel *m_rate;
    QList<QLabel *> m_counts;           // in the order of counterNames()
};

// "12 s", "3 min 20 s", "1 h 05 min".
QString humanDuration(qint64 seconds);

} // namespace SyncBridge

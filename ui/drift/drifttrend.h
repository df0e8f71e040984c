#pragma once

#include "appcontext.h"

#include "drift/driftreport.h"
#include "model/enums.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QWidget>

namespace SyncBridge {

// The Drift tab's trend: the definition's last checks from run history, oldest left, as bars of
// their differences stacked by class (a check in sync is a short green bar, a failed one a grey
// mark), each with its time and counts as a tool tip. Read on the store's thread.
class DriftTrend : public QWidget
{
    Q_OBJECT

public:
    struct Check {
        qint64 runId = 0;
        QDateTime at;
        bool failed = false;
        QMap<DriftClass, qint64> totals;
        qint64 differences() const;
    };
    static constexpr int shownChecks = 20;

    explicit DriftTrend(AppContext context, QWidget *parent = nullptr);

    // Reads the checks of `definitionId` again (0: none); `loaded` follows.
    void load(qint64 definitionId);
    const QList<Check> &checks() const { return m_checks; }
    // "Last 7 checks: 12 → 0 differences", or that there are none yet.
    QString summary() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void loaded();

protected:
    void paintEvent(QPaintEvent *event) override;
    bool event(QEvent *event) override;

private:
    QRect barRect(int index) const;

    AppContext m_context;
    qint64 m_definitionId = 0;
    QList<Check> m_checks; // oldest first
};

} // namespace SyncBridge

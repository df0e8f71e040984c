#pragma once

#include "appcontext.h"

#include "common/error.h"
#include "drift/driftreport.h"
#include "drift/repairpreviewdialog.h"
#include "sync/runprogress.h"

#include <QPointer>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableWidget;

namespace SyncBridge {

class DriftCheckRunner;
class DriftTrend;

// The editor's Drift tab (docs/drift.md): a check of the saved definition, read-only, on a worker
// thread — when, the counts per list and class — and the differences, filtered by class and list,
// with SharePoint's value beside the table's for content that differs, and the trend of the last
// checks. "Repair…" previews the repair of what the filters show (or of the selected differences)
// as a dry run through the run controller and, once accepted, runs it with progress, then checks again.
class DriftPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DriftPanel(AppContext context, QWidget *parent = nullptr);

    void setDefinition(qint64 definitionId, const QString &name);

    QPushButton *checkButton() const { return m_checkButton; }
    // Repairs what the filters show (every difference when they show all).
    QPushButton *repairButton() const { return m_repairButton; }
    QPushButton *repairSelectedButton() const { return m_repairSelectedButton; }
    DriftTrend *trend() const { return m_trend; }
    QLabel *trendSummary() const { return m_trendSummary; }
    QPushButton *exportButton() const { return m_exportButton; }
    QTableWidget *summaryTable() const { return m_summary; }
    // Schema drift, above the data: severity, where, what changed, what to do. Hidden when none.
    QTableWidget *schemaTable() const { return m_schema; }
    QTableWidget *differencesTable() const { return m_differences; }
    QComboBox *classFilter() const { return m_classFilter; }
    QComboBox *listFilter() const { return m_listFilter; }
    QLabel *status() const { return m_status; }
    RepairPreviewDialog *repairPreview() const { return m_preview; }
    const DriftReport &report() const { return m_report; }
    // The differences as CSV (class, row, list, item, field, SharePoint, table), filters ignored.
    bool exportCsv(const QString &path) const;

public slots:
    void startCheck();
    void startRepairPreview();
    void startRepairSelectedPreview();

signals:
    void checkFinished();
    // After each check: whether schema drift blocks a push (the editor badges the tab).
    void schemaBlockingChanged(bool blocking);
    void repairPreviewShown();
    void repairFinished(const SyncBridge::RunOutcome &outcome);

private:
    enum class Repairing { No, Previewing, Running };
    void onChecked(const DriftReport &report, const std::optional<Error> &error);
    void onRunProgress(qint64 definitionId, const RunProgress &progress);
    void onRunFinished(qint64 definitionId, const RunOutcome &outcome);
    void showSchema();
    void showSummary();
    void showDifferences();
    void updateButtons();
    // The keys of the repairable differences the filters show (empty when they show everything).
    QStringList shownRepairable() const;
    QStringList selectedRepairable() const;
    void previewRepair(const QStringList &only);

    AppContext m_context;
    DriftCheckRunner *m_runner;
    qint64 m_definitionId = 0;
    QString m_name;
    DriftReport m_report;
    Repairing m_repairing = Repairing::No;
    QLabel *m_status;
    QPushButton *m_checkButton;
    QPushButton *m_repairButton;
    QPushButton *m_repairSelectedButton;
    QPushButton *m_exportButton;
    QTableWidget *m_schema;
    QTableWidget *m_summary;
    QComboBox *m_classFilter;
    QComboBox *m_listFilter;
    QTableWidget *m_differences;
    DriftTrend *m_trend;
    QLabel *m_trendSummary;
    QPointer<RepairPreviewDialog> m_preview;
    QStringList m_repairScope; // the differences the previewed repair is for (empty: all)
};

} // namespace SyncBridge

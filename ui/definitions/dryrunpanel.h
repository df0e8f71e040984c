#pragma once

#include "appcontext.h"

#include "model/definition.h"
#include "model/definitionjson.h"
#include "sync/runprogress.h"

#include <QWidget>

#include <functional>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTableWidget;

namespace SyncBridge {

class PreviewFilter;
class PreviewModel;

// What the editor holds when a preview starts: the definition as edited and what keeps it from running.
struct PreviewDraft {
    SyncDefinition definition;
    QList<ValidationIssue> problems;
    bool modified = false;
};

// The editor's "what would a run do" tab, compare-then-sync: a dry run of the definition as the
// editor holds it, unsaved changes included (nothing is written, neither to SharePoint nor to the
// cursor), with the planned actions per list and every planned row — identified by its key values,
// with its list and, for updates, the fields that differ as SharePoint's value → the mapped value —
// filtered by action and list; and Run Sync Now for the real thing (of the saved definition). A
// TWO_WAY definition's plan counts each side's creates, updates and deletes apart, with the first
// run's matching and the conflicts, and each row says what it writes into which side.
class DryRunPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DryRunPanel(AppContext context, QWidget *parent = nullptr);

    // The definition the panel previews; `modified` says the editor holds unsaved changes.
    void setDefinition(qint64 definitionId, const QString &name, bool modified);
    // Asked when a preview starts: the editor's definition as edited, with its problems.
    void setDraftSource(std::function<PreviewDraft()> draft) { m_draft = std::move(draft); }

    QPushButton *previewButton() const { return m_previewButton; }
    QPushButton *runButton() const { return m_runButton; }
    QTableWidget *planTable() const { return m_plan; }
    QTableView *rowsView() const { return m_rows; }
    PreviewModel *rowsModel() const { return m_model; }
    QComboBox *actionFilter() const { return m_actionFilter; }
    QComboBox *listFilter() const { return m_listFilter; }
    QTableWidget *rowDetail() const { return m_detail; }
    QLabel *status() const { return m_status; }
    QLabel *note() const { return m_note; }

public slots:
    void startPreview();

signals:
    void runNowRequested(qint64 definitionId);
    void previewFinished(const SyncBridge::RunOutcome &outcome);

private:
    void onProgress(qint64 definitionId, const RunProgress &progress);
    void onFinished(qint64 definitionId, const RunOutcome &outcome);
    void showPlan(const RunOutcome &outcome);
    void showRows(const RunOutcome &outcome);
    void showDetail();
    // The plan's action keys in the order they are shown: a push's, or a two-way run's per side.
    const QStringList &actions() const;
    void setPlanHeaders();
    void setDetailHeaders(bool twoWay);
    void clear();
    void updateButtons();

    AppContext m_context;
    std::function<PreviewDraft()> m_draft;
    qint64 m_definitionId = 0;
    bool m_previewing = false;
    bool m_twoWay = false; // the definition previewed is TWO_WAY (or its plan says so)
    bool m_pull = false;   // … or PULL: planned in a two-way plan's terms, the database's side only
    QLabel *m_status;
    QPushButton *m_previewButton;
    QPushButton *m_runButton;
    QTableWidget *m_plan;
    QComboBox *m_actionFilter;
    QComboBox *m_listFilter;
    QLabel *m_note;
    PreviewModel *m_model;
    PreviewFilter *m_filter;
    QTableView *m_rows;
    QTableWidget *m_detail;
};

} // namespace SyncBridge

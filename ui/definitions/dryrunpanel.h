#pragma once

#include "appcontext.h"

#include "sync/runprogress.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTableWidget;

namespace SyncBridge {

// The editor's "what would a run do" tab: a dry run of the saved definition (nothing is written,
// neither to SharePoint nor to the cursor) with the planned actions per list and sample rows with
// the values they would carry; and Run Sync Now for the real thing.
class DryRunPanel : public QWidget
{
    Q_OBJECT

public:
    explicit DryRunPanel(AppContext context, QWidget *parent = nullptr);

    // The definition the panel previews; `modified` says the editor holds unsaved changes.
    void setDefinition(qint64 definitionId, const QString &name, bool modified);

    QPushButton *previewButton() const { return m_previewButton; }
    QPushButton *runButton() const { return m_runButton; }
    QTableWidget *planTable() const { return m_plan; }
    QTableWidget *samplesTable() const { return m_samples; }
    QLabel *status() const { return m_status; }

public slots:
    void startPreview();

signals:
    void runNowRequested(qint64 definitionId);
    void previewFinished(const SyncBridge::RunOutcome &outcome);

private:
    void onProgress(qint64 definitionId, const RunProgress &progress);
    void onFinished(qint64 definitionId, const RunOutcome &outcome);
    void updateButtons();

    AppContext m_context;
    qint64 m_definitionId = 0;
    bool m_previewing = false;
    QLabel *m_status;
    QPushButton *m_previewButton;
    QPushButton *m_runButton;
    QTableWidget *m_plan;
    QTableWidget *m_samples;
};

} // namespace SyncBridge

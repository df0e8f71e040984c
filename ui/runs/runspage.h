#pragma once

#include "appcontext.h"
#include "navigationpage.h"

#include "model/runtime.h"

#include <QWidget>

class QChartView;
class QComboBox;
class QDateEdit;
class QLabel;
class QPushButton;
class QSplitter;
class QTableView;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace SyncBridge {

class BudgetBar;
class RunsModel;
struct SyncRun;

// Run history: runs filtered by definition, status and dates (loaded lazily), the selected run's
// events, the definition's retry queue with "Retry now", and throughput over time.
class RunsPage : public QWidget, public NavigationPage
{
    Q_OBJECT

public:
    explicit RunsPage(AppContext context, QWidget *parent = nullptr);
    ~RunsPage() override;

    QString title() const override;
    QIcon icon() const override;
    QWidget *widget() override { return this; }
    // History grows while other pages are shown.
    void activated() override { reload(); }

    RunsModel *model() const { return m_model; }
    BudgetBar *budgetBar() const { return m_budget; }
    QTableView *table() const { return m_table; }
    QComboBox *definitionFilter() const { return m_definition; }
    QComboBox *statusFilter() const { return m_status; }
    QDateEdit *fromFilter() const { return m_from; }
    QDateEdit *toFilter() const { return m_to; }
    QTreeWidget *events() const { return m_events; }
    // The selected event in full (its message, item key, list and time).
    QTextBrowser *eventDetail() const { return m_eventDetail; }
    QTreeWidget *retryQueue() const { return m_retries; }
    QPushButton *retryNowButton() const { return m_retryNow; }
    QChartView *chart() const { return m_chart; }
    QTabWidget *detailTabs() const { return m_tabs; }

public slots:
    // Definitions for the filter, then the runs; called when the page is shown and after a run.
    void reload();
    // Shows only this definition's runs (0: all).
    void showDefinition(qint64 definitionId);

signals:
    void eventsLoaded();

private:
    void applyFilter();
    void showRun(const SyncRun *run);
    void showEventDetail(const QTreeWidgetItem *item);
    void loadRetries(qint64 definitionId);
    void loadChart();
    void retryNow();

    AppContext m_context;
    RunsModel *m_model;
    QComboBox *m_definition;
    QComboBox *m_status;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QLabel *m_count;
    BudgetBar *m_budget;
    QTableView *m_table;
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    QTreeWidget *m_events;
    QTextBrowser *m_eventDetail;
    struct ShownEvent {
        RunEvent event;
        QString message; // as the list shows it (a run's end in the reader's language)
    };
    QList<ShownEvent> m_shownEvents; // the shown run's events, by the index their items hold
    QTreeWidget *m_retries;
    QPushButton *m_retryNow;
    QLabel *m_retryHint;
    QChartView *m_chart;
    qint64 m_retryDefinition = 0;
    int m_retryGeneration = 0;
};

} // namespace SyncBridge
